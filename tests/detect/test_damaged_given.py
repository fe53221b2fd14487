"""relay.detect.names: a given name with one syllable OCR damaged by a jamo (철 read 첼, 숙 read 숵) is
weighed as the name it most likely was, when the damage could only have hit a listed name or a cue says
a name is there; a word Kiwi knows, or words OCR may have split, are not repaired."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect


def person_covers(text: str, name: str, rules: Rules) -> bool:
    start = text.index(name)
    end = start + len(name)
    return any(f.kind.value == "person" and f.start <= start and end <= f.end for f in detect(text, rules))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("어제 광첼이가 집에 왔다.", "광첼"),  # 광철, listed
        ("그 집 막내 은첄이가 제일 먼저 뛰어왔다.", "은첄"),  # 은철
        ("저는 마을 보건소에서 일하는 간호사 박멩순입니다.", "박멩순"),  # 명순
        ("목공소에서 일하는 로멩철이오.", "로멩철"),  # 명철
        ("그 공장 옆에 덕숴라는 친구네 집이 있었어", "덕숴"),  # 덕수
        ("우리 동네 살던 한쟹남이는 잘 있느냐.", "한쟹남"),  # 장남 / 정남
    ],
)
def test_a_damaged_given_name_is_found(text: str, name: str, rules: Rules) -> None:
    assert person_covers(text, name, rules)


@pytest.mark.parametrize(
    "text",
    [
        "여러분은 제네바 협약에 따라 보호받을 권리가 있습니다.",  # 제 + 네바: a place Kiwi reads as a name
        "저는 스물한 살이에요 그 대학교 삼학년이고요.",  # 삼 + 학년: a copula, not the friendly 이
        "하루에 손님 열 명쯤 받으면 다리가 퉁퉁 부어.",  # 손님 열: words OCR may have joined
        "저도 처음 한국 왔을 때 많이 울었어요.",
    ],
)
def test_everyday_words_are_not_taken_for_damaged_names(text: str, rules: Rules) -> None:
    assert not [f for f in detect(text, rules) if f.kind.value == "person"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("나는 청진에서 온 리명왁이라고 해요.", "리명왁"),  # 명옥
        ("저는 간호사 박멩순입니다.", "박멩순"),
    ],
)
def test_a_damaged_full_name_in_an_introduction_is_redacted(text: str, name: str, rules: Rules) -> None:
    start = text.index(name)
    assert any(
        f.kind.value == "person" and f.severity.value == "redact" and f.start <= start < f.end
        for f in detect(text, rules)
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("시장에서 떡을 파는 왕미 란입니다.", "왕미 란"),
        ("사랑하는 아들 편광 혁아, 밥은 먹었니.", "편광 혁"),
        ("우리 반 반장 모정 애한테도 안부 전해줘.", "모정 애"),
    ],
)
def test_a_full_name_with_its_last_syllable_set_apart_is_found_whole(
    text: str, name: str, rules: Rules
) -> None:
    assert person_covers(text, name, rules)


@pytest.mark.parametrize(
    "text",
    [
        "성당에서 형제 를 위해 묵주 기도 를 드립니다",  # a particle, a word Kiwi knows set apart
        "시장에서 배추 한 포기 3천원 하는 날도 있어요",  # a verb
        "고향에 가면 회 한 접시 먹자",  # a word alone
        "군 대생 활 이 힘 들 다",  # spaced syllable by syllable
    ],
)
def test_split_everyday_words_are_not_joined_into_names(text: str, rules: Rules) -> None:
    assert not [f for f in detect(text, rules) if f.kind.value == "person"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("사랑하는 조카 경민는 잘 지내니", "경민"),  # 경미는: OCR added a final, 는 no longer fits
        ("나는 함흥에서 온 오 정화야", "오 정화"),  # a surname set apart from a name that is a word
    ],
)
def test_a_name_misread_around_its_particle_or_surname_is_found(text: str, name: str, rules: Rules) -> None:
    assert person_covers(text, name, rules)


@pytest.mark.parametrize(
    "text",
    [
        "여기도 봄에는 아카시아 꽃이 펴요",  # a word ending in the syllable of a particle
        "시베리아 겨울은 사람을 돌처럼 만든다.",
        "이 정화 작업은 오래 걸린다",  # a determiner before a noun
        "너 를 두고 와 서 미안 하 다 .",  # spaced syllable by syllable
    ],
)
def test_words_that_only_look_misread_stay_clean(text: str, rules: Rules) -> None:
    assert not [f for f in detect(text, rules) if f.kind.value == "person"]
