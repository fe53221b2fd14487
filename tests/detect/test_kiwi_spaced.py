"""Letter-spaced lines read again with the spaces Kiwi would write (relay/detect/joined.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from relay.detect import Rules, detect
from relay.detect.morph import space
from relay.detect.rules import JoinedConfig
from relay.model import Kind

from .conftest import one_covers


def test_a_name_in_a_letter_spaced_line_is_found_where_it_reads_as_ordinary_korean() -> None:
    # As "아들 동욱아, 애비다." the vocative after a kinship word names the son; spaced, no rule saw it.
    assert one_covers("아 들 동 욱 아 , 애 비 다 .", "동 욱", Kind.PERSON)


def test_findings_land_on_the_letter_spaced_line_in_the_texts_own_offsets(rules: Rules) -> None:
    text = "오늘은 비가 온다.\n아 들 동 욱 아 , 애 비 다 ."
    people = [text[f.start : f.end] for f in detect(text, rules) if f.kind.value == "person"]
    assert people == ["동 욱"]


def test_the_reading_adds_nothing_to_lines_not_spaced_letter_by_letter(rules: Rules) -> None:
    plain = "어제는 시장에 갔다가 늦게 돌아왔다."
    alone = detect(plain, rules)
    with_spaced = detect(plain + "\n아 들 동 욱 아 , 애 비 다 .", rules)
    assert [f for f in with_spaced if f.end <= len(plain)] == list(alone)


@pytest.mark.parametrize(
    "text",
    [
        "세 상 에 쉬 운 일 은 하 나 도 없 다 .",
        "오 늘 은 날 씨 가 참 좋 구 나 . 밥 잘 먹 고 건 강 해 라 .",
        "할 머 니 는 요 즘 과 자 포 장 을 하 신 다 .",
    ],
)
def test_everyday_letter_spaced_lines_stay_unflagged(text: str, rules: Rules) -> None:
    assert detect(text, rules) == ()


def test_rules_left_out_of_the_reading_must_be_rule_ids() -> None:
    with pytest.raises(ValidationError):
        JoinedConfig(not_when_kiwi_spaced=("org company",))
    cfg = JoinedConfig(not_when_kiwi_spaced=("org.suffix", "place."))
    assert not cfg.takes_kiwi_spaced("org.suffix")
    assert not cfg.takes_kiwi_spaced("place.damaged_stem")
    assert cfg.takes_kiwi_spaced("person.context")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("가나다라 한국어\n.,?ㄱ1aé\u200b"), max_size=80))
def test_kiwi_spacing_changes_only_spaces(text: str) -> None:
    spaced = space(text)
    assert "".join(spaced.split()) == "".join(text.split())
    assert spaced.count("\n") == text.count("\n")


@pytest.mark.parametrize(
    "text", ["조 카 야 , 큰 아 버\n지 다 .", "아 들 보 아\n라", "명\n태 국 끓 여 먹 고 싶 다"]
)
def test_a_word_a_line_break_cut_is_read_whole(text: str, rules: Rules) -> None:
    # A short line of single syllables beside a letter-spaced line holds the rest of its last word (큰아버지,
    # 보아라, 명태국): read apart, the pieces looked like a name or a country.
    assert detect(text, rules) == ()
