"""Round 11 false alarms: everyday sentences of four more outside writers that the rules flagged, by
class, with new sentences of the same shapes, and the details of the same shapes that must still be
found (relay/detect/in_general.py, the topic vetoes and the word lists in config/detect/rules.toml).

- a big city or a country said of in general (서울은 …, 서울의 겨울, 독일 은 …, 미국에는 …, 호주에 와서),
  with no person in the clause; where someone lives or works it stays a place;
- famous people and their statues, the capital's sights, books of the Bible cited, public bodies in
  general, dishes named after a town;
- prisoners' protection under the law in general, being a prisoner as a concession, the South's policy
  of taking in whoever asks;
- words read as names: church words, trades of an air unit, seniors and juniors, languages, holidays,
  kinship words with 분, adjectives after 저는, Japanese phrases.
"""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import found


@pytest.mark.parametrize(
    "text",
    [
        # the capital and other big cities as a whole: weather, transport, crowds, sights
        "서울은 밤에도 불빛이 환해서 별이 잘 안 보여요.",
        "요즘 서울 은 벚꽃이 한창이라 길마다 사람이 많습니다.",
        "서울의 여름은 습해서 빨래가 잘 안 마른다.",
        "서울 지하철은 밤 열두 시까지 다닌다오.",
        "서울에는 산이 많아서 주말마다 등산객이 붐빈다.",
        "런던에는 비가 자주 와서 우산을 늘 들고 다닌다.",
        "베를린 장벽이 무너진 날을 텔레비전으로 봤습니다.",
        # a country as a whole, its particle set apart by OCR, glued after 여기, or come to
        "프랑스 는 빵이 맛있고 커피가 비싸다.",
        "뉴질랜드 는 양이 사람보다 많다고 한다.",
        "여기스웨덴은 겨울에 해가 네 시면 진다.",
        "캐나다에는 호수가 셀 수 없이 많대요.",
        "독일에 와서 처음으로 자전거를 배웠다.",
    ],
)
def test_city_or_country_in_general_is_no_place(text: str) -> None:
    assert not found(text, Kind.PLACE)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # where someone lives, works or studies: the city stays
        ("저는 서울에서 간호사로 일해요.", "서울"),
        ("언니는 지금 서울 마포구에 산다.", "서울"),
        ("서울에는 큰아버지가 사신다.", "서울"),
        ("서울은 내가 십 년째 사는 곳이다.", "서울"),
        # a North Korean home town said of in general names the writer's home
        ("원산의 바다가 그립다.", "원산"),
        ("갑산군의 겨울이 아직도 생각난다.", "갑산군"),
        # the reader's country, and a country of the road south
        ("우크라이나에 있는 아들에게 이 편지를 보낸다.", "우크라이나"),
        ("라오스 는 그때 너무 더웠다.", "라오스"),
    ],
)
def test_where_someone_is_stays_a_place(text: str, place: str) -> None:
    assert any(place in p for p in found(text, Kind.PLACE))


@pytest.mark.parametrize(
    "text",
    [
        # famous people, their titles glued or apart, and the statues of them
        "박지성 선수가 뛰던 경기를 아버지랑 같이 봤어요.",
        "김연아 선수 스케이트 타는 거 보면 너도 반할 거야.",
        "음박지성 알지 축구 선수",
        "김소월시인의 진달래꽃을 외워 두었다.",
        "유관순 열사 동상 앞에서 사진을 찍었다.",
        "광개토대왕이 넓힌 땅 이야기를 역사 시간에 배웠다.",
        # the capital's sights and theme parks
        "경복궁에는 한복 입은 외국인들이 많아요.",
        "에버랜드 가면 판다도 볼 수 있어.",
        "한강공원에서 치킨 시켜 먹는 게 서울 사람들 낙이야.",
    ],
)
def test_famous_people_and_sights_are_no_details(text: str) -> None:
    assert not found(text, Kind.PERSON)
    assert not found(text, Kind.PLACE)
    assert not found(text, Kind.ADDRESS)


@pytest.mark.parametrize(
    ("text", "kind", "detail"),
    [
        # a famous name as the start of someone's own, and a sight that places someone by it
        ("제 동생 왕건우가 안부를 전한답니다.", Kind.PERSON, "왕건우"),
        ("저는 이성계진이라고 합니다.", Kind.PERSON, "이성계진"),
        ("저는 경복궁 근처 빌라에 살아요.", Kind.PLACE, "경복궁"),
        ("김일성종합대학을 나온 사촌이 있다.", Kind.ORG, "김일성종합대학"),
    ],
)
def test_famous_look_alikes_stay_found(text: str, kind: Kind, detail: str) -> None:
    assert any(detail in d for d in found(text, kind))


