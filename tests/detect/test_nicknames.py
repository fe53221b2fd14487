"""Nicknames friends and comrades are known by, in the slots only a name fills (relay/detect/nicknames.py),
and a name label before a question whether the name is remembered (titled._labelled)."""

from __future__ import annotations

from pathlib import Path

import pytest

from relay.detect import Rules, detect, load_rules
from relay.model import Severity

from .conftest import covered, spans


@pytest.mark.parametrize(
    ("text", "nickname"),
    [
        ("야 영철아 나 똥개 알지? 와우도소학교 삼반 똥개", "똥개"),
        ("ㅋㅋ 원석아 나 황주 돼지ㅋㅋ 알지?", "돼지"),
        ("어 광철아 이거 찍히는 거 맞지 나야 짱구", "짱구"),
        ("용남아, 나 짱구, 아니 오세철이야, 알지?", "짱구"),
        ("나 곰이다.", "곰"),
        ("야 꺽다리, 나 장백에서 온 박 사장이다.", "꺽다리"),
        ("우리 철민아, 아니 우리 곰돌이야, 엄마다 엄마.", "곰돌이"),
        ("야 똘똘이, 운흥군에서 같이 멱 감던 친구다.", "똘똘이"),
        ("야 감자야, 나 명호다.", "감자"),
    ],
)
def test_a_listed_nickname_in_a_name_slot_is_reviewed(text: str, nickname: str, rules: Rules) -> None:
    assert covered(text, nickname, rules, "person")


@pytest.mark.parametrize(
    "text",
    [
        "나 감자 먹었어.",
        "우리 감자 농사가 잘 됐다.",
        "야 호랑이 봤어?",
        "나 번개처럼 달렸다.",
        "우리 집 강아지야.",
        "나도 곰 인형이 있어.",
    ],
)
def test_the_same_words_elsewhere_are_no_names(text: str, rules: Rules) -> None:
    assert spans(text, rules, "person") == []


def test_a_nickname_is_reviewed_not_redacted(rules: Rules) -> None:
    assert ("person", "review", "짱구") in spans("나야 짱구", rules)


def test_nicknames_come_from_the_config(config: Path) -> None:
    toml = config / "detect" / "rules.toml"
    text = toml.read_text(encoding="utf-8")
    start = text.index("\nnicknames = [")
    end = text.index("]\n", start)
    toml.write_text(text[:start] + '\nnicknames = ["번데기"' + text[end:], encoding="utf-8")
    mine = load_rules(config)
    assert mine.config.names.nicknames == frozenset({"번데기"})
    assert ("person.nickname", Severity.REVIEW) in [(f.rule, f.severity) for f in detect("나야 번데기", mine)]
    assert "person.nickname" not in [f.rule for f in detect("나야 짱구", mine)]


@pytest.mark.parametrize(
    ("text", "nickname"), [("너 별명 깡통 기억하니?", "깡통"), ("니 어릴 때 별명 왕눈이 기억나지", "왕눈이")]
)
def test_a_labelled_name_before_remembering_it(text: str, nickname: str, rules: Rules) -> None:
    assert covered(text, nickname, rules, "person")


@pytest.mark.parametrize("text", ["그 이름 정말 기억 안 나", "이름 하나 기억해 둬", "이름 잘 모르겠어"])
def test_a_label_before_other_words_and_remembering_is_no_name(text: str, rules: Rules) -> None:
    assert spans(text, rules, "person") == []
