"""False alarms of the outside33-36 benign sentences and their missed risky topics, in new sentences:
everyday words read as names (relay/detect/not_names.py), a township's or a city's suffix inside an
everyday word (relay/detect/places.py), a clause glued onto a shop's word (relay/detect/orgs.py), and
the routes, fees, refuges and captures of ``rules.toml``'s topic patterns. Names and topics in the same
shapes stay found."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans


@pytest.mark.parametrize(
    "text",
    [
        # an everyday noun of three syllables or more that Kiwi cuts in its sentence
        "주일마다 성가대에서 찬송을 부르는 게 낙이다.",
        "마당에 해바라기가 키만큼 자랐다.",
        # the noun split by OCR, its last syllable read as a particle
        "동생은 학교 앞에서 떡볶 이를 사 먹었다.",
        # a finding that ends inside a word Kiwi knows (오늘 + 날씨)
        "오늘날씨 참 맑아서 빨래를 널었다.",
        # an interjection or the writer's pronoun glued to an everyday noun
        "음건강부터 챙기고 공부는 나중에 해라.",
        # particles alone before a title, split off the word before
        "교회 에서 형제님 위해 기도했습니다.",
        # a noun-verb idiom
        "그 노래 들으면 어릴 적 일이 다\n생각나",
        # a bound noun after a verb's adnominal form, then a noun
        "바다를 한 번 보는 게 꿈이야.",
        # a particle split off the kinship word before it, then an everyday noun
        "이모 는 매일 너를 생각한다.",
        # what the writer tells the reader to call him
        "내가 너보다 두 살 많으니까 오빠라고 불러.",
        # a topic after the speaker word, not an introduction
        "저는과학은 재미있는데 영어가 어려워요.",
        # everyday things listed as no names
        "뒷마당 울타리에 배꽃이 하얗게 피었다.",
        "할아버지는 천자문을 외우게 하셨다.",
    ],
)
def test_everyday_words_are_no_names(text: str, rules: Rules) -> None:
    assert spans(text, rules, "person") == [], spans(text, rules, "person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name whose last syllable and particle or copula Kiwi joins into a word it knows
        ("저는 간호사 박송이라고 합니다.", "박송"),
        ("나는 작업반장이던 탁길수요.", "탁길수"),
        ("지금은 안산에서 일하는 마광수요.", "마광수"),
        # a given name after a kinship word, split by OCR
        ("동생 은 희가 보고 싶다", "은 희"),
    ],
)
def test_names_in_the_same_shapes_stay_found(text: str, name: str, rules: Rules) -> None:
    assert covered(text, name, rules, "person"), spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # noodles ending in 면, a word ending in 리 split by OCR: no township or village
        "밤새 일하고 먹는 컵라면이 최고다.",
        "우리 며느 리가 김장을 도와줬다.",
        # 시 "at the time of" after a verbal noun: no city
        "입국시 여권을 보여 주십시오.",
    ],
)
def test_everyday_words_are_no_places(text: str, rules: Rules) -> None:
    assert spans(text, rules, "place") == [], spans(text, rules, "place")


def test_a_clause_glued_onto_a_shop_is_no_firm(rules: Rules) -> None:
    assert spans("요즘 수업 마치고식당에서 설거지해", rules, "org") == []


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        # a large sum paid to a person who is no relative
        ("강 건너 아저씨한테 돈 오백만 원 주고 넘어왔다", "오백만 원 주고"),
        ("중국 쪽 사람한테 삼천 위안 주고 길을 안내받았다", "삼천 위안 주고"),
        # a price per head
        ("한 명당 이천만 원씩 받고 데려갔다더라", "이천만 원씩"),
        # the Chinese cities on the road out
        ("연길에서 심양을 거쳐 남녕까지 기차로 갔다", "심양을 거쳐"),
        ("도문에서 하얼빈으로 갔다가 다시 내려왔다", "도문에서"),
        # a consulate's back door, an embassy walked to
        ("밤에 몰래 영사관 옆문으로 뛰어들었다", "영사관 옆문으로"),
        ("공사장에서 빠져나와 대사관까지 새벽에 걸어갔다", "대사관까지"),
        # cigarettes pressed into a guard's hand
        ("보안원한테 술 한 병 쥐여 주고 풀려났다", "술 한 병 쥐여"),
        # left behind, then found
        ("중대가 후퇴할 때 혼자 남았다가 적에게 붙잡혔다", "혼자 남았다가"),
        ("숲에서 고립됐다가 정찰조에 발견되었다", "고립됐다가"),
        # food sent home through someone
        ("아는 상인 편에 고향 집으로 밀가루 두 포대 보냈어요", "고향 집으로"),
        # hiding, broadcasting north, drifting at sea
        ("남의 집 다락에 숨어 산 지 삼 년이다", "숨어 산"),
        ("매일 밤 단파 방송으로 북쪽 소식을 전한다", "단파 방송"),
        ("목선이 고장 나서 사흘을 표류했다", "표류했"),
    ],
)
def test_topics_in_new_shapes_are_found(text: str, piece: str, rules: Rules) -> None:
    assert covered(text, piece, rules, "topic"), spans(text, rules, "topic")


@pytest.mark.parametrize(
    "text",
    [
        # small sums, tickets, meals: no broker's fee
        "가게 아저씨한테 만 원 주고 수박을 샀다",
        "입장료가 한 사람당 오천 원이었다",
        # hiding in general, no one's stretch of it
        "평생 숨어 사는 건 괴로운 일이다",
        # prisoners as the people a group serves, going south refused as a right explained
        "저희는 포로로 계신 분들께 책을 보내 드립니다.",
        "대한민국행을 희망하지 않으셔도 괜찮습니다.",
    ],
)
def test_look_alikes_are_no_topics(text: str, rules: Rules) -> None:
    assert spans(text, rules, "topic") == [], spans(text, rules, "topic")
