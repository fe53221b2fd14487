"""Round 14 places: landmarks of a home village named by a stem no list holds and their class noun, told
by what is said after them (a stream that flows, a hill climbed or seen, a pass gone over, a bridge
crossed or named, a station near, a pond swum in, a market gone to), typed, spaced syllable by syllable
or split by a stray space; and the towns and quarters the gazetteers lacked (Khabarovsk krai's districts,
Amur oblast's towns, Moscow oblast's cities and Moscow's outer districts, quarters of 전주, 청주, 부산 사하구
and 파주). Names and places below are none of the tables'.
"""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import covers, found

PLACE = (Kind.PLACE, Kind.ADDRESS, Kind.ORG)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a stream that flows past the village, or that is named as the village's stream
        ("우리 마을 앞으로 송림천이 흘러 여름이면 멱을 감았다.", "송림천"),
        ("마 을 앞 에 구 룡 천 이 흐 르 고 있 었 지 비", "구 룡 천"),
        ("집 뒤에 대평천이라는 내가 있었는데 거기서 놀았어", "대평천"),
        ("앞으로 남산강이 흘렀시오.", "남산강"),
        # a hill climbed, seen or standing behind the village, a pass gone over
        ("학교 뒤 그 송악봉 보이디 거기 올라가서 놀았어", "송악봉"),
        ("우리 마을 뒤로 매봉산이 있고 역에서 기차를 탔지비.", "매봉산"),
        ("고개 넘어 마 천 령 길 로 다 녔 소", "마 천 령"),
        # a bridge crossed or named
        ("어 그 광명다리 건너서 학교 다녔디", "광명다리"),
        ("다 리 는 신 창 다 리 라 햇 소 .", "신 창 다 리"),
        ("앞 에 는 룡 수 다 리 가 잇 엇 지 비", "룡 수 다 리"),
        # a station near by, a pond swum in, a market gone to
        ("마을에서 룡담역이 가까웠소.", "룡담역"),
        ("우리 동네 송화저수지에서 물장구쳤던 거 기억나?", "송화저수지"),
        ("오마니는 덕성장마당에 나가서 두부를 팔았어", "덕성장마당"),
        # lived by
        ("그 봉화다리 쪽에서 살았다고 하더라고요", "봉화다리"),
    ],
)
def test_cued_landmarks_are_found(text: str, detail: str) -> None:
    assert covers(text, detail, *PLACE)


@pytest.mark.parametrize(
    "text",
    [
        # everyday streams, hills, bridges and markets: known words, or generic words before the class noun
        "돌다리를 건너서 학교에 갔다.",
        "나무다리를 건너서 집에 왔다.",
        "한강 다리를 건너 출근한다.",
        "매일 아침 뒷산에 올라간다.",
        "매일 아침뒷산에 올라간다.",
        "작은 강이 흐르고 있었다.",
        "세월이 흘러 강물이 흐르고 꽃이 피었다.",
        "그 산에 올라가서 놀았다.",
        "동네 시장에 가서 찐빵을 하나 삽니다.",
        "운동장에 나가서 놀았다.",
        "재산이 있고 집도 있다.",
        "명령이 있었고 우리는 따랐다.",
        # a particle of the word before, spaced as if the stem of a stream
        "어 릴 때 겨 울 마 다 강 에 서 썰 매 탔 던 거 생 각 나 .",
        "어 릴 때 여 름 마 다 개 울 에 서 멱 을 감 았 다",
        # the new gazetteer names' everyday look-alikes
        "힘 키워서 이겨라. 운동으로 힘키우기.",
        "제야의 종소리를 들었다.",
    ],
)
def test_everyday_landmark_words_are_not_places(text: str) -> None:
    assert not found(text, Kind.PLACE)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("나는 아무르주 벨로고르스크 옆에 림업소에 있었어", "벨로고르스크"),
        ("그 아무르주 스보보드니 근처 벌목장", "스보보드니"),
        ("하바롭스크 베르흐네부레인스키 쪽 벌목장에서 일했다", "베르흐네부레인스키"),
        ("모스크바주 포돌스크의 공사장에서 일했지.", "포돌스크"),
        ("모 스 크 바 주 미 티 시 의 아 파 트 공 사 장", "모 스 크 바 주"),
        ("모스크바 부토보 아파트 공사장에 있었다.", "부토보"),
        ("지금 전북 전주시 삼천동에서 살아", "삼천동"),
        ("지금은 충북 청주시 복대동에 살고", "복대동"),
        ("지금 부산 사하구 장림동 산다", "장림동"),
        ("경기도 파주시 교하동에서 일한다.", "교하동"),
    ],
)
def test_new_gazetteer_places_are_found(text: str, detail: str) -> None:
    assert covers(text, detail, *PLACE)
