"""Where an address's parts begin and end: numbered divisions (역삼2동, 을지로3가) are parts, a village
OCR split in two is joined when a 반 number follows it, a word ending in the subject particle 가 is
not a part (집 주소가), and a near miss of a place is never the exact place plus a glued neighbour."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.detect.document import Doc
from relay.detect.rules import load_rules
from relay.model import Kind, Severity

from .conftest import one_covers


def _filled_words(text: str) -> set[str]:
    """The words of ``text`` that some redact finding touches."""
    spans = [(f.start, f.end) for f in detect(text) if f.severity is Severity.REDACT]
    words, pos = set(), 0
    for word in text.split():
        start = text.index(word, pos)
        end = pos = start + len(word)
        if any(s < end and e > start for s, e in spans):
            words.add(word)
    return words


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("집 주소가 평양시 대동강구역 동문2동 13반이다.", "동문2동 13반"),
        ("지금은 서울 강남구 역삼2동 123-4에 살아요.", "역삼2동 123-4"),
        ("사무실은 서울 중구 을지로3가 15-2에 있습니다.", "을지로3가 15-2"),
    ],
)
def test_numbered_divisions_are_address_parts(text: str, part: str) -> None:
    assert one_covers(text, part)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("자강 동신 집 주 소가 동 신 군 림 연리 22반인데 편지도 못 보낸다.", "림 연리 22반"),
        ("고향은 함경북도 경성군 송 평리 3반이었다.", "송 평리 3반"),
    ],
)
def test_a_split_village_before_its_number_is_part_of_the_address(text: str, part: str) -> None:
    assert one_covers(text, part)


def test_a_split_village_without_a_number_is_not_joined() -> None:
    # Two syllables and a word are not an address part on their own: 한 장 stays readable.
    assert "장" not in _filled_words("동신군에 살 때 편지 한 장 보냈다.")


@pytest.mark.parametrize(
    "text",
    [
        "사리원시 집 주소가 바뀌어서 편지가 돌아왔다.",
        "평양시 우리 집 주소가 생각나지 않는다.",
    ],
)
def test_a_word_ending_in_the_subject_particle_is_not_an_address_part(text: str) -> None:
    assert "주소가" not in _filled_words(text)


def test_a_near_miss_is_not_the_exact_place_and_a_glued_neighbour() -> None:
    # Tesseract's own spacing splits syllables ("고 향 은 통 천 군"); 은통천군 is 통천군 with the
    # particle before it, not a misread of some other county.
    doc = Doc("고 향 은 통 천 군 입니다", load_rules())
    near = [doc.compact[m.start : m.end] for m in doc.fuzzy_matches if m.entries]
    assert "은통천군" not in near
    places = [doc.original[f.start : f.end] for f in detect(doc.original) if f.kind is Kind.PLACE]
    assert any("통 천 군" in p for p in places)


def test_a_syllable_gained_inside_a_name_is_still_a_near_miss() -> None:
    # 통천천군: one syllable too many inside the county's name.
    assert one_covers("고향은 통천천군이다.", "통천천군")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("우리 오빠는 아직학원리에 사신다. 어릴 때 같이 놀았다.", "학원리"),
        ("큰아버지는 지금도산골면에 사시는지 모르겠다.", "산골면"),
    ],
)
def test_a_division_glued_to_the_word_before_a_residence_cue_is_flagged(text: str, place: str) -> None:
    # Where the name starts inside the glued word is a guess: review, and the guess leans long.
    at = text.index(place)
    assert any(f.kind is Kind.PLACE and f.start <= at and f.end >= at + len(place) for f in detect(text))


@pytest.mark.parametrize(
    "text",
    ["그는 아직도 학원에 다닌다.", "나는 도시에 산다.", "친구는 새마을에 산다.", "동생은 운동에 빠져 산다."],
)
def test_everyday_words_before_a_residence_cue_are_not_places(text: str) -> None:
    assert not [f for f in detect(text) if f.kind is Kind.PLACE]


def test_a_closing_misread_as_drum_still_closes_the_letter() -> None:
    # 드림 with its ㅣ read as ㅓ: the name before it at the end of the letter is the writer's.
    text = "또 쓸게, 잘 있어라.\n성 진 달래 드럼"
    assert one_covers(text, "성 진 달래")
    assert not [f for f in detect("나는 요즘 드럼을 배운다.") if f.kind is Kind.PERSON]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("주소는 대덕구 석파 889-10번지다.", "석파"),  # the 동 or 리 without its suffix
        ("주소는 대덕구 석파\n889-10번지다.", "석파"),  # the lot number on the next line
        ("주소는 강남구 역삼 123번지", "역삼"),
    ],
)
def test_the_name_before_a_lot_number_is_part_of_the_address(text: str, name: str) -> None:
    assert name in _filled_words(text)
