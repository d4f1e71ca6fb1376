"""Similarity of one query unit and one name unit: a 0-100 score and the kind of evidence.

Each kind of evidence has its own ceiling, so that weak evidence (same sound, same consonants)
can never look like an exact match, and two names known to be different stay apart.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA

from .bands import SKELETON_ONLY
from .gender_forms import gendered_pair
from .nicknames import NICKNAME_PREFIX
from .parts import ABJAD_SCRIPT, INITIAL, SHORT, TRANSLIT
from .romanisation import MARKS, OTHER_SYSTEM, SHARED_PINYIN, reading_match
from .skeleton import MIN_SKELETON
from .transliteration import HAN, script_of
from .units import (
    JOINED,
    U_COGNATES,
    U_DISPLAY,
    U_FLAGS,
    U_FORMS,
    U_GROUPS,
    U_PHON,
    U_SKEL,
    WHOLE,
    initials,
)

EXACT, FOLDED, TRANSLIT_EQ, JOINED_EQ = "exact", "folded", "translit", "joined"
VARIANT, GENDER, PHONETIC, SKELETON = "variant", "gender", "phonetic", "skeleton"
FUZZY, INITIAL_MATCH, MISMATCH, MISSING = "fuzzy", "initial", "mismatch", "missing"
COGNATE_MATCH, NICKNAME_MATCH = "cognate", "nickname"
ROMANISATION = "romanisation"
REASON_CODES = (
    EXACT,
    FOLDED,
    TRANSLIT_EQ,
    JOINED_EQ,
    VARIANT,
    COGNATE_MATCH,
    GENDER,
    PHONETIC,
    SKELETON,
    FUZZY,
    INITIAL_MATCH,
    MISMATCH,
    MISSING,
    NICKNAME_MATCH,
    ROMANISATION,
)

SAME_FORM, SAME_TRANSLIT, SAME_VARIANT, COGNATE = 99, 97, 93, 72
NICKNAME = 72  # Ted of Theodore: a likely short form, not proof (possible at most, as Alex)
# Same consonants: strong evidence against a vowel-less Arabic-script spelling (unless only two
# consonants), weak between two Latin spellings (Sergio, Sergei).
ABJAD_SKELETON, ABJAD_SHORT_SKELETON, PHONETIC_ONLY = 90, 80, 76
PREFIX = 62  # Alex of Alexander: related, never more than possible
GENDER_FORM, QUERY_INITIAL, NAME_INITIAL = 50, 70, 65
# Pinyin and Wade-Giles of one Chinese name (Jianguo, Chien-kuo): another romanisation, as a
# curated variant is; but when both could be Pinyin names apart only in an aspirate (Jingjing,
# Qingqing; Dina, Tina), a name matched so stays below strong (74 + WORST_MARGIN < STRONG).
OTHER_ROMANISATION, SHARED_PINYIN_KEY = SAME_VARIANT, 74
DIFFERENT_NAMES = 45  # ceiling for two names from different curated groups (Mohammed, Mahmoud)
FUZZY_CEILING = 95
GOOD_PAIR_SCORE = 60  # matching.GOOD_PAIR; prefilter.GoodPairFilter must let all these through


def fuzzy_points(similarity: float) -> float:
    """Normalised edit similarity -> points: one typo in a long name keeps it high, two edits
    in a short name (Ali, Alina) drop it steeply."""
    if similarity >= 0.8:
        return min(100 * similarity, FUZZY_CEILING)
    return max(0.0, 80 - (0.8 - similarity) * 200)


def _same_form(q: tuple, n: tuple) -> tuple[int, str] | None:
    if q[U_DISPLAY].casefold() == n[U_DISPLAY].casefold():
        return 100, EXACT
    nforms = n[U_FORMS]
    # Reading keys (the last forms) only meet across romanisations: romanisation.reading_match.
    if not any(form in nforms for form in q[U_FORMS] if form[0] not in MARKS):
        return None
    flags = q[U_FLAGS] | n[U_FLAGS]
    if flags & TRANSLIT:
        return SAME_TRANSLIT, TRANSLIT_EQ
    if flags & JOINED and (q[U_FLAGS] ^ n[U_FLAGS]) & JOINED:
        return SAME_TRANSLIT, JOINED_EQ
    return SAME_FORM, FOLDED


def _curated(q: tuple, n: tuple) -> tuple[int, str] | int:
    """Verdict of the curated data: a score, or a ceiling for the other kinds of evidence."""
    qg, ng = q[U_GROUPS], n[U_GROUPS]
    if NICKNAME_PREFIX not in "".join(g[:1] for g in qg + ng):
        return _groups_verdict(q, n, qg, ng)
    # Nickname ids say only what is the same, never that two names differ.
    plain_q = tuple(g for g in qg if g[0] != NICKNAME_PREFIX)
    plain_n = tuple(g for g in ng if g[0] != NICKNAME_PREFIX)
    qnick = {g for g in qg if g[0] == NICKNAME_PREFIX}
    if qnick.isdisjoint(ng) or q[U_FORMS][0] == n[U_FORMS][0]:
        return _groups_verdict(q, n, plain_q, plain_n)
    # The English nickname data pairs some male and female forms (Louis, Louise): different
    # persons.
    if gendered_pair(q[U_FORMS][0], n[U_FORMS][0]):
        return GENDER_FORM, GENDER
    verdict = _groups_verdict(q, n, plain_q, plain_n)
    # A floor: two spellings of one full name (Aleksandr, Oleksandr) share an id too, and may
    # be closer by their spelling than a nickname is.
    if isinstance(verdict, int):
        points, reason = _evidence(q, n)
        verdict = int(round(min(points, verdict))), reason
    return max(verdict, (NICKNAME, NICKNAME_MATCH))


def _groups_verdict(q: tuple, n: tuple, qg: tuple, ng: tuple) -> tuple[int, str] | int:
    """_curated's verdict from the variant groups qg and ng (without nickname ids)."""
    if qg and ng:
        if not set(qg).isdisjoint(ng):
            return SAME_VARIANT, VARIANT
        if q[U_COGNATES] and not set(q[U_COGNATES]).isdisjoint(n[U_COGNATES]):
            return COGNATE, COGNATE_MATCH
    if gendered_pair(q[U_FORMS][0], n[U_FORMS][0]):
        return GENDER_FORM, GENDER
    return DIFFERENT_NAMES if qg and ng else 100


