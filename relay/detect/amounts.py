"""Findings on amounts: a number and its unit, no one's name, place, address or workplace.

Letters count money, heat and shares ("한 달에 30만 원씩", "일 인분에 사천 원이에요", "한 달 에 2 O O 만
원", "하우스 안이 사십오도야", "칠 대 삼으로 섞어야"), and the rules for names, places and addresses
read the numbers and units as words: 만 원 as a given name after a cue, 사천 as the city, OCR's O O for
zeros as Latin initials, 몫으로 10 as a road and its number. Kiwi reads a number there (digits, Sino-Korean
number words, or the letters OCR makes of digits) and a unit of ``benign.amount_units`` after it. A
finding that holds nothing but the amount, or ends in the number of an amount of money, is dropped.
Phone and ID numbers are other kinds and never judged here.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from relay.detect.document import Doc
from relay.detect.lexicon import key_of
from relay.detect.morph import Morpheme
from relay.model import Finding, Kind

# Kinds that read an amount as a name, a place, an address or an organisation (사십오도 as a company).
_KINDS = frozenset({Kind.PERSON, Kind.PLACE, Kind.ADDRESS, Kind.ORG})
# Letters OCR makes of digits (0 -> O, 1 -> l or I, 5 -> S), tagged as Latin by Kiwi.
_DIGIT_LETTERS = frozenset("OolIS")
# What may close an amount inside a finding: a suffix of each (만 원씩), particles, the copula, endings.
_CLOSING_TAGS = ("J", "E", "VCP", "XSN")


def drop_amounts(doc: Doc, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` without the name, place, address and organisation findings on amounts."""
    return [f for f in findings if f.kind not in _KINDS or not _amount(doc, f)]


def _number(m: Morpheme) -> bool:
    return m.tag in ("SN", "NR") or (m.tag == "SL" and bool(m.form) and set(m.form) <= _DIGIT_LETTERS)


def _amount(doc: Doc, f: Finding) -> bool:
    s, e = doc.spaced_range(f.start, f.end)
    morphs = doc.morphemes
    # Kiwi's morphemes come in text order (starts and ends both non-decreasing), so those overlapping
    # the finding are one range of indices, found by bisection instead of a pass over the page's.
    lo = bisect.bisect_right(morphs, s, key=lambda m: m.end)
    hi = bisect.bisect_left(morphs, e, lo=lo, key=lambda m: m.start)
    inside = [k for k in range(lo, hi) if morphs[k].start < e and morphs[k].end > s]
    if not inside:
        return False
    units = doc.rules.config.benign.amount_units
    holds_unit = any(_unit(morphs[k], units) for k in inside)
    if holds_unit and _listed(doc, s, e):
        return False  # 하나원 (하나 + 원): a gazetteer's name that holds a number and a unit
    first, last = inside[0], inside[-1]
    opener = morphs[first]
    if _unit(opener, units) and first > 0 and _number(morphs[first - 1]):
        # "4 S O O 원 이": the unit after the number, read with its particle as a name
        return all(morphs[k].tag.startswith(_CLOSING_TAGS) for k in inside[1:])
    if not holds_unit and not _unit_follows(morphs, last + 1, units):
        return False
    head = inside[1:] if morphs[first].form in doc.rules.config.benign.amount_prefixes else inside
    if head and all(_in_amount(morphs[k], units) for k in head) and any(_number(morphs[k]) for k in head):
        return True  # "만 원씩", "사천", "O O", "칠 대 삼", "영하십오도": the amount alone
    # "몫으로 10" before "만 원씩": the number ending the finding is money, no address's number
    return _number(morphs[last]) and _money_follows(morphs, last + 1, doc.rules.config.benign.money_units)


def _listed(doc: Doc, s: int, e: int) -> bool:
    """Spaced ``[s, e)`` without its spaces is a name of the gazetteers (a place or an organisation)."""
    return bool(doc.rules.lexicon.exact.get(key_of(doc.text[s:e].replace(" ", "")), ()))


def _unit(m: Morpheme, units: frozenset[str]) -> bool:
    """A unit of amounts (원, 도, 대) as Kiwi reads it: a bound noun."""
    return m.tag == "NNB" and m.form in units


def _in_amount(m: Morpheme, units: frozenset[str]) -> bool:
    return _number(m) or _unit(m, units) or m.tag.startswith(_CLOSING_TAGS)


def _unit_follows(morphs: tuple[Morpheme, ...], k: int, units: frozenset[str]) -> bool:
    """After morpheme ``k`` come more number words (만, 천) and then a unit (원, 도)."""
    while k < len(morphs) and _number(morphs[k]):
        k += 1
    return k < len(morphs) and _unit(morphs[k], units)


def _money_follows(morphs: tuple[Morpheme, ...], k: int, money: frozenset[str]) -> bool:
    """After morpheme ``k`` come Sino-Korean number words (만, 천) and then a currency (원, 달러)."""
    j = k
    while j < len(morphs) and morphs[j].tag == "NR":
        j += 1
    return k < j < len(morphs) and morphs[j].form in money
