"""Number, contact and address classes added for the outside18/19 round, with benign look-alikes.

Sentences here are written for the tests, not copied from the tables."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # An old-style phone number: the exchange named with 국.
        ("집 전화는 공이 칠칠오 국에 삼팔일구 번이다", "칠칠오 국에 삼팔일구"),
        ("사무실은 512국의 7730번으로 걸어라", "512국의 7730번"),
    ],
)
def test_phone_by_exchange(text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, "phone")


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # A handle said aloud with its underscore, or with 골뱅이 and digits.
        ("라인 민지 언더바 케이 팔칠로 친구 추가해", "민지 언더바 케이 팔칠"),
        ("텔레그램 골뱅이 참새 공팔로 연락해", "골뱅이 참새 공팔"),
        # Fillers and commas between the cue and a spelled name.
        ("카톡 아이디, 음, 제이 아이 엠 오 칠칠, 그거야", "제이 아이 엠 오 칠칠"),
    ],
)
def test_spoken_handles(text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, "messenger")


@pytest.mark.parametrize(
    ("text", "detail", "kind"),
    [
        # 녀: 년 with its final consonant lost.
        ("할머니는 2009녀 4월 11일에 돌아가셨다.", "2009녀 4월 11일", "date"),
        # The jamo ㅣ read for the digit 1.
        ("군번 ㅣ23-40571 아직 기억하니", "ㅣ23-40571", "id_number"),
        # A hall named by 관 before its lettered building, a house of care after the number, an office.
        ("저는 진리관 C동 305호에 삽니다.", "진리관 C동 305호", "address"),
        ("부산 동구 초량로 12 요양원 원무과로 보내 주세요", "부산 동구 초량로 12 요양원", "address"),
        ("소포는 용봉로 77 기숙사 3동 관리실로.", "용봉로 77 기숙사 3동 관리실", "address"),
    ],
)
def test_number_classes(text: str, detail: str, kind: str, rules: Rules) -> None:
    assert covered(text, detail, rules, kind)


@pytest.mark.parametrize(
    "text",
    [
        "상임이사국에 다섯 나라가 있다.",
        "삼국에 사이좋게 나눠 주었다.",
        "중국에 사는 이모가 천 원을 보냈다.",
        "인스타 골뱅이 무침 사진 올렸어.",
        "인스타 이 점 좋아 보이더라.",
        "체육관 3층에서 운동했어요.",
        "교회 2층에서 예배를 드렸다.",
        "사무실 3층에 있어요.",
        "병원 5층 입원실에 있었다.",
        "ㅣ 이거 뭐라고 쓴 거야",
    ],
)
def test_look_alikes_not_flagged(text: str, rules: Rules) -> None:
    kinds = {"phone", "messenger", "address", "date", "id_number"}
    assert [s for s in spans(text, rules) if s[0] in kinds] == []


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # The city, province or state and postal code closing a North American address.
        ("삼촌 주소는 Markham, ON L3R 5B4 입니다.", "Markham, ON L3R 5B4"),
        ("이모는 Fort Lee, NJ 07024 에 산다.", "Fort Lee, NJ 07024"),
    ],
)
def test_region_postal(text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, "address")


@pytest.mark.parametrize(
    "text",
    ["call me, or 12345 is fine", "We won 3 to 1 on the 24th.", "우리 팀 on 3 off 2 로 일해"],
)
def test_region_postal_look_alikes(text: str, rules: Rules) -> None:
    assert [s for s in spans(text, rules) if s[0] == "address"] == []
