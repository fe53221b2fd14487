"""Nicknames: the everyday words friends and comrades are known by ("나 똥개 알지", "야 꺽다리,").

Among the men of one platoon or the children of one street, "뚱보" or "짱구" names one person as surely as
his name does, and a soldier reading "나야 짱구" knows who wrote. The name scorer rightly doubts such
words (they are potatoes, bears and tall people as often), so these are found only in the two slots where
a word can be nothing but what someone is called, and only the words ``[names] nicknames`` lists:

- the writer naming himself: 나 (나야, 나다, 저) at the start of a clause, at most three words that tell
  more about him ("나 황주 돼지", "나 3반 뚱보"), then the nickname ending the clause, with or without a
  copula ("나 곰이다", "나야 짱구"), or before "알지"/"기억" ("나 똥개 알지");
- the reader called: an interjection or 우리 before the nickname and a vocative or the clause's end after
  it ("야 꺽다리,", "야 감자야", "우리 곰돌이야,").

A moderator reviews each: "나 돼지야 ㅋㅋ" may be a joke about lunch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.rules import Rules
from relay.detect.titled import CLAUSE_END
from relay.detect.words import alternation
from relay.model import Finding, Kind, Severity

CONFIDENCE = 0.6
RULE = "person.nickname"

_COPULA = "(?:이)?(?:다|야|에요|예요|요|입니다|임|고)"


@lru_cache(maxsize=4)
def _patterns(rules: Rules) -> tuple[re.Pattern[str], ...]:
    names = rules.config.names.nicknames
    if not names:
        return ()
    nick = alternation(names)
    self_name = re.compile(
        rf"(?:^|(?<=[\s,.!?]))(?:나|나야|나다|저)[ ,]+(?:[가-힣0-9]+ ){{0,3}}?"
        rf"(?P<name>{nick})(?:{_COPULA}?{CLAUSE_END}|(?= (?:알지|알아|알겠|기억)))",
        re.MULTILINE,
    )
    called = re.compile(
        rf"(?:^|(?<=[\s,.!?]))(?:야|얘|어|아이고|우리)[ ,]+(?P<name>{nick})(?:이)?(?:아|야)?{CLAUSE_END}",
        re.MULTILINE,
    )
    return self_name, called


def find_nicknames(doc: Doc) -> Iterable[Finding]:
    """Review findings for the listed nicknames in a slot only a name fills (see the module)."""
    text = doc.text
    for pattern in _patterns(doc.rules):
        for m in pattern.finditer(text):
            finding = doc.finding(
                Kind.PERSON, m.start("name"), m.end("name"), CONFIDENCE, RULE, severity=Severity.REVIEW
            )
            if finding is not None:
                yield finding
