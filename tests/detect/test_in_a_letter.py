"""A detail found in a sentence on its own is still found when the sentence is a line of a letter.

The evaluation tables score one line at a time, but letters and OCR'd pages are read whole, and a line
follows another that ends with a full stop. The number rules that read the text without spaces saw that
full stop glued to the number ("있 어 . l 9 9 7 년" read as "있어.l997년") and took it for a decimal point or
a longer number, so a year OCR had spaced apart was lost at the start of every line but the first. The
sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind

from .conftest import covers

# (sentence, detail, kind)
LINES = [
    ("1 9 7 8 년 에 입 대 했 다 .", "1 9 7 8 년", Kind.DATE),
    ("2O11 년 겨 울 에 강 을 건 넜 다", "2O11 년 겨 울", Kind.DATE),
    ("l 9 6 4 년 봄 에 태 어 났 다 .", "l 9 6 4 년 봄", Kind.DATE),
    ("2019.03.14 에 떠났다", "2019.03.14", Kind.DATE),
    ("1 9 년 1 1 월 에 왔 다", "1 9 년 1 1 월", Kind.DATE),
]
BEFORE = ["잘 있 어 . ", "잘 있어라.\n", "그게 다였다 . \n", "보고 싶다!\n", "그랬지...\n"]


@pytest.mark.parametrize(("text", "detail", "kind"), LINES)
@pytest.mark.parametrize("before", BEFORE)
def test_a_line_after_a_full_stop_keeps_its_detail(text: str, detail: str, kind: Kind, before: str) -> None:
    assert covers(text, detail, kind), text  # found on its own: the comparison below means something
    assert covers(before + text, detail, kind), before + text


@pytest.mark.parametrize(
    "text",
    [
        "키는 3.1976미터쯤 되겠다",  # a decimal's tail is not a year
        "점수는 8.2019점이다",
    ],
)
def test_a_number_after_a_decimal_point_is_not_a_year(text: str) -> None:
    assert not [f for f in detect(text) if f.kind is Kind.DATE], text


# A surname that is also a counter (장 for sheets, 권 for volumes) after digits read out one by one, the
# end of a phone number or a handle on the line before, was taken for the digits' counter and the name
# dropped: digits said one by one are counted by nothing.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("제 번호는 공일공 삼삼팔일 구구공칠\n권만호 아저씨가 기다리신다", "권만호"),
        ("번호 공일공 칠칠사삼 육일팔구 장만철 아저씨 번호야", "장만철"),
        ("텔레그램은 에스 케이 칠공 장천수 형님이 만들어 줬다", "장천수"),
    ],
)
def test_a_name_after_digits_read_out_is_a_name(text: str, name: str) -> None:
    assert covers(text, name, Kind.PERSON), text


@pytest.mark.parametrize("text", ["사진 이삼 장 보낸다 받아라", "사진 삼 장 보낸다", "책을 칠팔 권 읽었다"])
def test_a_counter_after_an_amount_is_no_name(text: str) -> None:
    assert not [f for f in detect(text) if f.kind is Kind.PERSON], text
