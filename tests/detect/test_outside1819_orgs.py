"""Organisation classes found missing in the outside18 and outside19 letters: small manufacturers named
by what they make (금속, 연탄, 제과, 포장, 스크랩), local co-operative banks (농협, 신협, 새마을금고),
neighbourhood seniors' halls, northern and buffet shop endings (냉면관, 료리점, 뷔페, 반찬가게), a shop's
name written apart from its ending, the old "X를 하오" as running a shop, and an adverb before a company
ending (no firm). The sentences are new ones of the same shapes; the look-alikes must stay unflagged."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # small manufacturers named by what they make
        ("삼촌은 안산 반월공단의 태광금속에서 선반을 돌려요.", "태광금속"),
        ("아버지는 삼표연탄에서 배달 일을 하셨다.", "삼표연탄"),
        ("동생은 해돋이제과에서 빵을 굽는다.", "해돋이제과"),
        ("요즘 대림포장에서 상자 접는 일 해요.", "대림포장"),
        ("형은 우진스크랩에서 고철을 나른다.", "우진스크랩"),
        # local co-operative banks
        ("어머니는 고성농협 하나로마트에 나가신다.", "고성농협"),
        ("누나는 서귀포수협에서 경매 일을 봐요.", "서귀포수협"),
        # a neighbourhood seniors' hall
        ("할머니는 매일 월곡1동 경로당에 나가세요.", "월곡1동 경로당"),
        # northern and buffet shop endings glued to a name
        ("나는 지금 훈춘 장백산냉면관에서 일한다.", "장백산냉면관"),
        ("이모는 모란뷔페 주방에서 일해요.", "모란뷔페"),
        # a shop's name written apart from its ending, then a cue that the writer works or ran it
        ("오빠는 다카라 반찬가게에서 일해.", "다카라 반찬가게"),
        ("지금은 순덕이네 국수집을 하오.", "순덕이네 국수집"),
    ],
)
def test_outside1819_org_classes(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org"), spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # kinds and materials, not firms
        ("귀금속은 집에 두고 왔다."),
        ("겨울에는 연탄을 많이 땠어요."),
        ("선물 포장을 예쁘게 했어요."),
        ("제과 제빵 기술을 배우고 싶어요."),
        ("할아버지는 경로당에 자주 가신다."),
        # a kind of restaurant written apart, not which one
        ("중국 식당에서 일했어."),
        ("동네 국수집에서 일해."),
        ("그 사람 냉면관에서 일해."),
        ("우리는 식당을 하오."),
        # an adverb before a company ending
        ("여기 겨울은 너무 추워요, 그리고 전기가 자주 나가요."),
        ("밤에는 정말 전기가 없어요."),
    ],
)
def test_outside1819_org_lookalikes(text: str, rules: Rules) -> None:
    assert not [s for s in spans(text, rules) if s[0] == "org"], spans(text, rules)
