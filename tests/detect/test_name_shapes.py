"""Names in shapes a held-out set of letters used and the detector missed, and everyday words it took
for names: each case here is written afresh (different names and sentences), so that the rule, not
the example, is what passes."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the family suffix 네: someone's family or home, named by the person
        ("박순철네 큰딸이 시집을 갔대.", "박순철"),
        ("어릴 때 명옥이네 집에서 자주 놀았지.", "명옥"),
        # given names listed by commas beside a name the detector found
        ("누나 은경이, 혜란이, 정숙이 다 잘 있어.", "혜란"),
        ("누나 은경이, 혜란이, 정숙이 다 잘 있어.", "정숙"),
        # a surname split off by a space or read by Kiwi as a particle
        ("곽 영숙아주머니가 안부를 전했다.", "곽 영숙"),
        ("옆집 둘째 로은철이가 너와 동갑이었지.", "로은철"),
        # a signature followed by the writer's number on the same line
        ("허 정 란 올림 010 5521 7734", "허 정 란"),
        # Korean names in other scripts
        ("신문에는 Pak Myong Chol이라고 났더라.", "Pak Myong Chol"),
        ("Hwang Song-il 동무", "Hwang Song-il"),
        ("명단에 ПАК МЕН СУ라고 적혀 있었다.", "ПАК МЕН СУ"),
        ("李順姬 선생님께 드립니다.", "李順姬"),
        # a nickname someone was called by at home (review), with or without a title after it
        ("동네에서는 다들 그 애를 '꼬맹이'라고 불렀어.", "꼬맹이"),
        ("곰순이 언니라고 부르면 다 알아.", "곰순이"),
        # a name beside a date of birth, spaced apart by OCR or after the date
        ("차 은 별 1996.11.2생", "차 은 별"),
        ("2000.4.9생 도경민이 제 동생입니다.", "도경민"),
    ],
)
def test_name_shapes_are_found(rules: Rules, text: str, name: str) -> None:
    assert covered(text, name, rules, "person"), spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # job, subject or time before a title (never a name)
        "교회 상담 선생님이 많이 도와주셨어요.",
        "학교 경비 아저씨가 문을 열어 주셨어요.",
        "고등학교 시절 선생님이 아직도 생각나요.",
        "수학 선생님은 엄하셨어요.",
        # the copula's adnominal form before a kinship word
        "늘 내 편인 언니가 있어서 든든해요.",
        # an everyday word ending in 씨 that a title seemed glued to
        "아가씨, 아저씨들이 모두 친절했어요.",
        # everyday words with a rare surname's syllable in front, and numerals
        "동생은 벌써 대학생이 되었어요.",
        "사과 한 봉지에 삼천오백 원이에요.",
        # North Korean spelling of everyday words at the start of a sentence
        "로동이 힘들어도 참고 견디렴.",
        "래일은 날씨가 맑을 거래요.",
        # 네 ending a verb, not naming a family
        "오늘은 유난히 춥네요.",
        "벌써 겨울이 다 되었네요.",
        # a date of birth with no name beside it
        "그 사람은 1997.2.3생이래요.",
        "우리는 서로 친구라고 불렀어요.",
    ],
)
def test_everyday_words_are_not_names(rules: Rules, text: str) -> None:
    assert not [s for s in spans(text, rules) if s[0] == "person"], spans(text, rules)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("은실아 은실아 어디 있니?", "은실"),  # called out twice
        ("박정옥 권사님이 기도해 주셨습니다.", "박정옥"),  # a church title
        ("명호는 1999년에 평양에서 태여났다.", "명호"),  # North Korean spelling of 태어났다
        ("꽃순이, 말순이, 영란이 셋이 같이 놀았지.", "꽃순"),  # a listed native name in a list
        ("우리 녀동생 보람이는 잘 있다.", "보람"),  # a native name that is a word, after a kinship word
        ("박은하(가명 은하수) 씨가 도와주셨어요.", "은하수"),  # whatever follows a name label
        ("너의남동생 금철이도 잘 있단다.", "금철"),  # a kinship word glued to its possessive
        ("은하 올림 ㅠㅠ", "은하"),  # a closing followed by jamo tears, not words
        ("잘 있어라.\n청진 아주머니 도명숙.", "도명숙"),  # a letter signed without a closing word
        ("저는 부산에 사는 택시기사 남궁철입니다.", "남궁철"),  # who the writer says they are
    ],
)
def test_more_name_slots(rules: Rules, text: str, name: str) -> None:
    assert covered(text, name, rules, "person"), spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # a transcript's fillers and interjections next to kinship words
        "어 아들 엄마야 잘 지내지",
        "그 음 아빠도 옆에 있어",
        "음 그 엄마가 많이 보고 싶어",
        # a finished verb before a kinship word or title
        "나 잘 있어 오빠도 잘 있어",
        "사진 보고 언니 많이 울었어",
        # a determiner and a bound noun
        "봉사자 중 한 분은 선생님이라고 불러요.",
        "이름은 모두 바꿔서 썼어요.",
        # 동무 as "you", after an adverb or a pronoun
        "요즘 동무가 무엇을 먹는지 걱정이오.",
        "아무도 동무를 탓하지 않소.",
        "항상 동무 생각을 하오.",
        # a generic addressee with a title glued on
        "그리운 병사동무에게 편지를 씁니다.",
        # an adverb or a finished verb merged with the next word
        "언니 꼭 건강해야 돼.",
        "오빠 고맙다 나는 잘 있어.",
        # a "title" that ends an everyday word, and an everyday word after an adnominal form
        "요즘은 단골손님이 많아요.",
        "기다리는 동안만이라도 웃어요.",
        # 노인 in North Korean spelling after a determiner
        "이 로인이 몇 자 적소.",
        # a last line that is a sentence, and "나는 …" ending in a verb
        "오늘은 여기까지.\n용기를 내라.",
        "밥 잘 먹는 나는 늘 감사해요.",
    ],
)
def test_spoken_words_are_not_names(rules: Rules, text: str) -> None:
    assert not [s for s in spans(text, rules) if s[0] == "person"], spans(text, rules)
