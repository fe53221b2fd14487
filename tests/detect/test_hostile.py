"""Hostile input: nothing crashes, offsets always fall inside the text as given."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relay.detect import Rules, detect


def _valid(text: str, rules: Rules) -> None:
    for f in detect(text, rules):
        assert 0 <= f.start < f.end <= len(text)
        assert 0.0 <= f.confidence <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\t",
        "\x00\x01\x02\x7f",
        "리영호\x00동무에게",
        "\ud800\udfff\ud83d 청진시 \udc00",
        "😀🇰🇵 철수야 😀 010-1234-5678 👍",
        "清津市 Чонджин 청진시 ช 𝕏",
        "\u202e시진청\u202c \ufeff청진",
        "ᄀ\u1161" * 50,
        "가" * 10_000,
        "0" * 5_000,
        "@" * 1000 + "a" * 1000,
        "제" * 3000 + "1" * 3000,
    ],
)
def test_odd_text(rules: Rules, text: str) -> None:
    _valid(text, rules)


def test_empty_returns_nothing(rules: Rules) -> None:
    assert detect("", rules) == ()


def test_a_megabyte(rules: Rules) -> None:
    # Mostly junk, with a letter's worth of details every few kilobytes: the shape of a hostile upload.
    junk = "😀 \x00\x1b[31m ABC abc 0xDEADBEEF \ud800 ∑∫ Чонджин 清津 " * 60
    chunk = junk + "사랑하는 아들 철민아 010-1234-5678 함경북도 청진시 abc@naver.com\n"
    text = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    # Also a guard against catastrophic backtracking, which would hang here for hours (and fail the run
    # on its own limit); no clock is read, so a loaded machine cannot fail it.
    found = detect(text, rules)
    assert len(found) > 500
    assert all(0 <= f.start < f.end <= len(text) for f in found)


def test_not_a_string_is_a_type_error(rules: Rules) -> None:
    with pytest.raises(TypeError):
        detect(b"bytes", rules)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=200))
def test_any_text_gives_valid_offsets(rules: Rules, text: str) -> None:
    _valid(text, rules)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            ["청진시", "리영호", "동무", "에게", " ", "\n", "010", "-", "1234", "군단", "제", "5", "O", "l"]
        ),
        max_size=40,
    )
)
def test_detail_soup_gives_valid_offsets(rules: Rules, parts: list[str]) -> None:
    _valid("".join(parts), rules)


_LETTER_WORDS = (
    "누나",
    "형",
    "아버지",
    "사랑하는",
    "철수",
    "봄",
    "이",
    "가",
    "은",
    "아",
    "야",
    "님",
    "씀",
    "드림",
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from([*_LETTER_WORDS, "2023년", " ", " ", "\n", ",", ".", "ㅋ", "A"]), max_size=8),
    st.sampled_from(["누나", "형", "아버지", "경성군출신형"]),
    st.sampled_from([" ", "", "\n", ", "]),
    st.sampled_from(["이", "가", "이가", "아", "봄", "봄은이", "철수가", "하진달래", "ㅋ", "A", "", "."]),
)
def test_letter_ending_soup_gives_valid_offsets(
    rules: Rules, parts: list[str], kin: str, gap: str, last: str
) -> None:
    # How a letter ends: some words, a kinship word, then the last word (one syllable, a name, a name
    # with the friendly 이, a sign or nothing).
    _valid("".join(parts) + kin + gap + last, rules)
