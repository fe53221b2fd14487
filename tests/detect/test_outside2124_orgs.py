"""Organisations the twenty-first and twenty-fourth outside sets showed missing (relay.detect.orgs).

Found: Latin names with an ampersand or ending in a law firm's or a German association's word
("Park & Kim Family Law", "X Verband"), a hospital, clinic or school named after its kind in German or
French ("Klinikum Neukölln"), an institution named "X of Y" ("University of Toronto"), a Latin name
with a space before 라는, Kazakh and Kyrgyz legal forms before a Cyrillic name of several words
("ТОО Сеул Строй"), the ICRC by its official Korean name (적십자국제위원회), the National Police
Agency and its bureau, a school by its number alone apart from it ("제이 고급중학교"), a name given
after a club's "이름은" that Kiwi reads as a phrase ending in a noun, a workplace glued to its
housing ("아오지탄광사택"), the state before a ministry ("조선민주주의인민공화국 외무성"), and a
chain's branch in Latin letters by its place ("Costco Toronto 매장에서 일해").

Look-alikes that stay clear: 제일 ("most") before a school word, lowercase "bank of the river", everyday
words after "이름은", an everyday workplace glued to its housing, a greeting before a city.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered_as, spans

ORGS = [
    # An ampersand inside a Latin firm's name; a law firm; a German association.
    ("제 직장은 Park & Kim Family Law인데 이민 서류를 도와줘요", "Park & Kim Family Law"),
    ("언니는 Choi & Partners Law에서 비서로 일해", "Choi & Partners Law"),
    ("주말마다 Deutsch Koreanischer Verband 모임에 나가요", "Deutsch Koreanischer Verband"),
    # A hospital or school by its kind in German or French, then its name.
    ("남편은 Klinikum Neukölln에서 간호사로 일했어요", "Klinikum Neukölln"),
    ("딸은 Lycée Henri IV 다녀요", "Lycée Henri"),
    # "X of Y".
    ("아들은 University of Toronto에서 공부해", "University of Toronto"),
    ("딸은 Bank of Montreal 지점에서 일해", "Bank of Montreal"),
    # A Latin name, a space, then 라는.
    ("저는 Freedom Voices 라는 단체 소속이에요", "Freedom Voices"),
    # A Kazakh or Kyrgyz legal form and a name of several Cyrillic words.
    ("남편 회사는 ТОО Сеул Строй Астана예요", "ТОО Сеул Строй Астана"),
    ("삼촌은 ОсОО Ала Тоо Трейд 에서 운전해", "ОсОО Ала Тоо Трейд"),
    # The ICRC by its official Korean name, spaced or not.
    ("적십자국제위원회 직원이 다녀갔어요", "적십자국제위원회"),
    ("작년에 적십자 국제위원회 사람이 수용소에 왔다", "적십자 국제위원회"),
    # The National Police Agency and its bureau.
    ("경찰청 외사국에서 일하는 형님이 도와줬어", "경찰청 외사국"),
    # A school by its number alone, in Hangul or digits, apart from the school word.
    ("동생은 제이 고급중학교를 나왔다", "제이 고급중학교"),
    ("나는 제5 초급중학교 다녔어요", "제5 초급중학교"),
    # A club's name after 이름은, read by Kiwi as a phrase ending in a noun.
    ("동아리 이름은 평화를여는문이에요", "평화를여는문"),
    # The state before a ministry and its bureau.
    ("형은 조선민주주의인민공화국 무역성 대외사업국에서 일했다", "조선민주주의인민공화국 무역성"),
    # A chain's branch in Latin letters by the place it is in, with work there.
    ("엄마는 Costco Toronto 매장에서 일해", "Costco Toronto"),
    ("동생은 Aldi Sydney에서 알바해", "Aldi Sydney"),
    # A workplace glued to its housing, the spaces lost.
    ("우리는아오지탄광사택에서 살았다", "아오지탄광"),
    ("어릴 때 무산광산합숙소에 있었다", "무산광산"),
]


@pytest.mark.parametrize(("text", "detail"), ORGS)
def test_org_found(rules: Rules, text: str, detail: str) -> None:
    assert covered_as(text, detail, rules, "org", "place"), spans(text, rules)


BENIGN = [
    "제일 중학교 때가 좋았다",
    "제일 고급중학교 시절이 그립다",
    "나는 the bank of the river에서 놀았다",
    "가게 이름은 잘 기억이 안 나요",
    "동아리 이름은 아직 못 정했어요",
    "식당 이름은 기억이 안 난다",
    "우리는 기계공장사택에서 살았다",
    "어릴 때 큰공장합숙소에 있었다",
    "편지는 대한적십자사를 통해 전달됩니다",
    "Hi London에서 일해요",
    "우리는 London에서 일해요",
    "대한민국 국민이라면 누구나 안다",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_clear(rules: Rules, text: str) -> None:
    assert not [s for s in spans(text, rules) if s[0] == "org"], spans(text, rules)
