"""Names known by what surrounds them rather than by their shape.

- **Nicknames**: whatever someone "was called" ("다들 너를 '곰돌이'라고 불렀지", "별님이라 불리던 누나")
  names that person to everyone who knew them at home. Review: it may be a pet's name or a joke,
  which a moderator tells at a glance.
- **A name beside a birth date**: "리 은 철 1999.3.2생", "1998.7.14생 남경화가": a surname and one or
  two syllables next to a date of birth are the person born, even when OCR spaced them apart.
"""

from __future__ import annotations

import re

from relay.detect.document import Doc
from relay.detect.names import known_word
from relay.detect.salutation import flag_names, generic_words
from relay.model import Finding, Kind

# '곰돌이'라고 불렀다, 별님이라 불리던, "꼬마"라고들 부르면: the word before 라고/이라 and a form of 부르다.
_CALLED = re.compile(
    r"""(?:^|(?<=[\s,.!?(]))['"‘“]?([가-힣]{1,5}?)['"’”]?"""
    r"""(?:\s(?:아줌마|아주머니|아저씨|누나|언니|오빠|형|할머니|할아버지|동무|선생|이모|삼촌))?"""
    r"""\s?(?:이)?라(?:고|고들|는)?\s?(?:"""
    r"""불렀|불러|불리|부르|부른|불린|불렸|하는 별명|별명)"""
)
# A date of birth as the detector's date rules write it, with 생 after it.
_DATE = r"(?:\d{2,4}\s?[.\-/년]\s?\d{1,2}\s?[.\-/월]\s?\d{1,2}\s?\.?\s?일?|\d{2,4}\s?년)\s?생"
_NAME = r"([가-힣](?: ?[가-힣]){2,3}?)"
_NAME_THEN_DATE = re.compile(rf"(?:^|(?<=[\s,(]))(?:{_NAME})(?:은|는|이|가|이는)?\s*,?\s*\(?{_DATE}")
_DATE_THEN_NAME = re.compile(
    rf"{_DATE}(?:\)?\s*,\s*|\)?\s+){_NAME}(?:이|가|은|는|이가|이는|이다|입니다)?(?![가-힣])"
)


def find_called(doc: Doc) -> list[Finding]:
    """Review findings for nicknames and findings for names written beside a date of birth."""
    found = flag_names(doc, _CALLED.finditer(doc.text), generic_words(doc.rules), "person.called")
    surnames = doc.rules.gazetteers.surnames
    for pattern in (_NAME_THEN_DATE, _DATE_THEN_NAME):
        for m in pattern.finditer(doc.text):
            name = m.group(1)
            compact = name.replace(" ", "")
            if (
                known_word(compact)
                or compact in generic_words(doc.rules)
                or not any(compact[:n] in surnames and 1 <= len(compact) - n <= 2 for n in (1, 2))
            ):
                continue  # only a surname and a given name: "그 사람은 1999년생" names no one
            f = doc.finding(Kind.PERSON, m.start(1), m.end(1), 0.8, "person.born_date")
            if f is not None:
                found.append(f)
    return found
