"""relay.detect.page: on a page that does not read like print, a guess from a word's shape or its
neighbours made on words tesseract read poorly goes to review (the words are in review regions
anyway); details read by their own form, and whole names after a cue, keep redacting."""

from __future__ import annotations

from relay.detect import Rules
from relay.detect.page import detect_page
from relay.model import Line, PageText, Severity, Word


def line_of(words: list[str], conf: float, y: int = 100) -> Line:
    out, x = [], 100
    for text in words:
        out.append(Word(text, (x, y, x + 40 * len(text), y + 40), conf))
        x += 40 * len(text) + 20
    return Line((100, y, x, y + 40), tuple(out))


def found(page: PageText, rules: Rules) -> list[tuple[str, Severity, str]]:
    out, findings = detect_page(page, rules)
    text, _ = out.text_and_offsets()
    return [(f.rule, f.severity, text[f.start : f.end]) for f in findings]


def page_of(conf: float, *lines: list[str]) -> PageText:
    return PageText(2000, 1000, tuple(line_of(words, conf, 100 + 60 * i) for i, words in enumerate(lines)))


GUESS = ["막내", "나", "련학이", "보고싶다."]  # a split two-syllable name after a kinship word
WHOLE = ["담임이던", "공유진", "선생님이", "보고싶다."]


def severity_of(results: list[tuple[str, Severity, str]], text: str) -> Severity | None:
    return next((sev for rule, sev, t in results if rule.startswith("person") and text in t), None)


def test_a_guess_on_poorly_read_handwriting_is_reviewed(rules: Rules) -> None:
    results = found(page_of(0.5, GUESS, ["비가", "많이", "온다."]), rules)
    assert severity_of(results, "련학") is Severity.REVIEW


def test_the_same_guess_on_well_read_print_is_redacted(rules: Rules) -> None:
    results = found(page_of(0.96, GUESS, ["비가", "많이", "온다."]), rules)
    assert severity_of(results, "련학") is Severity.REDACT


def test_a_whole_name_after_a_title_cue_stays_redacted_on_poor_handwriting(rules: Rules) -> None:
    results = found(page_of(0.5, WHOLE, ["비가", "많이", "온다."]), rules)
    assert severity_of(results, "공유진") is Severity.REDACT


def test_numbers_and_dates_stay_redacted_on_poor_handwriting(rules: Rules) -> None:
    results = found(page_of(0.5, ["1998년", "3월", "5일에", "떠났다."]), rules)
    assert any(rule.startswith("date") and sev is Severity.REDACT for rule, sev, _ in results)
