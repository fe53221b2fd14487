"""Person findings that cut a word Kiwi knows are trimmed to it or left to a moderator (pieces.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from relay.detect import Rules, detect
from relay.detect.document import Doc
from relay.detect.pieces import demote_word_pieces
from relay.model import Finding, Kind, Severity


def _person(text: str, piece: str, severity: Severity = Severity.REDACT) -> Finding:
    start = text.index(piece)
    return Finding(Kind.PERSON, severity, 0.9, start, start + len(piece), "person.context")


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        ("15일생인데 지금은 군대에 갔다.", "금은"),  # inside 지금
        ("존경하는 젊은 전사 여러분께 인사드린다.", "러분"),  # inside 여러분
        ("너를 걱정하는 누나가 있다.", "정하"),  # inside 걱정
        ("나는 4소대 출신이야.", "신이"),  # inside 출신
        ("혼자서 고민하지 마라.", "민하지"),  # inside 고민
    ],
)
def test_a_name_cut_out_of_an_everyday_word_is_left_to_review(rules: Rules, text: str, piece: str) -> None:
    finding = _person(text, piece)
    (judged,) = demote_word_pieces(Doc(text, rules), [finding])
    assert judged.severity is Severity.REVIEW  # kept for the moderator, not dropped
    assert (judged.start, judged.end) == (finding.start, finding.end)


@pytest.mark.parametrize(
    ("text", "piece", "name"),
    [
        ("소식만 들었다.\n우리 서희 삼촌은 잘 있다.", "리 서희", "서희"),  # 우리's last syllable as a surname
        ("소식만 들었다.\n우리 서희 삼촌은 잘 있다.", "서희 삼", "서희"),  # 삼촌's first as a given name
    ],
)
def test_a_name_that_borrowed_a_syllable_is_trimmed_and_stays_redacted(
    rules: Rules, text: str, piece: str, name: str
) -> None:
    (judged,) = demote_word_pieces(Doc(text, rules), [_person(text, piece)])
    assert judged.severity is Severity.REDACT
    assert text[judged.start : judged.end] == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("동생계청숙은 주체92년에 태어났다.", "계청숙"),  # glued to a kinship word: its own morpheme
        ("너를 걱정하는 누나 은지가 보낸다.", "은지"),
        ("교회에서 만난 석천혁 목사님이 도와주셨다.", "석천혁"),
    ],
)
def test_real_names_are_left_alone(rules: Rules, text: str, name: str) -> None:
    finding = _person(text, name)
    assert demote_word_pieces(Doc(text, rules), [finding]) == [finding]
    assert any(
        f.kind is Kind.PERSON and f.severity is Severity.REDACT and name in text[f.start : f.end]
        for f in detect(text, rules)
    )


def test_only_redacted_person_findings_are_judged(rules: Rules) -> None:
    text = "15일생인데 지금은 군대에 갔다."
    place = replace(_person(text, "금은"), kind=Kind.PLACE)
    review = _person(text, "금은", Severity.REVIEW)
    assert demote_word_pieces(Doc(text, rules), [place, review]) == [place, review]


def test_without_configured_parts_of_speech_nothing_changes(rules: Rules) -> None:
    names = rules.config.names.model_copy(update={"word_piece_tags": frozenset()})
    bare = replace(rules, config=rules.config.model_copy(update={"names": names}))
    text = "15일생인데 지금은 군대에 갔다."
    finding = _person(text, "금은")
    assert demote_word_pieces(Doc(text, bare), [finding]) == [finding]


@pytest.mark.parametrize(
    "text", ["15일생인데 지금은 군대에 갔다.", "나는 4소대 출신이야.", "온 동네가 기뻐했다."]
)
def test_no_name_is_burned_into_everyday_words(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.kind is Kind.PERSON and f.severity is Severity.REDACT]


def test_what_is_left_after_the_trim_must_not_be_a_known_non_name(rules: Rules) -> None:
    text = "5일에 한국국적을 받았다."  # 한 read as a surname, 국 taken from 국적: 한국 is left
    finding = _person(text, "한국국")
    (judged,) = demote_word_pieces(Doc(text, rules), [finding])
    assert judged.severity is Severity.REVIEW and (judged.start, judged.end) == (finding.start, finding.end)


def test_a_known_word_that_only_adds_a_particle_is_no_cut(rules: Rules) -> None:
    # Kiwi reads the unknown name 덕무 with its particle as 덕 + 무가 (a word of its own).
    text = "누가 살고 있을까. 누나 덕무가 시집간 곳이 궁금하다."
    finding = _person(text, "덕무")
    assert demote_word_pieces(Doc(text, rules), [finding]) == [finding]


def test_a_place_left_after_the_trim_stays_redacted(rules: Rules) -> None:
    text = "사람 사는 건 다 같다.\n자강 자성 사람들은 인정이 많다."  # 강 of 자강 taken for a surname
    (judged,) = demote_word_pieces(Doc(text, rules), [_person(text, "강 자성")])
    assert judged.severity is Severity.REDACT and text[judged.start : judged.end] == "자성"
