"""False alarms of the outside40-43 benign sentences, in new sentences: a prisoner's rights explained,
an act to be prevented and the authorities of a detention read as capture (topic vetoes in rules.toml);
any country said of something else (its weather, food, laws) read as where someone is (relay/detect/
places.py); the names of the two Koreas read as damaged place stems, a pronoun before a country and a
listed everyday word read as damaged places (relay/detect/skeleton.py); a counter after a digit or the
bound noun 시 ("at the time of") read as the stray syllable of a damaged city (relay/detect/words.py);
the copula and two whole words read as a damaged organisation's suffix (relay/detect/damaged.py); words
of judgement, the copula split off and a noun with an adverbial particle read as names (relay/detect/
not_names.py). Topics, countries, places and names in the same
shapes stay found."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans


@pytest.mark.parametrize(
    "text",
    [
        # a right and what it is a right to or against
        "포로는 누구든 고문을 당하지 않을 권리가 있다.",
        "본국으로 송환을 거부할 권리도 있다고 들었어요",
        "어 거기서도 한국에 가고 싶다고 말할 권리 있대",
        # an act to be prevented, hoped against
        "다시는 강제로 송환되지 않기를 기도합니다.",
        # the authorities of a detention or a camp
        "편지 내용은 구금 당국에 알리지 않습니다.",
    ],
)
def test_rights_flag_nothing(text: str, rules: Rules) -> None:
    assert spans(text, rules, "topic") == [], spans(text, rules, "topic")


@pytest.mark.parametrize(
    "text",
    [
        # the status a right is held in says who is a prisoner
        "너는 포로로서 보호받을 권리가 있다고 변호사가 그랬다.",
        # a capture told, a passive 당하다 after it, and a broker kept from arrest
        "오빠는 작년에 보위부에 체포당했다.",
        "브로커가 잡히지 않게 우리가 숨겨 줬다.",
    ],
)
def test_capture_and_brokers_stay_flagged(text: str, rules: Rules) -> None:
    assert spans(text, rules, "topic") != [], spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # a country glued to a particle of topic, subject, addition or company
        "여기 독일은 겨울 해가 너무 짧아.",
        "호주도 난민 받아 주는 나라래요.",
        "스웨덴하고 한국은 커피를 많이 마신대요.",
        # a country bare before an everyday noun that takes no particle of place
        "헝가리 음식은 맵지 않아서 좋아요.",
        "네덜란드 날씨가 요새 변덕스러워요.",
    ],
)
def test_countries_said_of_something_else_are_no_place(text: str, rules: Rules) -> None:
    assert spans(text, rules, "place") == [], spans(text, rules, "place")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # where someone lives, works or passed through
        ("삼촌은 독일 공장에서 십 년 일했다.", "독일"),
        ("우리는 몽골 초원으로 걸어 들어갔다.", "몽골"),
        ("라오스 국경을 밤에 넘었다.", "라오스"),
        ("지금은 호주 시드니에 살아요.", "호주"),
        ("누나는 독일의 베를린에서 공부한다.", "독일"),
    ],
)
def test_countries_where_someone_is_stay_found(text: str, place: str, rules: Rules) -> None:
    assert covered(text, place, rules, "place"), spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # the two Koreas are no damaged stems of a county
        "저는 남한 사람이라 사투리를 잘 몰라요.",
        # a pronoun before a country is no damaged town of it
        "여기 러시아 사람들 친절해요.",
        # a listed everyday word Kiwi takes for a name is no damaged place
        "요즘 애들은 아이돌 춤을 따라 춘다.",
        # a counter after a digit, the bound noun 시 after a noun
        "소포는 보통 4주 사이에 도착합니다.",
        "퇴원 시 약을 꼭 받아 가세요.",
    ],
)
def test_everyday_words_are_no_damaged_places(text: str, rules: Rules) -> None:
    assert spans(text, rules, "place") == [], spans(text, rules, "place")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("고향은 함경북도 회령시입니다.", "회령시"),
        ("우리 집은 연길 하남가두에 있었어.", "연길"),
    ],
)
def test_places_in_the_same_sentences_stay_found(text: str, place: str, rules: Rules) -> None:
    assert covered(text, place, rules, "place"), spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # the copula after a noun is no damaged suffix; two whole words are no suffix OCR split
        "건강한 게 제일이지비 .",
        "미국에도 당신 편이 많아요.",
    ],
)
def test_grammar_is_no_damaged_suffix(text: str, rules: Rules) -> None:
    assert spans(text, rules, "org") == [], spans(text, rules, "org")


@pytest.mark.parametrize(
    "text",
    [
        # what someone is called in judgement
        "아무도 너를 반역자라 부르지 않아.",
        "누구도 자네를 변절자라 부르지 않네.",
        # the copula split off its noun by the spacing
        "우리는 다 같은 사람 이에요 .",
        # a noun and an adverbial particle after the speaker word, the space between lost
        "저는나중에 의사가 될래요.",
    ],
)
def test_everyday_words_after_cues_are_no_names(text: str, rules: Rules) -> None:
    assert spans(text, rules, "person") == [], spans(text, rules, "person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("동네 사람들은 나를 꼬맹이라고 불렀다.", "꼬맹이"),
        ("저는 박순옥 입니다.", "박순옥"),
    ],
)
def test_names_after_the_same_cues_stay_found(text: str, name: str, rules: Rules) -> None:
    assert covered(text, name, rules, "person"), spans(text, rules)
