"""The person a letter is addressed to: "사랑하는 X에게", "그리운 X야", "보고 싶은 X께".

After an affectionate salutation and before a form of address, only a name or a kinship word fits, so
a word there that is neither is flagged for a moderator whatever Kiwi makes of it: bare given names are
often everyday words too (병용, 청빈, 하늘), which the name scorer rightly doubts elsewhere. Review only:
a moderator judges "사랑하는 조카딸에게" and "사랑하는 병용에게" at a glance.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.rules import Rules
from relay.model import Finding, Kind, Severity

CONFIDENCE = 0.6


@lru_cache(maxsize=4)
def _pattern(rules: Rules) -> re.Pattern[str]:
    cfg = rules.config.names
    cues = "|".join(
        sorted((re.escape(c).replace(r"\ ", r"\s*") for c in cfg.salutation_cues), key=len, reverse=True)
    )
    endings = "|".join(sorted((re.escape(e) for e in cfg.salutation_endings), key=len, reverse=True))
    # The cue, optionally 내/우리, then two to four syllables glued to the ending, then a break.
    return re.compile(
        rf"(?:^|(?<=[\s,.!?]))(?:{cues})\s+(?:(?:내|우리|나의|저의)\s+)?([가-힣]{{2,4}}?)(?:{endings})(?=$|[\s,.!?~])"
    )


@lru_cache(maxsize=4)
def generic_words(rules: Rules) -> frozenset[str]:
    """Words that fill a name's slot without being a name: kinship words and generic addressees.
    Not the general stop words: everyday words that are also given names (하늘, 보람) are what these
    slots are for."""
    gaz, cfg = rules.gazetteers, rules.config.names
    return frozenset(gaz.kinship) | frozenset(cfg.salutation_not_names)


def flag_names(
    doc: Doc, matches: Iterable[re.Match[str]], not_names: frozenset[str], rule: str
) -> list[Finding]:
    """A review finding for each match's first group, unless it is one of ``not_names`` (with or
    without a friendly 이: 동생이) or a plural (전사들)."""
    found: list[Finding] = []
    for m in matches:
        word = m.group(1)
        if word in not_names or word[:-1] in not_names or word.endswith("들"):
            continue
        f = doc.finding(Kind.PERSON, m.start(1), m.end(1), CONFIDENCE, rule, severity=Severity.REVIEW)
        if f is not None:
            found.append(f)
    return found


def find_salutations(doc: Doc) -> list[Finding]:
    """Review findings for the addressee of an affectionate salutation."""
    matches = _pattern(doc.rules).finditer(doc.text)
    return flag_names(doc, matches, generic_words(doc.rules), "person.salutation")
