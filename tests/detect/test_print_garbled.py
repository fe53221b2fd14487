"""A long digit run no rule explains is, on a printed page, what a Korean OCR model makes of a Latin
address (e-mail, link, account name): redacted whole there, left to review on handwriting. And a fill
takes the punctuation glued after its finding, so a narrow last digit is not cut off."""

from __future__ import annotations

from relay.detect.page import detect_page
from relay.model import Finding, Kind, Line, PageText, Severity, Word
from relay.redact import _placed_span

GARBLED = "]\\011*ㄷ19920044.0001ㅇ로"


def _page(lines: list[list[str]], confidence: float, garbled_confidence: float = 0.2) -> PageText:
    out = []
    for li, words in enumerate(lines):
        y = 100 + 60 * li
        x = 100
        ws = []
        for text in words:
            conf = garbled_confidence if text == GARBLED else confidence
            ws.append(Word(text, (x, y, x + 30 * len(text), y + 40), conf))
            x += 30 * len(text) + 20
        out.append(Line((100, y, x, y + 40), tuple(ws)))
    return PageText(3000, 100 + 60 * len(lines), tuple(out))


LETTER = [
    ["오늘은", "날씨가", "좋아서", "편지를", "쓴다."],
    ["급한", "일이", "있으면", GARBLED, "편지해도", "된다."],
    ["모두", "건강하게", "잘", "지내라."],
]


def _garbled_findings(page: PageText) -> list[tuple[str, Severity]]:
    text, found = detect_page(page)
    full, _ = text.text_and_offsets()
    return [(full[f.start : f.end], f.severity) for f in found if f.kind is Kind.ID_NUMBER]


def test_digit_run_in_print_is_redacted_with_the_garbled_run_around_it() -> None:
    found = _garbled_findings(_page(LETTER, confidence=0.95))
    # The whole run of signs, digits and jamo, but not the particle glued after it.
    assert ("]\\011*ㄷ19920044.0001ㅇ", Severity.REDACT) in found


def test_digit_run_on_a_poorly_read_page_stays_a_review() -> None:
    found = _garbled_findings(_page(LETTER, confidence=0.6))
    assert found
    assert all(severity is Severity.REVIEW for _, severity in found)


def test_a_page_of_print_without_digit_runs_gets_no_identifier() -> None:
    plain = [["오늘은", "날씨가", "좋아서", "편지를", "쓴다."], ["모두", "건강하게", "잘", "지내라."]]
    assert _garbled_findings(_page(plain, confidence=0.95)) == []


def test_fill_takes_punctuation_glued_after_the_finding() -> None:
    text = "군번 16-71839391, 그 번호를"
    start = text.index("16")
    end = start + len("16-71839391")
    finding = Finding(Kind.ID_NUMBER, Severity.REDACT, 0.95, start, end, "id.keyword")
    assert _placed_span(text, finding)[1] == end + 1  # the comma
    bracketed = "군번(16-71839391)."
    at = bracketed.index("16")
    inside = Finding(Kind.ID_NUMBER, Severity.REDACT, 0.95, at, at + len("16-71839391"), "id.keyword")
    assert _placed_span(bracketed, inside)[1] == len(bracketed)  # ")." up to the end of the word
