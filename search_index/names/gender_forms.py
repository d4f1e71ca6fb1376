"""Male and female forms of one name (Daniel/Daniela, Ivanov/Ivanova): different persons."""

from __future__ import annotations

from functools import lru_cache

from .phonetic import phonetic_key

# (female ending, male endings, stem ending) of Slavic family names.
_SLAVIC = (
    ("skaya", ("skiy", "skii", "sky", "ski", "skij"), "sk"),
    ("tskaya", ("tskiy", "tsky", "tski"), "tsk"),
    ("ska", ("ski", "sky"), "sk"),
    ("cka", ("cki", "cky"), "ck"),
    ("zka", ("zki", "zky"), "zk"),
    ("ova", ("ov", "off"), "ov"),
    ("eva", ("ev", "eff"), "ev"),
    ("ina", ("in",), "in"),
    ("yna", ("yn",), "yn"),
    ("aya", ("iy", "yy", "oy", "y"), ""),
)

# Male ending -> female endings after a shared stem, across the naming systems notices meet:
# Romance and Slavic given names (Mario/Maria, Simone/Simona, Jean/Jeanne, Henri/Henriette,
# Frederic/Frederique, Stefan/Stefania, Vitaliy/Vitaliya, Hristo/Hristina), Romanian
# (Alexandru/Alexandra, Andrei/Andreea, Mihai/Mihaela), Greek given and family names
# (Georgios/Georgia, Dimitrios/Dimitra, Christos/Christina, Papadopoulos/Papadopoulou,
# Nikolaidis/Nikolaidou, Chatzis/Chatzi), Baltic family names (Kazlauskas/Kazlauskiene/
# Kazlauskaite, Mickevicius/Mickeviciute, Latvian Ozols/Ozola), Czech Novak/Novakova.
_ENDINGS: dict[str, tuple[str, ...]] = {
    "": ("a", "e", "ne", "le", "ette", "ina", "ia", "ova"),
    "o": ("a", "ina"),
    "e": ("a",),
    "u": ("a",),
    "i": ("a", "ea", "ela"),
    "c": ("que",),
    "y": ("ia", "iya"),
    "iy": ("iya", "ia"),
    "ii": ("iya", "ia"),
    "ij": ("ija",),
    "os": ("a", "ou", "ina"),
    "ios": ("a",),
    "is": ("a", "i", "ou"),
    "as": ("a", "iene", "aite", "yte", "ute"),
    "us": ("a", "iene", "yte", "ute", "aite"),
    "ius": ("iene", "iute", "yte"),
    "ys": ("iene", "yte"),
    "s": ("a",),
}
STEM_PREFIX = "="  # index key prefix of the shared stem of gendered family names (Ivanov, Ivanova)
# Shortest shared stem per rule: four letters, except Jan/Jana and Dan/Dana (three), while
# -as/-a needs five because Lukas/Luka and Tomas/Toma are both men's names.
_MIN_STEM, _MIN_STEM_BY_RULE = 4, {("", "a"): 3, ("as", "a"): 5}


@lru_cache(maxsize=16384)
def gender_stem(form: str) -> tuple[str, str]:
    """(stem, "f" or "m") of a gendered Slavic family-name form ("ivanova" -> ("ivanov", "f")),
    or ("", "") when the form is not one."""
    if len(form) < 5:
        return "", ""
    for female, males, stem_end in _SLAVIC:
        if form.endswith(female) and len(form) - len(female) >= 3:
            return form[: -len(female)] + stem_end, "f"
        for male in males:
            if form.endswith(male) and len(form) - len(male) >= 3:
                return form[: -len(male)] + stem_end, "m"
    return "", ""


def _feminine_of(male: str, female: str) -> bool:
    for ending, feminine in _ENDINGS.items():
        if not male.endswith(ending):
            continue
        stem = male[: len(male) - len(ending)]
        if not female.startswith(stem) or female[len(stem) :] not in feminine:
            continue
        suffix = female[len(stem) :]
        if len(stem) < _MIN_STEM_BY_RULE.get((ending, suffix), _MIN_STEM):
            continue
        # Italian men's names add -e (Daniel/Daniele, Michel/Michele, Samuel/Samuele).
        return not (suffix == "e" and not ending and male.endswith("el"))
    return False


def _icelandic(left: str, right: str) -> bool:
    """Gunnarsson and Gunnarsdottir: the son and the daughter of one father, never one person."""
    for son, daughter in ((left, right), (right, left)):
        if son.endswith("son") and daughter.endswith("dottir") and son[:5] == daughter[:5]:
            return True
    return False


# 4096, not more: a search worker's re-scoring asks it for tens of thousands of distinct pairs
# (~150 B each, ~9.5 MB at 65,536 after the benchmark's mix), and most pairs fail at the first
# comparison, so a larger cache made name searches no faster (5.9-6.1 ms a query either way).
@lru_cache(maxsize=4096)
def gendered_pair(left: str, right: str) -> bool:
    """True when two folded forms are the male and female form of one name (Farid/Farida,
    Francesco/Francesca, Novak/Novakova, Ivanov/Ivanova, Vorobev/Vorobyova): different persons."""
    if left == right:
        return False
    # Every rule needs a common stem of three letters or more: most pairs fail at once.
    if left[:3] == right[:3] and (
        _feminine_of(left, right) or _feminine_of(right, left) or _icelandic(left, right)
    ):
        return True
    stem_left, sex_left = gender_stem(left)
    stem_right, sex_right = gender_stem(right)
    return (
        bool(stem_left)
        and bool(stem_right)
        and sex_left != sex_right
        and phonetic_key(stem_left) == phonetic_key(stem_right)
    )
