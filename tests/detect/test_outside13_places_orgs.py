"""Place and organisation classes found missing in a thirteenth outside writer's letters (table
outside13), and everyday look-alikes that must stay unflagged. The sentences are new ones of the same
shapes."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, found


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # everyday trades named by a glued word: mills, dojos, asphalt plants, opticians, rest areas
        ("지금은 안산에서 고향떡방앗간을 하고 있어요.", "고향떡방앗간"),
        ("아들은 대전에서 푸른솔태권도장을 한다.", "푸른솔태권도장"),
        ("남편은 진천의 한길레미콘에서 기사로 일한다.", "한길레미콘"),
        ("새벽엔 덕평휴게소에 자주 있다.", "덕평휴게소"),
        ("누나는 밝은눈안경원에서 일해요.", "밝은눈안경원"),
        ("제 가게는 부평 별빛네일이에요.", "별빛네일"),
        # clinics named by a word and their specialty
        ("딸은 분당 바른정형외과에서 간호조무사로 일해요.", "바른정형외과"),
        ("저는 한솔피부과 실장이에요.", "한솔피부과"),
        # a logistics firm named by an everyday word
        ("저는 은하물류 창고에서 일해요.", "은하물류"),
        # the same endings split by OCR
        ("지금은 시흥에서 고향떡방 앗간을 하고 있소.", "고향떡방 앗간"),
        ("새벽엔 덕평휴게 소에 자주 있다.", "덕평휴게 소"),
        # industrial parks and kolkhozes
        ("다니는 데는 반월산업단지의 한 공장이오.", "반월산업단지"),
        ("어릴 적엔 시온고 콜호즈에서 목화를 땄지.", "시온고 콜호즈"),
        # a district's party or youth-league committee
        ("나는 청진시 포항구역위원회 지도원이었소.", "포항구역위원회"),
        # a publisher opened by 도서출판
        ("책은 도서출판 푸른들녘에서 나왔다.", "도서출판 푸른들녘"),
        # a numbered pit or work team after the mine or farm
        ("아버지는 무산광산 3갱에서 일하셨다.", "무산광산 3갱"),
        # a short school name and the grade
        ("나 상계중 2학년임", "상계중"),
        # an embassy with 주 and the host country before it
        ("방콕에 가서 주태국 대한민국대사관에 들어갔다.", "주태국 대한민국대사관"),
        # an English café or hotel name
        ("We used to meet at Cafe Blue Door in Mapo.", "Cafe Blue Door"),
    ],
)
def test_orgs_in_new_shapes_are_found(rules: Rules, text: str, org: str) -> None:
    assert covered(text, org, rules, "org"), (text, found(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a stem and 리 that Kiwi reads as a phrase (산 + 진리), before a verb of living there
        ("작은아버지는 아직 산진리에 사신다.", "산진리"),
        # a Chinese county after its city and a word of position
        ("연길 근처 화룡현에 살았다.", "화룡현"),
        ("가목사 근처 탕원현 시골이었다.", "탕원현"),
        # places written in English by a helper
        ("My aunt lives in Portland, Oregon now.", "Portland"),
        ("My aunt lives in Portland, Oregon now.", "Oregon"),
        ("We crossed from Dandong to Shenyang.", "Shenyang"),
        ("She grew up in Hyesan.", "Hyesan"),
    ],
)
def test_places_in_new_shapes_are_found(rules: Rules, text: str, place: str) -> None:
    assert covered(text, place, rules, "place"), (text, found(text))


@pytest.mark.parametrize(
    "text",
    [
        "밤 라디오는 늘 조금 외로워요.",
        "밤 방송은 늘 조금 외로워요.",
        "떡방앗간에 들러 가래떡을 뽑았다.",
        "고속도로 휴게소에서 우동을 먹었다.",
        "그는 진리에 살고 싶다고 했다.",
        "항아리에 살짝 소금을 넣었다.",
        "우리 동네 방앗간은 문을 닫았다.",
        "손톱 네일이 참 예쁘다.",
        "허리가 아파서 정형외과에 다녀왔다.",
        "얼굴 피부과 관리를 받았다.",
        "요즘 국제물류가 막혀서 걱정이다.",
        "I had coffee at the cafe near the station.",
    ],
)
def test_everyday_look_alikes_are_not_flagged(text: str) -> None:
    assert found(text) == [], (text, found(text))


def test_an_everyday_word_in_hyeon_after_a_city_is_no_county() -> None:
    assert found("연길 근처 표현이 좀 달랐다.") == ["연길"]
