"""Slots where only a name fits (names._slot): found even when Kiwi reads the word as an everyday one,
graded review at least; and the everyday sentences that look like those slots."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered, spans

SLOT_FOUND = [
    ("두만 동무, 몸조심하게.", "두만"),  # before 동무, Kiwi does not know it
    ("곰산 동지는 아직 그 마을에 계신다.", "곰산"),
    ("설악아, 밥은 잘 챙겨 먹어라.", "설악"),  # addressed at the start of a sentence
    ("겸아, 보고 싶다.", "겸"),  # one syllable, addressed
    ("나는 도담결이다.", "도담결"),  # the end of an introduction
    ("저는 바름이라고 합 니다.", "바름"),  # OCR split 합니다
    ("고무산에서 나서 자란 다올이라고 해.", "다올"),
    ("구름돌과 나는 같은 학교 동창이었다.", "구름돌"),
    ("석두한, 주민등록번호 800101-1234567, 새로 받은 번호다.", "석두한"),
    ("석두한 주민등록번호 팔공공일공일", "석두한"),  # transcript: no comma
    ("고향 마을을 그리며, 변 소정", "변 소정"),  # the last word of a closing line
    ("2019.03.02 하경만", "하경만"),  # 만 is not a particle here
    ("누나 하윤이 시집간 곳은 먼 마을이다.", "하윤"),  # after a kinship word
    ("딸 봉과 함께 산다.", "봉"),  # one syllable after 딸
    ("결기 아버지가 일하던 공장이 보였다.", "결기"),  # a parent named after the child
    ("부디 건강하세요.\n숙 올림", "숙"),  # one syllable signing, alone on its line with the closing
    ("그럼 이만 줄인다.\n별 드림\n2024. 5. 1.", "별"),
    ("부디 건강하세요.\n예 올 림", "예"),  # OCR split the closing
]

SLOT_NOT_PERSON = [
    "주소나 전화번호는 적지 않겠다.",
    "주소 나 전화번호늘 적지 않겟다.",
    "어머니 생각이 많이 난다.",  # an everyday word after a kinship word
    "동생 편지가 왔다.",
    "나는 학생이다.",
    "저는 괜찮다고 합니다.",
    "교원 동무들이 많이 도와주었다.",  # a role word before 동무
    "그 동무는 아직 소식이 없다.",
    "우리 아버지가 일하던 공장이다.",
    "고마운 마음을 담아, 잘 있거라",
    "친구야, 잘 있니?",
    "나야, 나.",
    "새 주민등록번호를 받았다.",
    "한국 주민등록번호를 받았다.",
    "그럼 이만.\n형 씀",  # a kinship word signing
    "그럼 이만.\n글 올림",  # no name syllable
    "어제 편지를 씀.",
    "선생님께 숙 올림 말씀을 드렸다.",  # not a line of its own
]


@pytest.mark.parametrize(("text", "name"), SLOT_FOUND)
def test_slot_names_are_found(rules: Rules, text: str, name: str) -> None:
    assert covered(text, name, rules, "person")


@pytest.mark.parametrize("text", SLOT_NOT_PERSON)
def test_slot_lookalikes_are_not_names(rules: Rules, text: str) -> None:
    assert spans(text, rules, "person") == []


def test_slot_rule_id_and_grade(rules: Rules) -> None:
    # A word shaped like a name (both syllables typical of names) in a slot only a name fits: redact.
    found = [f for f in detect("두만 동무, 몸조심하게.", rules) if f.kind.value == "person"]
    assert found and found[0].rule == "person.slot" and found[0].severity.value == "redact"
    # An everyday word in the same slot is only a guess: review.
    found = [f for f in detect("군수 동무, 몸조심하게.", rules) if f.kind.value == "person"]
    assert found and found[0].rule == "person.slot" and found[0].severity.value == "review"


@pytest.mark.parametrize("text", ["5분 대기 중이다.", "오분 대기조에 있었다.", "3분 대화를 했다."])
def test_minutes_are_not_a_unit(rules: Rules, text: str) -> None:
    assert spans(text, rules, "unit") == []


def test_numbered_squad_is_still_a_unit(rules: Rules) -> None:
    assert covered("제2분대에 있었다.", "제2분대", rules, "unit")


# A monk is named by a dharma name before 스님, which Kiwi often reads as an everyday word (덕문 "virtue
# gate", 법운 "dharma cloud"); who a monk is in a temple (주지, 비구니, 큰, 노) is not a name.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("덕문 스님께서 병사님 이름으로 연등을 달아 주셨습니다.", "덕문"),
        ("법운 스님께서 매일 기도하십니다.", "법운"),
    ],
)
def test_dharma_name_before_monk_is_a_name(rules: Rules, text: str, name: str) -> None:
    assert covered(text, name, rules, "person")


@pytest.mark.parametrize(
    "text",
    [
        "주지 스님께서 기도하십니다.",
        "비구니 스님이 오셨다.",
        "큰 스님께 인사드렸다.",
        "젊은 스님 한 분이 계셨다.",
        "우리 절 스님이 편지를 쓰셨어요.",
        "동네 스님이 오셨다.",
        "행자 스님이 밥을 지었다.",
        "노스님께서 기도하셨다.",
        "스님께서 기도해 주셨다.",
        "공양주 보살님이 밥을 지었다.",
        "신도 보살님들이 기도했다.",
        "원장 수녀님께서 오셨다.",
        "수녀원 수녀님들이 기도했다.",
        "친절한 수녀님이 도와주셨다.",
    ],
)
def test_who_a_monk_is_is_no_name(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.kind.value == "person"], text
