"""Phone numbers, dates, ID numbers, e-mail addresses, URLs, messenger IDs and street addresses.

The regular expressions are rules in ``rules.toml``; this module adds what a regex cannot say well:
whether a run of digits is a phone number (by its prefix, after separators and OCR look-alikes are
removed), and fail-closed review of any other long run of digits, which may be an identifier nobody
wrote a rule for.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from relay.detect.document import Doc
from relay.detect.patterns import find_patterns
from relay.model import Finding, Kind

_KINDS = (Kind.DATE, Kind.PHONE, Kind.ID_NUMBER, Kind.EMAIL, Kind.URL, Kind.MESSENGER, Kind.ADDRESS)
# Dashes between digit groups: the hyphen, the Unicode hyphens and dashes, the minus sign, and ㅡ (the
# vowel Korean keyboards type as a dash, "010ㅡ1234ㅡ5678"; compatibility and conjoining forms).
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u3161\u1173"
_DASH = re.escape(_DASHES)
# A run of digits with the separators people and OCR put between groups: up to two separator
# characters, or a separator with a space on each side ("010 - 3456 - 7821", which is also what a
# line break next to a hyphen becomes in the single-spaced view). An underscore parts groups too, as
# in chats where a hyphen would be read as a link ("010_3349_7720"), but not after a letter (an
# account name's digits: "jjangdol_0311"). Up to 24 digits: a bank card of 19 read out in groups of
# four ("6217 8560 0004 3318 225") is one number, not two.
_DIGIT_RUN = re.compile(
    rf"(?<![0-9A-Za-z._])(?:\+ ?)?\(?\d(?:(?:[ ._{_DASH}()/]{{0,2}}| [.{_DASH}/] )\d){{5,23}}(?![0-9])"
)
# Three groups split by dashes, dots or underscores, the last of four digits ("195-287-4410",
# "02 . 725 . 4431"): the way phone numbers are written everywhere, whatever their prefix (dates are
# 4-2-2 or 2-2-4).
_PHONE_SHAPE = re.compile(rf"\+?\d{{2,4}}([._{_DASH}])\d{{3,4}}\1\d{{4}}")
# Two numbers joined by a dash before a unit are a range ("1500 - 2000원", "3000-4000명"), not a
# phone number or an identifier, unless a phone cue stands before them.
_RANGE = re.compile(rf"\d+ ?[{_DASH}] ?\d+")
_RANGE_UNIT = re.compile(
    r" ?(?:원|만|천|억|명|개|살|세|년|월|일|시|분|초|장|권|대|채|마리|킬로|km|미터|m|그램|kg|g|톤|평|배|점"
    r"|%|퍼센트|달러|위안|불)"
)


# A period from one date to another ("2019년 3월부터 2020년 1월까지", "작년 5월부터 올해 2월까지"): the
# whole period is the detail, 부터 and 까지 with it (date.year_range does this for years alone).
_RANGE_BETWEEN = re.compile(r" ?(?:부터|에서) ?")
_RANGE_END = "까지"


def _date_ranges(doc: Doc, found: list[Finding]) -> list[Finding]:
    """``found`` plus one finding for each pair of dates joined by 부터 … 까지."""
    dates = sorted((f for f in found if f.kind is Kind.DATE), key=lambda f: f.start)
    text = doc.original
    out = list(found)
    for a, b in pairwise(dates):
        between = _RANGE_BETWEEN.fullmatch(text, a.end, b.start)
        if between is not None and text.startswith(_RANGE_END, b.end):
            end = b.end + len(_RANGE_END)
            out.append(replace(a, end=end, confidence=min(a.confidence, b.confidence)))
    return out


# 생 glued after a date says someone was born then ("1947년 정월생", "3월생이다"): part of the date as
# written, when it ends its word or takes the copula or a particle (not 생일, 생활, 생각 …). Set apart, it
# is taken only after a month (OCR splitting "정 월 생"); after a day the date ends before it ("… 스무날
# 생이다").
_BORN_AFTER = re.compile(r" ?생(?=$|[^가-힣]|이(?!별)|인|입|으로|의|은)")


def _born_suffix(doc: Doc, found: list[Finding]) -> list[Finding]:
    """``found`` with each date finding widened over a 생 after it (see ``_BORN_AFTER``)."""
    text = doc.original
    out: list[Finding] = []
    for f in found:
        m = _BORN_AFTER.match(text, f.end) if f.kind is Kind.DATE else None
        if m is not None and m.group().startswith(" ") and text[f.end - 1] not in "월달":
            m = None
        out.append(replace(f, end=m.end()) if m is not None else f)
    return out


def _phone_keyword_before(doc: Doc, start: int) -> bool:
    before = doc.numbers.text[max(0, start - 14) : start].replace(" ", "")
    return any(k in before for k in doc.rules.config.numbers.phone_keywords)


def find_numbers(doc: Doc) -> list[Finding]:
    """Numbers and addresses of every kind in ``doc``."""
    cfg = doc.rules.config.numbers
    view = doc.numbers
    found = _date_ranges(doc, list(find_patterns(doc, _KINDS)))
    taken = [(f.start, f.end) for f in found]
    for m in _DIGIT_RUN.finditer(view.text):
        raw = m.group().rstrip(" ./(" + _DASHES)
        digits = ("+" if raw.startswith("+") else "") + re.sub(r"\D", "", raw)
        count = len(digits.lstrip("+"))
        start, end = m.start(), m.start() + len(raw)
        o_start, o_end = view.span(start, end)
        keyword = _phone_keyword_before(doc, start)
        if _RANGE.fullmatch(raw) and _RANGE_UNIT.match(view.text, end) and not keyword:
            continue
        if (
            any(p.fullmatch(digits) for p in doc.rules.phone_patterns)
            or (count >= 7 and keyword)
            or _PHONE_SHAPE.fullmatch(raw.replace(" ", ""))
        ):
            f = doc.finding(Kind.PHONE, start, end, cfg.phone_confidence, "phone.number", view=view)
        elif count >= cfg.unknown_digits_review and not any(s < o_end and o_start < e for s, e in taken):
            # Fail closed: a long number nobody wrote a rule for may still identify someone.
            f = doc.finding(Kind.ID_NUMBER, start, end, 0.55, "id.unknown_digits", view=view)
        else:
            f = None
        if f is not None:
            found.append(f)
    return _born_suffix(doc, found)
