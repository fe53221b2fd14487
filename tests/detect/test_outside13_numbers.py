"""Number, account and vessel classes found missing in a thirteenth outside writer's letters (table
outside13). The sentences are new ones of the same shapes."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind

from .conftest import covered, found


@pytest.mark.parametrize(
    ("text", "detail", "kind"),
    [
        # a game account as name#tag, and a chat service's slang name as the cue
        ("배그 닉 하늘소년#3817 친추 ㄱ", "하늘소년#3817", "messenger"),
        ("내 롤 아이디 달빛궁수#KR2 임", "달빛궁수#KR2", "messenger"),
        ("옛날 디코 mingu#0417 아직 있어", "mingu#0417", "messenger"),
        ("디스코드 sora.kim92 로 말 걸어", "sora.kim92", "messenger"),
        # OCR split the name once
        ("롤 닉 별빛 고양이#KR1 이야", "별빛 고양이#KR1", "messenger"),
        # a month and day with a slash, before an occasion or a word of time
        ("3/28 우리 엄마 생신이라 미역국 끓였다", "3/28", "date"),
        ("12/24에 만나자", "12/24", "date"),
        ("9/l2 제사 때 다들 모였다", "9/l2", "date"),
        # a lunar month's name split by OCR or a line break
        ("아버지 제사는 음력 섣 달 스무날이오.", "음력 섣 달 스무날", "date"),
        ("1979년 음력 정 월 열사흘에 태어났다", "1979년 음력 정 월 열사흘", "date"),
        # a North Korean number plate with its city
        ("아버지 트럭 번호는 함흥 12-4471이었지.", "함흥 12-4471", "id_number"),
        ("그 차는 청진 27-0953 번호판이었다", "청진 27-0953", "id_number"),
        # a ship boarded by its name
        ("1960년 봄에 크릴리온호를 타고 청진으로 갔다.", "크릴리온호", "unit"),
        ("삼촌은 만경봉호에 실려 원산으로 왔다", "만경봉호", "unit"),
        ("할머니는 만경봉-92호라는 배로 건너가셨다", "만경봉-92호", "unit"),
        # a month and day with a dot, before an occasion
        ("8.23 아버지 기일이라 못 간다", "8.23", "date"),
    ],
)
def test_number_classes_are_found(rules: Rules, text: str, detail: str, kind: str) -> None:
    assert covered(text, detail, rules, kind), (text, found(text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # fractions, not dates
        ("1/3이 남았다", Kind.DATE),
        ("밥을 3/4 정도 먹었다", Kind.DATE),
        ("평균 3.5에 그쳤다", Kind.DATE),
        # hashtags
        ("오늘 #맛집 #여행 다녀왔다", Kind.MESSENGER),
        # the trains everyone rides
        ("어제 무궁화호를 타고 부산에 갔다", Kind.UNIT),
        ("새마을호 타고 대전 갔다", Kind.UNIT),
        ("이호 배를 타고 나갔다", Kind.UNIT),
        # a score, not a plate
        ("평양 팀이 3-1로 이겼다", Kind.ID_NUMBER),
    ],
)
def test_look_alikes_are_not_flagged(text: str, kind: Kind) -> None:
    assert not found(text, kind), (text, found(text, kind))


@pytest.mark.parametrize("text", ["내 번호는010-1234-5678이다", "제 번호는 010-1234-5678입니다"])
def test_a_phone_number_after_its_cue_leaves_the_cue_readable(text: str) -> None:
    spans = {text[f.start : f.end] for f in detect(text)}
    assert "010-1234-5678" in spans
    assert not any("번호" in s for s in spans)
