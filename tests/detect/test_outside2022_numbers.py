"""Numbers, dates, contacts, identifiers and units in the shapes tables outside20, outside22 and outside23
showed missing: Cyrillic look-alike digits, long card numbers after a Chinese bank, dates with their
particle, the feasts of other faiths, lunar day names split by a space, phone numbers read out in
uneven pieces, numbers begun in misread digits and ended in digit names, account names read out,
boats and engines named with a number, spoken number plates, Hanawon classes, extensions, and units
named by a nickname, a combined unit or a service. The sentences are new; the benign ones are look-alikes
that must stay unflagged."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered, covered_as

FOUND = [
    # Cyrillic letters OCR or a Russian keyboard put for digits (З for 3, О for 0).
    ("phone", "연락처는 O1O-77З1-4O92 이다", "O1O-77З1-4O92"),
    ("phone", "집 전화 О2-З41-5567 로 해라", "О2-З41-5567"),
    # A phone number shaped 3-4-4 whose look-alikes outnumber its real digits.
    ("phone", "누나 폰 OlO-3l49-8O5l", "OlO-3l49-8O5l"),
    # A phone number begun in digit names glued to its cue, ended in digits.
    ("phone", "이모 핸드폰공일공 4471 9O23 로 해", "공일공 4471 9O23"),
    # Read out in uneven pieces, the spoken dash 에 after seven digits.
    ("phone", "삼촌 번호 공일공 칠칠 일 이 에 삼 오 팔 일", "공일공 칠칠 일 이 에 삼 오 팔 일"),
    ("phone", "동생 전화는 공일공 오오 삼 일에 팔 팔 이 공 이다 잊지 마", "공일공 오오 삼 일에 팔 팔 이 공"),
    # An extension after an office's number, written or read out.
    ("phone", "사무실 031-555-0192 내선 214로 걸어", "214"),
    ("phone", "센터는 공이 삼사오 육칠팔구 내선 삼오구로 하면 된다", "삼오구"),
    # A card number of nineteen digits after a Chinese bank, in characters or read in Korean.
    ("id_number", "카드는 中国建设银行 6236 6812 3400 5512 887 이다", "中国建设银行 6236 6812 3400 5512 887"),
    ("id_number", "중국 공상은행 6222 0211 0203 3344 556으로 보냈다", "공상은행 6222 0211 0203 3344 556"),
    ("id_number", "우리은행 1002-771-339104로 보내라", "우리은행 1002-771-339104"),
    # Boats and engines named with a number.
    ("id_number", "삼촌은 신포 배 신창 12호를 탔다", "신창 12호"),
    ("id_number", "배 이름이 대성5호였다", "대성5호"),
    ("id_number", "아버지는 청진 2-115호 목선을 몰았다", "청진 2-115호"),
    ("id_number", "증기기관차 붉은별 3호 2-205를 몰았다", "붉은별 3호 2-205"),
    ("id_number", "형은 제3 금성호 선원이었다", "제3 금성호"),
    ("id_number", "배 이름이 금 성2호였다", "금 성2호"),
    # A register number read out after its cue, its dash said as 다시.
    ("id_number", "그 배 번호가 남포 칠 다시 삼일오였다", "칠 다시 삼일오"),
    # A passport's letter and its digits read out, the copula glued after them.
    ("id_number", "여권 번호가 G일이삼사오육칠팔이었다", "G일이삼사오육칠팔"),
    # A resident number's first half and the digit after it, read out.
    ("id_number", "누나 주민번호 앞자리 구삼공칠이팔 이라도 적어둬", "구삼공칠이팔 이"),
    # A number plate read out after its cue.
    ("id_number", "차 번호는 경기 이십 너 구공구공 이다", "경기 이십 너 구공구공"),
    # A Hanawon class.
    ("id_number", "나는 하나원 188기 동기들과 연락한다", "188기"),
    # Account names read out: letter names with digit names among them, words on both sides of 골뱅이, a
    # word and digit names, Latin letters and digit names with the copula.
    ("messenger", "위챗은 에이 케이 삼삼 일 엘 엠 이렇게 쳐", "에이 케이 삼삼 일 엘 엠"),
    ("messenger", "텔레그램은 소나무 골뱅이 솔 사오로 찾아", "소나무 골뱅이 솔 사오"),
    ("messenger", "텔레그램 골뱅이 큰 바다 청진 구구팔이야", "골뱅이 큰 바다 청진 구구팔"),
    ("messenger", "카톡 아이디는 다솜 공구공칠이에요", "다솜 공구공칠"),
    ("messenger", "텔레그램은 골뱅이 솔 바람 일일오이야찾아봐", "골뱅이 솔 바람 일일오"),
    ("messenger", "라인은 minji 칠칠삼이에요", "minji 칠칠삼"),
    # Spoken dates, and periods from one date to another.
    ("date", "조카가 이천십팔년 사월에 태어났다", "이천십팔년 사월"),
    ("date", "작년 5월부터 올해 2월까지 병원에 있었다", "작년 5월부터 올해 2월까지"),
    ("date", "2017년 5월부터 2019년 2월까지 식당에서 일했다", "2017년 5월부터 2019년 2월까지"),
    ("date", "2016. 4. 에 서울로 왔다", "2016. 4."),
    # Feasts of other faiths and countries, the solstice, and the days after a holiday.
    ("date", "2011년 춘절 연휴에 떠났다", "2011년 춘절 연휴"),
    ("date", "2019년 라마단 첫날 대사관에 갔다", "2019년 라마단 첫날"),
    ("date", "천구백구십구년 동짓날 강을 건넜다", "천구백구십구년 동짓날"),
    ("date", "2014년 성탄 전야에 세례를 받았다", "2014년 성탄 전야"),
    ("date", "2008년 추석 지나서 집을 나섰다", "2008년 추석 지나서"),
    # A lunar day name split from 스무 by a space, after a month.
    ("date", "아버지 제사가 시월 스무 이튿날이야", "시월 스무 이튿날"),
    # A number begun in misread digits and ended in digit names (a transcript of an OCR'd page).
    ("date", "2Ol칠년 삼월에 떠났다", "2Ol칠년 삼월"),
    ("date", "할배는 l구백팔십사년에 제대했다", "l구백팔십사년"),
    ("date", "그날이 2O2O년 오월 l사일이다", "2O2O년 오월 l사일"),
    # Units: a combined unit read out, a corps with a verb glued, misread digits before a brigade, a
    # nickname with its service, the army before a division, a bureau before a spoken brigade.
    ("unit", "오빠는 칠칠일 련합부대에 있었다", "칠칠일 련합부대"),
    ("unit", "니 오군단간거 엄마는 안다", "오군단"),
    ("unit", "동생은 제ll7려단에 있다", "제ll7려단"),
    ("unit", "해병대 백령부대에서 복무했다", "해병대 백령부대"),
    ("unit", "나는 육군 제7보병사단 출신이다", "육군 제7보병사단"),
    ("unit", "공병국 삼십일 여단에서 굴을 팠다", "공병국 삼십일 여단"),
    # A numbered bureau and the unit under it; a fleet's formation named by its boats.
    ("unit", "그는 제3총국 소속 제11여단에 있었다", "제3총국 소속 제11여단"),
    ("unit", "서해함대 어뢰정 전대에서 근무했다", "서해함대 어뢰정 전대"),
]


@pytest.mark.parametrize(("kind", "text", "detail"), FOUND)
def test_found(rules: Rules, kind: str, text: str, detail: str) -> None:
    equivalent = {"phone": ("phone", "id_number"), "id_number": ("id_number", "phone")}
    if kind in equivalent:
        assert covered_as(text, detail, rules, *equivalent[kind]), text
    else:
        assert covered(text, detail, rules, kind), text


_KINDS = {"date", "phone", "id_number", "messenger", "email", "url", "unit"}

BENIGN = [
    "러시아어로 ЗАВОД 라고 써 있었다.",
    "신한은행 앞에서 두 시에 만나자.",
    "그 책 이 삼 에 오 쪽을 봐라.",
    "카톡 아이디는 나중에 알려줄게.",
    "텔레그램은 요즘 잘 안 써.",
    "위챗은 이 사람이 알려준 거야.",
    "배 이름은 잊어버렸다.",
    "제3 번호를 눌러라.",
    "차 번호는 기억이 안 난다.",
    "하나원에서 석 달 있었다.",
    "내선 전화가 고장 났다.",
    "1980년대부터 장마당이 생겼다.",
    "스무 살 때 처음 왔다.",
    "라마단 기간에는 낮에 굶는다고 한다.",
    "추석 지나서 보자.",
    "이천 원 주고 샀다.",
    "삼월에 보자.",
    "이공칠일 동안 아무 연락이 없었다.",
    "번호가 삼 다시 말해 줄게.",
    "배 타고 3호선으로 갈아탔다.",
    "우리 국 3개 부서가 모였다.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign(rules: Rules, text: str) -> None:
    flagged = [
        (f.kind.value, f.rule, text[f.start : f.end]) for f in detect(text, rules) if f.kind.value in _KINDS
    ]
    assert not flagged
