"""A full name found once is redacted wherever the letter repeats it (relay/detect/echoes.py)."""

from __future__ import annotations

from relay.detect import Rules, detect
from relay.detect.document import Doc
from relay.detect.echoes import echo_names, name_keys
from relay.model import Finding, Kind, Severity


def _full_name(text: str, name: str) -> Finding:
    start = text.index(name)
    return Finding(Kind.PERSON, Severity.REDACT, 0.9, start, start + len(name), "person.context")


def _spans(text: str, findings: list[Finding]) -> list[str]:
    return [text[f.start : f.end] for f in findings if f.rule == "person.echo"]


def test_the_given_name_is_redacted_where_the_letter_repeats_it(rules: Rules) -> None:
    text = "아버지 우봄비는 공장에서 일하셨다.\n봄비 아버지가 일하던 공장이 보인다. 우봄비 씨는 잘 있다."
    found = echo_names(Doc(text, rules), [_full_name(text, "우봄비")])
    # The full name again, and the given name alone ("봄비 아버지"); never the 봄비 inside 우봄비.
    assert sorted(_spans(text, found)) == ["봄비", "우봄비"]
    assert [f.start for f in found if text[f.start : f.end] == "우봄비"] == [
        text.index("우봄비"),
        text.rindex("우봄비"),
    ]
    assert all(f.severity is Severity.REDACT and f.kind is Kind.PERSON for f in found)


def test_the_full_name_and_the_given_name_are_both_looked_for(rules: Rules) -> None:
    text = "동생 김하늘이 태어났다. 하늘은 착하다. 김 하늘 동무를 찾는다."
    found = echo_names(Doc(text, rules), [_full_name(text, "김하늘")])
    echoed = _spans(text, found)
    assert "하늘" in echoed  # 하늘은
    assert "김 하늘" in echoed  # OCR spacing inside the name does not hide it
    # Everything echoed is redacted, and detect() itself does the same.
    assert any(f.rule == "person.echo" for f in detect(text, rules))


def test_only_word_initial_mentions_are_echoed(rules: Rules) -> None:
    text = "동생 김하늘이 태어났다. 밤하늘이 맑다."
    found = echo_names(Doc(text, rules), [_full_name(text, "김하늘")])
    assert _spans(text, found) == []  # 하늘 inside 밤하늘 is another word


def test_only_full_names_are_echoed(rules: Rules) -> None:
    assert name_keys(Doc("", rules), "우봄비는") == ["우봄비", "봄비"]  # the particle is left out
    assert name_keys(Doc("", rules), "남궁만진") == ["남궁만진", "만진"]  # a two-syllable surname
    assert name_keys(Doc("", rules), "봄비") == []  # no surname: too weak to spread
    assert name_keys(Doc("", rules), "김구") == []  # a one-syllable given name would echo everywhere
    text = "봄비 아버지가 일하던 공장. 봄비가 온다."
    review = Finding(Kind.PERSON, Severity.REVIEW, 0.6, 0, 2, "person.slot")
    assert echo_names(Doc(text, rules), [review]) == [review]  # a guess is not spread either


def test_a_letter_without_names_is_left_alone(rules: Rules) -> None:
    text = "오늘은 날씨가 좋다. 하늘이 맑다."
    assert echo_names(Doc(text, rules), []) == []
    assert not [f for f in detect(text, rules) if f.kind is Kind.PERSON]


def test_a_given_name_glued_to_a_kinship_word_is_echoed(rules: Rules) -> None:
    text = "온성 사람 홍초롱, 올해로 한국생활 6년째다.\n너를 걱정하는누나초롱이"
    found = echo_names(Doc(text, rules), [_full_name(text, "홍초롱")])
    assert "초롱" in _spans(text, found)
    glued = next(f for f in found if f.rule == "person.echo")
    assert text[glued.start - 2 : glued.start] == "누나"


def test_review_mention_is_redacted_when_the_same_name_is_sure_elsewhere() -> None:
    # OCR split the particle off the first mention (a guess, alone); the call two lines on is sure.
    text = "보고 싶은 세준 에게\n잘 지내니?\n세준아, 너는 혼자가 아니다."
    persons = [(text[f.start : f.end], f.severity) for f in detect(text) if f.kind is Kind.PERSON]
    assert persons == [("세준", Severity.REDACT), ("세준", Severity.REDACT)]
    # Alone, the first mention stays a guess for a moderator (no kinship word before it says a name).
    alone = "보고 싶은 세준 에게\n잘 지내니?"
    assert [(f.severity, f.rule) for f in detect(alone) if f.kind is Kind.PERSON] == [
        (Severity.REVIEW, "person.salutation")
    ]
    # After a kinship word the salutation is sure on its own, its particle set apart or not.
    kin = "사랑하는 아들 같은 세준 에게\n잘 지내니?"
    assert [(f.severity, f.rule) for f in detect(kin) if f.kind is Kind.PERSON] == [
        (Severity.REDACT, "person.salutation")
    ]
