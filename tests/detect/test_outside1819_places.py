"""Place classes found missing in two more outside writers' letters (tables outside18 and outside19):
islands missing from the landmark gazetteers, and a Chinese city's quarter named as a street
(街 가, 街道 가두). Everyday look-alikes must stay unflagged. The sentences are new ones of the same
shapes."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # islands of the south and the north, named alone
        ("작년 여름에 애들 데리고 가덕도에 다녀왔어.", "가덕도"),
        ("남편 고향이 흑산도라서 명절마다 배를 탄다.", "흑산도"),
        ("지난달 안면도 바닷가에서 조개를 캤어요.", "안면도"),
        ("지금은 남이섬 근처 펜션에서 일해.", "남이섬"),
        ("삼촌은 마안도 앞바다에서 고기를 잡으셨지.", "마안도"),
        ("창린도에서 군복무하던 오빠 소식 들었니?", "창린도"),
        # a Chinese city's quarter written as a street, with or without a particle
        ("나는 요즘 연길시 건공가에서 식당 일을 한다.", "건공가"),
        ("도문시 향양가두에 방 한 칸 얻었다.", "향양가두"),
    ],
)
def test_outside1819_places_found(text: str, place: str, rules: Rules) -> None:
    assert covered(text, place, rules, "place"), spans(text, rules)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the word after a foreign city is a person or an everyday noun with the subject particle 가
        ("연길시 친구가 어제 전화했어.", "친구"),
        ("연길시 우리가 살던 집은 헐렸다.", "우리"),
        ("연길시 날씨가 요즘 많이 춥다.", "날씨"),
    ],
)
def test_outside1819_street_quarter_lookalikes(text: str, word: str, rules: Rules) -> None:
    places = [found for kind, _, found in spans(text, rules, "place")]
    assert not any(word in found for found in places), spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # everyday words next to island names: conversation, candles, listings, in-laws, loans
        "요즘은 대화도 잘 안 하고 지낸다.",
        "생일 케이크에 초도 꽂았다.",
        "요즘 전세 매물도 별로 없대요.",
        "제부도 같이 와서 밥을 먹었다.",
        "대청도 깨끗이 청소했다.",
    ],
)
def test_outside1819_places_lookalikes(text: str, rules: Rules) -> None:
    assert not spans(text, rules, "place"), spans(text, rules)
