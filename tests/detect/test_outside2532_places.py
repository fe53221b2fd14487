"""Places and addresses of the shapes the outside25-32 tables missed, with other names and numbers.

Korean addresses: a mountain lot (산 번지, "산 47" or glued "산47"); OCR's 긜 for 길 and look-alike
digits in the house's sub-number ("12번긜 3-l"); the room after an office's floor ("4층 상담실"); a
building's own name before its building word after the number ("빛가람 중앙빌딩"); an estate's name before
its numbered block said aloud ("목동 신시가지 오단지 육백일동"), the verb of living glued to it by OCR
("삼백이동에살아"), and an office's room on the line after its floor. Foreign addresses: British, Australian
and Canadian kinds of street and endings (Place, Close, Boulevarde; "NSW 2150"; "Scarborough, ON"), a
street's kind glued to its name by OCR, a Ukrainian street in Latin letters ("vul. Khreshchatyk 22,
Kyiv 01001", "Shevchenka St 5, Lviv 79005, Ukraine"), a Chinese block-entrance-flat after the house
("号 5-1-302") and a Beijing-style numbered building in its quarter ("小区 3号楼 2单元 601"). Places:
an older writer's township in characters after its county ("黃海道 延白郡 銀川面"); Ukraine's
provinces (…주) as a whole gazetteer class; a bridge or market by its place and class noun ("청천강
철교", "혜산 장마당"); a district abroad Kiwi does not know, where someone lives now ("왕징에
삽니다"). Benign look-alikes stay unflagged.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered, covered_as

ADDRESSES = [
    ("우리 절 주소는 경상북도 청송군 부동면 상의리 산 47이오.", "경상북도 청송군 부동면 상의리 산 47"),
    ("우리 절 주소는 경상북도 청송군 부동면 상의리 산47이오.", "경상북도 청송군 부동면 상의리 산47"),
    ("엄마 사는 곳 부산 영도구 태종로 12번긜 3-l 이다.", "부산 영도구 태종로 12번긜 3-l"),
    (
        "상담은 대전광역시 서구 둔산로 100 대전시청 4층 상담실에서 해요.",
        "대전광역시 서구 둔산로 100 대전시청 4층 상담실",
    ),
    (
        "사무실은 광주광역시 북구 첨단과기로 208 빛가람 중앙빌딩에 있어요.",
        "광주광역시 북구 첨단과기로 208 빛가람 중앙빌딩",
    ),
    ("우리는 양천구 목동 신시가지 오단지 육백일동에 산다", "양천구 목동 신시가지 오단지 육백일동"),
    ("누나는 둔촌 이단지 이백삼동 오백육호 산다", "둔촌 이단지 이백삼동 오백육호"),
    # OCR: the verb of living glued on with its particle, the room of a floor on the next line.
    ("형은 강서구 화곡동 우장산 삼단지 삼백이동에살아", "강서구 화곡동 우장산 삼단지 삼백이동"),
    (
        "면접은 부산광역시 연제구 중앙대로 1001 연제청사 3층\n대회의실입니다.",
        "중앙대로 1001 연제청사 3층\n대회의실",
    ),
]


@pytest.mark.parametrize(("text", "detail"), ADDRESSES)
def test_korean_address_shapes(text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, "address", "place")


FOREIGN = [
    (
        "My address is Flat 7, 14 Mornington Close, Leeds LS6 2AB.",
        "Flat 7, 14 Mornington Close, Leeds LS6 2AB",
    ),
    ("주소는 Unit 3, 9 The Parade, Lidcombe NSW 2141이야.", "Unit 3, 9 The Parade, Lidcombe NSW 2141"),
    ("가게는 880 Sheppard Ave, Unit 4, Scarborough, ON.", "880 Sheppard Ave, Unit 4, Scarborough, ON"),
    ("주소는 7 HolloweyRoad, Islington, N7 8DB예요.", "7 HolloweyRoad, Islington, N7 8DB"),
    ("사무실 주소는 vul. Khreshchatyk 22, Kyiv 01001입니다.", "vul. Khreshchatyk 22, Kyiv 01001"),
    ("영사관 주소는 Shevchenka St 5, Lviv 79005, Ukraine입니다.", "Shevchenka St 5, Lviv 79005, Ukraine"),
    ("언니 집은 延吉市河南街 17号 5-1-302이다.", "延吉市河南街 17号 5-1-302"),
    ("주소는 天通苑北二区 8号楼 3单元 1102입니다.", "天通苑北二区 8号楼 3单元 1102"),
]


@pytest.mark.parametrize(("text", "detail"), FOREIGN)
def test_foreign_address_shapes(text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, "address", "place")


PLACES = [
    ("本人은 黃海道 延白郡 銀川面 출신이오.", "黃海道 延白郡 銀川面"),
    ("동생은 지금 오데사주의 병원에 있다.", "오데사주"),
    ("포로들은 빈니차주 수용소로 옮겨졌습니다.", "빈니차주"),
    # A landmark by its place and a class noun: a bridge, a market.
    ("우리는 청천강 철교를 건너 내려왔소.", "청천강 철교"),
    ("어머니는 혜산 장마당에서 장사를 했다.", "혜산 장마당"),
    # A district abroad Kiwi does not know, where the writer lives now.
    ("저는 무역회사에 다니며 싼리툰에 삽니다.", "싼리툰"),
    ("요즘은 캠시에 살고 있어요.", "캠시"),
]


@pytest.mark.parametrize(("text", "detail"), PLACES)
def test_place_shapes(text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, "place")


BENIGN = [
    "그 책은 산 112쪽에 나온다.",
    "이번 회의는 6층 회의실에서 합니다.",
    "우리 3단지 놀이터는 넓다.",
    "큰 시장에 가서 철교 사진을 찍었다.",
    "그 맛에 산다.",
    "요즘은 희망에 삽니다.",
    "회의는 3층에서 해요.\n회의실은 넓어요.",
    "I live 2 blocks from the best coffee place in town.",
    "We met on Main Street, and walked on.",
    "我住在这里, 前面有个公园.",
    "宇宙方面 的 书 很 有意思.",
    "동생은 우주 주의 사항을 읽었다.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_look_alikes(text: str, rules: Rules) -> None:
    assert [f for f in detect(text, rules) if f.kind.value in ("address", "place")] == []
