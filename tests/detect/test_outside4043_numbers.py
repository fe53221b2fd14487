"""Numbers and contacts in the shapes outside40–43 showed missing: an extension taken with its phone
number, years counted in the Buddhist and Dangun eras, numeric dates written with commas, web and mail
addresses read aloud (www split by OCR, hosts of two words, paths, domains said as words), account names
read aloud in parts, ID codes spelled by letter names, and OCR's g for 9 inside a phone number.
The sentences are new; each shape has benign look-alikes that must stay unflagged."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, covered_as, spans

FOUND = [
    # An extension after the number, written or read out, is part of it.
    ("phone", "사무실 번호는 02-3141-5926 내선 208입니다.", "02-3141-5926 내선 208"),
    ("phone", "회사 번호는 공이 삼일사 일오구이 내선 칠번 누르세요", "공이 삼일사 일오구이 내선 칠번"),
    ("phone", "문의는 031-778-2040 내선 1143 으로 하세요.", "031-778-2040 내선 1143"),
    # Years in another era, with the month or the lunar day after them.
    ("date", "불기 2563년 사월에 출가했다", "불기 2563년 사월"),
    ("date", "불기 2566년 동짓달 초이레 합장", "불기 2566년 동짓달 초이레"),
    ("date", "불기 2560년에 절에 들어갔다", "불기 2560년"),
    ("date", "단기 4281년 구월에 태어났소", "단기 4281년 구월"),
    # A spoken year with a space before 년.
    ("date", "어 이천십 구 년 삼월에 왔어", "이천십 구 년 삼월"),
    # Numeric dates with commas after a four-digit year.
    ("date", "우리는 2019, 7, 21 에 떠났다.", "2019, 7, 21"),
    ("date", "2O19,7,21 에 떠났다.", "2O19,7,21"),
    # Web addresses read aloud.
    (
        "url",
        "사이트는 더블 유 더블유 더블유 점 새벽편지 점 오알 점 케이알이에요",
        "더블 유 더블유 더블유 점 새벽편지 점 오알 점 케이알",
    ),
    (
        "url",
        "홈페이지는 더블유더블유더블유 점 남산 새싹 점 오알지예요",
        "더블유더블유더블유 점 남산 새싹 점 오알지",
    ),
    (
        "url",
        "방은 오픈 채팅 점 카카오 점 컴 슬래시 오 슬래시 새벽 별이에요",
        "오픈 채팅 점 카카오 점 컴 슬래시 오 슬래시 새벽 별",
    ),
    ("url", "누리집 봄비마을 점 오알지에서확인하세요", "봄비마을 점 오알지"),
    # E-mail addresses read aloud: a domain said as a word, a one-syllable part before a said dot.
    ("email", "메일은 새벽 골뱅이 튜타 닷 미로 주세요", "새벽 골뱅이 튜타 닷 미"),
    ("email", "지 원 점 박 골뱅이 네이버 점 컴 으로 보내", "지 원 점 박 골뱅이 네이버 점 컴"),
    # Account names read aloud in parts after a messenger's name.
    ("messenger", "카톡은 엠 제이 구구 바다야", "엠 제이 구구 바다"),
    ("messenger", "카톡은 정희 칠사 부산이다", "정희 칠사 부산"),
    ("messenger", "텔레그램 골뱅이 안나 리 오데사로 연락 주세요", "골뱅이 안나 리 오데사"),
    ("messenger", "인스타는 봄날 바다 닷 구구예요", "봄날 바다 닷 구구"),
    # An ID code read as letter names and digit names after its cue, a filler between.
    ("id_number", "수감 번호가 어 에이 비 사오육칠팔로 바뀌었다", "에이 비 사오육칠팔"),
    # OCR's g for 9 inside a phone number's shape.
    ("phone", "전화 OlO-3g58-2l7O 로 해라", "OlO-3g58-2l7O"),
]

NOT_FOUND = [
    ("phone", "회의는 3시 내선 전화로 해요"),
    ("date", "불기라는 말은 처음 들어"),
    ("date", "이 십 년 동안 고생했다"),
    ("date", "점수는 2020, 3, 5점이었다"),
    ("date", "2016, 3, 5 세 번 만났다"),
    ("url", "그 집 점 컴컴하다"),
    ("url", "이 점 컴퓨터로 확인해"),
    ("email", "골뱅이 무침 점 미리 해놔"),
    ("messenger", "카톡 아이디 만들었어 이거 꼭 외워"),
    ("messenger", "카톡은 매일 오후에 봐"),
    ("messenger", "텔레그램 골뱅이 무침으로 보냈다"),
    ("messenger", "인스타는 사진 점 찍었다"),
    ("id_number", "번호가 티 오백 원이래"),
    ("phone", "쌀 1500g 샀다"),
    ("phone", "5g 폰으로 바꿨다"),
]


@pytest.mark.parametrize(("kind", "text", "detail"), FOUND)
def test_found(kind: str, text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, kind), spans(text, rules)


@pytest.mark.parametrize(("kind", "text"), NOT_FOUND)
def test_not_found(kind: str, text: str, rules: Rules) -> None:
    assert not spans(text, rules, kind), spans(text, rules)


def test_korean_account_name_closed_by_keeping_it(rules: Rules) -> None:
    """A Korean account name after 카톡 아이디, closed by 이거 and a verb of keeping it: review."""
    text = "카톡 아이디 하늘맘행복 이거 꼭 저장해"
    assert ("messenger", "review", "하늘맘행복") in spans(text, rules, "messenger")


def test_extension_is_one_finding_with_its_cue(rules: Rules) -> None:
    """내선 goes with the extension, so the number, the cue and the extension are all filled."""
    text = "급하면 02-765-3030 내선 412로 하세요."
    assert ("phone", "redact", "내선 412") in spans(text, rules, "phone")
    assert covered_as(text, "02-765-3030 내선 412", rules, "phone")
