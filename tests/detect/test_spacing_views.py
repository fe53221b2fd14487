"""relay.detect.page: detection on an OCR'd page read under several word spacings, and garbled
addresses redacted when the rest of their line was read well."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relay.detect import Rules, detect
from relay.detect.carry import carry
from relay.detect.page import detect_page
from relay.model import Finding, Kind, Line, PageText, Severity, Word
from relay.spacing import respace


def syllables(*words: tuple[str, float], conf: float = 0.95) -> Line:
    """A line of tesseract words, each given as (text, gap before it in syllables of 40 pixels); a
    word's pieces separated by "|" are words of their own, 2 pixels apart (tesseract splitting a Korean
    word into syllables)."""
    out: list[Word] = []
    x = 100
    for text, space in words:
        x += round(space * 40)
        for piece in text.split("|"):
            out.append(Word(piece, (x, 100, x + 40 * len(piece), 140), conf))
            x += 40 * len(piece) + 2
    box = (out[0].box[0], 100, out[-1].box[2], 140)
    return Line(box, tuple(out))


def page_of(*lines: Line) -> PageText:
    moved = []
    for i, line in enumerate(lines):
        dy = 100 * i
        words = tuple(
            Word(w.text, (w.box[0], w.box[1] + dy, w.box[2], w.box[3] + dy), w.confidence) for w in line.words
        )
        moved.append(Line((line.box[0], line.box[1] + dy, line.box[2], line.box[3] + dy), words))
    return PageText(3000, 1000, tuple(moved))


def found_text(page: PageText, findings: tuple[Finding, ...], kind: str) -> list[str]:
    text, _ = page.text_and_offsets()
    return [text[f.start : f.end] for f in findings if f.kind.value == kind]


def test_the_respaced_page_is_what_respace_gives(rules: Rules) -> None:
    read = page_of(syllables(("사랑하는", 0), ("아들", 0.3)))
    page, _ = detect_page(read, rules)
    assert page == respace(read)


def test_a_name_glued_by_a_narrow_space_is_found_in_another_reading(rules: Rules) -> None:
    # "학교의 함서옥 선생님을": the space before the name is narrower than the join threshold, so the
    # respaced text reads "학교의함서옥" (a name glued behind a word: review at most there);
    # tesseract's own split finds it before its title, redacted.
    read = page_of(
        syllables(("도움이", 0), ("필요하면", 0.5), ("학교의", 0.5), ("함서옥", 0.2), ("선생님을", 0.5))
    )
    page, findings = detect_page(read, rules)
    text, _ = page.text_and_offsets()
    assert "학교의함서옥" in text
    alone = [f for f in detect(text, rules) if f.kind is Kind.PERSON and "서옥" in text[f.start : f.end]]
    assert all(f.severity is Severity.REVIEW for f in alone), alone
    redacted = [
        text[f.start : f.end] for f in findings if f.kind is Kind.PERSON and f.severity is Severity.REDACT
    ]
    assert any("함서옥" in n for n in redacted), redacted


def test_extra_readings_only_add_findings(rules: Rules) -> None:
    read = page_of(
        syllables(("아버지", 0), ("옥|진|달래는", 0.5), ("평|성|종|합|상|점|에서", 0.2), ("일하셨다", 0.5)),
        syllables(("전화번호는", 0), ("010-1234-5678", 0.5)),
    )
    page, findings = detect_page(read, rules)
    text, _ = page.text_and_offsets()
    alone = detect(text, rules)
    for f in alone:  # every finding of the respaced text is still covered, as strongly
        assert any(
            g.kind is f.kind
            and g.start <= f.start
            and g.end >= f.end
            and (g.severity is Severity.REDACT or f.severity is Severity.REVIEW)
            for g in findings
        )
    assert all(0 <= f.start < f.end <= len(text) for f in findings)


def test_no_alternates_is_plain_detection(rules: Rules) -> None:
    read = page_of(syllables(("김철수", 0), ("동무에게", 0.5)))
    page, findings = detect_page(read, rules, alternates=())
    text, _ = page.text_and_offsets()
    assert findings == detect(text, rules)


def test_an_empty_page(rules: Rules) -> None:
    page, findings = detect_page(PageText(10, 10, ()), rules)
    assert page.lines == () and findings == ()


def test_carry_maps_offsets_by_characters_not_positions() -> None:
    other = "김 철 수 에게"
    target = "김철수 에게"
    chars = [i for i, ch in enumerate(target) if not ch.isspace()]
    f = Finding(Kind.PERSON, Severity.REDACT, 0.9, 0, 5, "r")  # "김 철 수"
    [g] = carry([f], other, chars)
    assert target[g.start : g.end] == "김철수"


def test_carry_drops_findings_on_spaces_only_and_refuses_other_texts() -> None:
    chars = [0, 1, 2]
    assert carry([Finding(Kind.PERSON, Severity.REDACT, 0.9, 1, 2, "r")], "김 철수", chars) == []
    # A text with a different number of characters: nothing carried.
    assert carry([Finding(Kind.PERSON, Severity.REDACT, 0.9, 0, 1, "r")], "김철수야", chars) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            st.text(alphabet=st.sampled_from("김철수영희평양시010-@._ 😀\x00가나"), min_size=1, max_size=6),
            st.floats(min_value=-1.0, max_value=1.5),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_page_gives_offsets_inside_its_text(rules: Rules, words: list[tuple[str, float]]) -> None:
    cleaned = [(t.replace(" ", "").replace("|", "") or "?", g) for t, g in words]
    read = page_of(syllables(*cleaned))
    page, findings = detect_page(read, rules)
    text, _ = page.text_and_offsets()
    assert all(0 <= f.start < f.end <= len(text) for f in findings)


# --- garbled addresses in print ---------------------------------------------------------------------------

GARBLED = "$02\\01144@7ㅁ376ㅁ.00으로"


def garbled_page(conf: float) -> PageText:
    line = Line(
        (100, 100, 1400, 140),
        (
            Word("급한", (100, 100, 180, 140), conf),
            Word("일이", (200, 100, 280, 140), conf),
            Word("있으면", (300, 100, 420, 140), conf),
            Word(GARBLED, (440, 100, 1000, 140), 0.0),
            Word("편지해도", (1020, 100, 1180, 140), conf),
            Word("된다.", (1200, 100, 1300, 140), conf),
        ),
    )
    return PageText(1500, 300, (line,))


def garbled_findings(page: PageText, rules: Rules) -> list[Finding]:
    out, findings = detect_page(page, rules)
    text, _ = out.text_and_offsets()
    return [f for f in findings if f.rule == "contact.garbled_token" and "@" in text[f.start : f.end]]


def test_a_garbled_address_in_a_well_read_line_is_redacted(rules: Rules) -> None:
    [f] = garbled_findings(garbled_page(0.95), rules)
    assert f.severity is Severity.REDACT


@pytest.mark.parametrize("conf", [0.5, 0.8])
def test_a_garbled_address_among_doubtful_words_stays_for_review(rules: Rules, conf: float) -> None:
    [f] = garbled_findings(garbled_page(conf), rules)
    assert f.severity is Severity.REVIEW


def test_a_garbled_address_alone_on_its_line_stays_for_review(rules: Rules) -> None:
    page = PageText(1500, 300, (Line((100, 100, 700, 140), (Word(GARBLED, (100, 100, 700, 140), 0.0),)),))
    [f] = garbled_findings(page, rules)
    assert f.severity is Severity.REVIEW


@pytest.mark.parametrize(
    ("words", "name"),
    [
        # OCR glued the name's particle to the date after it
        ((("동생", 0), ("여", 0.4), ("다진은주체68년3월", 0.4), ("8일생인데", 0.4)), "여 다진"),
        ((("동생", 0), ("김", 0.4), ("다진은주체68년3월", 0.4), ("8일생인데", 0.4)), "김 다진"),
    ],
)
def test_a_name_glued_to_a_date_after_it_is_found(
    rules: Rules, words: tuple[tuple[str, float], ...], name: str
) -> None:
    read = page_of(syllables(*words))
    page, findings = detect_page(read, rules)
    assert name in found_text(page, findings, "person")
    assert any("주체68년3월" in t for t in found_text(page, findings, "date"))


def test_a_glued_detail_alone_adds_no_finding(rules: Rules) -> None:
    read = page_of(syllables(("오늘은2023년", 0), ("3월", 0.4), ("1일이다", 0.4)))
    _, findings = detect_page(read, rules)
    assert {f.kind for f in findings} == {Kind.DATE}
