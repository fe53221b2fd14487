"""Organisations of round 11's outside writers (relay.detect.orgs), by class.

- Shops abroad named in Latin letters: trade words joined by & and read by OCR with look-alike letters
  ("Lakeview Tire & Muffler", "Harbor GIass"), a Latin name before a Korean shop or care noun, the
  community between ("Burwood 코리안 정육점").
- Shops and halls in Japanese or Chinese characters ending in 店, 館 or 会館.
- Colleges written in Hangul from English (칼리지, 커뮤니티 칼리지), Korean classes abroad (한국어 교실),
  halls of security education (안보교육관).
- A broadcaster's name before its staff (작가, 프로듀서).
- A numbered school whose 1 OCR read as the vowel letter ㅣ, a school named 제X written apart.
- Churches named with a verb's adnominal form after the quarter (OO빛나는교회, OO늘푸른교회), and church
  names split by a space inside the name or the ending (OO교 회, 소 망교회).
- A town-led name Kiwi guesses whole before 식당.
- A ministry of the North and a bureau of it written apart (국가보위성 반탐국).
- Near misses stay unflagged: generic Latin phrases, 書店 alone, a church described by the writer's doings,
  "my daughter's school" with its space lost, everyday words ending in 국.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered_as, spans

FOUND = [
    # Latin trade names, & and OCR look-alikes.
    ("삼촌은 Lakeview Tire & Muffler에서 일해요", "Lakeview Tire & Muffler"),
    ("아빠는 Harbor GIass 공장에서 일한다", "Harbor GIass"),
    ("형은 Bayside AutO Parts 창고에서 일해", "Bayside AutO Parts"),
    ("이모는 Kingsway Tailor & Alterations라는 가게를 한다", "Kingsway Tailor & Alterations"),
    # A Latin name before a Korean noun for a shop or a care home.
    ("고모는 Parkdale Sunrise 세탁소에서 일해요", "Parkdale Sunrise 세탁소"),
    ("할머니는 Willow Creek 노인돌봄센터에 다니신다", "Willow Creek 노인돌봄센터"),
    ("엄마는 Burwood 코리안 정육점에서 일한다", "Burwood 코리안 정육점"),
    ("외삼촌 가게는 Eastgate Hanul 세탁소입니다", "Eastgate Hanul 세탁소"),
    ("누나는 Ashfie1d 한인 마트에서 계산 일을 해", "Ashfie1d 한인 마트"),
    ("외삼촌 가게는 Eastgate Hanul 세탁 소입니다", "Eastgate Hanul 세탁 소"),  # OCR split the noun
    # Japanese and Chinese characters.
    ("작은아버지는 鶴橋ホルモン店에서 일한다", "鶴橋ホルモン店"),
    ("지금은 生野コリア会館에서 일을 해요", "生野コリア会館"),
    # Colleges, Korean classes, halls.
    ("딸은 밴쿠버 커뮤니티 칼리지 다녀요", "밴쿠버 커뮤니티 칼리지"),
    ("동생은 토론토 커뮤니티칼리지에 다닌다", "토론토 커뮤니티칼리지"),
    ("저는 오사카 한국어 교실 선생님이에요", "오사카 한국어 교실"),
    ("가끔 파주안보교육관에서 강연을 한다", "파주안보교육관"),
    # Broadcasters by their staff.
    ("지금 부산통일방송 작가로 일한다", "부산통일방송"),
    ("형은 새날라디오 프로듀서야", "새날라디오"),
    # Numbered and named schools.
    ("니가 다니던 청진제ㅣ고급중학교 선생님들", "청진제ㅣ고급중학교"),
    ("딸은 제동 소학교 다녀요", "제동 소학교"),
    # Churches named with an adnominal verb.
    ("저희는 부평빛나는교회 청년부예요", "부평빛나는교회"),
    ("저는 수지늘푸른교회 전도사입니다", "수지늘푸른교회"),
    # A church's name split by OCR or the writer: the ending's last syllable, or the name's first one.
    ("저는 구월은혜교 회 청년부 회장이에요", "구월은혜교 회"),
    ("나는 시드니 한인 사 랑교회에서 집사로 섬기오", "한인 사 랑교회"),
    # A town-led name before 식당, a ministry's bureau.
    ("형은 런던 평양가든 식당에서 일했다", "평양가든 식당"),
    ("나는 국가보위성 반탐국에서 일했던 사람이오", "국가보위성 반탐국"),
    ("그는 인민무력성 작전국 참모였소", "인민무력성 작전국"),
]


@pytest.mark.parametrize(("text", "org"), FOUND)
def test_an_organisation_of_the_class_is_found(text: str, org: str, rules: Rules) -> None:
    assert covered_as(text, org, rules, "org", "place")


UNFLAGGED = [
    "East Asia 지역 뉴스를 봤어요",
    "Korean Food 좋아하는 친구가 많아요",
    "I Love Pizza 라고 적힌 티셔츠를 샀다",
    "The 마트에서 장을 봤다",
    "書店에서 책을 샀어요",
    "평소다니는교회에 같이 가자",
    "고향같은교회 분위기가 좋아요",
    "근처좋은교회에 가요",
    "우리가다니는교회는 작아요",
    "제딸 중학교에 들어갔어요",
    "인민무력성 결국 이름을 바꿨다",
    "인민무력성 대변인이 말했다",
    "유명한 방송 작가가 왔다",
    "드라마 작가가 되고 싶어요",
    "통일교육관에서 강연을 들었다",
    "우리교 회 집사님이 오셨어요",
    "다니는교 회에 새 목사님이 오셨다",
    "우리 새 교회에 가요",
]


@pytest.mark.parametrize("text", UNFLAGGED)
def test_a_near_miss_is_not_flagged_as_an_organisation(text: str, rules: Rules) -> None:
    assert spans(text, rules, "org") == []
