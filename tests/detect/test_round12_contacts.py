"""Round 12 contacts and numbers: the shapes of three more outside writers' dates, numbers and account
names that the rules missed, with new sentences of the same shapes, and near misses that must stay
unflagged.

- a phone number OCR read with its look-alikes and a space lost after one hyphen ("OlO - 2O48 -7733");
- a year read out with a space OCR put inside it and glued to the word before ("생일천구 백…년");
- 음 for 음력 after a year before a lunar month and day; 설 before 전날 or 연휴; a year narrowed to what
  the country lived through (고난의 행군, 화폐개혁, a flood, a crisis); 생 after a date (born then);
- a prisoner's number after 수번 or 수인번호, however short;
- an account name said with 언더바 anywhere, an account name said again with no cue (echo), the
  messenger taking its own particle before 아이디, OCR splitting a word with digits glued to it;
- a channel's handle after the platform's name and a particle and 골뱅이, after the platform's domain said
  aloud, and a channel named with 티비.
"""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind

from .conftest import covers

_CONTACT = {Kind.MESSENGER, Kind.URL, Kind.EMAIL}


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("집 전화 O3l - 77O4 -2258 로 해라", "O3l - 77O4 -2258"),
        ("제 번호는 Ol0 -5582 -9O17 입니다", "Ol0 -5582 -9O17"),
    ],
)
def test_phone_with_a_space_lost_after_a_hyphen(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.PHONE, Kind.ID_NUMBER, share=0.9, last=True)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a year read out, split by OCR and glued to the word before
        ("어머니 생일천구 백오십삼년 시월 삼일 이란다", "천구 백오십삼년 시월 삼일"),
        ("나는 온성군에서이천 삼년에 태어났다", "이천 삼년"),
        # 음 for 음력 after a year
        ("외할아버지는 1938년 음 9월 초이레 생이다", "1938년 음 9월 초이레"),
        ("1962년 음 섣달 스무날에 나셨다", "1962년 음 섣달 스무날"),
        # 설 before the day before it or the holidays
        ("큰아버지는 2016년 설전날에 떠나셨다", "2016년 설전날"),
        ("2004년 설 연휴에 집을 나섰다", "2004년 설 연휴"),
        # a year and what the country lived through then
        ("1997년 고난의 행군 때 외삼촌이 돌아가셨다", "1997년 고난의 행군 때"),
        ("2009년 화폐개혁 때 가게를 접었다", "2009년 화폐개혁 때"),
        ("천구백구십오년 큰물 때 집이 떠내려갔다", "천구백구십오년 큰물 때"),
        # 생 after the date: born then
        ("우리 할매는 1944년 동짓달생 이라오", "1944년 동짓달생"),
    ],
)
def test_dates(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.DATE, share=0.9, last=True)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("전거리 교화소에서 수번 318 을 달고 살았다", "수번 318"),
        ("그때 내 수인번호는 5027 이었소", "수인번호는 5027"),
    ],
)
def test_inmate_numbers(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.ID_NUMBER, Kind.PHONE, share=0.9, last=True)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # said again with no cue before it
        ("인스타는 소라 언더바 칠삼 이야 소라 언더바 칠삼 꼭 적어", "소라 언더바 칠삼"),
        ("텔레그램은 아이디가 청진댁 팔공 이야 청진댁 팔공 그렇게 쳐", "청진댁 팔공"),
        # corrected after 아니
        ("틱톡은 은수 점 하늘 아니 은수 언더바 하늘이야", "은수 언더바 하늘"),
        # the messenger with its own particle before 아이디
        ("카톡은 아이디가 원산댁 이오 이다", "원산댁 이오"),
        # OCR split the word its digits are glued to
        ("카톡 아이디는길주바 다구구야 꼭 붙여 써", "길주바 다구구"),
    ],
)
def test_account_names(text: str, detail: str) -> None:
    assert covers(text, detail, *_CONTACT, share=0.9, last=True)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("유튜브에 골뱅이 회령할매 치면 내 채널 나온다", "골뱅이 회령할매"),
        ("인스타에서 골뱅이 봄날 이모 찾아 주세요", "골뱅이 봄날 이모"),
        ("유튜브 닷컴 청진누나 쳐서 들어와", "유튜브 닷컴 청진누나"),
        ("유튜브 경숙할매 티비 많이 봐 주세요", "경숙할매 티비"),
    ],
)
def test_channels(text: str, detail: str) -> None:
    assert covers(text, detail, *_CONTACT, share=0.9, last=True)


@pytest.mark.parametrize(
    "text",
    [
        # the key spoken of, not an account
        "키보드에서 언더바 치는 법을 몰라서 애먹었다",
        "아이디 중간에 언더바 하나 넣었어",
        "비밀번호에 언더바를 넣으면 더 안전하대",
        # 수 번: several times
        "그 말을 수 번 되풀이했다",
        # 골뱅이 the dish, a channel of a kind
        "유튜브에서 골뱅이 무침 만드는 법 봤어",
        "유튜브 뉴스 티비 틀어 놓고 잤다",
        # 생 beginning a word after a month
        "삼월 생활이 제일 힘들었다",
    ],
)
def test_near_misses_stay_unflagged(text: str) -> None:
    assert not detect(text)