def _lead(unit: tuple) -> str:
    """The consonant y or w a name starts with ("" if none): skeletons drop them as vowels,
    yet ياسر (Yasir) and سارة (Sarah) only differ there."""
    form = unit[U_FORMS][0]
    if form[:1] in ("y", "w"):
        return form[0]
    if form[:2] == "ou" and form[2:3] in ("a", "e", "i"):  # Maghreb Oualid = Walid
        return "w"
    return ""


def _skeletons(q: tuple, n: tuple, abjad: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Consonant skeletons to compare; with an Arabic-script side, with the leading y/w kept,
    so that the pair is the same name only when both spellings agree (ياسر and سارة share the
    skeleton "sr", in Arabic script as in Latin)."""
    if not abjad:
        return q[U_SKEL], n[U_SKEL]
    ql, nl = _lead(q), _lead(n)
    return tuple(ql + k for k in q[U_SKEL]), tuple(nl + k for k in n[U_SKEL])


def _evidence(q: tuple, n: tuple) -> tuple[float, str]:
    """Best of skeleton, phonetic, edit-distance and initial evidence."""
    abjad = (q[U_FLAGS] | n[U_FLAGS]) & ABJAD_SCRIPT
    best, reason = 0.0, FUZZY
    qskel, nskel = _skeletons(q, n, abjad)
    shared = set(qskel).intersection(nskel)
    longest = max(map(len, shared), default=0)
    if abjad and longest >= 2:
        best = ABJAD_SKELETON if longest >= MIN_SKELETON else ABJAD_SHORT_SKELETON
        reason = TRANSLIT_EQ
    elif longest >= MIN_SKELETON:
        best, reason = SKELETON_ONLY, SKELETON
    if q[U_PHON] and best < PHONETIC_ONLY and not set(q[U_PHON]).isdisjoint(n[U_PHON]):
        best, reason = PHONETIC_ONLY, PHONETIC
    if abjad:
        # Vowel-less transliterations only compare by their consonants.
        if qskel and nskel:
            points = 0.8 * fuzzy_points(OSA.normalized_similarity(qskel[0], nskel[0]))
            if points > best:
                best, reason = points, FUZZY
        return best, reason
    qmain, nmain = q[U_FORMS][0], n[U_FORMS][0]
    points = fuzzy_points(OSA.normalized_similarity(qmain, nmain))
    if points > best:
        best, reason = points, FUZZY
    if (
        best < PREFIX
        and min(len(qmain), len(nmain)) >= 4
        and (nmain.startswith(qmain) or qmain.startswith(nmain))
    ):
        best, reason = PREFIX, FUZZY
    if q[U_FLAGS] & INITIAL and nmain.startswith(qmain) and best < QUERY_INITIAL:
        best, reason = QUERY_INITIAL, INITIAL_MATCH
    elif n[U_FLAGS] & INITIAL and qmain.startswith(nmain) and best < NAME_INITIAL:
        best, reason = NAME_INITIAL, INITIAL_MATCH
    elif (
        q[U_FLAGS] & SHORT
        and n[U_FLAGS] & JOINED
        and best < QUERY_INITIAL
        and qmain[:1] == nmain[:1]
        and initials(n) == qmain
    ):
        best, reason = QUERY_INITIAL, INITIAL_MATCH  # "JC" written together for JEAN CLAUDE
    return best, reason


def _other_syllables(qforms: tuple[str, ...], nforms: tuple[str, ...]) -> bool:
    """True when both read as Chinese syllables in no common way and differ in two letters or
    more: another syllable is another name (Jianguo, Jianhua; Qingqing, Jingjing), not a typo."""
    return (
        qforms[-1][0] in MARKS
        and nforms[-1][0] in MARKS
        and OSA.distance(qforms[0], nforms[0], score_cutoff=2) >= 2
    )


@lru_cache(maxsize=4096)  # pair_score is hot; a query has a few displays
def _is_han(display: str) -> bool:
    return script_of(display) == HAN


def pair_score(q: tuple, n: tuple) -> tuple[int, str]:
    """(0-100, reason code) for a query unit against a name unit."""
    if (q[U_FLAGS] | n[U_FLAGS]) & WHOLE:
        # A whole name written as one word only meets one word spelled the same: anything
        # looser would let two names differing in every part pair as one.
        if (q[U_FLAGS] & n[U_FLAGS]) & JOINED or not set(q[U_FORMS]) & set(n[U_FORMS]):
            return 0, MISMATCH
        return SAME_TRANSLIT, JOINED_EQ
    same = _same_form(q, n)
    if same:
        return same
    reading = reading_match(q[U_FORMS], n[U_FORMS])
    if reading == OTHER_SYSTEM:
        return OTHER_ROMANISATION, ROMANISATION
    floor = SHARED_PINYIN_KEY if reading == SHARED_PINYIN else 0
    if _is_han(q[U_DISPLAY]):
        if floor:
            return floor, ROMANISATION
        # Characters typed are exact: 小平 is not a misspelling of 小明 whatever the readings'
        # letters share, so only the same reading counts (above), never a near one.
        return 0, MISMATCH
    curated = _curated(q, n)
    if isinstance(curated, tuple):
        return max(curated, (floor, ROMANISATION))
    points, reason = _evidence(q, n)
    points = min(points, curated)
    if not reading and _other_syllables(q[U_FORMS], n[U_FORMS]):
        points = min(points, DIFFERENT_NAMES)
    return (floor, ROMANISATION) if floor > points else (int(round(points)), reason)
