"""Place classes found missing or falsely flagged in an outside writer's letters (table outside17), and
everyday look-alikes that must stay unflagged. The sentences are new ones of the same shapes.

Classes: places in Chinese or Japanese characters (a run ending in a division's or street's character,
with the city before it); places in Cyrillic letters (gazetteer spellings from ``places.script_aliases``,
a name with its class word, a name before a Korean noun only a place takes, a Cyrillic home town before
a cue of birth or living); a district a letter names right after a foreign city; neighbourhoods of
Toronto and Bangkok, Ulaanbaatar's districts, Narita; North Korean harbours and naval bases; a village
with a verb of living glued on with no particle; an adjective's honorific (스러우시면) that spells a
county's alias.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Chinese and Japanese characters: a division's or street's ending, the city before it
        ("어머니는 吉林省 通化市에 사셨다.", "吉林省 通化市"),
        ("언니는 横浜市 鶴見区에 살아요.", "横浜市 鶴見区"),
        ("丹东 锦江路 근처에서 장사했다.", "丹东 锦江路"),
        ("처음엔 延吉市에서 식당 일을 했다.", "延吉市"),
        ("지금 東京 新宿区에서 일해요.", "東京 新宿区"),
        # Chinese and Japanese spellings of gazetteer places
        ("그해 겨울 沈阳에 도착했어요.", "沈阳"),
        ("成田에서 비행기를 갈아탔다.", "成田"),
        # Cyrillic: gazetteer spellings, a class word, a noun only a place takes, a home-town cue
        ("형님은 Хабаровск에서 벌목을 했다.", "Хабаровск"),
        ("우리는 Уссурийск 근처 농장에 있었다.", "Уссурийск"),
        ("아버지는 Приморский край 건설현장에 계셨다.", "Приморский край"),
        ("그 병사는 Белгородская область에서 치료받았다.", "Белгородская область"),
        ("편지는 улица Светланская 주소로 보내라.", "улица Светланская"),
        ("삼촌은 Первая Речка 역에서 내렸다.", "Первая Речка"),
        ("Гайворон 시장에서 채소를 판다.", "Гайворон"),
        ("아내는 Полтава에서 태어났다.", "Полтава"),
        # a district right after a foreign city, unknown to Kiwi
        ("저는 모스크바 류블리노에 살아요.", "류블리노"),
        ("누나는 울란바토르 칭겔테이 구역에 산다.", "칭겔테이"),
        ("지금은 방콕 실롬에서 마사지 일을 해.", "실롬"),
        ("형은 토론토 미시소거에 집을 샀어.", "미시소거"),
        ("동생은 Toronto Etobicoke에서 일한다.", "Etobicoke"),
        ("그 사람은 하네다 공항 청소 일을 해.", "하네다"),
        # North Korean harbours and naval bases
        ("아버지는 다사도항에서 배를 탔다.", "다사도항"),
        ("삼촌은 퇴조항 해군기지에 있었다.", "퇴조항"),
        ("우리 배는 장전항으로 들어갔다.", "장전항"),
        # a village with a verb of living glued on, as chat writes
        ("나 청진 수남동살던 영철이다.", "수남동"),
        ("우린 회령 유선리살았어.", "유선리"),
    ],
)
def test_places_in_new_shapes_are_found(rules: Rules, text: str, place: str) -> None:
    assert covered(text, place, rules, "place"), (text, spans(text, rules))


@pytest.mark.parametrize(
    "text",
    [
        # everyday words in Chinese characters that end like a division or a street
        "都市 생활이 힘들어요.",
        "이 道路는 넓다.",
        "農村 생활이 그립다.",
        "그는 柔道 선수였다.",
        # Cyrillic names of people before ordinary nouns, and Cyrillic words
        "Наташа 선생님이 도와주셨어요.",
        "Дмитрий 역할을 맡았다.",
        "Спасибо 라고 말했다.",
        # an honorific of an adjective that spells a county's alias (우시군)
        "부담스러우시면 안 하셔도 돼요.",
        "마음이 고우시고 아름다우셔서 감사해요.",
        # a verb of living after an everyday word ending like a division
        "요즘 운동하면서 산다.",
    ],
)
def test_look_alikes_are_not_places(rules: Rules, text: str) -> None:
    assert not spans(text, rules, "place"), spans(text, rules)


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("방콕 날씨는 너무 더워요.", "방콕"),
        ("울란바토르 겨울은 길다.", "울란바토르"),
        ("토론토 공원에 갔어요.", "토론토"),
        ("모스크바 사람들은 친절했다.", "모스크바"),
    ],
)
def test_everyday_noun_after_a_city_is_no_district(rules: Rules, text: str, city: str) -> None:
    """A foreign city before an everyday noun: the city is a place, the noun is no district of it."""
    assert [s[2] for s in spans(text, rules, "place")] == [city], spans(text, rules)


def test_script_aliases_name_gazetteer_places(rules: Rules) -> None:
    """Every entry ``places.script_aliases`` spells is a gazetteer place."""
    names = {p.name for p in rules.gazetteers.places} | {p.name for p in rules.gazetteers.landmarks}
    assert set(rules.config.places.script_aliases) <= names


def test_spelled_city_takes_its_district(rules: Rules) -> None:
    """A city in Cyrillic letters is a foreign city as its Hangul name is: the district after it counts."""
    text = "그때 Москва 골랴노보에 살았다."
    assert covered(text, "골랴노보", rules, "place"), spans(text, rules)
