"""Organisation classes found missing in another outside writer's letters (table outside17): Russian
firms' compound names, courts and prosecutors' offices, broadcasters before a journalist's post, study
halls, human-rights networks, fisheries and livestock co-operatives, Latin trade names with their branch,
a restaurant's branch in Latin letters, and a long named body split by OCR. The sentences are new ones of
the same shapes; the look-alikes must stay unflagged."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # Russian firms named as a compound of their trade, or before a Korean workplace noun
        ("형은 Дальспецстрой 현장에서 용접을 했어요.", "Дальспецстрой"),
        ("그 사람은 Приморрыбпром 배를 탔다.", "Приморрыбпром"),
        ("여권은 Восток 사무실에 맡겨 두었지.", "Восток"),
        # courts and prosecutors' offices named after their city
        ("재판은 수원지방법원에서 열립니다.", "수원지방법원"),
        ("서류를 부산고등검찰청으로 보냈습니다.", "부산고등검찰청"),
        ("사건은 대전가정법원에 계류 중이에요.", "대전가정법원"),
        # a broadcaster, paper or agency before a journalist's post
        ("저는 통일바람방송 기자 아무개입니다.", "통일바람방송"),
        ("그는 동해일보 특파원으로 일한다.", "동해일보"),
        ("제 친구는 한빛뉴스 PD예요.", "한빛뉴스"),
        ("저는 새벽통일라디오에서 밤 방송을 하는 아무개입니다.", "새벽통일라디오"),
        ("삼촌은 동북일보에서 근무하셨다.", "동북일보"),
        # study halls and night schools named by a word
        ("동생은 새싹배움터에서 한글을 배워요.", "새싹배움터"),
        # human-rights networks
        ("저는 오사카인권네트워크 활동가예요.", "오사카인권네트워크"),
        ("그분은 하나울인권네트 대표예요.", "하나울인권네트"),
        # fisheries and livestock co-operatives
        ("아버지는 강릉 축협에서 일하신다.", "축협"),
        ("삼촌은 수협 공판장에 나가요.", "수협"),
        # Latin names ending in a trade, with the branch after it
        ("누나는 Golden Wok Kitchen에서 일해.", "Golden Wok Kitchen"),
        ("형은 Maple Leaf Roofing 에서 지붕 일을 한다.", "Maple Leaf Roofing"),
        ("저는 Lotte Mart Fullerton 계산대에서 일해요.", "Lotte Mart Fullerton"),
        ("저는 Hope Bridges Asia 서울 사무소에 있어요.", "Hope Bridges Asia"),
        # a restaurant with its branch in Latin letters, then the writer's work there
        ("나는 부산가든 Silom에서 주방 일을 해.", "부산가든 Silom"),
    ],
)
def test_outside17_org_classes(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org"), spans(text, rules)


def test_long_named_body_split_by_ocr(rules: Rules) -> None:
    # a space OCR put inside a long named body, a noun glued after it
    text = "국제적십자 위원회사람들이 찾아왔어요."
    assert covered(text, "국제적십자 위원회", rules, "org"), spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # media words before a post, the kind of outlet only
        "지역방송 기자가 마을에 왔어요.",
        "인터넷신문 기자라고 했어.",
        "생방송 앵커가 울먹였다.",
        "대북방송 기자들이 많이 찾아와요.",
        "방송 기자가 되고 싶대.",
        "아침방송에서 앵커가 울었다.",
        "저녁뉴스에서 특파원이 전했다.",
        "지역라디오에서 일해요.",
        "라디오에서 방송을 들었다.",
        # courts and study halls as everyday words
        "법원에 가야 한다.",
        "가정법원에서 이혼 절차를 밟았다.",
        "평생배움터에서 강좌를 들었어.",
        "저녁에는 야학에 다녔어요.",
        # compass words before Asia, Latin words that are no firm
        "East Asia 날씨가 추워요.",
        "We went to Southeast Asia 작년에.",
        "Happy New Year 잘 보내.",
        # Cyrillic words that are no firm
        "Наташа 언니가 보고 싶어요.",
        "Спасибо 라고 말했어요.",
    ],
)
def test_outside17_org_lookalikes(text: str, rules: Rules) -> None:
    assert not [s for s in spans(text, rules) if s[0] == "org"], spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        "I Love Korean Food 정말이야.",
        "Fried Chicken 먹고 싶다.",
        "We Went To Southeast Asia 작년에.",
        "Happy Chinese Noodles 먹자.",
    ],
)
def test_latin_kinds_are_no_firms(text: str, rules: Rules) -> None:
    assert not [s for s in spans(text, rules) if s[0] == "org"], spans(text, rules)
