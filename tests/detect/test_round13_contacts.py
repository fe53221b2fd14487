"""Round 13 contact details: numbers OCR printed character by character with look-alikes, account
names spelled aloud letter by letter after a messenger's name, and the numbers of a soldier's card and
of a tank; with the everyday sentences of the same shapes that must stay clean.

- a date whose digits OCR set apart, a look-alike at an edge or before a unit set apart ("l 9 8 4 년",
  "2O2l 년 l 월", "lO 월");
- a phone number in three groups of look-alikes split by spaces only, or its first group spaced
  character by character ("OlO 3S62 7O4l", "O l O - 4Sl2 - 77O8");
- a numeric date after a full stop glued to it by OCR's spacing ("요. 2 O l 9 . 3 . 5");
- a year named relative to the letter's with its first syllable set apart ("재 작년 추석에");
- an account name spelled in Korean letter names, with 밑줄 and digit names, after the messenger;
- the number of a soldier's identity card and of a tank.
"""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import covers, found


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("l 9 8 4 년 봄 에 고 향 을 떠 났 다 .", "l 9 8 4 년"),
        ("2O2l 년 l 월 에 두 만 강 을 건 넜 다 .", "2O2l 년 l 월"),
        ("삼 촌 은 l97l 년 lO 월 8 일 생 이 다 .", "l97l 년 lO 월 8 일"),
        ("2 OO 9 년 6 월 l S 일 에 혜 산 을 떠 났 다 .", "2 OO 9 년 6 월 l S 일"),
        ("2Ol O 년 3 월 , 장 마 당 에 서 장 사 를 했 다 .", "2Ol O 년 3 월"),
        ("잘 지 내 라 . 2 O l 9 . 3 . 5 아 버 지", "2 O l 9 . 3 . 5"),
        ("우리 할아버지는 재 작년 추석에 돌아가셨다.", "재 작년 추석"),
    ],
)
def test_dates_ocr_spaced(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.DATE)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("새 번 호 OlO 3S62 7O4l 로 해 라 .", "OlO 3S62 7O4l"),
        ("전 화 O l O - 4Sl2 - 77O8 이 다 .", "O l O - 4Sl2 - 77O8"),
        ("집 전 화 O l O 5 8 3 2 l 9 O 7", "O l O 5 8 3 2 l 9 O 7"),
        ("핸 드 폰 Ol O - 6 6 S 3 - 2 l 8 O", "Ol O - 6 6 S 3 - 2 l 8 O"),
    ],
)
def test_phones_ocr_spaced(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.PHONE)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("내 카톡 아이디는 제이 에스 케이 밑줄 공공 삼이야", "제이 에스 케이 밑줄 공공 삼"),
        (
            "인스타는 다솜 별이고 영어로는 디 에이 에스 오 엠 밑줄 에스 티 에이 알이에요",
            "디 에이 에스 오 엠 밑줄 에스 티 에이 알",
        ),
        ("텔레그램 mira_kh07 엠 아이 알 에이 케이 에이치", "엠 아이 알 에이 케이 에이치"),
        ("위챗은 한별 구삼 아니 영어로 hanbyul93이에요", "hanbyul93"),
        ("카톡은 바다 밑줄 고래 칠칠이야", "바다 밑줄 고래 칠칠"),
        ("인스타 아이디는 엠 아이 엔 에 스 오 공팔이요", "엠 아이 엔 에 스 오 공팔"),
    ],
)
def test_spelled_account_names(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.MESSENGER)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("제 군인증 번호는 가 공구 삼일팔칠이사였어요", "가 공구 삼일팔칠이사"),
        ("우리 땅크 번호는 317호였다.", "317호"),
        ("우 리 탱 크 번 호 는 4l2 호 였 다 .", "4l2 호"),
    ],
)
def test_soldier_numbers(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.ID_NUMBER)


@pytest.mark.parametrize(
    "text",
    [
        # a company's initials spelled out after a messenger's name
        "카톡으로 보낸 사진에 에스 케이 텔레콤 대리점이 보이더라",
        "카톡 친구가 엘 지 냉장고를 샀대요",
        # 텔레 of 텔레비전 is no messenger
        "텔레비전에서 케이 비 에스 엠 비 씨 방송을 다 본다",
        # a letter or a look-alike set apart before a date's unit that is no number
        "나 는 I 월 이 라 는 노 래 를 좋 아 한 다",
        "전차 번호가 뭐였는지 이제 기억도 안 난다",
        "군인증은 집에 두고 왔다",
    ],
)
def test_no_contact_detail(text: str) -> None:
    kinds = (Kind.MESSENGER, Kind.PHONE, Kind.ID_NUMBER, Kind.DATE)
    assert not [f for k in kinds for f in found(text, k)]
