"""OCR look-alike syllables (relay.detect.confusables), multi-syllable damage and place lists
(relay.detect.skeleton), OCR-damaged date units, spoken dates without spaces, split and glued names,
damaged everyday words that are no names, and organisations named by their cue words.

Every phrase here is invented for these tests."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.detect.confusables import look_alikes, ocr_variants, widen_surnames, widen_weights
from relay.detect.skeleton import skeleton

from .conftest import covered, spans


def test_look_alikes_are_one_stroke_away() -> None:
    assert {"션", "산"} <= look_alikes("선") | look_alikes("산") - {"산"} | {"산"}
    assert "션" in look_alikes("선")
    assert "킴" in look_alikes("김")
    assert "히" not in look_alikes("희")  # ㅢ ~ ㅣ only when asked for
    assert "히" in look_alikes("희", weak_vowels=True)
    assert look_alikes("a") == set() and look_alikes("") == set()


def test_widened_weights_are_lighter_and_never_overwrite() -> None:
    weights = {"희": 5, "숙": 4, "히": 2, "갑": 1}
    wide = widen_weights(weights)
    assert wide["히"] == 2  # listed: kept as it is
    assert wide["슉"] == 3  # a look-alike of 숙, one point lighter
    assert "깝" not in wide and "캅" not in wide  # weight 1 lends nothing
    assert all(wide[k] == v for k, v in weights.items())


def test_surname_look_alikes_are_marked_in_the_loaded_rules(rules: Rules) -> None:
    from relay.detect.rules import OCR_SURNAME_RANK

    assert rules.gazetteers.surnames["킴"] == OCR_SURNAME_RANK
    assert rules.gazetteers.surnames["김"] == 1
    assert rules.gazetteers.given_syllables["히"] >= 2  # 희 read as 히


def test_widened_surnames_are_rare_and_only_from_common_ones() -> None:
    ranks = {"김": 1, "선": 40, "국": 90}
    wide = widen_surnames(ranks, max_rank=50, rare_rank=1000)
    assert wide["킴"] == 1000 and wide["션"] == 1000
    assert "쿡" not in wide  # 국 is too rare to lend look-alikes
    assert wide["김"] == 1


def test_ocr_variants_cover_common_misreadings() -> None:
    assert "오" in ocr_variants("요")
    assert "을" in ocr_variants("울")
    assert "절" in ocr_variants("철")
    assert "시" in ocr_variants("사")


def test_skeleton_groups_confusable_letters() -> None:
    assert skeleton("백두산") == skeleton("팩듀잔") == skeleton("배두산")
    assert skeleton("광화문") == skeleton("광와분")
    assert skeleton("백두산") != skeleton("한라산")
    assert skeleton("abc") == ""


FOUND = [
    # dates whose unit syllables OCR misread, and spoken dates that lost their spaces
    ("2009련3월14일에 집을 떠났다.", "2009련3월14일", "date"),
    ("쥬쳉98년 5훨2일에 태어났다.", "쥬쳉98년 5훨2일", "date"),
    ("17년 6월9힐에 편지를 받았다.", "17년 6월9힐", "date"),
    ("저는 천구백팔십칠년삼월십일일생입니다", "천구백팔십칠년삼월십일일", "date"),
    ("이천십사에 강을 건넜다", "이천십사", "date"),
    ("2014에 강을 건넜다.", "2014", "date"),
    # a two-syllable surname split from the given name, a rarer surname before a proper noun
    ("외삼촌 황보 명길이 보고 싶다.", "황보 명길", "person"),
    ("성남에 사는 룡 은설도 같은 동네 사람이다.", "룡 은설", "person"),
    # a full name as its own word after a verb's adnominal form, and a name ending in a particle syllable
    ("예전에 알던 곽은지를 기억하니?", "곽은지", "person"),
    ("그때 같이 있던 편철만을 아니?", "편철만", "person"),
    # a county stem that is also a word, after a short province form or before a place-only cue
    ("고향은 평북 동창이야.", "평북 동창", "place"),
    ("위원 사람들은 인심이 좋았다.", "위원", "place"),
    ("작은아버지는 아직 세포에 사신다.", "세포", "place"),
    # names damaged in two syllables, alone before a particle or before a place already found
    ("해마다 팩듀산에 올랐다.", "팩듀산", "place"),
    ("주말마다 광와분에 나갔다.", "광와분", "place"),
    ("지금은 인전 남동구에 산다.", "인전", "place"),
    ("우리는 겨 기도 수원시에 산다.", "겨 기도", "place"),
    # places listed together
    ("회령, 선봉, 그리고 온성군까지 다녔다.", "선봉", "place"),
    ("혜산에서 도문까지는 멀지 않았다.", "도문", "place"),
    # a name set off before who it is, or after where someone is from
    ("편나래, 우리 큰어머니 이름이다.", "편나래", "person"),
    ("탁은비, 우리 언니 생각이 난다.", "탁은비", "person"),
    ("회령시 사람 국명산, 벌써 여기서 십 년을 살았다.", "국명산", "person"),
    ("온성 출신 동생 도경란", "도경란", "person"),
    # signing after a date line, or with a name whose last syllable reads as 아
    ("2019년3월2일 계명수", "계명수", "person"),
    ("음력 9월 1일 탁봉실", "탁봉실", "person"),
    ("구명아 드림", "구명아", "person"),
    # a given name that is also an everyday word, called or named after a kinship word (review)
    ("바다야, 꼭 돌아와라.", "바다", "person"),
    ("아들 필승과 함께 산다.", "필승", "person"),
    # address unit syllables misread after a number
    ("주소: 대전 유성구 반석로 12, 301둉 902효", "대전 유성구 반석로 12, 301둉 902효", "address"),
    ("우리 집은 회령시 오산덕동 3작엄반이었다.", "회령시 오산덕동 3작엄반", "address"),
    # spoken days and years before 생, and a year-month with its units misread
    ("동생은 구월 삼일생이다", "구월 삼일", "date"),
    ("2017련 8월에 떠났다.", "2017련 8월", "date"),
    # unit words damaged in two letters after a number, and 제 read as 체
    ("삼촌은 27쿤댠에서 복무했다.", "27쿤댠", "unit"),
    ("아버지는 체4군란에서 제대하셨다.", "체4군란", "unit"),
    # a firm whose ending lost a stroke
    ("형은 바다빛무혁에서 일한다.", "바다빛무혁", "org"),
    # a service named alone (review), a title or closing after a full name ending in 아, a damaged closing
    ("큰아버지는 항공 및 반항공군에 계셨다.", "항공 및 반항공군", "unit"),
    ("그때 만난 곽은아 선생님이 생각난다.", "곽은아", "person"),
    ("석 봉 욜림", "석 봉", "person"),
    # a split full name after an adnominal form, and full names closing an introduction
    ("그때 함께 있던 편 은솔을 아니?", "편 은솔", "person"),
    ("제 이름은 국현란, 올해 서른이다.", "국현란", "person"),
    ("무산 사람 탁정은, 벌써 십 년째 여기 산다.", "탁정은", "person"),
    # a county stem after which only a place fits, exact or one jamo off
    ("개천에서 온 동생 복실이다.", "개천", "place"),
    ("송림 하나센터에서 도와주었다.", "송림", "place"),
    ("고원에서 군사복무를 했다.", "고원", "place"),
    ("천네 사람들은 인심이 좋았다.", "천네", "place"),
    # a firm named 우리 + a company ending
    ("(우리정밀) 야간반에서 배운다.", "우리정밀", "org"),
    # a full name glued after a particle before the closing that ends the letter
    ("2020. 1. 5. 회령에서탁명순 씀", "탁명순", "person"),
    # messenger cue words misread by OCR
    ("카카요톡 mirae77로 연락해.", "mirae77", "messenger"),
    ("라인 야이디는 sunny_22 이다.", "sunny_22", "messenger"),
    # a farm's village after the farm, with a copula or a misread 마을
    ("고모는 솔뫼협동농장 마을이었지.", "솔뫼협동농장 마을", "org"),
    ("삼촌은 갈매협동농장 마울에 산다.", "갈매협동농장 마울", "org"),
    # old city names and colloquial landmark names from the gazetteers
    ("온양에서 일을 구했다.", "온양", "place"),
    ("남포갑문을 보러 갔다.", "남포갑문", "place"),
    # the place a letter was signed in, after a date or before the signature
    ("2021. 3. 2. 유성구에서", "유성구", "place"),
    ("2018.04.11 대젼에 서", "대젼", "place"),
    ("수원에서, 누나가", "수원", "place"),
    ("2016. 2. 9. 광 주 서구에서", "광 주 서구", "place"),
    # organisations named by a cue word of their own, or by the body they belong to
    ("남동생은 은하수학원 다니는 학생이다.", "은하수학원", "org"),
    ("삼촌은 갈골역 화물작업반에 다녔다.", "갈골역 화물작업반", "org"),
]


@pytest.mark.parametrize(("text", "detail", "kind"), FOUND)
def test_detail_found(text: str, detail: str, kind: str, rules: Rules) -> None:
    assert covered(text, detail, rules, kind), spans(text, rules)


BENIGN = [
    # everyday words with one jamo misread, or a damaged particle after one: no names
    "쳔천히 가도 괜찮아.",
    "사간이 참 빨리 간다.",
    "요늘은 날씨가 좋다.",
    "김치룰 담그는 계철이 왔다.",
    "시장애 가면 없는 게 없다.",
    "조금반 더 참자.",
    # a place and a particle is no full name; an adverb is no name
    "한국만 좋은 나라는 아니다.",
    "천천히 가도 괜찮다.",
    # two-syllable surnames that are also words, and lists without places
    "동방 예의지국이라고 한다.",
    "사과, 배, 그리고 포도까지 샀다.",
    "집에서 학교까지 걸어갔다.",
    # a sentence-opening word before a possessive and a kinship word is no name
    "그래서 우리 아버지는 웃었다.",
    "오늘, 우리 어머니가 오셨다.",
    "대학에 가는 것이 꿈이었다.",
    "하늘이 참 맑다.",
    "여름이 오면 바다에 간다.",
    # spoken numbers that are no dates
    "세월이 많이 흘렀다.",
    "이천오백 원을 냈다.",
    # numbers before words that only look like unit words, and everyday words before a firm's ending
    "1990년대에 태어났다.",
    "3시간 동안 걸었다.",
    "그는 무역회사에 다닌다.",
    "일생을 바쳤다.",
    # a determiner and an everyday word introduced as if a name; an adnominal form before everyday words
    "나는 그 사람이다.",
    "선생님이라고 부르는 게 아직도 어색하다.",
    "아들은 해군에 갔다.",
    # an adverb before a closing is no name, nor is a word's end before one
    "마음을 담아 정성껏 씀",
    "오늘은 여기까지 씀",
    # a look-alike of a surname makes no full name without a cue
    "조선말과 햔국말이 조금 다르다.",
    # a counter word is no division's suffix; a possessive is no damaged place
    "강아지 한마리를 키우고 있다.",
    "우리 집 주소가 바뀌었다.",
    "학교에서 온 편지를 읽었다.",
    # a sentence ending in "에서" with no signing shape is no signing place
    "우리는 밥을 집에서 먹었다.",
    # an army is no county, a generic factory is no firm
    "북한군에 들어갔다.",
    "내가 다니던 기계공장에서 일했다.",
    "영어학원 다니는 게 좋다.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_not_flagged(text: str, rules: Rules) -> None:
    assert detect(text, rules) == (), spans(text, rules)


@pytest.mark.parametrize("text", ["나는 라일 Kim을 만났다.", "라이 Park 선생님"])
def test_misread_messenger_cues_need_a_real_cue(text: str, rules: Rules) -> None:
    assert spans(text, rules, "messenger") == []


@pytest.mark.parametrize("text", ["오늘 집에서, 엄마가", "어제 학교에서, 형이", "2020.1.1 집에서"])
def test_everyday_words_on_a_signing_line_are_no_places(text: str, rules: Rules) -> None:
    assert spans(text, rules, "place") == []
