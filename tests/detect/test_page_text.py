"""Details as they appear in page text from OCR: words glued together when the spaces were lost, an
address part split by spaces, and addresses or account names OCR could not read after their cue."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

# A name glued after a kinship or rank cue inside a longer word.
GLUED_NAMES = [
    ("막내동생차명수가보고싶다.", "차명수"),
    ("우리중대장방철운은 아직 계신다.", "방철운"),
    ("걱정하는누나혜경이", "혜경"),
    ("남편과 딸순영과 함께 산다.", "순영"),
]

NOT_GLUED_NAMES = [
    "우리동생이사를갔다.",
    "소대장이모든걸알고있다.",
    "형제들과 함께 갔다.",
    "딸기를 먹었다.",
    "누나들과 놀았다.",
    "딸아이가 잘 큰다.",
    "동생과나는 친구다.",
    "어머니마음이 아프다.",
]


@pytest.mark.parametrize(("text", "name"), GLUED_NAMES)
def test_glued_names_are_found(rules: Rules, text: str, name: str) -> None:
    assert covered(text, name, rules, "person")


@pytest.mark.parametrize("text", NOT_GLUED_NAMES)
def test_kinship_words_glued_to_words_are_not_names(rules: Rules, text: str) -> None:
    assert spans(text, rules, "person") == []


# An organisation suffix inside a word (the following words glued on), or after a stem Kiwi reads as a
# verb form but that is glued to the suffix.
GLUED_ORGS = [
    ("회령제1고급중학교운동장에서 놀았다.", "회령제1고급중학교", "redact"),
    ("무산협동농장굴뚝이 보였다.", "무산협동농장", "redact"),
    ("다들 하진기계공장에 다녔지.", "하진기계공장", "review"),
]

NOT_GLUED_ORGS = [
    "큰기계공장이있었다.",
    "내가 다니던 기계공장에서 일했다.",
    "우리협동농장사람들은 좋다.",
    "공장에서 일하는 것이 힘들다.",
]


@pytest.mark.parametrize(("text", "org", "severity"), GLUED_ORGS)
def test_glued_orgs_are_found(rules: Rules, text: str, org: str, severity: str) -> None:
    assert covered(text, org, rules, "org")
    assert any(s == severity for _, s, t in spans(text, rules, "org") if org in t)


@pytest.mark.parametrize("text", NOT_GLUED_ORGS)
def test_suffix_words_glued_to_words_are_not_orgs(rules: Rules, text: str) -> None:
    assert spans(text, rules, "org") == []


# An address part split by OCR spacing, a road number with a dash, a postal code glued to a word and an
# address that wraps onto the next line.
ADDRESSES = [
    ("집 주소는 부산 해운대구 가 람길12-3 이다.", "부산 해운대구 가 람길12-3"),
    ("주소: 평양시 모란봉구역 석 수로55-12 현대 12동 3호", "평양시 모란봉구역 석 수로55-12 현대 12동 3호"),
    ("집 주소는 울산 남구 솔밭길 7-2 대림 103동1204호이다.", "울산 남구 솔밭길 7-2 대림 103동1204호"),
    ("전화 010-1234-5678, 주 소는(48060) 부산 수영구 광안로 123", "(48060) 부산 수영구 광안로 123"),
    ("주소는 대구 수성구 달구벌대로\n2450이다.", "대구 수성구 달구벌대로\n2450"),
]

NOT_ADDRESSES = [
    "서울에 산다.\n3 사람이 왔다.",
    "부산 사람은 가 본 적이 없다.",
    "평양에서 왔다. 우리 가족은 5명이다.",
]


@pytest.mark.parametrize(("text", "address"), ADDRESSES)
def test_split_and_wrapped_addresses_are_whole(rules: Rules, text: str, address: str) -> None:
    assert covered(text, address, rules, "address")


@pytest.mark.parametrize("text", NOT_ADDRESSES)
def test_no_address_chain_without_parts(rules: Rules, text: str) -> None:
    assert spans(text, rules, "address") == []


# Account names and addresses OCR could not read (Latin letters printed as symbols, digits and jamo).
GARBLED = [
    ("이 메 일은5018110(' \"ㅁ아이다.", "5018110(' \"ㅁ아", "email", "redact"),
    ("이메일은 ~^ㅁ.ㅠ@<0 이다.", "~^ㅁ.ㅠ@<0", "email", "redact"),
    ("카톡 아이 디 는$60『.101., 이걸로 말 걸어 줘.", "$60『.101.", "messenger", "redact"),
    ("카카 오 톡 12 7 ……ㅠ~:17로 찾으면 나온다.", "12 7 ……ㅠ~:17", "messenger", "redact"),
    ("텔 레 그 램 아이디 는 ~:-->ㅜ>…하.1973으로 찾으면", "~:-->ㅜ>…하.1973", "messenger", "redact"),
    ("급한 일이 있으면 -'---」^'.하.60.00으로 편지 해도", "-'---」^'.하.60.00", "email", "review"),
    ("련 락 처:010-8555-8128 / 63『408@020117.ㅁ0", "63『408@020117.ㅁ0", "email", "review"),
    ("련 락 처: (010) 3675-7866 / 3$‥…ㅠ1@ㄴ6-4… ㅇ0ㅁ", "3$‥…ㅠ1@ㄴ6-4… ㅇ0ㅁ", "email", "review"),
]

NOT_GARBLED = [
    "이메일은 아직 없다.",
    "이메일은, 나중에 알려줄게.",
    "카톡 아이디는 나중에 알려줄게.",
    "카톡 아이디는 ... 잊어버렸다.",
    "ㅋㅋㅋㅋ... 정말 웃겼다.",
    "그 날은 ^^ 정말 좋았다.",
    "점수는 90.5점이었다.",
    "22.07.2014 에 돌아가셨다.",
    "가격이 1,200.50$이다.",
    "2023. 11. 12. 김영철",
    "Hello, I love you. See you soon!",
    "3. 4. 5. 6. 7. 8. 순서대로 적었다.",
]


@pytest.mark.parametrize(("text", "detail", "kind", "severity"), GARBLED)
def test_garbled_contacts_are_found(rules: Rules, text: str, detail: str, kind: str, severity: str) -> None:
    assert covered(text, detail, rules, kind)
    assert any(s == severity for _, s, t in spans(text, rules, kind) if detail in t)


@pytest.mark.parametrize("text", NOT_GARBLED)
def test_ordinary_text_is_not_a_garbled_contact(rules: Rules, text: str) -> None:
    assert [s for s in spans(text, rules) if s[0] in ("email", "messenger")] == []


# A place with a noun glued on after it, and an organisation whose first syllable OCR split off.
GLUED_TAILS = [
    ("증산사람 강용수, 올해로 한국생활 8년째다.", "증산", "place"),
    ("청진출신이라서 말투가 다르다.", "청진", "place"),
    ("림 탄인민학교 4기 졸업생이다.", "림 탄인민학교", "org"),
    ("추강훈과 나는 의 주소학교 동창이었다.", "의 주소학교", "org"),
]

NOT_GLUED_TAILS = [
    ("무산계급사람들", "place"),
    ("나는 그 대학에 다녔다.", "org"),
    ("우리는 새 학교에 갔다.", "org"),
]


@pytest.mark.parametrize(("text", "detail", "kind"), GLUED_TAILS)
def test_glued_tails_and_split_first_syllables(rules: Rules, text: str, detail: str, kind: str) -> None:
    assert covered(text, detail, rules, kind)


@pytest.mark.parametrize(("text", "kind"), NOT_GLUED_TAILS)
def test_no_glued_tail_or_fragment_without_a_detail(rules: Rules, text: str, kind: str) -> None:
    assert spans(text, rules, kind) == []


def test_determiner_before_an_org_is_not_taken(rules: Rules) -> None:
    found = spans("우리는 새 회령제1고급중학교에 갔다.", rules, "org")
    assert found and all(not t.startswith("새") for _, _, t in found)
