"""Numbers, dates and risky topics in the shapes the outside10 writer showed missing, each with examples
of its own (not that table's sentences) and the everyday look-alikes that must stay unflagged.

* the number of an application, a case or a file after its cue (신청 번호, 접수번호, 사건), with 제 … 호
  around it as written or read aloud, a register number with a year and 제 … 호, a court's case number;
* a permit, visa or passport number with the numero sign (№, No.) and its series;
* a resident registration number whose back half is masked, the dash lost (read aloud or retyped);
* a past season relative to the letter glued to the word before it ("그는작년 겨울에");
* following a guide or a broker out, word or money sent north through a person, the return from Japan
  (귀국선, 북송사업); someone held or sent back, a fence crossed, branded a traitor;
* and the generic talk that is no detail: the law on holding and returning prisoners, a fence as a
  metaphor, a traitor in a story, a tourist guide, news heard through someone.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind

from .conftest import covered, spans

CASE_NUMBERS = [
    ("상봉 신청 번호는 제2011-40517호였어요.", "제2011-40517호"),
    ("접수번호 2023-004512로 조회해 보세요.", "2023-004512"),
    ("민원 접수 번호가 제 1998-22731 호로 나왔다.", "제 1998-22731 호"),
    ("등록 제2019-004417호 증명서를 뗐다.", "제2019-004417호"),
    ("그 재판은 사건 2019가합12345로 기록돼 있다.", "2019가합12345"),
    # read aloud, the number view turns the digit names into digits
    ("신청 번호가 제이공일팔 공공사칠일호라고 했다", "제이공일팔 공공사칠일호"),
    # OCR reads a 1 as l
    ("난민 신청 번호는 제2017-3l0442호입니다.", "제2017-3l0442호"),
]


@pytest.mark.parametrize(("text", "number"), CASE_NUMBERS)
def test_application_and_case_numbers_are_ids(rules: Rules, text: str, number: str) -> None:
    assert covered(text, number, rules, "id_number"), text


CASE_LOOKALIKES = [
    "신청 번호는 나중에 문자로 온대.",
    "접수 12345건을 하루에 처리했다.",
    "제3호 태풍이 올라온다고 한다.",
    "사건 당일에는 비가 왔다.",
]


@pytest.mark.parametrize("text", CASE_LOOKALIKES)
def test_no_case_number_without_one(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.rule == "id.case_number"], text


NUMERO = [
    ("체류 허가증은 0922 № 551873이다.", "0922 № 551873"),
    ("비자 No. 7712045 를 받았다.", "No. 7712045"),
    ("러시아 여권 번호가 45 № 0931177였다", "45 № 0931177"),
]


@pytest.mark.parametrize(("text", "number"), NUMERO)
def test_numbers_with_the_numero_sign_are_ids(rules: Rules, text: str, number: str) -> None:
    assert covered(text, number, rules, "id_number"), text


@pytest.mark.parametrize("text", ["베토벤 교향곡 No. 9 를 들었다.", "№ 5 번 방에서 기다려라."])
def test_a_short_number_after_the_sign_is_none(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.rule == "id.numero"], text


MASKED_RRN = [
    ("주민번호 850312 1●●●●●●로 나와 있었다.", "850312 1●●●●●●"),
    ("서류엔 9608172xxxxxx라고 찍혀 있더라.", "9608172xxxxxx"),
    ("주민번호가 팔오공삼일이 일******이래", "팔오공삼일이 일******"),
]


@pytest.mark.parametrize(("text", "number"), MASKED_RRN)
def test_masked_resident_numbers_without_a_dash(rules: Rules, text: str, number: str) -> None:
    assert covered(text, number, rules, "id_number"), text


@pytest.mark.parametrize("text", ["비밀번호는 ****** 로 가려져 있다.", "991399 1****** 은 틀린 번호다."])
def test_masks_without_a_birth_date_are_no_resident_number(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.rule == "id.rrn"], text


GLUED_SEASONS = [
    ("그는작년 겨울에 혼자 왔다.", "작년 겨울"),
    ("형은지난 추석에 전화했다.", "지난 추석"),
    ("우리는재작년 봄부터 여기 살았다.", "재작년 봄"),
]


@pytest.mark.parametrize(("text", "date"), GLUED_SEASONS)
def test_relative_season_after_a_glued_word(rules: Rules, text: str, date: str) -> None:
    assert covered(text, date, rules, "date"), text


@pytest.mark.parametrize("text", ["작년 겨울은 유난히 추웠다.", "올해 겨울에는 눈이 많이 온대."])
def test_relative_season_look_alikes(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.rule == "date.relative_season"], text


TOPICS = [
    # following a guide or a broker out
    "아버지는 길 안내자를 따라 밤에 중국으로 건너갔다.",
    "브로커들을 따라서 라오스 쪽으로 걸었다",
    "안내인 뒤를 따라 두만강을 건넜어요.",
    # word, letters or money sent north through a person
    "고향엔 장사꾼 편에 편지를 들여보냈소.",
    "동생한텐 아는 화교 통해서 돈을 보내고 있어.",
    "연락책을 통해 안부를 전했다",
    "사람 편으로 약을 보냈다.",
    # the return from Japan
    "외할머니는 북송선을 타고 니가타를 떠나셨대.",
    "할아버지 형제가 귀국사업 때 북으로 들어갔다.",
    "재일교포 출신이라 고생이 많았다.",
    # held or sent back, a fence crossed, branded a traitor
    "언니는 심양에서 붙잡혀 송환됐다.",
    "아버지는 국경에서 구금됐다가 풀려났다.",
    "오빠가 교화소에 수감됐다는 소식을 들었다.",
    "철조망을 끊고 기어 나갔다.",
    "우리는 철조망 밑으로 빠져나왔다.",
    "북에서는 우리 식구를 조국의 배신자라고 불렀다.",
    "배신자로 낙인찍힌 집안이었다.",
]


@pytest.mark.parametrize("text", TOPICS)
def test_risky_topics_are_flagged(rules: Rules, text: str) -> None:
    assert spans(text, rules, "topic"), text


BENIGN = [
    # the law on holding and returning prisoners, and the news
    "누구도 부당하게 구금되어서는 안 된다고 헌법에 쓰여 있다.",
    "억류 문제는 국제법이 다루는 일이다.",
    "전쟁이 끝나면 포로 송환 협상이 열린다고 한다.",
    "수감 중에도 책을 읽을 수 있다고 들었다.",
    "본인이 원하지 않으면 송환되지 않는 것이 원칙입니다.",
    # a fence as a metaphor or a view
    "마음의 철조망을 걷어 내자.",
    "철조망 너머로 해가 진다.",
    "주님은철조망 안에서도 우리를 지키신다.",
    # a traitor in a story
    "영화 속 배신자는 결국 벌을 받았다.",
    "아무도 너를 배신자로 생각하지 않는다.",
    # a tourist guide, news heard through someone, coming home from abroad
    "관광 안내원을 따라 중국 음식점에 갔다.",
    "안내자를 따라 박물관을 둘러보았다.",
    "친척을 통해서 소식을 들었어요.",
    "다음 달 귀국 예정이다.",
    "엄마를 따라 중국에 여행 갔다.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_generic_talk_is_no_topic(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.kind is Kind.TOPIC], text
