"""A listed Western given name in Hangul where only a name fits.

A Western given name in Hangul (foreign_given_names.tsv, western) is taken beside a Korean surname, a
kinship word or a title (relay/detect/lettered.py). Letters from foreigners and about them also name
someone by the given name alone, in the two places where a letter puts only a name:

- an introduction: a subject (``[lettered] western_intro_before``: 저는, 이 사람은) then the name and a
  copula closing the introduction (``western_intro_after``): "저는 카롤리나예요", "이 사람은 바르텍이에요";
- a signature: the name before a closing (``[names] closings``: 씀, 드림) that ends its line: "이리나 씀".

A listed name Kiwi reads as an everyday Korean word (막심 "utmost", 리사 "director") is left alone: in
those places it is as likely the word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.names import _line_ends_after, _lone_tag
from relay.detect.rules import Rules
from relay.detect.words import alternation
from relay.model import Finding, Kind

RULE = "person.lettered"
_CONFIDENCE = 0.85


@lru_cache(maxsize=4)
def _patterns(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    western = alternation(n for n in rules.gazetteers.foreign_given["western"] if len(n) >= 2)
    cfg = rules.config.lettered
    before = alternation(t.replace(" ", r"\s?") for t in cfg.western_intro_before)
    after = alternation(cfg.western_intro_after)
    closings = alternation(rules.config.names.closings)
    intro = re.compile(rf"(?<![가-힣])(?:{before})\s(?P<name>{western})(?:{after})(?![가-힣])")
    signed = re.compile(rf"(?<![가-힣])(?P<name>{western})\s?(?:{closings})(?![가-힣])")
    return intro, signed


def find_western_in_slots(doc: Doc) -> list[Finding]:
    """Person findings for listed Western given names introduced or signed (see module doc)."""
    intro, signed = _patterns(doc.rules)
    text = doc.text
    spans = [m.span("name") for m in intro.finditer(text)]
    spans += [m.span("name") for m in signed.finditer(text) if _line_ends_after(doc, m.end())]
    found = []
    for start, end in spans:
        if _lone_tag(text[start:end]) not in ("", "NNP"):
            continue  # 막심, 리사: an everyday word as much as a name
        f = doc.finding(Kind.PERSON, start, end, _CONFIDENCE, RULE)
        if f is not None:
            found.append(f)
    return found
