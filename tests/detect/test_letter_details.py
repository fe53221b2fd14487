"""Details in the places letters put them: the writer's name signing the letter, a department after
its university, a firm's ending split off by a space, and unreadable addresses with Korean words
glued to them by lost spaces."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered, spans

# --- the signature ---------------------------------------------------------------------------------------

SIGNED = [
    ("이만 줄인다.\n박명수", "박명수"),
    ("고향 삼수군을 그리며, 석숙봄", "석숙봄"),  # Kiwi reads 석 + 숙 + 보 + ㅁ
    ("2023. 11. 12. 옥채임", "옥채임"),  # a date, then the name
    ("잘 있거라.\n석숙봄.", "석숙봄"),
    ("꼭 살아서 돌아와라.\n\n  남궁민수  \n", "남궁민수"),
]


@pytest.mark.parametrize(("text", "name"), SIGNED)
def test_the_name_signing_a_letter_is_found(rules: Rules, text: str, name: str) -> None:
    assert covered(text, name, rules, "person")


NOT_SIGNED = [
    "건강하세요,\n사랑합니다",
    "꼭 살아서 돌아와라,\n기다린다",
    "보고싶다,\n김치",
    "오늘은 여기까지.\n안녕히",
    "다시 만나자,\n이제는",
    "석숙봄이라는 사람을 아니? 그 사람이 보고 싶다",  # not the last word
]


@pytest.mark.parametrize("text", NOT_SIGNED)
def test_everyday_last_words_are_not_signatures(rules: Rules, text: str) -> None:
    assert [s for s in spans(text, rules, "person") if s[1] == "redact"] == []


def test_a_name_shaped_last_word_that_kiwi_reads_as_a_verb_goes_to_review(rules: Rules) -> None:
    found = spans("고향을 그리며, 석숙봄", rules, "person")
    assert ("person", "review", "석숙봄") in found


@pytest.mark.parametrize("tail", ["", "\n", "  ", ".", "!!", "\n\n\x00"])
def test_the_signature_ignores_what_is_not_a_letter_or_digit_after_it(rules: Rules, tail: str) -> None:
    assert covered("이만 줄인다.\n박명수" + tail, "박명수", rules, "person")


def test_a_word_followed_by_digits_is_not_the_signature(rules: Rules) -> None:
    assert spans("잘 있거라.\n문청", rules, "person") == [("person", "redact", "문청")]
    assert spans("잘 있거라.\n문청 2023", rules, "person") == []
    # Not signed, only the ordinary evidence counts: this name-shaped word goes to review at most.
    assert ("person", "redact", "석숙봄") not in spans("그리며, 석숙봄 2023", rules, "person")


# --- departments and firms --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("가톨릭대학교 간호학과에서 2년째 일하고 있다.", "가톨릭대학교 간호학과"),
        ("서울대학교 경영학부를 졸업했다.", "서울대학교 경영학부"),
        ("김일성종합대학 정치경제학부에서 배웠다.", "김일성종합대학 정치경제학부"),
        ("태양치과 석사동점에서 일한다.", "태양치과 석사동점"),
    ],
)
def test_a_department_or_branch_belongs_to_its_organisation(rules: Rules, text: str, org: str) -> None:
    assert covered(text, org, rules, "org")


def test_a_department_with_more_than_a_particle_after_it_is_not_taken(rules: Rules) -> None:
    found = spans("서울대학교 간호학과장님께 인사했다.", rules, "org")
    assert all("학과장" not in s[2] for s in found)


@pytest.mark.parametrize(
    ("text", "org"),
    [("(대앙 산업) 야간반에서 공부한다.", "대앙 산업"), ("태양 산업에서 일한다.", "태양 산업")],
)
def test_a_firms_ending_split_off_by_a_space_goes_to_review(rules: Rules, text: str, org: str) -> None:
    assert ("org", "review", org) in spans(text, rules, "org")


@pytest.mark.parametrize(
    "text", ["한국 산업이 발전했다.", "우리 전자 제품", "많은 전자", "그 식품은 맛있다."]
)
def test_everyday_words_before_a_firms_ending_are_not_firms(rules: Rules, text: str) -> None:
    assert spans(text, rules, "org") == []


# --- unreadable addresses with Korean glued on ------------------------------------------------------------


def test_korean_words_glued_after_an_unreadable_handle_are_not_part_of_it(rules: Rules) -> None:
    text = "라인 아이디 401/05001970므로찾으면나온다. 급한일이있으면5070017@73\\.607으로 편지"
    found = [(f.rule, text[f.start : f.end]) for f in detect(text, rules)]
    handles = [t for r, t in found if r == "messenger.keyword_garbled"]
    assert handles == ["401/05001970"]  # the cue word stays legible
    # The second unreadable address after the cut is still found, on its own.
    assert ("contact.garbled_token", "5070017@73\\.607으로") in found
    assert all("찾으면" not in t and "급한" not in t for _, t in found)


def test_korean_words_glued_before_an_unreadable_token_are_not_part_of_it(rules: Rules) -> None:
    text = "제블로그100.00\\6「.0010/$60015$1141700171982에우리이야기를적고"
    found = [text[f.start : f.end] for f in detect(text, rules) if f.rule == "contact.garbled_token"]
    assert found == ["100.00\\6「.0010/$60015$1141700171982"]


@pytest.mark.parametrize(
    "text",
    [
        "카톡 아이디 는$60『.101. 이다",
        "이메일은0(01880197늘56=ㅠ<00이다.",
        "급한 일이 있으면 $02\\01144@7ㅁ376ㅁ.00으로 편지해도 된다.",
    ],
)
def test_short_unreadable_addresses_keep_their_span(rules: Rules, text: str) -> None:
    found = [f for f in detect(text, rules) if f.kind.value in ("email", "messenger")]
    assert found
    odd = [i for i, ch in enumerate(text) if ch in "$@<(『"]
    assert all(any(f.start <= i < f.end for f in found) for i in odd)


# --- names with no cue but their slot ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [("평우가 지금도 세포군에 있는지 모르겠다.", "평우"), ("잘 지낸다. 옥비는 아직 어리다.", "옥비")],
)
def test_a_bare_given_name_opening_a_sentence_goes_to_review(rules: Rules, text: str, name: str) -> None:
    assert ("person", "review", name) in spans(text, rules, "person")


@pytest.mark.parametrize(
    "text",
    [
        "마음이 아프다.",
        "동생이 보고 싶다.",
        "우리가 이겼다.",
        "시간이 없다.",
        "봄이 왔다.",
        "희망이 있다.",
        "미래가 밝다.",
    ],
)
def test_everyday_subjects_are_not_bare_names(rules: Rules, text: str) -> None:
    assert spans(text, rules, "person") == []


def test_a_bare_name_inside_a_sentence_is_not_taken_without_a_cue(rules: Rules) -> None:
    assert ("person", "review", "평우") not in spans("그래서 어제 평우가 왔다.", rules, "person")


@pytest.mark.parametrize(
    ("text", "name"), [("아버지 여름 동지는 잘 계신다.", "여름"), ("하늘 씨가 왔다.", "하늘")]
)
def test_an_everyday_word_before_a_title_is_a_name_for_review(rules: Rules, text: str, name: str) -> None:
    assert ("person", "review", name) in spans(text, rules, "person")


@pytest.mark.parametrize(
    "text", ["고향 동무들아, 잘 있느냐.", "친구 동무와 놀았다.", "오늘 동무들과 놀았다.", "우리 동무"]
)
def test_role_and_cue_words_before_a_title_are_not_names(rules: Rules, text: str) -> None:
    assert spans(text, rules, "person") == []


# --- small divisions, units with their service, firms glued on --------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("작은아버지는 아직 삼곡동에 사신다.", "삼곡동"),
        ("누나가 시집간 곳이 산봉리였지.", "산봉리"),
        ("우리 집은 소진 리 27반이었어.", "소진 리"),
    ],
)
def test_a_stem_and_a_small_divisions_suffix_is_a_place(rules: Rules, text: str, place: str) -> None:
    assert covered(text, place, rules, "place")


@pytest.mark.parametrize(
    "text",
    [
        "열심히 활동에 참여했다.",
        "운동을 했다.",
        "이 자리에서 말한다.",
        "그 사람은 행동이 빠르다.",
        "감동이었어.",
        "학교 운동장에서 놀았다.",
    ],
)
def test_everyday_words_ending_like_a_division_are_not_places(rules: Rules, text: str) -> None:
    assert spans(text, rules, "place") == []


def test_a_split_address_keeps_its_house_group(rules: Rules) -> None:
    assert covered("우리 집은 자강도 자성군 소진 리 27반이었어.", "소진 리 27반", rules, "address")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("나도 제2군단 항공 및 반 항공군에 있던 사람이다.", "제2군단 항공 및 반 항공군"),
        ("제5군단 특수작전군에서 복무했다.", "제5군단 특수작전군"),
    ],
)
def test_a_unit_runs_on_over_its_service(rules: Rules, text: str, unit: str) -> None:
    assert covered(text, unit, rules, "unit")


def test_a_service_alone_or_in_the_next_sentence_is_not_a_unit(rules: Rules) -> None:
    assert spans("육군에서 복무했다.", rules, "unit") == []
    assert ("unit", "redact", "제2군단") in spans("제2군단에 있었다. 육군은 크다.", rules, "unit")


def test_a_firm_glued_to_the_words_after_it_is_found(rules: Rules) -> None:
    assert ("org", "redact", "새날테크") in spans("지금은 새날테크에서요양보호사로 일한다.", rules, "org")


@pytest.mark.parametrize("text", ["전자레인지에서 데웠다.", "건설현장에서 일했다."])
def test_words_starting_with_a_firms_ending_are_not_firms(rules: Rules, text: str) -> None:
    assert spans(text, rules, "org") == []


# --- dates ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2003년 4월에 압록강을 건넜다.", "2003년 4월"),
        ("18.04.2013에 한국 국적을 받았다.", "18.04.2013"),
        ("밥 꼭 챙겨 먹어라.\n01.01.2020 연지비", "01.01.2020"),
        ("12/31/1999에 떠났다.", "12/31/1999"),
    ],
)
def test_year_month_and_day_first_dates_are_redacted(rules: Rules, text: str, date: str) -> None:
    assert ("date", "redact", date) in spans(text, rules, "date")


@pytest.mark.parametrize("text", ["2024년 13월", "13.13.2000", "45.67.2001"])
def test_impossible_dates_are_not_dates(rules: Rules, text: str) -> None:
    assert [s for s in spans(text, rules, "date") if s[1] == "redact"] == []
