"""Details that printed letters leaked or left only to review: units named with 근위 or a misread unit
word, an addressee after a kinship word, a name before a damaged or glued title, a name before a title
with a second cue, a church the writer attends, an organisation glued to the phrase before it, a mobile
number whose plus OCR read as 4, and the complex name inside an address."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.detect.page import _bridgeable
from relay.model import Kind, Severity

from .conftest import found, one_covers

# --- units ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "나는 근위 제105땅크사단에서 근무하다가 탈북했다.",
        "나는근위 제105땅크사단에서 근무했다.",
        "저도 한때는 근위제105땅크사단 군관이었습니다.",
        "나는 제9군단 근위 제105땅크 사단 출신이야.",
    ],
)
def test_guards_title_goes_with_the_unit(text: str) -> None:
    assert one_covers(text, "근위", Kind.UNIT)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("나는 6174균부대에서 근무하다가 탈북했다.", "6174균부대"),
        ("나는7689균부대에서 근무했다.", "7689균부대"),
        ("혹시 조선인민굴 제50899부댕에 있던 사람을 아니?", "조선인민굴 제50899부댕"),
        ("나도 조선인민 굴 제88380붕대에 있던 사람이다.", "조선인민 굴 제88380붕대"),
    ],
)
def test_misread_unit_word_after_a_long_number_is_redacted(text: str, unit: str) -> None:
    assert one_covers(text, unit, Kind.UNIT)


@pytest.mark.parametrize(
    "text",
    [
        "1990년대에 태어났다.",
        "제1234번째 편지를 쓴다.",
        "2000원대 물건이 많다.",
        "근위 병사들의 이야기를 들었다.",
    ],
)
def test_numbers_before_everyday_words_are_no_unit(text: str) -> None:
    assert not found(text, Kind.UNIT, Severity.REDACT)


def test_a_short_number_before_a_misread_unit_stays_a_review() -> None:
    text = "9시단에 있었다."
    assert not found(text, Kind.UNIT, Severity.REDACT)


# --- salutations -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("사랑하는 아들 같은 덕범에게", "덕범"),
        ("사랑하는아들같은덕범에게", "덕범"),
        ("보고 싶은 동생 하늘에게", "하늘"),
        ("사랑하는 딸 누리야", "누리"),
        ("그리운  누나  승민에게", "승민"),
    ],
)
def test_addressee_after_a_kinship_word_is_redacted(text: str, name: str) -> None:
    assert name in found(text, Kind.PERSON, Severity.REDACT)


def test_everyday_addressee_after_a_kinship_word_is_reviewed() -> None:
    # 병용 is also an everyday word: found, but a moderator decides.
    text = "보고 싶은 동생 병용에게"
    assert "병용" in found(text, Kind.PERSON, Severity.REVIEW)


@pytest.mark.parametrize(
    "text",
    [
        "사랑하는 누나 부부에게",
        "사랑하는 조카 녀석에게",
        "그리운 형님 내외분께",
        "사랑하는 아들 같은 전사들에게",
        "보고 싶은 동생 가족에게",
        "사랑하는 동생에게",
        "보고싶은 우리 누나에게",
        "그리운 어머니 아버지께",
        "사랑하는 아들 같은 친구에게",
    ],
)
def test_generic_addressees_are_not_names(text: str) -> None:
    assert not found(text, Kind.PERSON)


# --- names before titles ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "장마당에서 국수를 팔던 향금 이저씨가 보고 싶다.",
        "장마당에서 국수를 팔던 향금 아저씨가보고싶다.",
        "장마당에서 국수를 팔던 향금 이저씨가보고싶다.",
    ],
)
def test_name_before_a_damaged_or_glued_title(text: str) -> None:
    assert "향금" in found(text, Kind.PERSON, Severity.REDACT)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("승민 동무, 꼭 살아서 만나자.", "승민"),
        ("아버지 슬기 동지는 8733군부대에서 제대하셨다.", "슬기"),
        ("어머니 누리 동무는 잘 계신다.", "누리"),
    ],
)
def test_name_before_a_title_with_a_second_cue_is_redacted(text: str, name: str) -> None:
    assert name in found(text, Kind.PERSON, Severity.REDACT)


@pytest.mark.parametrize(
    "text",
    [
        "어린 동무, 꼭 살아서 만나자.",
        "젊은 동무, 잘 있나.",
        "우리 동무, 잘 있나.",
        "어머니 시장 동무가 왔다.",
        "아버지 직장 동무는 잘 지내신다.",
        "형님 군대 동무가 왔다.",
        "그 사람 동무들과 놀았다.",
    ],
)
def test_everyday_words_before_titles_are_not_redacted(text: str) -> None:
    assert not found(text, Kind.PERSON, Severity.REDACT)


# --- organisations ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("누리교회에 다니며 간호사 공부를 하고 있다.", "누리교회"),
        ("누리교회에 다니며간호사공부를 하고있다.", "누리교회"),
        ("하나로교회 사장님이 잘 대해 준다.", "하나로교회"),
    ],
)
def test_church_with_an_attendance_cue_is_redacted(text: str, org: str) -> None:
    assert org in found(text, Kind.ORG, Severity.REDACT)


@pytest.mark.parametrize("text", ["하나로교회에서 만났다.", "사랑교회가 좋다."])
def test_church_without_a_cue_stays_a_review(text: str) -> None:
    assert found(text, Kind.ORG, Severity.REVIEW)
    assert not found(text, Kind.ORG, Severity.REDACT)


@pytest.mark.parametrize("text", ["일요일마다교회에 다녔다.", "우리교회에 다니며 기도한다."])
def test_phrases_before_a_church_are_no_name(text: str) -> None:
    assert not found(text, Kind.ORG)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("지금은성균관대학교에서 일한다.", "성균관대학교"),
        ("우리동네 사람들은다룡호기업소에 다녔지.", "룡호기업소"),
    ],
)
def test_organisation_glued_to_the_phrase_before_it(text: str, org: str) -> None:
    assert one_covers(text, org, Kind.ORG)


# --- phones and addresses ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["내 련락처는48210 7870-5366이다.", "번호는 4821012345678이다."])
def test_mobile_number_with_its_plus_read_as_four(text: str) -> None:
    assert found(text, Kind.PHONE, Severity.REDACT)


def test_four_leading_digits_alone_make_no_phone() -> None:
    assert not found("올해 4821명이 왔다.", Kind.PHONE)


def test_complex_name_before_a_flat_number_is_bridged() -> None:
    assert _bridgeable(["길", "142-2", "휴먼시아"], "106동1603호")
    assert _bridgeable(["77"], "3층")
    # Only right before a flat number, and only one such word.
    assert not _bridgeable(["길", "142-2", "휴먼시아"], "상록구")
    assert not _bridgeable(["사람들은", "휴먼시아"], "106동 1603호")
    assert not _bridgeable(["길", "142-2", "3", "휴먼시아"], "106동 1603호")
    assert not _bridgeable(["아주오래된아파트단지에서"], "106동 1603호")


# --- names in slots ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("고향을 그리며.\n하늘 올림", "하늘"),
        ("고향을 그리며.\n하늘올림", "하늘"),
        ("잘 지내라.\n보람 드림", "보람"),
    ],
)
def test_listed_everyday_name_signing_the_letter_is_redacted(text: str, name: str) -> None:
    assert name in found(text, Kind.PERSON, Severity.REDACT)


@pytest.mark.parametrize(
    "text",
    ["고향을 그리며.\n아들 올림", "사랑을 담아 드림", "보람 드림 그리고 나머지 이야기"],
)
def test_no_signature_without_a_listed_name_before_a_closing(text: str) -> None:
    assert not found(text, Kind.PERSON, Severity.REDACT)


def test_listed_everyday_name_before_a_teknonym_is_redacted() -> None:
    text = "누리 아버지가 일하던 기업소 굴뚝이 보이던 집이었다."
    assert "누리" in found(text, Kind.PERSON, Severity.REDACT)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("최 명 선과 나는 동창이었다.", "최 명 선"),
        ("어머니 한 예 경은 아직도 계신다.", "한 예 경"),
        ("어머니 한 예 경 은 아직도 계신다.", "한 예 경"),
    ],
)
def test_full_name_split_into_three_syllables_with_a_cue(text: str, name: str) -> None:
    assert name in found(text, Kind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        "하 루 세 끼를 먹는다.",
        "이 편 지를 쓴다.",
        "주 민 증 번호를 잃어버렸다.",
        "정 말 로 좋았다.",
        "오 늘 은 비가 온다.",
        "김 치 를 담갔다.",
        "조 금 만 기다려라.",
    ],
)
def test_words_split_into_syllables_are_no_names(text: str) -> None:
    assert not found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("부평구교회에서 만난남궁만진목사님이 많이 도와주셨다.", "남궁만진"),
        ("옆집에 살던승다하아바이가 자주 생각난다.", "승다하"),
        ("옆집에 살던승다하아바이가자주생각난다.", "승다하"),
        ("중학교 때 담임이던공다실 선생님이 자주 생각난다.", "공다실"),  # the title written apart
        ("그때 친구였던방해선 동무가 생각난다.", "방해선"),  # the copula's adnominal after a noun
    ],
)
def test_name_glued_between_an_adnominal_and_a_title(text: str, name: str) -> None:
    assert name in found(text, Kind.PERSON, Severity.REDACT)


@pytest.mark.parametrize(
    "text",
    [
        "어제 만난사람들이 좋았다.",
        "같이 살던할머니가보고싶다.",
        "예전에 다니던학교선생님이 그립다.",
        "그때 만난전우동무가생각난다.",
        "전에 알던이웃집아저씨가 생각난다.",
        "우리 반 담임이던 선생님이 자주 생각난다.",
        "그때 친구였던사람 선생님이 생각난다.",
        "중학교 때 담임이던수학 선생님이 생각난다.",
    ],
)
def test_words_glued_between_an_adnominal_and_a_title_are_no_names(text: str) -> None:
    assert not found(text, Kind.PERSON, Severity.REDACT)


def test_one_syllable_name_before_a_teknonym_is_reviewed() -> None:
    text = "김치를 담그는 계절이 왔다. 병 아버지가 일하던 공장이 보인다."
    assert "병" in found(text, Kind.PERSON, Severity.REVIEW)


@pytest.mark.parametrize(
    "text",
    [
        "양 아버지가 나를 키웠다.",
        "시 아버지가 오셨다.",
        "큰 아버지가 오셨다.",
        "새 아버지가 오셨다.",
        "친 아버지가 오셨다.",
        "제 아버지가 오셨다.",
        "내 엄마가 보고 싶다.",
    ],
)
def test_kinship_words_split_before_a_teknonym_are_no_names(text: str) -> None:
    assert not found(text, Kind.PERSON)


# --- organisations glued inside words -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("장포협동농장마을에서 농사짓던 집 막내였어.", "장포협동농장"),
        ("소촌협동농장마을앞개울에서 놀았다.", "소촌협동농장"),
    ],
)
def test_short_name_before_a_long_suffix_inside_a_word_is_redacted(text: str, org: str) -> None:
    assert one_covers(text, org, Kind.ORG)


@pytest.mark.parametrize(
    "text", ["나는좋은대학교에 갔다.", "그는큰기계공장에서 일했다.", "큰기계공장이있었다."]
)
def test_everyday_stems_before_a_suffix_inside_a_word_are_not_redacted(text: str) -> None:
    assert not found(text, Kind.ORG, Severity.REDACT)


# --- strong cues believed over Kiwi -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("저는 병주라고 합니다.", "병주"),
        ("나는 평양에서 나서 자란 손병주라고 해.", "손병주"),
        ("형님 민 문 은 주체103년에 돌아가셨다.", "민 문"),
        ("동생 여 문은 92년생이다.", "여 문"),
        ("혁삼아버지가 일하던 집이 보인다.", "혁삼"),
    ],
)
def test_name_shaped_word_with_a_strong_cue_is_redacted(text: str, name: str) -> None:
    assert name in found(text, Kind.PERSON, Severity.REDACT)


@pytest.mark.parametrize(
    "text",
    [
        "저는 학생이라고 합니다.",
        "저는 간호사라고 합니다.",
        "나는 군인이다.",
        "저는 괜찮다고 합니다.",
        "누나 생 각이 난다.",
        "어머니 마 음이 아프다.",
        "동생 학 교가 멀다.",
    ],
)
def test_everyday_words_in_strong_slots_are_not_redacted(text: str) -> None:
    assert not found(text, Kind.PERSON, Severity.REDACT)


def test_place_glued_before_a_kinship_word_is_no_name() -> None:
    assert "서울" not in found("서울아버지가 왔다.", Kind.PERSON, Severity.REDACT)


def test_introduction_is_believed_over_a_lookalike_word() -> None:
    # 홍주진 is one OCR confusion from a word, which vetoes it without a cue; "나는 X이다." is the cue.
    assert "홍주진" in found("나는 홍주진이다.", Kind.PERSON, Severity.REDACT)


@pytest.mark.parametrize("text", ["나는 행복이다.", "저는 오늘이라고 합니다."])
def test_everyday_words_introduced_are_no_names(text: str) -> None:
    assert not found(text, Kind.PERSON)


# --- places --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [("지금 나는 회성시에서 살고 있다.", "회성시"), ("회성시에서 태어났다.", "회성시")],
)
def test_near_miss_of_a_place_before_a_residence_cue_is_redacted(text: str, place: str) -> None:
    assert place in found(text, Kind.PLACE, Severity.REDACT)


def test_near_miss_of_a_place_without_a_cue_is_not_redacted_by_the_cue_rule() -> None:
    found = [f for f in detect("회성시 이야기를 들었다.") if f.kind is Kind.PLACE]
    assert all(f.rule != "place.fuzzy.sk_places" or f.severity is Severity.REVIEW for f in found)


def test_full_name_split_into_three_syllables_in_a_slot_is_redacted() -> None:
    assert "최 명 선" in found("최 명 선과 나는 초산제2중학교 동창이었다.", Kind.PERSON, Severity.REDACT)


# --- dates whose dots OCR lost -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("20 02 2020에 하나원을 나와 안산시로 왔다.", "20 02 2020"),
        ("2020 02 20에 국경을 넘었다.", "2020 02 20"),
        ("1985 7 3 에 태어났다.", "1985 7 3"),
    ],
)
def test_numeric_date_with_spaces_for_dots(text: str, date: str) -> None:
    assert one_covers(text, date, Kind.DATE)


@pytest.mark.parametrize(
    "text",
    ["우리는 3 4 2020명이다.", "나는 2019 13 40에 왔다.", "1 2 2020 3 4", "전화 010 1234 5678로 해라."],
)
def test_spaced_numbers_that_are_no_date(text: str) -> None:
    assert not found(text, Kind.DATE)


def test_introduction_whose_copula_ocr_split_off() -> None:
    assert "웅동선" in found("마음은 같다. 나는 웅동선이 다.", Kind.PERSON, Severity.REDACT)
    assert not found("나는 행복이 다.", Kind.PERSON)


# --- words OCR glued together ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [("만선아버지가 일하던평성림산사업소 굴뚝이 보였다.", "평성림산사업소")],
)
def test_organisation_glued_after_a_verb_form(text: str, org: str) -> None:
    assert org in found(text, Kind.ORG, Severity.REDACT)


def test_everyday_stem_glued_after_a_verb_form_is_not_redacted() -> None:
    assert not found("내가 다니던기계공장에서 일했다.", Kind.ORG, Severity.REDACT)


@pytest.mark.parametrize(
    "text", ["아버지만선 동지는 4대대에서 제대하셨다.", "아버지 만선 동지는 4대대에서 제대하셨다."]
)
def test_name_between_a_glued_kinship_word_and_a_title(text: str) -> None:
    assert "만선" in found(text, Kind.PERSON, Severity.REDACT)


def test_everyday_word_between_a_glued_kinship_word_and_a_title_is_not_redacted() -> None:
    assert not found("어머니시장 동무가 왔다.", Kind.PERSON, Severity.REDACT)


def test_full_name_glued_to_with_me() -> None:
    assert "노은히" in found("노은히와나는 남촌초급중학교 동창이었다.", Kind.PERSON, Severity.REDACT)


@pytest.mark.parametrize("text", ["친구와나는 놀았다.", "동생과나는 싸웠다.", "엄마와나는 시장에 갔다."])
def test_everyday_words_glued_to_with_me_are_no_names(text: str) -> None:
    assert not found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "place"),
    [("우리 오빠는 아직 중운동에사신다.", "중운동"), ("그는 삼곡동에서태어났다.", "삼곡동")],
)
def test_place_with_a_residence_cue_glued_on(text: str, place: str) -> None:
    assert place in found(text, Kind.PLACE, Severity.REDACT)


@pytest.mark.parametrize("text", ["운동에사신다.", "활동에서살았다."])
def test_everyday_words_before_a_glued_cue_are_no_places(text: str) -> None:
    assert not found(text, Kind.PLACE)


def test_bare_subject_of_typical_name_syllables_is_reviewed_despite_a_lookalike() -> None:
    # 지택 is one confusion from an everyday word, but both syllables are very typical of names.
    assert "지택" in found("지택이 지금도 평양 이야기를 한다.", Kind.PERSON, Severity.REVIEW)
    assert not found("요늘은 비가 온다.", Kind.PERSON)
