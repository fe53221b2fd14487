"""Phone numbers, dates, ID numbers, e-mail addresses, URLs, messenger IDs and street addresses.

The regular expressions are rules in ``rules.toml``; this module adds what a regex cannot say well:
whether a run of digits is a phone number (by its prefix, after separators and OCR look-alikes are
removed), and fail-closed review of any other long run of digits, which may be an identifier nobody
wrote a rule for.
"""

from __future__ import annotations

import re

from relay.detect.document import Doc
from relay.detect.patterns import find_patterns
from relay.model import Finding, Kind

_KINDS = (Kind.DATE, Kind.ID_NUMBER, Kind.EMAIL, Kind.URL, Kind.MESSENGER, Kind.ADDRESS)
# A run of digits with the separators people and OCR put between groups.
_DIGIT_RUN = re.compile(r"(?<![0-9A-Za-z.])(?:\+ ?)?\(?\d(?:[ .\-()/]{0,2}\d){5,18}(?![0-9])")


def _phone_keyword_before(doc: Doc, start: int) -> bool:
    before = doc.numbers.text[max(0, start - 14) : start].replace(" ", "")
    return any(k in before for k in doc.rules.config.numbers.phone_keywords)


def find_numbers(doc: Doc) -> list[Finding]:
    """Numbers and addresses of every kind in ``doc``."""
    cfg = doc.rules.config.numbers
    view = doc.numbers
    found = list(find_patterns(doc, _KINDS))
    taken = [(f.start, f.end) for f in found]
    for m in _DIGIT_RUN.finditer(view.text):
        raw = m.group().rstrip(" .-/(")
        digits = ("+" if raw.startswith("+") else "") + re.sub(r"\D", "", raw)
        count = len(digits.lstrip("+"))
        start, end = m.start(), m.start() + len(raw)
        o_start, o_end = view.span(start, end)
        if any(p.fullmatch(digits) for p in doc.rules.phone_patterns) or (
            count >= 7 and _phone_keyword_before(doc, start)
        ):
            f = doc.finding(Kind.PHONE, start, end, cfg.phone_confidence, "phone.number", view=view)
        elif count >= cfg.unknown_digits_review and not any(s < o_end and o_start < e for s, e in taken):
            # Fail closed: a long number nobody wrote a rule for may still identify someone.
            f = doc.finding(Kind.ID_NUMBER, start, end, 0.55, "id.unknown_digits", view=view)
        else:
            f = None
        if f is not None:
            found.append(f)
    return found
