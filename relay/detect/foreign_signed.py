"""A foreign name where a letter or a form puts the writer's or a helper's name.

Foreign writers sign in their own script, and their names bear no Korean surname the other rules could
start from: "Sarah Lindqvist 드림", "2025.11.11 폴란드 독립기념일. Krzysztof Zieliński.", "prepared by
Taras Hrytsenko", "| 현지 통역 | Mykola Shevchuk |". Two capitalised words are taken as a name in these
places only:

- before a closing (``[names] closings``: 드림, 올림, 씀), OCR perhaps having lost the space between the
  words ("SarahLindqvist 드림");
- ending a line that a date opens, after a comma or a full stop: the dateline of a signature;
- after "by", "From:" or "Signed", as memos and e-mails put the author;
- in a table cell right after a cell that ends with a word for what someone does (``[lettered]
  roles_before_latin``): a list of staff.

Two capitalised words that end an organisation's or a place's name (``[lettered] not_person_last``:
"Human Rights Watch", "Seoul Station") are left to the other rules.

A foreign name transcribed into Hangul is signed the same way ("다카하시 미에코 올림", "토마시
비시니에프스키 신부 올림", "야마모토 하루카드림"): two words before a closing that ends the line, a title
in religion perhaps between, each word one that Kiwi does not know or knows only as a proper noun. A
Korean signature is words Kiwi knows ("사랑하는 아들 올림") or a Korean name the other rules find.
"""

from __future__ import annotations

import re
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.foreign_script import EDGE, END, WORD, lone_morpheme
from relay.detect.rules import Rules
from relay.detect.words import alternation
from relay.model import Finding, Kind

RULE = "person.foreign_signed"
_CONFIDENCE = 0.85
# Two words of a name, a space between them or none (OCR glues "SarahLindqvist"); D'Arcy too.
_WORD = rf"(?:D['’])?{WORD}"
_NAME = rf"(?P<name>{_WORD} ?{_WORD})"
# A date opening the line: digits (or OCR's O and l for 0 and 1) of a year, or a year spoken.
_DATE = re.compile(r"^\W*(?:[0-9Ol]{4}\s*[.\-/년]|[0-9Ol]{1,2}[./][0-9Ol]{1,2}[./][0-9Ol]{2,4}|이천)")
_AUTHOR = re.compile(rf"(?:\b(?:[Bb]y|[Ff]rom:?|[Ss]igned:?|[Ss]incerely,?)\s+){_NAME}{END}")


@lru_cache(maxsize=4)
def _patterns(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    closings = alternation(rules.config.names.closings)
    roles = alternation(rules.config.lettered.roles_before_latin)
    signed = re.compile(rf"{EDGE}{_NAME}\s?(?:{closings})(?![가-힣])")
    # after a comma or full stop; in a transcript, whose punctuation is gone, after a word
    dateline = re.compile(rf"(?:^\s*|[,.;/]\s*|\)에,?\s*|[가-힣]\s+){_NAME}\s*[.]?\s*$")
    listed = re.compile(rf"(?:{roles})\s*\|\s*{_NAME}\s*(?:\||$)", re.MULTILINE)
    return signed, dateline, listed


def _org_like(rules: Rules, name: str) -> bool:
    """The last word ends the name of an organisation or a place, not of a person."""
    last = re.split(r"[ ]|(?<=[a-z])(?=[A-Z])", name)[-1].lower()
    return last in rules.config.lettered.not_person_last


def _datelines(doc: Doc, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of names ending a line that a date opens (offsets into ``doc.original``)."""
    spans = []
    text = doc.original
    pos = 0
    dated = False  # the line before opened with a date: OCR breaks a dateline in two
    for line in text.split("\n"):
        opens = _DATE.search(line) is not None
        m = pattern.search(line) if opens or dated else None
        if m is not None:
            spans.append((pos + m.start("name"), pos + m.end("name")))
        dated = opens
        pos += len(line) + 1
    return spans


@lru_cache(maxsize=4)
def _hangul_signed(rules: Rules) -> re.Pattern[str]:
    closings = alternation(rules.config.names.closings)
    titles = alternation(rules.config.lettered.religious_titles)
    return re.compile(
        rf"(?<![가-힣])(?P<name>[가-힣]{{2,7}}(?:\s[가-힣]{{2,7}}?){{1,2}})"
        # glued on, only 드림 and 올림: a word ending in 씀 is as often a verb (불어마씀, 했씀)
        rf"(?:\s(?:{titles}))?(?:\s(?:{closings})|드림|올림)[ \t]*[.!]?[ \t]*$",
        re.MULTILINE,
    )


def _foreign_word(word: str) -> bool:
    """Kiwi reads ``word`` as one morpheme it does not know, or as one proper noun."""
    morph = lone_morpheme(word)
    return morph is not None and (morph.oov or morph.tag == "NNP")


def _hangul_names(doc: Doc) -> list[Finding]:
    """Person findings for a foreign name in Hangul signing a letter (see module doc)."""
    found = []
    for m in _hangul_signed(doc.rules).finditer(doc.original):
        words = m.group("name").split()
        end = m.end("name")
        if words[-1] in doc.rules.config.lettered.religious_titles:
            end -= len(words.pop()) + 1  # the title taken as a third word ("… 비시니에프스키 신부")
        # the last two or three words, as many as are all foreign ("스즈키 게이코 테레사")
        size = next((k for k in range(len(words), 1, -1) if all(map(_foreign_word, words[-k:]))), 0)
        if not size:
            continue
        start = end - len(" ".join(words[-size:]))
        s, e = doc.spaced_range(start, end)
        f = doc.finding(Kind.PERSON, s, e, _CONFIDENCE, RULE)
        if f is not None:
            found.append(f)
    return found


def find_foreign_signed(doc: Doc) -> list[Finding]:
    """Person findings for names in Latin or Cyrillic letters signed or listed, and for foreign names
    in Hangul signed (see module doc)."""
    text = doc.original
    if not re.search(r"[A-ZА-ЯЁІЇЄҐ]", text):
        return _hangul_names(doc)
    signed, dateline, listed = _patterns(doc.rules)
    spans = [m.span("name") for p in (signed, _AUTHOR, listed) for m in p.finditer(text)]
    spans += _datelines(doc, dateline)
    found = []
    for start, end in spans:
        if _org_like(doc.rules, text[start:end]):
            continue
        s, e = doc.spaced_range(start, end)
        f = doc.finding(Kind.PERSON, s, e, _CONFIDENCE, RULE)
        if f is not None:
            found.append(f)
    return found + _hangul_names(doc)
