"""Risky-topic classes found missing, and look-alikes that must stay unflagged, in a thirteenth outside
writer's letters (table outside13). The sentences are new ones of the same shapes."""

from __future__ import annotations

import pytest

from relay.detect import Rules
from relay.model import Kind

from .conftest import covered, found


def _topics(text: str) -> list[str]:
    return found(text, Kind.TOPIC)


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        # hiding in a lorry's or a goods train's cargo space, words between the space and the hiding
        ("목재 실은 트럭 짐칸 포대 더미 뒤에 숨어서 온성까지 갔지.", "숨어서"),
        ("짐칸 거적 밑 에 숨어 있었소.", "숨어"),
        ("쌀 싣고 가는 화물열차 빈 칸에 숨어서 남양까지 왔다.", "숨어서"),
        ("광석 나르는 화물 렬차 구석에 몸을 숨기고 갔다.", "숨기고"),
        ("렬차 승강대 밑에 숨어서 검문을 넘겼소.", "숨어서"),
        ("생선 싣는 냉동차 안 상자 사이에 숨어 있었다.", "숨어"),
        # through the demarcation line, its fences or the minefields
        ("휴전선 철조망 아래로 기어서 겨우 나왔다.", "기어서"),
        ("밤에 군사분계선 지뢰밭을 혼자 건넜소.", "건넜소"),
        ("비무장지대 갈대숲을 지나 남쪽 초소까지 빠져나왔다.", "빠져나왔다"),
        # fleeing a posting abroad without papers or a word, knocking at a consulate
        ("벌목장에서 증명서 없이 뛰쳐나왔습니다.", "뛰쳐나왔습니다"),
        ("밤중에 대사관 철문을 두드렸지.", "두드렸지"),
        # lying low when the police check
        ("공안 단속 뜨는 날엔 식당 일도 안 나갔다.", "안 나갔다"),
        ("이민국 수색 있을 때는 창고에 숨어 지냈다.", "숨어"),
        ("공안이 뜨는 날은 방에서 한 발짝도 안 나갔다.", "안 나갔다"),
        # looking for the way south, or for who will take one there
        ("남쪽으로 오는 방법을 교회 집사님이 알아봐 주신대요.", "알아봐"),
        ("한국에 갈 길을 아는 분이 연결해 주기로 했다.", "연결해"),
        ("한국 가려고 조선족 브로커를 만났다.", "브로커"),
        ("길은 선교사님통해 물어보고 있어요.", "선교사님통해"),
    ],
)
def test_topics_in_new_shapes_are_found(rules: Rules, text: str, piece: str) -> None:
    assert covered(text, piece, rules, "topic"), (text, _topics(text))


@pytest.mark.parametrize(
    "text",
    [
        # hide-and-seek, a truck in a game
        "숨바꼭질할 때 트럭 뒤에 숨었다.",
        # a visit to the fence, a view over it
        "휴전선 철책을 따라 걸으며 고향 생각을 했다.",
        "철책 너머로 북녘 산이 보였다.",
        "비무장지대 생태 공원을 둘러봤다.",
        # a drink-driving check in the south, a check without hiding
        "음주 단속 있는 날은 술을 안 마신다.",
        "공안 검문 있는 날이 많았다.",
        # on the way to Korea, a visa
        "한국 가는 길에 부산에 들렀다.",
        "한국 가려면 비자가 필요하다.",
        # a consulate visited for papers
        "영사관에 가서 서류를 받았다.",
    ],
)
def test_topic_look_alikes_are_not_flagged(text: str) -> None:
    assert not _topics(text), (text, _topics(text))
