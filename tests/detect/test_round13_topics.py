"""Round 13 topics: whole clauses of a route read without spaces (compact rules), so that typed,
OCR-spaced, letter-by-letter handwritten and spoken forms are read alike, and everyday sentences that
only sound like a topic (vetoes).

- a person sold or handed on, with a price or a buyer between ("나를 … 팔았다", "… 넘겼다");
- money paid to get someone out of custody; word passed through a person (not news heard);
- caught where one crosses and taken away; setting out for the south, or leaving someone to go there;
- coming south by sea (drifting, a feigned breakdown, a boat brought down); a southern guard post
  reached; an embassy approached or the UN's refugee office sought; going south to be said out;
- people hidden or carried in a vehicle on the way; the ice crossed;
- vetoes: the camp as where the reader bears up now, "torture" said of a hardship, a television show of
  separated families, children on the ice, bribery said of a time in general, arms laid down with
  the life ahead after it.
"""

from __future__ import annotations

import pytest

from relay.model import Kind, Severity

from .conftest import covers, found


def _spaced_out(text: str) -> str:
    """``text`` written letter by letter, as some handwriting is read."""
    return " ".join(ch for ch in text if not ch.isspace())


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "그 해 겨울에 브로커 아저씨가 언니를 농촌 홀아비한테 팔았다고 한다.",
            "언니를 농촌 홀아비한테 팔았다",
        ),
        ("연길 역 앞에서 만난 여자가 저를 5천 위안에 넘겼어요.", "저를 5천 위안에 넘겼어요"),
        ("동네 남자 둘이 우리를 붙잡아서 팔아넘겼다.", "우리를 붙잡아서 팔아넘겼다"),
        ("보위부에 잡혀 갔는데 아버지가 돈을 써서 동생을 빼냈다.", "돈을 써서 동생을 빼냈다"),
        ("회령 장사꾼을 통해서 소식을 전하고 있어요.", "장사꾼을 통해서 소식을 전하고"),
        ("그 사람은 강변에서 붙잡혀서 북송됐다고 합니다.", "강변에서 붙잡혀서 북송됐다"),
        ("남한 가려고 떠났는데 중간에 돈이 떨어졌다.", "남한 가려고 떠났는데"),
        ("큰애를 두고 먼저 중국으로 도망쳤다.", "큰애를 두고 먼저 중국으로 도망쳤다"),
        ("우리 목선은 연평도 쪽으로 흘러 내려왔다.", "연평도 쪽으로 흘러 내려왔다"),
        ("기관이 고장 났다고 보고하고 남쪽으로 계속 갔소.", "고장 났다고 보고하고 남쪽으로"),
        ("안개 속에서 남측 초소까지 기어갔다.", "남측 초소까지 기어갔다"),
        ("청도 총영사관 정문까지 달려갔지요.", "총영사관 정문까지 달려갔지요"),
        ("유엔 난민기구를 찾아갔어요.", "유엔 난민기구를 찾아갔어요"),
        ("거기 가면 남한으로 가겠다고 말하세요.", "남한으로 가겠다고 말하세요"),
        ("짐칸에 숨어서 검문소를 지났다.", "짐칸에 숨어서 검문소를"),
        ("아이를 업고 빙판을 건넜다.", "빙판을 건넜다"),
    ],
)
def test_a_route_clause_is_found_however_it_is_spaced(text: str, clause: str) -> None:
    for variant, part in ((text, clause), (_spaced_out(text), _spaced_out(clause))):
        assert covers(variant, part, Kind.TOPIC), variant


@pytest.mark.parametrize(
    "text",
    [
        # a thing sold, not a person; a guess (넘겨짚다)
        "시장에서 사과 하나를 삼천 원에 팔았다.",
        "엄마는 나를 위해 집을 팔았다.",
        "너는 나를 너무 넘겨짚지 마라.",
        # a car got out of a car park; news heard, not sent (written letter by letter)
        "주차비로 돈을 내고 차를 빼냈다.",
        "아 는 사 람 을 통 해 소 식 을 전 해 들 었 어 요",
        # a fish caught by the river; a trip; a house washed away
        "강가에서 잡힌 물고기로 찌개를 끓였다.",
        "가방을 두고 여행을 떠났다.",
        "홍수에 집이 떠내려갔다.",
        "차가 고장 난 척하고 쉬었다.",
        "여름에 가족이랑 바다로 내려왔어요.",
        # a consulate visited for papers; a trip told of
        "영사관에 가서 여권을 새로 받았어요.",
        "한국 간다고 엄마한테 말했어.",
        # luggage, not people
        "트렁크에 짐을 싣고 여기까지 왔다.",
        # vetoes
        "포로수용소에서도 밥 잘 먹고 건강하게 지내거라.",
        "수 용 소 라 도 책 은 읽 으 시 오 .",
        "그 행군은 진짜 고문이었어.",
        "티비 보면 이산가족 찾기 방송이 가끔 나와.",
        "겨울이면 얼음판 위에서 팽이를 쳤어요.",
        "그 시절엔 어디나 뇌물이 판쳤다.",
        "무기를 내려놓았으니 앞으로는 몸만 생각해.",
    ],
)
def test_everyday_sentences_are_not_topics(text: str) -> None:
    assert not found(text, Kind.TOPIC), text


def test_a_veto_leaves_a_crossing_told_in_the_same_sentence() -> None:
    text = "뇌물이 많던 때라 경비대에 뇌물을 주고 강을 건넜다."
    assert found(text, Kind.TOPIC, Severity.REVIEW)


def test_a_surrender_told_is_still_found() -> None:
    assert found("그 새벽에 무기를 내려놓고 손을 들고 걸어 나갔다.", Kind.TOPIC, Severity.REVIEW)
