"""Organisation shapes found missing in the thirty-third to thirty-sixth outside writers' letters (tables
outside33 to outside36), and everyday look-alikes that must stay unflagged. The sentences are new ones of
the same shapes:

- the work done at a workplace between 에서 and 일 ("X에서 청소 일 한다", "X에서 배달 일을 했다");
- a university's hospital after its short name ("X대 Y병원", "X대 병원");
- a broadcaster written apart from its ending, then a host's post ("X 방송 진행자");
- Latin names joined by lower-case words ("X für Y e.V.") and hotels ("X Grand Hotel");
- getting into a school or signing on, glued to it ("X대학붙었다", "X센터에등록한");
- a name whose space fell one syllable late ("삼지 강협동농장": 삼지강 + 협동농장);
- a shop named after its quarter, which the letter names with 동 or 읍 ("세류동 ... 세류 X반찬");
- the part of a country a camp serves before it ("서부 제1X수용소");
- a country's own security service ("우크라이나 보안국");
- a group whose name is a phrase, introduced as one ("X을 여는 Y들이라는 동아리"), and a club named for
  whom it stands with ("동아리 X과함께");
- a headquarters named by its task ("X조정본부");
- a church written apart from its name, then its pastor ("X 교회 목사");
- a place, who runs it and a bare ending, each a word ("X 국립 대학");
- an ending OCR split after an everyday name that follows a town ("목동 X 학 원");
- a foreign name split in two before its ending ("X Y 병 원": 메치니코프 병원);
- the work glued after a workplace's ending ("X 요양원일을 한다").
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # the work done there between 에서 and 일
        ("외삼촌은 하청 태영배관에서 배관 일 한다.", "태영배관"),
        ("누나는 미르테크에서 포장 일을 했어.", "미르테크"),
        # a university's hospital
        ("엄마는 순천향대 부천병원에서 간병 일을 해요.", "순천향대 부천병원"),
        ("동생은 인제대 병원에서 일한다.", "인제대 병원"),
        # a broadcaster written apart, then a host
        ("안녕하세요 저는 새벽종소리 방송 진행자 한도윤입니다.", "새벽종소리 방송"),
        # Latin names with lower-case joining words, hotels
        ("저는 Hilfe für Flüchtlinge e.V.에서 일해요.", "Hilfe für Flüchtlinge e.V."),
        ("형은 Blue Harbor Hotel 주방에서 일한다.", "Blue Harbor Hotel"),
        # getting into a school, signing on, glued
        ("네 조카가 청진교원대학붙었다더라.", "청진교원대학"),
        # a space one syllable late
        ("나는 룡천 강협동농장에서 일했다.", "룡천 강협동농장"),
        # a shop named after the quarter the letter names
        ("지금 대구 달서구 월성동에 살고 월성 고향반찬 가게에서 일한다.", "월성 고향반찬"),
        # the part of a country a camp serves
        ("귀하는 현재 동부 제2전쟁포로수용소에 있습니다.", "동부 제2전쟁포로수용소"),
        # a country's own security service
        ("저는 우크라이나 보안국 소속 통역관입니다.", "우크라이나 보안국"),
        # a phrase name introduced as a group's
        ("저는 평화를 심는 사람들이라는 단체에서 봉사해요.", "평화를 심는 사람들"),
        ("우리 동아리 탈북청소년과함께에서 편지를 써요.", "탈북청소년과함께"),
        # a headquarters named by its task
        ("저는 포로송환협의조정본부에서 통역을 합니다.", "포로송환협의조정본부"),
        # a church written apart, then its pastor
        ("저는 한인 소망 교회 목사 김바울입니다.", "소망 교회"),
        # a place, who runs it, a bare ending
        ("손녀가 하바롭스크 국립 대학에 다니오.", "하바롭스크 국립 대학"),
        # an ending OCR split after an everyday name following a town
        ("지금 대전 둔산동 소망 학 원 강사야.", "둔산동 소망 학 원"),
        # a foreign name split before its ending
        ("나는 오데사의 스트라제 스코 병 원에서 일 해요.", "스트라제 스코 병 원"),
        # the work glued after the ending
        ("지금은 파주 운정 신도시 요양원일을 한다.", "신도시 요양원"),
    ],
)
def test_orgs_found(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org") or covered(text, org, rules, "place"), spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # a clause glued before an ending, a word split by OCR before an ending, a guessed dialect word
        "나 요즘 학원 끝나고편의점에서 알바해.",
        "이모는 요 즘 반찬 만드느라 바쁘다.",
        "니 오마니랑나랑 소학교 때 같이 놀았지비.",
        # everyday work after 에서
        "거기에서 주방 일 했어.",
        "동생은 시내에서 배달 일을 해.",
        # a host of some programme, not a named outlet
        "유명한 라디오 진행자가 왔어.",
        "인기 방송 진행자를 봤어.",
        # which church without naming one
        "우리 교회 목사님이 기도해 주셨다.",
        "다니는 교회 목사님께 말했어요.",
        "이번 주일 교회 청년부 모임에 갔어요.",
        # a phrase before 이라는 that is no group's name
        "좋은 사람들이라는 모임은 없어.",
        # who runs a school, the kind of school, no name
        "우리 동네 국립 병원에 갔다.",
    ],
)
def test_lookalikes_unflagged(text: str, rules: Rules) -> None:
    assert spans(text, rules, "org") == []
