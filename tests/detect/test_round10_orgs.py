"""Organisations and units the round-10 outside letters (young people, older defectors, forms, foreign
writers) showed missing, by class, with look-alike sentences that must stay unflagged.

- Units written in English by their ordinal, with the units under them listed after.
- A unit number read aloud after 제 before a unit word OCR damaged past Kiwi's knowing (제 사 궨단).
- A foreign army's name before its numbered unit.
- A church's or school's own group after it (청년부, 축구부) and a language department (X어과).
- Counselling offices, support teams, families' associations and X지원연대 groups by their ending.
- A shop introduced by name (X라는 식당) whose name is a town and what it sells.
- A community's shelter, centre or church by its town and the people it serves.
- 국립대 after its city, and the person a state university is named after before the city.
- Latin shops, posts and campuses; a chain's branch with a job named between it and the work.
- Newspapers abroad by their names in Latin or Cyrillic letters; a centre's Latin name after it.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

ENGLISH_UNITS = [
    ("Unit: 5th Corps, 31st Brigade, 3rd Battalion", "5th Corps, 31st Brigade, 3rd Battalion"),
    ("He served in the 82nd Airborne Division until 2019.", "82nd Airborne Division"),
    ("소속: 8th Army Corps 12th Regiment", "8th Army Corps 12th Regiment"),
    ("Unit: 2lst Brigade,\n4th Battalion", "2lst Brigade,\n4th Battalion"),  # OCR read 1 as l
]


@pytest.mark.parametrize(("text", "unit"), ENGLISH_UNITS)
def test_an_english_unit_by_its_ordinal_is_one_unit(text: str, unit: str, rules: Rules) -> None:
    assert covered(text, unit, rules, "unit")


SPOKEN_DAMAGED_UNITS = [
    ("저는 제 육 려댠 에서 삼 년 있었어요", "제 육 려댠"),
    ("동생은 제 구 근단에 배치됐다", "제 구 근단"),
]


@pytest.mark.parametrize(("text", "unit"), SPOKEN_DAMAGED_UNITS)
def test_a_spoken_unit_after_je_with_a_damaged_word_is_found(text: str, unit: str, rules: Rules) -> None:
    assert covered(text, unit, rules, "unit")


FOREIGN_ARMIES = [
    ("할아버지는 영국 제7기갑여단에서 복무하셨다.", "영국 제7기갑여단"),
    ("저는 리투아니아 제3보병대대 출신입니다.", "리투아니아 제3보병대대"),
]


@pytest.mark.parametrize(("text", "unit"), FOREIGN_ARMIES)
def test_a_foreign_army_before_its_numbered_unit_goes_with_it(text: str, unit: str, rules: Rules) -> None:
    assert covered(text, unit, rules, "unit")


SUB_GROUPS = [
    ("요즘 새빛교회 중고등부에서 교사로 섬겨요.", "새빛교회 중고등부"),
    ("동생은 경북대 야구부 투수야.", "경북대 야구부"),
    ("언니는 부산외대 베트남어과 다녀요.", "부산외대 베트남어과"),
]


@pytest.mark.parametrize(("text", "org"), SUB_GROUPS)
def test_a_group_or_department_after_an_organisation_is_part_of_it(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org")


NEW_ENDINGS = [
    ("[하늘다리상담소] 상담 일지", "하늘다리상담소"),
    ("보내는 곳: 새봄이산가족지원단", "새봄이산가족지원단"),
    ("청진 출신 실향민 가족회에서 모입니다.", "실향민 가족회"),
    ("[탈북청년인권지원연대] 회원 명단", "탈북청년인권지원연대"),
]


@pytest.mark.parametrize(("text", "org"), NEW_ENDINGS)
def test_counselling_offices_and_support_groups_by_their_ending(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org")


def test_a_shop_named_by_its_town_and_trade_after_rane(rules: Rules) -> None:
    assert covered("제가 일하는 곳은 회령국밥이라는 식당이오.", "회령국밥", rules, "org")
    assert covered("형님은 단동불고기라는 가게를 하오", "단동불고기", rules, "org")


COMMUNITY_PLACES = [
    ("선부동 고려인 쉼터에서 밥을 먹어요.", "선부동 고려인 쉼터"),
    ("김해 이주민 센터에서 통역해요.", "김해 이주민 센터"),
    ("우리는 대림동 다문화 사랑교회에 나가요.", "대림동 다문화 사랑교회"),
]


@pytest.mark.parametrize(("text", "org"), COMMUNITY_PLACES)
def test_a_community_place_by_its_town_and_people(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org")


STATE_UNIVERSITIES = [
    ("딸은 우즈베크 국립대 다녀요.", "우즈베크 국립대"),
    ("메치니코프 오데사 국립대학교 의대를 나왔어요.", "메치니코프 오데사 국립대학교"),
]


@pytest.mark.parametrize(("text", "org"), STATE_UNIVERSITIES)
def test_a_state_university_by_its_city_and_eponym(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org")


LATIN = [
    ("요즘 Seoul Plaza Supermarket에서 일해요.", "Seoul Plaza Supermarket"),
    ("그분은 American Legion Post 117 회원이에요.", "American Legion Post 117"),
    ("아들 학교는 UC Davis야.", "UC Davis"),
    ("지금은 Asian Food Mart Manchester에서 매니저로 일해요.", "Asian Food Mart Manchester"),
]


@pytest.mark.parametrize(("text", "org"), LATIN)
def test_latin_shops_posts_and_campuses(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org")


FOREIGN_PAPERS_AND_NAMES = [
    ("그 기사는 Rzeczpospolita Gazeta Prawna에 실렸다.", "Rzeczpospolita Gazeta Prawna"),
    ("삼촌은 Süddeutsche Zeitung 기자예요.", "Süddeutsche Zeitung"),
    ("저는 Российская газета 에서 읽었어요.", "Российская газета"),
    ("동생은 오데사 청소년센터 Nadiya에서 봉사해요.", "오데사 청소년센터 Nadiya"),
]


@pytest.mark.parametrize(("text", "org"), FOREIGN_PAPERS_AND_NAMES)
def test_papers_abroad_and_latin_names_after_a_centre(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org")


def test_an_account_after_an_app_is_no_name_of_it(rules: Rules) -> None:
    assert not covered("제 카카오톡 ID는 mina22입니다.", "카카오톡 ID", rules, "org")


def test_a_works_date_misread_and_glued_stays_with_it(rules: Rules) -> None:
    assert covered("4.1B김책제철련합기업소에서 일했소", "4.1B김책제철련합기업소", rules, "org")


def test_all_after_a_church_is_no_group_of_it(rules: Rules) -> None:
    # 전부 ("all") ends in 부 like 청년부: the church is found, "all" is not part of it.
    assert not covered("늘빛교회 전부 다 왔어", "늘빛교회 전부", rules, "org")


LOOK_ALIKES = [
    "The 1st company to reply was ours.",  # an ordinal and company, no unit
    "We met on the 3rd and the division was decided.",
    "제 이 부두에서 배를 탔어요",  # 제 and a number before an everyday word
    "교회 청년부에서 봉사해요",  # a youth group of no named church
    "교회 청년회 모임에 갔어요",
    "무료 법률 상담소에서 도움 받았어요",  # the kind of counselling office
    "심리 상담소에 다녀요",
    "지방 국립대 나왔어",  # the sort of university
    "명문 대학교 출신이야",
    "거점 국립대 중 하나야",
    "순대라는 식당이오",  # a dish alone named
    "근처 외국인 센터에 가요",  # a word saying where, not a town
    "요즘 외국인 학교가 많다",
    "I went to the Store yesterday",
    "The Gazette came late today.",  # a paper's word with an article, no name
    "газета 에서 봤어요",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_name_no_organisation_or_unit(text: str, rules: Rules) -> None:
    assert [s for s in spans(text, rules) if s[0] in ("org", "unit")] == []
