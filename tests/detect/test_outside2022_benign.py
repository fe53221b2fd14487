"""False alarms of the outside20/22/23 benign sentences, in new sentences: words split into syllables
by OCR or careless spacing (relay/detect/respaced.py) and everyday words in a name's slot
(relay/detect/not_names.py). Names in the same shapes stay found."""

from __future__ import annotations

from pathlib import Path

import pytest

from relay.detect import Rules
from relay.errors import ConfigError

from .conftest import covered, spans


@pytest.mark.parametrize(
    "text",
    [
        # a particle split off the word before, merged with the syllable after it
        "어머니 가 기다 리고 계신다 꼭 돌아 오너라",
        "편지 가 너 에게 닿으면 좋겠다",
        "오빠 가 좋아 하던 노래 를 부른다",
        "언니 가 너 를 늘 생각 한다",
        # one word split into syllables, its pieces taken for a name
        "지 금 은 저 녁 마 다 강 을 본 다",
        "동 무 도 밥 을 잘 먹 어 라",
        "경비대 생활 은 춥 고 배 고 프 고 졸 립 다",
    ],
)
def test_split_words_are_no_names(text: str, rules: Rules) -> None:
    assert spans(text, rules, "person") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("동생 리 영호가 보고 싶다", "리 영호"),
        ("사랑하는 김 철 수 동무에게", "김 철 수"),
        ("우리 형 박 민철이는 잘 있다", "박 민철"),
        ("내 동무 최 광 혁 이 보고싶다", "최 광 혁"),
        # a surname Kiwi reads as a particle, before typical name syllables
        ("할머니 류 말순 님과 같이 갔다", "류 말순"),
        ("막내 도 윤 서가 학교에 다닌다", "도 윤 서"),
        # after a label only a name follows
        ("제 이름은 한 별나리예요", "한 별나리"),
    ],
)
def test_names_split_by_spaces_stay_found(text: str, name: str, rules: Rules) -> None:
    assert covered(text, name, rules, "person")


@pytest.mark.parametrize(
    "text",
    [
        # what friends call each other, before a kinship word
        "베프 언니가 기다린다",
        "브로 형이 응원한다",
        # a verb's adnominal form and a bound noun, a conjunction, before a kinship word
        "형 밥 사준거 형은 다 기억한다",
        "어릴때 언니 손 잡고 다녔지",
        "그런데 누나 는 웃었다",
        # the writer and an everyday noun
        "나 수학 이제 잘해 언니 오면 보여줄게",
        # a dialect's sentence ending
        "요즘 밥을 잘 먹지비.",
        # a country's name whose last syllable reads as a vocative, or before a title
        "로씨야 음식 보다는 여기 음식이 낫다",
        "이웃집 러시아 할아버지가 빵을 주셨다",
        # what the speaker does, not who the speaker is
        "내가 삼겹살 한번 크게 쏜다",
        # words for people of a kind and for things, no one's name
        "할머니는 매일 정화수 떠놓고 기도하신다",
        "우리 동네 노인네들은 참 부지런해",
        "정찰병이 뭐 사람이가",
    ],
)
def test_everyday_words_in_name_slots(text: str, rules: Rules) -> None:
    assert spans(text, rules, "person") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("순철이 형이 응원한다", "순철"),
        ("나 영희랑 같이 갔어", "영희"),
        ("저는 김철수 많이 좋아해요", "김철수"),
        ("오빠 나 수련이 쪼꼬미 오빠 사촌동생", "쪼꼬미"),
        ("애기 때 이름은 분이였어요", "분이"),
        # given names that open with a pronoun's syllable: the writer and a noun to Kiwi, but names
        ("막내 나숙이 봄에 태어났을 때 온 동네가 기뻐했다.", "나숙"),
        ("나련이 지금도 그 동네에 있는지 모르겠다.", "나련"),
        ("언니 제니가 많이 보고 싶어한다", "제니"),
    ],
)
def test_names_in_the_same_slots_stay_found(text: str, name: str, rules: Rules) -> None:
    assert covered(text, name, rules, "person")


def test_benign_lists_must_be_hangul(config: Path) -> None:
    from relay.detect import load_rules

    path = config / "detect" / "rules.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('pronouns = ["나",', 'pronouns = ["", "나",', 1), encoding="utf-8")
    with pytest.raises(ConfigError):
        load_rules(config)


def test_opening_tags_must_not_be_empty(config: Path) -> None:
    from relay.detect import load_rules

    path = config / "detect" / "rules.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('respaced_opening_tags = ["J",', 'respaced_opening_tags = ["", "J",', 1),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError):
        load_rules(config)
