"""A handle in Hangul (@울산탈북민협의회) is taken only right after a word for a channel or an account:
handwriting OCR reads stray strokes as @, and a page read with its words glued together made a whole
line after such an @ into a "handle" that was filled."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("유튜브 채널 @평화의다리 구독해 주세요", "@평화의다리"),
        ("인스타는 @봄날의하늘 이에요", "@봄날의하늘"),
        ("텔레그램 아이디 @통일로가는길", "@통일로가는길"),
    ],
)
def test_hangul_handles_after_a_cue_are_found(rules: Rules, text: str, handle: str) -> None:
    start, end = text.index(handle), text.index(handle) + len(handle)
    found = detect(text, rules)
    assert any(f.kind.value == "messenger" and f.start <= start and f.end >= end for f in found), text


@pytest.mark.parametrize(
    "text",
    ["멀리 @향에서고상타는동생들에게 보낸다", "우리 @집앞에서 만나요", "고향 @ 생각이 난다"],
)
def test_stray_at_before_hangul_is_no_handle(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.kind.value == "messenger"], text
