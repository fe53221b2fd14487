"""Places and organisations two more outside sets showed missing or over-flagged (relay.detect.places,
relay.detect.orgs, relay.detect.damaged, relay.detect.skeleton, relay.detect.lexicon).

Organisations: North Korean mines and works named by their locality's bare stem (유선동 → 유선탄광);
Buddhist temples (orgs_named.tsv) and a word in 사/암 near a temple word (암자, 스님); religious orders
near a nun; taxi and haulage firms; a shop's trade word written apart from its name; a name given
after "샵 이름은", after a club or a channel; numbered bodies abroad (제13임업대표부); Latin names before
"라는 NGO"; a digit OCR read as a letter (제l고급중학교).

Places: Seoul neighbourhoods and industrial estates (sk_landmarks.tsv); Chinese towns after their
city; a city that is also a word as the subject of 고향; Kursk districts and Ukrainian oblasts; OCR
damage (a space inside a name, a damaged suffix, a position noun glued on).

Look-alikes that stay clear: everyday compounds (대학병원, 대중교통, 개인택시), professions and diseases in
사/암 (간호사, 유방암), generic countries said of something else (러시아 겨울), a ward (저희병동), a
blessing (주님의 평강), a club named by its activity (봉사 동아리), a subject glued to 당신.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, covered_as, spans

ORGS = [
    # A mine or works named by the bare stem of its locality (궁심동 → 궁심탄광, 유선로동자구 → 유선탄광).
    ("아버지는 유선탄광에서 굴진공으로 일하셨소.", "유선탄광"),
    ("삼촌은 궁심탄광 갱장이었다.", "궁심탄광"),
    ("오빠는 유선탄공에 다녔어요.", "유선탄공"),
    # Temples (orgs_named.tsv), South and North.
    ("어머니는 해인사에 자주 가셨다.", "해인사"),
    ("묘향산 보현사 근처에 살았어요.", "보현사"),
    ("조계사 앞에서 만나기로 했다.", "조계사"),
    # A temple or hermitage not listed, near a word for temples.
    ("스님이 계신 작은 암자 청련암에서 지냅니다.", "청련암"),
    ("주지 스님께서 운영하시는 무량사에 머물고 있어요.", "무량사"),
    # A religious order near a nun.
    ("저는 바오로딸수도회 수녀입니다.", "바오로딸수도회"),
    ("예수성심시녀회 수녀님이 도와주셨어요.", "예수성심시녀회"),
    # Taxi and haulage firms.
    ("삼화택시에서 운전해요.", "삼화택시"),
    ("대한교통 버스를 몰아요.", "대한교통"),
    # A shop's trade written apart from its name.
    ("무지개 식품점에서 일해요.", "무지개 식품점"),
    # The same with the trade word damaged by OCR (식품점 → 시품점).
    ("무지개 시품점에서 일해요.", "무지개 시품점"),
    # A shop's name after "이름은", a club's after 동아리, a channel's after 채널.
    ("우리 가게 이름은 별빛분식이야.", "별빛분식"),
    ("미용실 이름은 다온헤어예요.", "다온헤어"),
    ("고려대 통일동아리 새나래에서 활동해요.", "새나래"),
    ("유튜브 채널 '평양누나 TV'를 운영해요.", "평양누나 TV"),
    # Numbered bodies abroad.
    ("제7임업대표부에서 벌목했다.", "제7임업대표부"),
    ("제3지도국 소속이었다.", "제3지도국"),
    # Latin names introduced as a group's.
    ("저는 Hope Together라는 NGO에서 일해요.", "Hope Together"),
    # A numbered school whose digit OCR read as a letter.
    ("청진제l고급중학교를 나왔다.", "청진제l고급중학교"),
]


@pytest.mark.parametrize(("text", "detail"), ORGS)
def test_orgs_are_found(text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, "org", "place")


PLACES = [
    # Seoul neighbourhoods and stations named in speech; an industrial estate.
    ("요즘 홍대 카페에서 일해요.", "홍대"),
    ("건대 근처 원룸에 살아.", "건대"),
    ("합정역 근처에서 만나자.", "합정역"),
    ("반월공단 공장에 다녀요.", "반월공단"),
    # A Chinese town after its city or county.
    ("연길시 의란진에서 숨어 지냈다.", "의란진"),
    ("훈춘 경신진에서 일했다.", "경신진"),
    # A city that is also an everyday word, as the subject of 고향.
    ("우리 어머니는 진주가 고향이세요.", "진주"),
    # Kursk districts and Ukrainian oblasts.
    ("글루시콥스키 근처에서 부상당했다.", "글루시콥스키"),
    ("하르키우주에서 포로가 되었다.", "하르키우주"),
    # OCR damage: a space inside a foreign name, a damaged suffix, a position noun glued on.
    ("엄마랑 태 국 거쳐서 왔어.", "태 국"),
    ("우리 집은 영등퐁구에 있어요.", "영등퐁구"),
    ("회령 역전시장앞에서 만났다.", "역전시장"),
    # A village OCR split after its county.
    ("집은 삼수군 신 파리였다.", "신 파리"),
]


@pytest.mark.parametrize(("text", "detail"), PLACES)
def test_places_are_found(text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, "place", "address", "org")


def test_generic_country_is_kept_where_someone_is(rules: Rules) -> None:
    # Where a person is or goes, the country still counts; next to a city too.
    assert covered("아들이 러시아에 있어요.", "러시아", rules, "place")
    assert covered("중국으로 넘어갔다.", "중국", rules, "place")
    assert covered("미국 시애틀에 산다.", "미국", rules, "place")
    # A transit country is a finding on its own.
    assert covered("라오스 사람들은 친절했다.", "라오스", rules, "place")


BENIGN = [
    # Generic countries said of something else.
    "러시아 날씨는 정말 춥다.",
    "중국은 물가가 많이 올랐대.",
    "미국 영화를 자주 봐요.",
    # Everyday compounds with a workplace, taxi or shop ending.
    "대학병원에 다녀왔다.",
    "개인택시 면허를 땄다.",
    "대중교통을 이용하세요.",
    "근처 철물점에 갔다.",
    "동네 시품점에서 샀다.",
    # Professions and diseases in 사/암, near a temple word or not.
    "간호사 선생님이 절에 다니신대요.",
    "유방암 검사를 받았다.",
    "여행사 직원이 스님 이야기를 했다.",
    "감사한 마음으로 수행합니다.",
    # A club named by its activity; a shop whose name is not given.
    "봉사 동아리에서 편지를 씁니다.",
    "가게 이름은 잘 몰라.",
    # A ward, a blessing, a subject glued to 당신.
    "우리병동에 새 환자가 왔다.",
    "하나님의 평강이 늘 함께하기를.",
    "하나님께서당신을 지키십니다.",
    # A verb that OCR split like a city (해주시).
    "어머니가 해 주시는 밥이 그립다.",
    # Words one jamo from a temple (한국사, 고운 사람).
    "한국 사람들은 정이 많다.",
    "고운사람이 되고 싶다.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_look_alikes_are_not_places_or_orgs(text: str, rules: Rules) -> None:
    assert not [s for s in spans(text, rules) if s[0] in ("place", "org", "address")]
