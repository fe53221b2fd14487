"""False alarms of the outside21/24 benign sentences, in new sentences: words for groups of Koreans,
dialect imperatives, kinship words with a particle split off, a syllable split off an everyday noun,
Japanese phrases after Chinese characters, 형제님 in a salutation and the particle 이든. Names in the
same shapes stay found."""

from __future__ import annotations

from pathlib import Path

import pytest

from relay.detect import Rules
from relay.errors import ConfigError

from .conftest import covered, spans


@pytest.mark.parametrize(
    "text",
    [
        # words for groups of Koreans by where they live or came from, and loanwords for singers
        "우리 고려인들은 명절마다 모여서 국수를 먹어요",
        "재일교포 아저씨가 과자를 보내 주셨다",
        "동네 조선족 할머니가 김치를 담가 주셨어",
        "동생은 요즘 아이돌 춤만 춘다",
        # Gyeongsang imperatives and the old plain ending 다오, anywhere in the sentence
        "밥은 꼭 챙겨 묵으래이",
        "조심하래이 엄마가 기다린다",
        "할머니는 니 걱정에 잠을 못 잔다오",
        # a kinship word with its particle split off by the spacing
        "나 는 누나 가 돌아 온다는 말 을 들 었다",
        "우리 는 오빠 를 믿 는다",
        # a syllable split off an everyday noun before it
        "엄마 가 해주 던 된 장찌개 가 그립다",
        # a particle of choice after a noun
        "돈이든 옷이든 필요하면 말해라",
        # brother and sister as a congregation says them, in a salutation
        "사랑하는 형제님께 평안을 빕니다",
        "사랑하는 자매님께 감사드립니다",
    ],
)
def test_everyday_words_are_no_names(text: str, rules: Rules) -> None:
    assert spans(text, rules, "person") == []


@pytest.mark.parametrize(
    "text",
    [
        # verb endings and sentence particles after Chinese characters: a Japanese phrase
        "꼭 살아 돌아와 待ってるよ 알겠지",
        "勉強してね, 언니가 응원할게",
        "忘れないでね 우리 약속",
    ],
)
def test_japanese_phrases_are_no_names(text: str, rules: Rules) -> None:
    assert [s for s in spans(text, rules, "person") if s[2][0] >= "\u3000"] == []


@pytest.mark.parametrize(
    "text",
    [
        # in front of an everyday word, one jamo off a landmark ending in 앞 (동묘앞)
        "동무 앞에 서니 할 말이 없구나",
    ],
)
def test_everyday_word_before_a_position_is_no_landmark(text: str, rules: Rules) -> None:
    assert spans(text, rules, "place") == []


def test_landmark_with_its_position_stays_found(rules: Rules) -> None:
    assert covered("삼촌은 동묘 앞에서 가게를 한다", "동묘 앞", rules, "place")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a given name opening with a particle's syllable after a kinship word
        ("동생 은희가 보고 싶다", "은희"),
        ("보고싶은 누나 은숙에게", "은숙"),
        # a surname split off by a space before a given name
        ("우리 동생 리 명호가 보고 싶다", "리 명호"),
        # a kinship word before a name in a salutation
        ("사랑하는 형 광철에게", "광철"),
        # a Japanese name: a surname in characters, a given name in kana
        ("일본 친구 佐藤 さやか가 안부 전한다", "佐藤 さやか"),
    ],
)
def test_names_in_the_same_shapes_stay_found(text: str, name: str, rules: Rules) -> None:
    assert covered(text, name, rules, "person")


def test_kin_particles_must_be_hangul(config: Path) -> None:
    from relay.detect import load_rules

    path = config / "detect" / "rules.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('kin_particles = ["이",', 'kin_particles = ["", "이",', 1), encoding="utf-8")
    with pytest.raises(ConfigError):
        load_rules(config)


def test_japanese_endings_must_be_kana(config: Path) -> None:
    from relay.detect import load_rules

    path = config / "detect" / "rules.toml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace("japanese_endings = [\n", 'japanese_endings = ["da",\n', 1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_rules(config)
