"""Place and organisation classes found missing or falsely flagged in three more outside writers'
letters (tables outside14 to outside16), and everyday look-alikes that must stay unflagged. The
sentences are new ones of the same shapes."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, found, spans


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # a chain's branch named after a station, a 동 or a place, with the brand before it
        ("요즘 스타존PC방 부평역점에서 밤마다 알바해.", "스타존PC방 부평역점"),
        ("언니는 뷰티앤미 구월점에서 일해요.", "뷰티앤미 구월점"),
        ("지금 헤어살롱 하늘 신촌점에서 스탭으로 있어.", "헤어살롱 하늘 신촌점"),
        # an embassy or consulate abroad by its host city or country, with 주
        ("삼촌은 주하바롭스크 총영사관에서 일했다.", "주하바롭스크 총영사관"),
        ("아버지는 주스웨덴 조선대사관 참사였다.", "주스웨덴 조선대사관"),
        # firms and bodies in Chinese, Japanese or Cyrillic letters
        ("단둥 근처 丹东金海贸易有限公司에서 3년 있었다.", "丹东金海贸易有限公司"),
        ("도쿄에서 NPO法人 希望の家에서 봉사했어요.", "NPO法人 希望の家"),
        ("하바롭스크에 ООО Амур 회사로 일하러 갔다.", "ООО Амур"),
        ("그때 Амур-Лес 벌목회사로 파견됐다.", "Амур-Лес"),
        # an English hospital or lab after its name
        ("She works at Grady Memorial Hospital now.", "Grady Memorial Hospital"),
        # farms, labs, orchestras, gyms named by glued words
        ("지금은 상주에 있는 햇살사과농원에서 일해요.", "햇살사과농원"),
        ("동생은 카이스트 나노소자연구실에서 일한다.", "나노소자연구실"),
        ("주말엔 희망나눔오케스트라에서 바이올린을 켜요.", "희망나눔오케스트라"),
        ("요즘 강철복싱짐에서 운동한다.", "강철복싱짐"),
        ("나는 용강군 협동농장경영위원회 부기원이었다.", "용강군 협동농장경영위원회"),
        # named institutes and platforms
        ("딸은 유니스트 대학원에 다닌다.", "유니스트"),
        ("아들은 통일연구원에서 연구원으로 일해요.", "통일연구원"),
        ("저는 쿠팡이츠 배달 일을 해요.", "쿠팡이츠"),
    ],
)
def test_orgs_in_new_shapes_are_found(rules: Rules, text: str, org: str) -> None:
    assert covered(text, org, rules, "org"), (text, found(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # stations of Pyongyang and the junctions, and railway lines
        ("형은 동평양역 검수소에 있다.", "동평양역"),
        ("삼촌은 평라선 기관사였다.", "평라선"),
        ("외삼촌은 신성천역에서 일했다.", "신성천역"),
        # a city written in full still is one where no verb is read
        ("우리 이모는 해주시에 산다.", "해주시"),
    ],
)
def test_places_in_new_shapes_are_found(rules: Rules, text: str, place: str) -> None:
    assert covered(text, place, rules, "place"), (text, found(text))


@pytest.mark.parametrize(
    "text",
    [
        # a verb's honorific 시 spelling a city with 시 (해주시, 여주시, 양주시)
        "그렇게 말해주시면 정말 고맙겠어요.",
        "반찬을 챙겨주시던 어머니가 그립다.",
        "늘 안아주시고 업어주시던 할머니.",
        # a country or people in the plural before a workplace's word, apart
        "한국 회사에는 야근이 많다.",
        "러시아 공장에서는 말이 안 통했다.",
        "친구들 회사에 놀러 갔다.",
        "애들 학교 끝나면 데리러 간다.",
        # a blessing with the genitive glued on by OCR
        "하나님의평강이 늘 함께하길.",
        # words in 점 that are no branch
        "그 사람의 장점은 성실함이다.",
        "우리 동네 편의점에서 일한다.",
        "문제의 출발점은 여기였다.",
        # 주 before an everyday word and a mission that is only a channel
        "주중 한국대사관에 연락했다.",
        # Chinese, Japanese and Cyrillic words that name no firm
        "中国 人民 很好",
        "Спасибо 친구야",
    ],
)
def test_everyday_look_alikes_are_not_flagged(text: str) -> None:
    assert found(text) == [], (text, found(text))


def test_a_branch_after_a_place_alone_is_no_brand(rules: Rules) -> None:
    # "부산 서면점": a place then a branch word has no brand before it.
    assert [s for s in spans("부산 서면점에 갔다.", rules, "org")] == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a town abroad in Latin letters before a cue of living or birth
        ("삼촌은 지금 Fresno에 살고 있어.", "Fresno"),
        ("나는 Almaty에서 태어났다.", "Almaty"),
        # a village whose 리 OCR damaged, after a county one jamo off or written with its suffix, the
        # copula glued on
        ("제 고향은 무산군 송학라입니다.", "송학라"),
        ("어머니는 김책시 덕인릐에서 오셨다.", "덕인릐"),
        ("어머니는 부령구 덕인릐 사람이다.", "덕인릐"),
    ],
)
def test_more_places_are_found(rules: Rules, text: str, place: str) -> None:
    assert covered(text, place, rules, "place"), (text, found(text))


@pytest.mark.parametrize(
    "text",
    [
        # a numeral and 시 (o'clock) is no damaged place
        "저녁 여섯시면 다들 집에 간다.",
        # a verb with the dialect ending 구 is no place to anchor a list
        "밥을 먹구, 다친 데는 약을 발랐다.",
        # a Latin word before a loose cue
        "YouTube에서 나온 노래를 들었다.",
        # a price after a market, its 이 a particle, not a damaged 리
        "요즘 여기 시장에선 감자 한 봉지에 만원이나 한다.",
    ],
)
def test_more_look_alikes_are_not_flagged(text: str) -> None:
    assert found(text) == [], (text, found(text))
