"""Numbers and contacts as the round-10 outside writers put them: web addresses read aloud with a path of
several words, short links on country domains, account names of a two-word romanised name before a said
underscore or digit names, names searched for with the particle set apart, e-mail hosts split by OCR,
codes after a number's cue (Hangul groups, letters and digits mixed, a dash said aloud, a Hanawon class
with the trainee's number), and spoken months split from 월 or glued to the word before them."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered_as, spans

# (kinds that may cover it, sentence, detail)
FOUND = [
    # A web address read aloud, its path two or three words closed by an ending or a particle set apart.
    (("url",), "제 채널은 유튜브 닷컴 슬래시 청진누나 브이로그고요", "유튜브 닷컴 슬래시 청진누나 브이로그"),
    (("url",), "블로그 네이버 닷컴 슬래시 민지 북한 요리 에서 보세요", "네이버 닷컴 슬래시 민지 북한 요리"),
    (("url",), "영상은 youtu.be/Qx81mTz0aK 에 있어", "youtu.be/Qx81mTz0aK"),
    (("url",), "discord.gg/r7HnPq2 로 들어와", "discord.gg/r7HnPq2"),
    # An account name: two words before a said underscore, said dots after it, or before digit names.
    (("messenger",), "텔레그램은 올가 박 언더바 칠삼 으로 찾아", "올가 박 언더바 칠삼"),
    (("messenger",), "인스타는 수빈 언더바 베이커리 점 구칠이에요", "수빈 언더바 베이커리 점 구칠"),
    (("messenger",), "인스타 부산 하노이 언더바 쌀국수", "부산 하노이 언더바 쌀국수"),
    (("messenger",), "카톡 아이디는 다니엘 리 팔삼이공 입니다", "다니엘 리 팔삼이공"),
    # A name searched for: the particle set apart, a pointing word before 치면, a bare messenger name.
    (("messenger",), "카카오톡은 정 집사 구구 로 찾으면 돼요", "정 집사 구구"),
    (("messenger",), "카톡은 평양온반 순희 그거 치면 나와", "평양온반 순희"),
    (("messenger",), "제 텔레그램 안드리 케이 하르키우 로 찾으시면 돼요", "안드리 케이 하르키우"),
    # An e-mail host said in Hangul that OCR split.
    (("email",), "메일은 수아 점 한 골뱅이 네이 버 닷컴 이에요", "수아 점 한 골뱅이 네이 버 닷컴"),
    (("email",), "메일은 올렉 점 윤 골뱅이 지 메일 점 컴 입니다", "올렉 점 윤 골뱅이 지 메일 점 컴"),
    # Codes after a number's cue.
    (("id_number",), "상담 번호: 새빛-이산-24-1187", "새빛-이산-24-1187"),
    (("id_number",), "관리 번호 는 KR-2O9lX 입니다", "KR-2O9lX"),
    (("id_number",), "수용 번호가 에이치 공칠삼일 다시 오라고 들었어요", "공칠삼일 다시 오"),
    (("id_number",), "하나원 1O7기 2l3번 으로 수료했다", "1O7기 2l3번"),
    # Spoken months split from 월 by OCR, glued to the word before, and a birth month.
    (("date",), "음 유 월 이십칠일에 만났지", "유 월 이십칠일"),
    (("date",), "칠 월이십일일 떠났어요", "칠 월이십일일"),
    (("date",), "어제구월 사일이라 바빴다", "구월 사일"),
    (("date",), "그 애는 이천십년 오월생이야", "이천십년 오월생"),
]

# Look-alikes that must stay unflagged (as any of these kinds).
NOT_FOUND = [
    "이 월급으로는 살기 어렵다.",
    "오 월드컵 보러 갈래?",
    "회사월급 날이 언제냐",
    "삼월에 꽃이 피면 좋겠다.",
    "카톡 옛날 사진을 찾아봤다.",
    "카톡 친구 목록에서 이름을 찾아봤어",
    "텔레그램 쓰는 법은 나중에 알려줄게",
    "번호는 나중에 알려줄게요.",
    "대기 번호가 세 번째였다.",
    "인스타 그거 다시 해봐야겠다",
    "그 사람 다시 이야기하자.",
    "마스크 모델 번호 KF-94 로 샀어",
    "폰 모델 번호 SM-G991N 이야",
]

_KINDS = ("url", "email", "messenger", "phone", "date", "id_number")


@pytest.mark.parametrize(("kinds", "text", "detail"), FOUND)
def test_found(kinds: tuple[str, ...], text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, *kinds), spans(text, rules)


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(text: str, rules: Rules) -> None:
    assert not [s for s in spans(text, rules) if s[0] in _KINDS], spans(text, rules)
