"""Round 12 false alarms: everyday sentences of three more outside writers that the rules flagged, by
class, with new sentences of the same shapes, and the details of the same shapes that must still be found.

- an amount read aloud before its counter as a word of its own ("사천 원", "삼 천 개"), one place's name;
- a trade or a kinship word one is called by or is ("간호사라고 불러요", "나는 여기서 이모다"), and an
  everyday noun with its particle written apart after the speaker ("나 는 키 가 작아서");
- an everyday noun or numerals with the copula, one jamo off an organisation's suffix ("고등학생인데");
- a firm's ending that is the start of a word OCR split ("오토 바이"), a filler before a word ("음 반찬");
- short near misses of places that are everyday words once the spaces are out ("지 금도", "자전 거");
- pieces of a long word or of the writer's pronoun read as a name ("어르 신 말", "랑 나 는");
- a native number and 배 ("times as much"), the time before a church glued to it ("요즘교회에서");
- a word that is also a province's short form before a verb ("경기 있는 날").
"""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind

from .conftest import found


@pytest.mark.parametrize(
    "text",
    [
        # amounts before a counter written apart
        "요즘 마트에서 무 한 개가 사천 원이나 해요.",
        "설 앞두고 만두 를 삼 천 개 넘게 빚 었다 .",
        # a trade one is called by, a kinship word one is
        "한국에서는 운전수 대신 기사님이라고 부른대요.",
        "식당 손님 들이 나 를 반장이라고 불러요",
        "손님 들이 삼촌 삼촌 하니 까 나 는 거기서 삼촌 이다",
        # an everyday noun and its particle written apart after the speaker
        "나 는 손 이 작아 서 장갑이 늘 헐렁했다",
        "나 는 그 집 이 그립 지 만 못 간 다",
        # an everyday noun or numerals with the copula
        "옆집 애는 벌써 대학생인데 아직도 철이 없어요",
        "우리 아버지 연세가 일흔여덟인데 아직 밭일을 하신다",
        # a word OCR split after a firm's ending, a filler before a word
        "눈 오는 날 은 오토 바이 를 안 탄 다",
        "음 반찬 가게 는 아침 일찍 문 을 연다",
        # everyday words one jamo from a place once the spaces are out
        "저녁 에 삼십 분 씩 자전 거 를 탄 다 .",
        # a long word or the writer's pronoun cut by the spacing
        "동 생 이 랑 나 는 밤 늦게 까지 놀았 다 .",
        "우리 할 아버 지 는 어르 신 말 씀 을 잘 듣 는 다",
        # a native number and times as much, the time before a church
        "겨울 되면 난방비가 세 배야 정말 무섭다",
        "어머니는 오늘교회에서 찬송가를 배웠다.",
        "나는 요새교회에서 성가대를 한다.",
        # a word that is also a province's short form, before a verb
        "어 류현진 경기 있는 날은 어 다들 일찍 퇴근해",
        # the copula's polite ending split off after a vowel
        "저 는 열아홉 살 이고 집에서 둘째 에요",
        # a word of worship split by the spacing
        "하 나님 이 우리 를 지켜 주 신다 .",
    ],
)
def test_everyday_sentences_stay_unflagged(text: str) -> None:
    identifying = [f for f in detect(text) if f.kind is not Kind.TOPIC]
    assert identifying == [], [(text[f.start : f.end], f.rule) for f in identifying]


@pytest.mark.parametrize(
    ("text", "kind", "detail"),
    [
        # a place of the same name as an amount, with a particle of place
        ("제 고향은 사천 이에요. 바다가 가까워요.", Kind.PLACE, "사천"),
        # a church named with an everyday word
        ("할머니는 소망교회에서 성경 공부를 하신다.", Kind.ORG, "소망교회"),
        # a firm's ending split off its name
        ("아들은 한빛 산업 에 다녀요", Kind.ORG, "한빛 산업"),
        # a name before the copula's polite ending split off
        ("제 이름은 지아 예요", Kind.PERSON, "지아"),
        # a name after the speaker, spaced
        ("나 는 박 솔 이 야", Kind.PERSON, "박 솔"),
    ],
)
def test_details_of_the_same_shapes_are_still_found(text: str, kind: Kind, detail: str) -> None:
    assert any(detail in hit or hit in detail for hit in found(text, kind)), found(text, kind)