@pytest.mark.parametrize(
    "text",
    [
        # a book of the Bible cited by chapter, psalm or as the word
        "요한복음 3장 16절을 매일 읽습니다.",
        "다니엘 6장 말씀을 붙들고 기도합니다.",
        "요나 2장에 나오는 기도를 적어 보낸다.",
        "예레미야 말씀으로 위로를 받았어요.",
        "시편 이십삼편을 외워라.",
    ],
)
def test_books_of_the_bible_are_no_names(text: str) -> None:
    assert not found(text, Kind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        # public bodies said of in general, and their people in general
        "유엔난민기구는 난민을 보호하는 국제기구입니다.",
        "적십자 사람들이 오면 편지를 부탁해도 된다.",
        # dishes named after a town
        "전주비빔밥은 나물이 많이 들어간다.",
        "함흥냉면 은 고기 국물 없이 비벼 먹는다.",
        "춘천닭갈비 파는 집이 동네에 새로 생겼다.",
    ],
)
def test_public_bodies_and_dishes_in_general_are_no_details(text: str) -> None:
    assert not found(text, Kind.ORG)
    assert not found(text, Kind.PLACE)


@pytest.mark.parametrize(
    ("text", "kind", "detail"),
    [
        # a public body written to or met, and a shop named after its dish
        ("국제적십자위원회에 편지를 보냈다.", Kind.ORG, "국제적십자위원회"),
        ("식당 이름은 해주냉면이오.", Kind.PLACE, "해주"),
        ("평양냉면집을 차렸다.", Kind.ORG, "평양냉면집"),
    ],
)
def test_bodies_met_and_shops_stay_found(text: str, kind: Kind, detail: str) -> None:
    assert any(detail in d for d in found(text, kind))


@pytest.mark.parametrize(
    "text",
    [
        # prisoners' protection under the law, said of anyone
        "포로에 대한 학대는 국제법으로 금지되어 있다.",
        "제네바 협약상 포로를 고문 못 하게 되어 있소.",
        "포로는 고문당하면 안 된다고 법에 써 있어요.",
        "포로로 지내도 너는 부끄러운 사람이 아니다.",
        # the South's policy told in general
        "대한민국으로 가겠다고 하면 정부가 받아 준다고 합니다.",
        "원하시면 한국으로 갈 수 있도록 여러 단체가 돕습니다.",
    ],
)
def test_the_law_and_policy_in_general_are_no_topic(text: str) -> None:
    assert not found(text, Kind.TOPIC)


@pytest.mark.parametrize(
    "text",
    [
        # a capture, a torture or a plan told stay topics
        "형은 보위부에 잡혀 가서 고문을 당했다.",
        "포로로 잡혀 있어도 살아만 있으면 된다.",
        "한국 가겠다고 세 번 말해라.",
    ],
)
def test_events_told_stay_topics(text: str) -> None:
    assert found(text, Kind.TOPIC)


@pytest.mark.parametrize(
    "text",
    [
        # church words, trades, seniors and juniors, languages, holidays, kinship with 분, adjectives
        "이번 주일 오후에는 대청소가 있어서 다들 남아 주세요.",
        "찬송가를 부르면 마음이 편해진다.",
        "정비사든 조종사든 다 귀한 사람들이다.",
        "선임아, 너도 꼭 살아 있어라.",
        "저는 영어 선생님인데 요즘 한국말도 배워요.",
        "크리스마스 에 눈이 오면 좋겠다.",
        "형님분도 편지를 기다리고 계세요.",
        "저는 젊은 엄마였습니다.",
        "元気でな.",
    ],
)
def test_everyday_words_are_no_names(text: str) -> None:
    assert not found(text, Kind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        # a particle set apart before a cut everyday word, a kinship word split, a particle glued on
        "삼촌 가 기도 하신다",
        "주님 의 은혜 가 형제님 과 함께",
        "누 나야 밥 잘 먹어라",
        "동생 은여기 서 학교 다닌 다 .",
        "포로 도 치료 받을 권리 가 있 다 .",
    ],
)
def test_ocr_splits_are_no_names(text: str) -> None:
    assert not found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a given name set apart from a particle-like first syllable stays
        ("누나 가 영이가 왔다", "가 영"),
        ("엄마 가 정민이랑 왔다", "가 정민"),
        ("동생 이 철수가 보냈다", "이 철수"),
    ],
)
def test_split_given_names_stay_found(text: str, name: str) -> None:
    assert any(name in p for p in found(text, Kind.PERSON))
