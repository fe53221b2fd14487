"""Place, address and unit shapes found missing in the fifty-second to fifty-fifth outside writers'
letters (church people, families abroad, women who defected, former soldiers), and everyday look-alikes
that must stay unflagged. The sentences are new ones of the same shapes, with other names, places and
numbers:

- an address abroad with OCR's l and o in its ZIP or postcode, a space before the town's comma, an
  Australian unit before the house, a street's kind with 0 for o, a German street named by its town's
  adjective (glued or apart);
- a Chinese address in characters, its divisions glued in one run, and the house number after the street;
- a suburb of the diaspora in Hangul, whole or split by OCR;
- a town named before a relative (연길 외삼촌) however Kiwi reads it;
- a city split before its quarter (해 주시 석미동), a quarter with a landmark glued on, a church's
  department after its address;
- a training ground or airfield by its mountain or town;
- a unit by its men's nickname, a unit number of look-alikes after 제, a numbered bureau with the army's
  name and the type of the unit under it, 제 before a unit number read aloud;
- everyday look-alikes of each.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered_as


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # ZIPs and Canadian codes with OCR's look-alikes, a space before the town's comma
        ("주소 4O2 Maple Ave Apt l2 , Fort Lee NJ O7O24", "4O2 Maple Ave Apt l2 , Fort Lee NJ O7O24"),
        ("집주소 88 Finch Ave, North York ON M2N lA5", "88 Finch Ave, North York ON M2N lA5"),
        ("이모 주소는 Vancouver, BC V5K lB3 이다", "Vancouver, BC V5K lB3"),
        # an Australian unit before its house, 0 for o in the street's kind
        ("집 7/15 The B0ulevarde, Lidcombe NSW 2l4l", "7/15 The B0ulevarde, Lidcombe NSW 2l4l"),
        ("주소 3/40 Church R0ad, Eastwood NSW 2122", "3/40 Church R0ad, Eastwood NSW 2122"),
        # a German street named by its town's adjective, glued or apart, a space before the comma
        ("주소는 Darmstädter Landstraße 88, 60598 Frankfurt", "Darmstädter Landstraße 88, 60598 Frankfurt"),
        ("주소 Mainzer Str. 17 , 65185 Wiesbaden", "Mainzer Str. 17 , 65185 Wiesbaden"),
        # a Chinese address in characters, glued in one run or apart, with the house number
        ("주소 黑龙江省牡丹江市东安区 太平路 2l号", "黑龙江省牡丹江市东安区 太平路 2l号"),
        ("주소 辽宁省沈阳市和平区西塔街 35号", "辽宁省沈阳市和平区西塔街 35号"),
        # suburbs of the diaspora in Hangul, whole or split
        ("삼촌은 호주 이스트 우드 에 산다", "이스트 우드"),
        ("언니는 독일 비스 바덴 에 산다", "비스 바덴"),
        ("고모는 런던 윔블던에 살아요", "윔블던"),
        # a town before a relative
        ("어 나다 심양 큰아버지", "심양"),
        ("연길 고모가 보내 준 옷이다", "연길"),
        # a city split before its quarter by OCR, a quarter with a landmark glued on
        ("우리 해 주시 룡수동 집 생각나", "해 주시"),
        ("고향은 함경북도 김책시 학남동바닷가 마을이다", "학남동"),
        # a church's department after the church at its address
        ("답장은 부산광역시 동래구 충렬대로 120, 온천제일교회 청년부로 보내 주세요.", "청년부"),
        # a training ground or airfield by its mountain or town
        ("신병 훈련은 오봉산 훈련장에서 받았다", "오봉산 훈련장"),
        ("우리는 순천 비행장 옆에 살았다", "순천 비행장"),
    ],
)
def test_places_found(rules: Rules, text: str, detail: str) -> None:
    assert covered_as(text, detail, rules, "place", "address"), detail


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a unit by its men's nickname
        ("우리끼리는 그 부대를 '매부대'라고 불렀다", "매부대"),
        ("그 중대는 다들 번개 중대라고 불렀지", "번개 중대"),
        ("우리 대대는 호랑이대대로 불렸소", "호랑이대대"),
        ("우리 련대는 오 소리련대라고 불렀다", "오 소리련대"),
        # look-alikes after 제 before a unit word set apart
        ("남편이 제 l2 군단 소속이었다", "제 l2 군단"),
        ("국경경비대 제 l 8 려 단 2 대 대에 있었다", "제 l 8 려 단"),
        # a numbered bureau with the army's name and the type of the unit under it
        ("나는 인민군 제8총국 제5공병려단 분대장이었다", "인민군 제8총국 제5공병려단"),
        # 제 before a unit number read aloud, the unit word damaged
        ("편지는 제 칠칠삼구 균부대로 보냈어", "제 칠칠삼구 균부대"),
    ],
)
def test_units_found(rules: Rules, text: str, detail: str) -> None:
    assert covered_as(text, detail, rules, "unit", "org"), detail


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # English sentences with a number and a street-like word: no address
        ("I have 3 kids and we live near the road.", "3 kids"),
        ("Flat 5 is on the left, then walk on.", "Flat 5"),
        # a sentence in Chinese characters that ends in a division's character is no address
        ("我们一起去北京市中心的道路上散步了很久", "我们一起去"),
        # a verb's honorific 주시 before an everyday word ending in 동
        ("잘 해 주시 이동 하실 때 연락 주세요", "해 주시"),
        # a place-like word with a particle before a spaced unit word, a unit by a general word
        ("그 사람을 대대라고 불렀다", "그 사람을"),
        ("우리는 그냥 우리 중대라고 불렀다", "우리 중대"),
        ("사람들은 그걸 특수부대라고 불렀다", "특수부대"),
        # a training ground with no name
        ("우리 훈련장에서 축구를 했다", "훈련장"),
        ("야외 사격장은 추웠다", "사격장"),
        # a kinship word after an everyday word
        ("가족 이모가 오셨다", "가족"),
        # 제 as "my" before a number and no unit word
        ("제 l 번째 편지입니다", "제 l"),
    ],
)
def test_benign(rules: Rules, text: str, word: str) -> None:
    assert not covered_as(text, word, rules, "place", "address", "unit"), word
