"""Given names that say the bearer's sex almost always: a query naming a woman is never a strong
match for a notice recorded as a man's, and the other way round."""

from __future__ import annotations

from collections.abc import Iterable

# Folded forms; only names that are hardly ever given to the other sex (no Andrea, Jean,
# Nikita, Sasha, Kim, Maria-as-second-name, Ali, Noor, Shirin ...).
_FEMALE_NAMES = """
sarah sara sarra sarrah sarh fatima fatimah fatma fatemeh aisha aicha ayesha aysha khadija
khadidja maryam mariam miriam zainab zeinab zaynab layla leila laila amina aminah halima
nadia nadya natalia natalya nataliya natasha olga tatiana tatyana svetlana irina elena yelena
anna ana anastasia anastasiya ekaterina yekaterina katarzyna agnieszka magdalena malgorzata
margaret elizabeth mary jane susan linda barbara jennifer patricia catherine katherine helen
helena eleni maria marie sophie sofia sophia julia giulia francesca chiara lucia isabel isabella
carmen rosa dolores mercedes ana-maria olena oksana yulia yuliya lyudmila ludmila
mei meiling xiaohong lihua yumi yuki sakura hana hanna hannah emma olivia charlotte amelia
"""
_MALE_NAMES = """
yasir yasser yaser muhammad mohammed mohamed ahmad ahmed mahmud mahmoud mustafa omar umar
ibrahim ismail yusuf youssef hussein hassan khalid khaled walid tariq karim jamal kamal nasser
rashid said saad salah saleh faisal suleiman khalil hamza abdullah abdulrahman abdulaziz
abubakr uthman osama usama abdul
john james robert michael william david richard joseph thomas charles christopher daniel
matthew george edward theodore peter paul mark andrew steven kenneth
ivan aleksandr alexander aleksei alexey dmitri dmitry sergei sergey vladimir nikolai igor
yuri iurii evgenii yevgeny mikhail andrei andriy oleksandr bogdan tomasz piotr pawel krzysztof
marek dawid michal wojciech francesco giuseppe giovanni antonio marco luca juan jose carlos
pedro pablo miguel manuel hans klaus jurgen wolfgang pieter jean-pierre pierre jacques
"""
_FEMALE, _MALE = frozenset(_FEMALE_NAMES.split()), frozenset(_MALE_NAMES.split())


def sex_of_given_names(parts: Iterable[str]) -> str | None:
    """ "F" or "M" when the folded parts hold a strongly gendered given name and none of the
    other sex; None otherwise."""
    found = set()
    for part in parts:
        if part in _FEMALE:
            found.add("F")
        elif part in _MALE:
            found.add("M")
    return found.pop() if len(found) == 1 else None


def opposite_sex(query_sex: str | None, recorded: str | None) -> bool:
    """True when the query names one sex and the notice records the other."""
    recorded = (recorded or "")[:1].upper()
    return bool(query_sex) and recorded in ("F", "M") and recorded != query_sex
