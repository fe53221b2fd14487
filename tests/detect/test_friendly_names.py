"""relay.detect: names young writers call each other by.

- The friendly 이 and a case particle after a name one jamo off an everyday word ("계철이는" ~ 계절,
  "청룡" ~ "철룡이를"): a word takes the particle itself (계절은), so the 이 says a name is there.
- The cute spellings of the polite copula closing an introduction (이에여, 예여, 이에용, 예용).
- A letter opening with the reader called and the writer's own (nick)name: "야 짱구야, 나 곰이다".
- A counter (명) after a verb's adnominal form is the first syllable of a split name, no bound noun.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind, Severity

from .conftest import one_covers


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("철룡이를 만나면 내 안부 좀 전해 주렴.", "철룡"),  # 청룡
        ("계철이는 벌써 군대 간 지 삼 년이 됐다.", "계철"),  # 계절
        ("우리 반 동길이랑 나는 매일 같이 학교에 갔어.", "동길"),  # 동굴
        ("저는 열일곱살 지송이에여.", "지송"),
        ("안녕하세요 저는 민지예여 ㅎㅎ", "민지"),
        ("저는 고등학생 한별이에용.", "한별"),
    ],
)
def test_a_name_called_so_is_found(text: str, name: str, rules: Rules) -> None:
    assert one_covers(text, name, Kind.PERSON, None)


@pytest.mark.parametrize(
    "text",
    [
        "고앙이를 보면 우리 집 생각이 나요.",  # 고양이 one jamo off: 이 is the word's own
        "어린이가 셋이나 있는 집이에요.",
        "청룡을 그린 그림이 걸려 있었다.",
        "계절은 벌써 겨울이다.",
        "오늘은 비가 와서 좋은 날이에여.",
        "저는 요즘 너무 바쁜 사람이에용.",
        "저는 열일곱살 학생이에여.",
    ],
)
def test_everyday_words_stay_clean(text: str, rules: Rules) -> None:
    assert not [f for f in detect(text, rules) if f.kind is Kind.PERSON and f.severity is Severity.REDACT]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("야 깜순아, 나 두더지다 ㅋㅋ 기억나?", ("깜순", "두더지")),
        ("꺽다리야 나 메기다, 같은 반 짝꿍.", ("꺽다리", "메기")),
        ("어, 동식아, 나 깡통이야. 잘 있지?", ("동식", "깡통")),
    ],
)
def test_a_letter_opening_call_and_the_writers_nickname_go_to_review(
    text: str, names: tuple[str, ...], rules: Rules
) -> None:
    for name in names:
        assert one_covers(text, name, Kind.PERSON, None), name


@pytest.mark.parametrize(
    "text",
    [
        "친구야, 나 조선말 잘 못 한다, 이해해라.",
        "얘야, 나 간다.",
        "동생아, 나 혼자다.",
        "엄마야 나 무서워",
        "여보야 나 여기다.",
        "아이고야 나 죽겠다.",
    ],
)
def test_an_opening_call_without_a_name_stays_clean(text: str, rules: Rules) -> None:
    assert not [f for f in detect(text, rules) if f.kind is Kind.PERSON]


def test_a_counter_after_a_verbs_form_is_no_bound_noun(rules: Rules) -> None:
    # 명 counts people after a number; after 하는 it is the first syllable of a name OCR split.
    assert one_covers("사랑 하는 명 훈 형제 에게", "명 훈", Kind.PERSON, None)
    assert not [f for f in detect("보는 게 소원이야", rules) if f.kind is Kind.PERSON]
