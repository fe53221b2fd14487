"""Cue words before an identifier ("주민등록번호", "카톡 아이디는", "이메일은") say what follows and name
no one: findings cover the value, and the cue stays readable. An account name that OCR could not read
is found after its cue even without an address separator."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import spans


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("새 주민등록번호 850317-2045116 을 받았다.", "850317-2045116"),
        ("제 여권번호는 M48291735 입니다.", "M48291735"),
        ("아버지 군번은 다-573920 이었다.", "다-573920"),
        ("그의 군번 44-81730295 를 기억한다.", "44-81730295"),
    ],
)
def test_an_id_finding_is_the_value_without_its_cue(rules: Rules, text: str, value: str) -> None:
    found = [t for k, _, t in spans(text, rules, "id_number")]
    assert value in found
    assert not any(cue in t for t in found for cue in ("주민등록번호", "여권번호", "군번"))


def test_an_unreadable_account_after_its_cue_leaves_the_cue_readable(rules: Rules) -> None:
    text = "위챗 아이디는 $7ㅁ_0ㅇ19.1 으로 찾아라."
    found = [t for k, _, t in spans(text, rules, "messenger")]
    assert found and not any("아이디" in t for t in found)


@pytest.mark.parametrize(
    "text",
    [
        "라인 아이 디는ㄱ01ㅇ5738로 찾으면 나온다.",  # letters became digits and jamo
        "카톡 아이디는 ㄱ01ㅇ5738 이다.",
    ],
)
def test_an_unreadable_account_without_separators_is_found_after_its_cue(rules: Rules, text: str) -> None:
    assert any(sev == "redact" for _, sev, _ in spans(text, rules, "messenger"))


@pytest.mark.parametrize(
    "text",
    [
        "내 아이디는 2002년에 만든 거야.",
        "카톡 아이디는 나중에 알려줄게.",
        "아이디는 잊어버렸다.",
    ],
)
def test_no_account_where_the_cue_is_followed_by_words(rules: Rules, text: str) -> None:
    assert spans(text, rules, "messenger") == []


def test_a_few_stray_signs_after_an_account_cue_are_reviewed(rules: Rules) -> None:
    # All OCR kept of an account name: review, so the ink there is looked at.
    found = spans("위챗 아이 디 는 ^. 너 ㅋ 으로 연락해라.", rules, "messenger")
    assert found and all(sev == "review" for _, sev, _ in found)
    assert not any("아이" in t for _, _, t in found)
