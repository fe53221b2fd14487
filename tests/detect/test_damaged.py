"""OCR-damaged suffix words, stems, short province forms, unit words and role words (relay.detect.damaged).

Every phrase here is invented for these tests."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Severity

FOUND = [
    # org suffix one jamo off, or split by a stray space, or with a damaged particle after it
    ("아버지는 두루봉탼광에서 일하셨다.", "두루봉탼광", "org"),
    ("나는 새별리수산사업송에서 배를 탔다.", "새별리수산사업송", "org"),
    ("백양대학쿄를 졸업했다.", "백양대학쿄", "org"),
    ("형은 금바위련합기업조에 다녔다.", "금바위련합기업조", "org"),
    ("우리 집은 솔골협동롱장 옆이었다.", "솔골협동롱장", "org"),
    ("큰아버지는 마루청년탄 광 갱장이셨다.", "마루청년탄 광", "org"),
    ("할머니는 검바위사업소엥서 일했어.", "검바위사업소", "org"),
    ("솔개협동농장 마을에서 자랐다.", "솔개협동농장 마을", "org"),
    # damaged two-syllable stems with a cue, short province forms
    ("고향은 헤샨입니다.", "헤샨", "place"),
    ("어머니는 아직도 쳥진에 계신다.", "쳥진", "place"),
    ("저는 함뷱 무산 사람입니다.", "함뷱 무산", "place"),
    ("펴북 정주에서 왔다.", "펴북 정주", "place"),
    ("평남 솔뫼 출신이다.", "평남 솔뫼", "place"),
    # damaged unit words with no number
    ("나는 져격려단에서 복무했다.", "져격려단", "unit"),
    ("삼촌은 국경경비데대에 있었다.", "국경경비데대", "unit"),
    ("그는 부댕에서 복무했다.", "부댕", "unit"),
]


@pytest.mark.parametrize(("text", "detail", "kind"), FOUND)
def test_damaged_detail_found(text: str, detail: str, kind: str, rules: Rules) -> None:
    start = text.index(detail)
    chars = [i for i in range(start, start + len(detail)) if not text[i].isspace()]
    found = detect(text, rules)
    assert all(any(f.start <= i < f.end for f in found) for i in chars), found
    assert any(f.kind.value == kind and f.start <= start < f.end for f in found), found


REVIEW_ONLY = [
    ("두루봉탼광 굴뚝이 보였다.", "두루봉탼광"),
    ("어머니는 아직도 쳥진에 계신다.", "쳥진"),
    ("나는 져격려단에서 복무했다.", "져격려단"),
]


@pytest.mark.parametrize(("text", "detail"), REVIEW_ONLY)
def test_fuzzy_evidence_is_review(text: str, detail: str, rules: Rules) -> None:
    start = text.index(detail)
    hits = [f for f in detect(text, rules) if f.start == start and "damaged" in f.rule]
    assert hits, detect(text, rules)
    assert all(f.severity is Severity.REVIEW for f in hits)


BENIGN = [
    "신발공쟝에서 일하는 친구가 많다.",  # everyday stem before a damaged short suffix
    "그때는 배가공팡서 아무것도 몰랐다.",  # particle glued to a damaged everyday word
    "부디 건강하게 지내라.",  # one jamo from 부대, but an everyday word
    "그 소재가 마음에 든다.",
    "그 부댕은 무엇이냐.",  # a damaged unit word with no unit around it
    "병원에 가면 읭사 선생님이 친절하다.",  # damaged role word before a title
    "병원의 의 사 선생님이 웃으셨다.",  # role word split by a stray space
    "우리 동네 마을에서 잔치를 했다.",
    "학교까지 걸어서 갔다.",
    "회샤에 다니면서 면허도 땄다.",  # a bare damaged suffix word before a workplace cue
    "옛날 생갹은 했다.",  # a stray space is no place for a damaged suffix (은 했 ~ 은행)
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_damaged_words(text: str, rules: Rules) -> None:
    found = [f for f in detect(text, rules) if f.kind.value in ("place", "org", "unit", "person")]
    assert found == [], found


def test_real_name_before_title_is_kept(rules: Rules) -> None:
    # 소정 is one jamo from 소장, but 정 is a common given-name syllable: still a name.
    assert any(f.kind.value == "person" for f in detect("소정 선생님이 도와주셨다.", rules))


def test_everyday_stem_is_no_damaged_province(rules: Rules) -> None:
    # 강서 is a gazetteer stem too everyday to index; it must not read as a damaged 광서.
    found = detect("십 리도 못 강서 팔병 난다.", rules)
    assert not any("damaged" in f.rule or "province_pair" in f.rule for f in found), found
