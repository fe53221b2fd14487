"""Risky topics the outside8 and outside9 writers showed: the route out said with other words (to a
neighbour or a third country, over a consulate's wall, out of a work site or a posting abroad, held by
a country's immigration on the way, money handed across the border), how a soldier was taken (wounds,
weapons, surrender, cut off from the unit); and the generic talk every letter to a prisoner contains,
which is no detail and must not be flagged (being a prisoner, being questioned, defectors as a group,
"if you come to Korea")."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind

from .conftest import spans

FLAGGED = [
    # out of the north to a neighbour or a third country, or out of one
    "그해 겨울 엄마랑 둘이 라오스 쪽으로 빠져나왔소.",
    "몽골로 걸어서 나왔어요 밤마다 걸었어요",
    "형은 러시아를 몰래 빠져나와 서울로 왔다.",
    "우리는미얀마로넘어갔어",
    "동생이 먼저 남쪽에 건너와서 자리를 잡았다.",
    # refuge at an embassy, a consulate, the UN
    "아버지는 심양에서 일본 영사관 철문을 기어올라 들어갔다.",
    "우리 셋은 한국 대사관 안으로 뛰어들었어요.",
    "유엔 사무소에 보호를 요청했다",
    # out of a work site, a posting, a unit
    "벌목장에서 동무 둘이랑 밤에 달아났소.",
    "공사장을 몰래 이탈해서 교회로 갔다.",
    "사업장 이탈 후에 석 달을 떠돌았어요.",
    "파견지를 빠져나와 버스를 탔다",
    "의사로 외국에 파견 중에 병원 숙소를 몰래 빠져나왔소.",
    # held by a country on the way
    "출입국 보호소에 석 달이나 갇혀 있었어",
    "베트남 공안에게 넘겨져 보름을 지냈다",
    "치앙라이에서 태국 경찰한테 자수했어요",
    # money handed across or through a middle
    "돈은 장사하는 아주머니가 중간에서 맡아 전해 준다.",
    "국경 너머로 달러를 넘겨주는 사람이 있다",
    # how a soldier was taken
    "형이 전투에서 포로가 되었다는 얘기를 들었다",
    "동생이 포탄 파편에 맞아 쓰러졌다고 했다",
    "너는 드론에 쫓기다 숲에서 붙잡혔지",
    "마지막 수류탄을 터뜨리지 못한 게 다행이다",
    "부대와 떨어져 사흘을 헤매다 잡혔다",
    "흰 천을 흔들며 걸어 나왔다고 들었다",
    "두 손을 들고 참호에서 나왔다",
    "허벅지에 총 맞고 누워 있었소",
    # dragged off by the security service or the police
    "보위부원들이 와서 아버지를 끌고 갔다",
    "공안들이 집에 들이닥쳐서 엄마를 끌고 갔다",
    "그날 밤 아버지가 끌려가셨다",
    "삼촌네 식구는 관리소로 끌려갔소",
    # the act of defecting and its course, hiding on the way
    "탈북 과정에서 동생을 잃었다",
    "내가 탈북을 결심한 건 스무 살 때였다",
    "중국 시골 농가 다락에 몸을 숨기고 살았다",
    "가짜 신분증으로 석 달을 버텼다",
    "혹시 남쪽으로 오게 되면 내가 마중 나가마",
]


@pytest.mark.parametrize("text", FLAGGED)
def test_route_and_capture_details_are_flagged(rules: Rules, text: str) -> None:
    topics = spans(text, rules, "topic")
    assert topics, text
    assert all(severity == "review" for _, severity, _ in topics)


# OCR damage: a space inside a word, a space lost, a line break.
OCR = [
    "중 국으로 나온 게 열여덟 살 때였다.",
    "몽골쪽으로 빠져 나왔어",
    "한국 대사 관 담을 넘어 들어갔소.",
    "이민국 수 용소에서 두 달 갇혀 지냈다.",
    "건설 현장을 이탈해\n교회로 갔다.",
    "돈은 국경 너\n머로 넘겨 준다.",
    "형님이 포 로가 됐다는 소식",
    "보위부에 끌 려갔다는 말을 들었소.",
]


@pytest.mark.parametrize("text", OCR)
def test_ocr_damaged_forms_are_flagged(rules: Rules, text: str) -> None:
    assert spans(text, rules, "topic"), text


NOT_FLAGGED = [
    # being a prisoner, questioned, sent to the war: every letter says it
    "포로가 되었다고 해서 부끄러워할 일은 없소.",
    "포로가 된 사람도 똑같은 사람입니다.",
    "포로 신세라도 몸 건강히 지내라.",
    "전쟁포로도 인권이 있습니다.",
    "심문을 받게 되면 솔직하게 말하면 됩니다.",
    "거기 끌려가서 얼마나 고생이 많니.",
    "우리 형이 군대에 끌려갔다",
    # defectors as a group, the offer of coming to Korea
    "탈북 청년들과 함께 김장을 했어요.",
    "우리 교회에는 탈북민 성도가 많아요.",
    "한국에 오면 같이 바다 보러 가자.",
    "다음 달에 한국에 가게 되면 연락할게.",
    "한국으로 놀러 오게 되면 말해",
    # things that come from China, everyday leaving and climbing
    "중국에서 넘어온 미세먼지가 심하다.",
    "중국에서 나온 신제품을 샀다.",
    "태국으로 가족 여행을 다녀왔다.",
    "러시아 쪽으로 여행을 갔다",
    "점심 먹고 식당을 빠져나와 산책했다.",
    "식당에서 싸우고 뛰쳐나왔다.",
    "사고 현장에서 운전자가 달아났다.",
    "부대에서 휴가 나왔어요",
    "고양이가 담을 넘어 들어왔다.",
    "유엔 사무소에서 인턴을 했어요.",
    "비자 받으러 대사관에 다녀왔다.",
    "경찰서에서 아르바이트하고 있었어.",
    # hurt at play, a water pistol, fast delivery, a tablecloth
    "축구하다 다리를 다쳐서 깁스를 했다.",
    "물총 맞고 옷이 다 젖었다.",
    "총알 배송이라 하루 만에 왔다.",
    "흰 천을 덮은 식탁이 예뻤다.",
    # money taken in for someone, a scene in a film
    "택배는 경비실에서 대신 받아 줄게.",
    "돈은 엄마가 중간에 좀 보태 줬어.",
    "공안 드라마에서 범인을 끌고 가는 장면",
]


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_generic_talk_and_look_alikes_are_not_flagged(rules: Rules, text: str) -> None:
    assert [f for f in detect(text, rules) if f.kind is Kind.TOPIC] == [], text


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("딸이랑 같이 라오스로 넘어왔다", "topic.out_to_country"),
        ("남조선에 건너와서", "topic.crossing_south"),
        ("영사관 담을 넘었소", "topic.refuge_office"),
        ("작업장을 이탈했다", "topic.site_leave"),
        ("구치소에서 한 달 갇혀", "topic.detained_abroad"),
        ("돈은 제가 중간에서 받아", "topic.money_across"),
        ("니가 포로가 됐다는", "topic.became_prisoner"),
        ("안전원들이 와서 끌고 갔다", "topic.dragged_off"),
        ("어머니가 그 사람들한테 끌려갔다", "topic.dragged_off"),
    ],
)
def test_each_pattern_matches_its_own_clause(rules: Rules, text: str, rule: str) -> None:
    pattern = next(p for p in rules.patterns if p.id == rule)
    assert pattern.regex.search(text), (rule, text)
