"""Numbers, addresses and topics in the shapes a third outside set showed missing: each class with its own
examples (not that set's sentences) and the everyday look-alikes that must stay unflagged.

* a year (and month) narrowed to a season, a holiday or a part of the month ("1996년 늦가을",
  "2011년 3월 초순", "'97년 설날"), typed, split by OCR and read aloud;
* the number of a licence, card or certificate after its cue ("약사 면허번호 제 30518호", "당원증 번호는
  당-12-008431"), and a Chinese resident ID with or without its check letter X;
* a road address running on to its floor after an older copula ending ("…로 17, 2층이오"), a road name
  OCR split in its middle ("중앙공 원로 31"), a village with its 인민반 split by OCR ("솔 밭마을7인민반");
* a Korean display name after a messenger's 아이디/닉네임 and a copula ("카톡 아이디는 달빛소녀예요");
* leaving a posting abroad or a unit (이탈, 탈영), past forms typed with ㅅ for ㅆ, money sent with the space
  before 돈 lost.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered

DATES = [
    ("어머니는 1996년 늦가을에 돌아가셨다.", "1996년 늦가을"),
    ("우리는 2011년 3월 초순에 강을 건넜다.", "2011년 3월 초순"),
    ("'97년 설날에 집을 나왔다.", "'97년 설날"),
    ("그 사람은 2008년 한겨울에 잡혀 갔소.", "2008년 한겨울"),
    ("2015년 말에 하나원을 나왔어요.", "2015년 말"),
    ("오빠는 주체96년 여름에 입대했다.", "주체96년 여름"),
    # OCR splits the season word; a transcript reads the year aloud
    ("아버지는 2003년 가 을에\n떠나셨다.", "2003년 가 을"),
    ("아버지는 이천삼년 가을에 떠나셨다", "이천삼년 가을"),
    ("할머니는 1999년 추 석 무렵에 돌아가셨소.", "1999년 추 석"),
    # a season word with a jamo misread by OCR
    ("형은 2014년 겨올에 떠났다.", "2014년 겨올"),
    # a two-digit year with its month, with 년도, with an apostrophe; a date in Chinese characters
    ("우리는 04년 7월에 두만강을 건넜다.", "04년 7월"),
    ("우리는 영사년 칠월에 두만강을 건넜다", "영사년 칠월"),
    ("아버지는 96년도에 돌아가셨어요.", "96년도"),
    ("’02년에 처음 장사를 시작했다.", "’02년"),
    ("증명서에는 1987年 6月 24日 이라고 적혀 있었다.", "1987年 6月 24日"),
]


@pytest.mark.parametrize(("text", "date"), DATES)
def test_year_with_season_or_part_is_one_date(rules: Rules, text: str, date: str) -> None:
    assert covered(text, date, rules, "date"), text


DATE_LOOKALIKES = [
    "10년 겨울을 여기서 났다.",
    "여기 산 지 10년 3개월이 됐다.",
    "벌써 30년도 넘었다.",
    "'80년대 노래를 좋아해요.",
    "3년 봄에 한 번씩 이사한다.",
    "20년 가을 내내 기다렸다.",
]


@pytest.mark.parametrize("text", DATE_LOOKALIKES)
def test_short_spans_of_years_with_seasons_stay_unflagged(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.kind.value == "date"], text


@pytest.mark.parametrize(
    "text",
    ["2019년 초등학교에 들어갔다.", "2020년 말씀드린 대로 됐어요."],
)
def test_words_beginning_with_a_period_syllable_are_not_taken(rules: Rules, text: str) -> None:
    # 초등학교 and 말씀 are not "early" and "late": the date stays the year alone.
    dates = [text[f.start : f.end] for f in detect(text, rules) if f.kind.value == "date"]
    assert all(d.rstrip().endswith("년") for d in dates), dates


IDS = [
    ("제 약사 면허번호는 제 30518호입니다.", "30518"),
    ("당원증 번호는 당-12-008431이었다.", "당-12-008431"),
    ("운전면허증 번호는 28-19-774210-52예요.", "28-19-774210-52"),
    ("학번은 20219934였어요.", "20219934"),
    ("회원번호는 K-77410이에요.", "K-77410"),
    ("자격증 번호 2019-0314-22를 적어 두세요.", "2019-0314-22"),
    # read aloud: the digits come as spoken digits
    ("약사 면허번호는 제 삼공오일팔호입니다", "삼공오일팔"),
    # a Chinese resident ID, with its check letter, in groups, and without a cue
    ("중국 신분증 번호는 21030219870624551X였어요.", "21030219870624551X"),
    ("예전에 쓰던 번호 370202 19910315 2216 도 버렸다.", "370202 19910315 2216"),
    ("그때 쓰던 거 45010219760921003x 말이야.", "45010219760921003x"),
    # a Hangul prefix of a few syllables, a licence as 제 … 호 without 번호, a word before the number
    ("군관증 번호는 장교-0419275였다.", "장교-0419275"),
    ("치과위생사 면허 제 55120호를 받았다.", "55120"),
    ("운전면허번호 경기 13-551234-20 이에요.", "13-551234-20"),
    ("장교 번호는 8812-0305였다.", "8812-0305"),
]


@pytest.mark.parametrize(("text", "number"), IDS)
def test_certificate_and_resident_numbers_are_found(rules: Rules, text: str, number: str) -> None:
    assert covered(text, number, rules, "id_number"), text


ID_LOOKALIKES = [
    "면허번호 3번 칸에 적으세요.",
    "자격증 2개를 땄어요.",
    "자격증을 2019년에 땄어요.",
    "통증이 2023년부터 심해졌다.",
    "학번은 잊어버렸다.",
]


@pytest.mark.parametrize("text", ID_LOOKALIKES)
def test_certificate_words_without_a_number_stay_unflagged(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.kind.value == "id_number"], text


ADDRESSES = [
    ("사무실은 대전시 서구 둔산로 17, 2층이오.", "대전시 서구 둔산로 17, 2층"),
    ("가게는 대구 수성구 달구벌대로 2440 5층이요", "대구 수성구 달구벌대로 2440 5층"),
    ("교회는 광주 북구 중앙공 원로 31 3층.", "광주 북구 중앙공 원로 31 3층"),
    ("언니는 장진읍 솔 밭마을7인민반에 살아요.", "장진읍 솔 밭마을7인민반"),
    ("동생은 김책시 성 남동12반에 있소.", "김책시 성 남동12반"),
    # an office building with a lettered block
    ("사무실은 성남시 분당구 대왕판교로 660 유스페이스몰 A동 8층", "대왕판교로 660 유스페이스몰 A동 8층"),
]


@pytest.mark.parametrize(("text", "address"), ADDRESSES)
def test_addresses_run_on_to_floor_and_split_names(rules: Rules, text: str, address: str) -> None:
    assert covered(text, address, rules, "address"), text


@pytest.mark.parametrize("text", ["서울 사람들 로 10명이 왔다.", "이 마을 3반 아이들이 놀러 왔다."])
def test_address_lookalikes_stay_unflagged(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.kind.value == "address"], text


TOPICS = [
    "러시아 벌목장을 이탈한 게 벌써 삼 년 전이오.",
    "그 친구는 근무지를 이탈해서 지금 어디 있는지 모른다.",
    "형은 부대에서 탈영했다는 소문이 돌았다.",
    "두만강을 건넛던 날을 잊지 못해.",
    "공안한테 붙잡혓을 때 정말 무서웠어.",
    "고향에돈을 좀 부쳤는데 잘 받았는지 모르겠다.",
]


@pytest.mark.parametrize("text", TOPICS)
def test_defection_typos_and_glued_money_are_topics(rules: Rules, text: str) -> None:
    topics = [f for f in detect(text, rules) if f.kind.value == "topic"]
    assert topics, text
    assert all(f.severity.value == "review" for f in topics)


@pytest.mark.parametrize(
    "text",
    ["용돈을 좀 보냈어.", "궤도를 이탈한 위성 뉴스를 봤다.", "수업에서 주제를 이탈하지 마세요."],
)
def test_topic_lookalikes_stay_unflagged(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.kind.value == "topic"], text


@pytest.mark.parametrize(
    ("text", "name"),
    [("카톡 아이디는 달빛소녀예요.", "달빛소녀"), ("위챗 닉네임은 장백산 이야", "장백산")],
)
def test_korean_messenger_names_after_their_cue(rules: Rules, text: str, name: str) -> None:
    assert covered(text, name, rules, "messenger"), text


@pytest.mark.parametrize(
    "text", ["카톡 아이디는 없어요.", "카톡 아이디는 비밀이에요.", "카톡 닉네임은 제 이름이에요."]
)
def test_messenger_cues_without_a_name_stay_unflagged(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.kind.value == "messenger"], text
