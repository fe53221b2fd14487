"""Contact details and numbers as letters and transcripts really give them: phone numbers partly in
digit names or read with 다시 (dash) between the groups, e-mail addresses spelled letter by letter,
web addresses with a Hangul host read aloud, officer's card numbers with a consonant prefix, the end of
an ID number read out after its cue, account numbers after a bank's name, a two-digit year before a
holiday and a month in a year named relative to the letter. Each with look-alikes that stay
unflagged."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered

FOUND = [
    # Phone numbers partly in digits, partly in digit names (the 이 after them is the copula).
    ("phone", "제 번호는 010-5172-93팔사입니다.", "010-5172-93팔사"),
    ("phone", "언니 폰은 010 육삼칠일 2048이야", "010 육삼칠일 2048"),
    ("phone", "핸드폰 010-8824-61구이야", "010-8824-61구"),
    # The dash said as a word, and a group OCR split before 에.
    ("phone", "번호는 공일공 다시 이팔사일 다시 칠칠공삼이에요", "공일공 다시 이팔사일 다시 칠칠공삼"),
    ("phone", "공일공 대시 오오삼구 대시 일팔이육으로 전화해", "공일공 대시 오오삼구 대시 일팔이육"),
    ("phone", "공일공 하이픈 구구팔칠 하이픈 사사이일", "공일공 하이픈 구구팔칠 하이픈 사사이일"),
    ("phone", "공일공다시 이팔사일 다시칠칠공삼으로 해", "공일공다시 이팔사일 다시칠칠공삼"),
    ("phone", "공일 공에 팔팔삼칠에 이이구공으로 주세요", "공일 공에 팔팔삼칠에 이이구공"),
    ("phone", "공일공에 팔팔삼칠에 이 이구공으로 주세요", "공일공에 팔팔삼칠에 이 이구공"),
    # E-mail addresses spelled in Korean letter names, or with OCR spaces inside 골뱅이.
    ("email", "메일은 제이 아이 엔 에이 골뱅이 네이버 닷컴이에요", "제이 아이 엔 에이 골뱅이 네이버 닷컴"),
    ("email", "주소는 hope 골 뱅이 daum 점 net", "hope 골 뱅이 daum 점 net"),
    ("email", "메일 케이 에이 엠 일구 골뱅이 지메일 점 컴으로 보내", "케이 에이 엠 일구 골뱅이 지메일 점 컴"),
    ("email", "minsu 골뱅 이 hanmail 점 net으로 주세요", "minsu 골뱅 이 hanmail 점 net"),
    # Web addresses read aloud with a Hangul host.
    ("url", "사이트는 새희망 점 오알 점 케이알이에요", "새희망 점 오알 점 케이알"),
    ("url", "사이트는 새희망 점 오알 점 케 이알이에요", "새희망 점 오알 점 케 이알"),
    ("url", "우리 카페 주소 봄편지 닷 컴으로 들어와", "봄편지 닷 컴"),
    ("url", "우리 카페 주소 봄편 지 닷컴으로 들어와", "봄편 지 닷컴"),
    ("url", "홈페이지는 하나로 점 넷입니다", "하나로 점 넷"),
    ("url", "더블유 더블유 더블유 점 남북이음 점 오알지에 올렸어요", "남북이음 점 오알지"),
    # Card numbers with a consonant prefix, written, misread and read out.
    ("id_number", "장교증 번호는 ㄴ-3318204입니다.", "ㄴ-3318204"),
    ("id_number", "장교증 번호는 ㄴ-33l8204입니다.", "ㄴ-33l8204"),
    ("id_number", "장교증 번호는 ㄴ-삼삼일팔이공사입니다", "ㄴ-삼삼일팔이공사"),
    ("id_number", "군번은 ㅂ-557213이었다", "ㅂ-557213"),
    # Part of an ID number read out after its cue, a word or two between.
    ("id_number", "여권 번호 끝자리가 구구팔삼이었어", "구구팔삼"),
    ("id_number", "여권 번호 끝자리가구구 팔삼이었어", "구구 팔삼"),
    ("id_number", "주민번호 뒷자리는 일공이사칠오삼이다", "일공이사칠오삼"),
    ("id_number", "주민번호 뒷자리는일공이 사칠오삼이다", "일공이 사칠오삼"),
    # Account numbers after a bank's name, or before 예금주.
    ("id_number", "우리은행 1002-583-771920으로 보내주세요", "1002-583-771920"),
    ("id_number", "카카오뱅크 3333-07-5521984 로 넣었다", "3333-07-5521984"),
    ("id_number", "NH농협 302-8812-5531-71 입니다", "302-8812-5531-71"),
    ("id_number", "새마을금고 9002-1847-33291 예요", "9002-1847-33291"),
    ("id_number", "대구은행 508-10-229871-4로 송금", "508-10-229871-4"),
    ("id_number", "부산은행 112-2093-5518-06에 넣어 줘", "112-2093-5518-06"),
    ("id_number", "부산읜행 112-2093-5518-06에 넣어 줘", "112-2093-5518-06"),
    ("id_number", "토스뱅크 1000-4421-8837 입니다", "1000-4421-8837"),
    ("id_number", "보낼 곳은 356-0921-4472-13 예금주 박은별", "356-0921-4472-13"),
    ("id_number", "우체국 공일이삼사오 공일 육칠팔구공일로 보내", "공일이삼사오 공일 육칠팔구공일"),
    # A two-digit year before a holiday, spaced or glued, written or read out.
    ("date", "우리는 19년추석에 처음 만났지", "19년추석"),
    ("date", "우리는 십구년추석에 처음 만났지", "십구년추석"),
    ("date", "23년 설날 아침에 떡국을 먹었다", "23년 설날"),
    ("date", "21년크리스마스에교회에서노래했어", "21년크리스마스"),
    # A month in a year named relative to the letter, and dates glued to the words around them.
    ("date", "작년 11월에 이사했어요", "작년 11월"),
    ("date", "지난해 칠월 십일에 면회를 갔다", "지난해 칠월 십일"),
    ("date", "재작년2월14일에오빠가전화했어", "2월14일"),
    ("date", "재작년이월십사일에오빠가전화했어", "이월십사일"),
    ("date", "올해오월에동생이태어났어", "올해오월"),
    ("date", "어제3월8일에엄마랑시장갔어", "3월8일"),
]


@pytest.mark.parametrize(("kind", "text", "detail"), FOUND)
def test_found(rules: Rules, kind: str, text: str, detail: str) -> None:
    assert covered(text, detail, rules, kind), [
        (f.kind.value, f.rule, text[f.start : f.end]) for f in detect(text, rules)
    ]


_KINDS = {"phone", "email", "url", "id_number", "messenger", "date"}

BENIGN = [
    # Prices, times, counts, ages, floors: numbers and digit names that identify no one.
    "사과 세 개에 삼천 오백원이에요.",
    "오후 세시 반에 만나자.",
    "오후 두시 반에 다시 만나.",
    "사과 일곱 개, 배 다섯 개를 샀다.",
    "할머니는 올해 여든둘이시다.",
    "올해 스물셋이 된 동생",
    "오빠 나이가 서른넷이다.",
    "우리 집은 십오층이야.",
    "아파트 12층에 살아요.",
    "번호표 삼십이 번 손님",
    "제 점수는 구십오 점이에요.",
    # 다시 (again) and 점 (dot, point) as words.
    "점심은 다시 한번 먹자.",
    "다시 한번 말씀드릴게요.",
    "공일공 다시 말해 줄래?",
    "삼사일 다시 오륙일 뒤에 보자.",
    "열 번 다시 해도 안 된다.",
    "그 그림에 점 하나만 찍으면 된다.",
    "점 찍고 다시 한 칸 띄우세요.",
    "세 사람이 점 넷을 찍었다.",
    "점수가 구십 점 넷이나 나왔다.",
    "그 점은 이해합니다.",
    "그 점 컴컴하다.",
    "편의점 컴퓨터가 고장 났다.",
    "오이랑 골뱅이 무침을 먹었다.",
    # Bank names without an account number.
    "신한은행 앞에서 만나자.",
    "우리 은행 계좌 두 개 있어.",
    "하나은행 체크카드를 새로 받았다.",
    "새마을금고 이자는 3.5퍼센트다.",
    "우체국에서 소포 두 개를 부쳤다.",
    # Spans of time, not dates.
    "올해 3개월 동안 일했다.",
    "10년 동안 설날마다 혼자였다.",
    "형은 10년 겨울을 군대에서 보냈다.",
    "지난 이십 년 동안 고생했다.",
    # Emoticons: symbols and an underscore, but no letters or digits of an address.
    "언니 보고싶어~~(>_<)//",
    "ㅎㅎ 잘 지내(*^_^*)~~",
    # A cue word with no number after it.
    "엄마가 전화번호 끝자리만 기억하신대.",
    "계좌 이체는 내일 할게.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign(rules: Rules, text: str) -> None:
    flagged = [
        (f.kind.value, f.rule, text[f.start : f.end]) for f in detect(text, rules) if f.kind.value in _KINDS
    ]
    assert not flagged


SEVERITY = [
    # A new rule's finding is graded like the existing rule for the same kind of detail.
    ("id_number", "신한은행 110-452-889013으로 보내", "계좌번호 110-452-889013으로 보내"),
    ("date", "작년 11월에 이사했어요", "2024년 11월에 이사했어요"),
    ("date", "19년추석에 만났지", "2019년 추석에 만났지"),
    ("url", "새희망 점 오알 점 케이알이에요", "새희망닷컴이에요"),
    ("email", "에스 에이 골뱅이 지메일 닷컴이에요", "sa 골뱅이 지메일 닷컴이에요"),
    ("phone", "010-5172-93팔사입니다", "010-5172-9384입니다"),
]


@pytest.mark.parametrize(("kind", "new", "old"), SEVERITY)
def test_severity_consistent(rules: Rules, kind: str, new: str, old: str) -> None:
    def severities(text: str) -> set[str]:
        return {f.severity.value for f in detect(text, rules) if f.kind.value == kind}

    assert severities(new)
    assert severities(new) == severities(old)
