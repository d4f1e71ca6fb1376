"""What the bands promise, and the score thresholds and ceilings that keep those promises.

strong    (score >= STRONG) The query names this person: every part the user typed is this
          name's part in the same or an accepted other spelling (folding, transliteration,
          curated variant, written together, one typo: ACCEPTED_SPELLING), and at least two
          kinds of evidence agree (a family name and something else). Measured precision >= 0.98 on
          tests/data/name_eval.tsv (scripts/name-eval). Never given when the query's given
          name is clearly of the other sex than the notice's recorded sex (SEX_CEILING).
possible  (score >= POSSIBLE) Could be this person: worth a careful look. Parts may be
          missing from the query or be plausible but unproven spellings. One distinguishing
          cue alone never reaches it: a shared consonant skeleton (SKELETON_ONLY), a shared
          particle (PARTICLES_ONLY) or a shared given name without a family name
          (FORENAME_ONLY) stay weak.
weak      (SCORE_FLOOR <= score < POSSIBLE) Some likeness; shown last, never a lead.
"""

from __future__ import annotations

STRONG, POSSIBLE = 85, 65
SCORE_FLOOR = 50  # name matches scoring below this are not shown at all
# Ceilings of one cue alone (all below POSSIBLE):
SKELETON_ONLY = 62  # same consonants, nothing else (Ukraine vs Karin); >= GOOD_PAIR_SCORE so
# that it still counts beside other evidence (Pooja Chowdhury, POOJA CHAUDHARY)
PARTICLES_ONLY = 25  # al, van, bin ... only
FORENAME_ONLY = 60  # a given name that matches, with no family name evidence
# Names in the other order around "bin", "ibn", "bint", "ould"...: MOHAMED BIN SALEH (Mohamed,
# son of Saleh) is not SALEH BIN MOHAMED, his father's namesake or son. Weak at most.
PATRONYMIC_REVERSED = POSSIBLE - 5
SEX_CEILING = STRONG - 1  # a clearly opposite-sex given name is possible at most
# Strong needs every matched part in an accepted spelling: a part scoring below this (alike in
# sound only, two typos, a nickname, a cognate) leaves the whole name possible at most.
ACCEPTED_SPELLING, UNPROVEN_PART_CEILING = 80, STRONG - 1
# Short parts alone and initials alone: possible at most.
INITIALS_ONLY, SHORT_ONLY = 60, 75


def band_of(score: int) -> str:
    """strong / possible / weak."""
    return "strong" if score >= STRONG else "possible" if score >= POSSIBLE else "weak"
