"""Organisations and units the fortieth to forty-third outside sets showed missing (relay.detect.orgs,
relay.detect.units).

Found: a name Kiwi calls a proper noun or does not know, written apart before an everyday compound
ending (a church, a market, a centre, a volunteer corps: "벧엘 선교교회", "육거리 새벽시장"); the
humanitarian and civic organisations a writer works at (월드비전, 재향군인회, YMCA); a branch's town
and word written apart after its organisation; a temple named with its mountain; the desk between an
outlet and a journalist's post; repair shops; an ending with one syllable of its name glued on after the
rest of the name split off; unit numbers read aloud before a unit word OCR damaged, or with one digit
damaged and no zero; artillery named by its gun or post as a unit type.

Look-alikes that stay clear: when, how often or where before an everyday compound (오늘, 한번, 동네, 한국),
제일 ("most") before a word near a unit word, a job title
ending like an office (사회복지사), a pronoun before a firm's ending, the copula read as a damaged
ending, everyday words in 산 before a word in 사, a determiner glued to a hospital, everyday phrases
that are also charities' names.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered_as, spans

FOUND = [
    # A name before an everyday compound ending, for any kind but a firm's.
    ("남편은 청주 벧엘 선교교회 집사예요", "벧엘 선교교회", "org"),
    ("엄마는 육거리 새벽시장에서 떡을 팔아요", "육거리 새벽시장", "org"),
    ("동생은 북한이탈주민 상담센터에서 일해요", "북한이탈주민 상담센터", "org"),
    # Humanitarian and civic organisations.
    ("언니는 월드비전에서 후원 담당으로 일해요", "월드비전", "org"),
    ("아버지는 대한재향군인회 회원이셨어요", "대한재향군인회", "org"),
    ("저는 부산 YWCA 한국어 교실에 나가요", "YWCA", "org"),
    # A branch's town and word written apart.
    ("삼촌은 농협 청주 지점에서 일해요", "농협 청주 지점", "org"),
    # A temple with its mountain.
    ("어머니는 오대산 청련사에서 기도하셨다", "오대산 청련사", "org"),
    # The desk between an outlet and a post.
    ("저는 새날일보 사회부 기자예요", "새날일보", "org"),
    # A repair shop after its name.
    ("형은 금강선박 수리소에서 일해", "금강선박 수리소", "org"),
    # Unit numbers read aloud: a damaged unit word, or a damaged digit with no zero.
    ("아들이 삼오칠일구 뷰대에 갔다", "삼오칠일구 뷰대", "unit"),
    ("큰아들은 제삼군딘에서 복무했소", "제삼군딘", "unit"),
    ("작은 아들은 팔사이육군 군부대에 있소", "팔사이육군 군부대", "unit"),
    # Artillery by its gun or post.
    ("고사포병 제21대대에 있었다", "고사포병 제21대대", "unit"),
    ("제3군단 해안포 2중대 소속이었다", "해안포 2중대", "unit"),
]


@pytest.mark.parametrize(("text", "detail", "kind"), FOUND)
def test_found(text: str, detail: str, kind: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, kind), spans(text, rules)


CLEAR = [
    ("오늘 새벽시장에 가서 생선을 샀어요", "org"),
    ("한번 새벽시장에 가 보고 싶어요", "org"),
    ("동네 새벽시장은 사람이 많다", "org"),
    ("제일 여대가 좋대요", "unit"),
    ("제이 부두에서 배를 탔다", "unit"),
    ("저는 사회복지사가 되고 싶어요", "org"),
    ("여기선 연탄을 안 때요", "org"),
    ("살아 있는 게 제일이지비", "org"),
    ("재산 관리사에게 물어봤다", "org"),
    ("어제 큰병원에 갔다", "org"),
    ("구세군 냄비에 돈을 넣었다", "org"),
    ("사랑의 열매를 달았다", "org"),
]


@pytest.mark.parametrize(("text", "kind"), CLEAR)
def test_clear(text: str, kind: str, rules: Rules) -> None:
    assert not spans(text, rules, kind), spans(text, rules)
