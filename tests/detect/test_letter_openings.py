"""A letter's first words name the one written to, or say how dear they are (names._letter_opening)."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import spans


@pytest.mark.parametrize("text", ["귀한 손자에게", "착한 딸 보아라", "예쁜 조카에게", "귀 한 손 자 에 게"])
def test_an_adjective_before_a_kinship_word_is_no_name(text: str, rules: Rules) -> None:
    assert spans(text, rules, "person") == []


@pytest.mark.parametrize(("text", "name"), [("은혁 동생에게", "은혁"), ("주혁 이 보아라", "주혁 이")])
def test_a_name_before_how_a_letter_is_addressed_is_still_found(text: str, name: str, rules: Rules) -> None:
    assert name in [found for _, _, found in spans(text, rules, "person")]
