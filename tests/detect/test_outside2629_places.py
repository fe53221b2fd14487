"""Place and address shapes found missing in the twenty-sixth, twenty-seventh and twenty-ninth outside
writers' letters (tables outside26, outside27, outside29), and everyday look-alikes that must stay
unflagged. The sentences are new ones of the same shapes, with other names, places and numbers:

- a road's number read aloud with a spoken polite ending after it ("…로 삼백이십일이고요"), also with
  the road's name split by OCR;
- a building's number after its road with OCR's look-alikes for most digits ("…길 2OO");
- a street address written the Polish, southern European or French way ("ul. …", "via …", "12 rue …");
- a Chinese subdistrict and residents' community before the numbered block and flat (街道 社区 栋);
- a village whose name the line broke away from its county, a word of position glued to a village;
- a village one jamo off its suffix after a county and a township, or closed with 이오 ("…둥이오");
- a province one jamo off its 도 before the city after it ("함경남돼 함흥시");
- a landmark named by its town's stem or a place and a class noun (나루터, 포구, 전망대, 못, 유보도), and
  a mountain or observatory of the national parks and the DMZ;
- everyday look-alikes: a noun and its particle after a township, 못 "cannot", a hill behind the
  village, "et al." in a citation.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered_as


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a road and its number read aloud, a polite spoken ending glued on; the road's name split by OCR
        ("저희 성당 주소는 충청북도 청주시 상당로 삼백이십일이고요", "청주시 상당로 삼백이십일"),
        ("저희 성당 주소는 충청북도 청주시 상 당로 삼백이십일이고요", "청주시 상 당로 삼백이십일"),
        # OCR's O and l for most of a building's number after its road
        ("회사 주소는 부산 해운대구 센텀중앙로97길 2OO 이에요.", "해운대구 센텀중앙로97길 2OO"),
        ("회사 주소는 부산 해운대구 센텀중앙로97길 1l0 이에요.", "해운대구 센텀중앙로97길 1l0"),
        # street-first addresses of Poland and southern Europe, the number-first French one
        (
            "단체 사무실은 ul. Piotrkowska 112/4, 90-006 Łódź, Poland에 있어요.",
            "ul. Piotrkowska 112/4, 90-006 Łódź, Poland",
        ),
        ("언니네는 via Garibaldi 23, 10122 Torino 이에요", "via Garibaldi 23, 10122 Torino"),
        ("편지는 8 rue du Moulin, 69003 Lyon 으로 보내요", "8 rue du Moulin, 69003 Lyon"),
        # a Chinese subdistrict and residents' community, its numbered block and flat
        ("삼촌은 延吉市 建工街道 天池社区 7栋 302에서 산다", "建工街道 天池社区 7栋 302"),
    ],
)
def test_addresses(rules: Rules, text: str, detail: str) -> None:
    assert covered_as(text, detail, rules, "address", "place"), detail


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # the village on the next line after its county
        ("고향은 평안북도 철산군\n동천리인데 바다가 가까웠어요", "철산군\n동천리"),
        # a village or estate with a word of position glued on by a lost space
        ("우리 모임은 춘천 소양마을근처 식당에서 해요", "춘천 소양마을"),
        # a village one jamo off 리 after its county and township; a quarter closed with 이오
        ("내가 자란 곳은 양구군 해안면 오유랴였어 .", "양구군 해안면 오유랴"),
        ("고향은 함경남도 단천시 신단둥이오 .", "단천시 신단둥"),
        # a province one jamo off 도, the city after it
        ("저는 함경남돼 함흥시 사람입니다", "함경남돼 함흥시"),
        # a ferry, harbour or lookout named by its town's stem and a class noun
        ("우리 초산 나루터에서 배 타던 거 기억나?", "초산 나루터"),
        ("어릴 때 삭주 포구에서 고기를 잡았지요", "삭주 포구"),
        ("청진 부두 옆에 우리 집이 있었어요", "청진 부두"),
        # a pond or promenade glued to or after the place it is named by
        ("일산호수공원 말고 고양못 옆에서 산책해요", "고양못"),
        ("두만강 유보도를 따라 걸었어요", "두만강 유보도"),
        # an unknown peak or mountain before its lookout; a national park's mountain; a DMZ observatory
        ("주말마다 망월봉 전망대에 올라가요", "망월봉 전망대"),
        ("저는 치악산 아래 마을에 삽니다", "치악산"),
        ("우리 식구는 을지전망대에서 북쪽을 봤어요", "을지전망대"),
    ],
)
def test_places(rules: Rules, text: str, detail: str) -> None:
    assert covered_as(text, detail, rules, "place", "address"), detail


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a noun and its particle after a county and township: 도 is no damaged 동
        ("정선군 임계면 사람도 많이 왔어요", "사람도"),
        ("홍천군 내면 친구도 같이 왔다", "친구도"),
        # 못 "cannot" after a space; a generic hill or pond with no name
        ("그날은 아파서 못 갔어요", "못"),
        ("우리 마을 뒷산 전망대에 올랐어요", "뒷산 전망대"),
        ("동네 저수지에서 낚시를 했어요", "저수지"),
        ("우리 마을 나루터에서 놀았지", "나루터"),
        # whose village, not which: 우리 and 다리 after a county are no address part
        ("고향은 황해남도 옹진군 우리 집 앞에 바다가 있었어요", "우리 집"),
        ("고향은 황해남도 옹진군 다리 밑에서 놀았어요", "다리"),
        # a citation's et al. with a year is no avenue
        ("Park et al. 2021 논문을 읽었어요", "al. 2021"),
    ],
)
def test_benign(rules: Rules, text: str, word: str) -> None:
    assert not covered_as(text, word, rules, "place", "address"), word
