"""Round 10 false alarms: everyday sentences of four more outside writers that the rules flagged, by
class, with new sentences of the same shapes (other countries, words and spacings), and the details of
the same shapes that must still be found.

- a country spoken of as a whole: "in it too" (에도, 에서도), where someone came from, lived or worked
  once (에서 온, 에서 살면서, 에서 일하던), its land's weather (땅의), its things with 의 glued on by OCR;
- text spaced syllable by syllable, where the pieces of everyday words were read as names or places;
- a filler glued to an adverb (음지금), a foreign dish before its kind (보르시 수프), a sheet counted
  (표 한장), a kinship word with the copula before a title (엄마라 동무), a label word with a dative
  particle (신청인에게 연락).
"""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import found


@pytest.mark.parametrize(
    "text",
    [
        # a country "too", or "from there too": said of everyone there
        "영국에도 북에서 온 가족들이 제법 모여 살아요.",
        "독일 에서도 당신 이야기를 듣고 우는 사람이 있어요",
        "캐나다에서도 그 소식이 신문에 크게 실렸어요.",
        # where the writer came from or lived or worked once, among many
        "호주에서 온 저도 한국말이 아직 서툴러요.",
        "우리 식구도 러시아에서 살면서 고생을 많이 했소.",
        "일본에서 일하던 시절에는 말이 안 통해 답답했어요.",
        # the land's weather, and the possessive glued on by OCR
        "형도 중국 땅의 바람이 얼마나 매운지 알 거요.",
        "캐나다의눈은 사월까지도 녹지 않아요.",
    ],
)
def test_country_said_of_as_a_whole_is_no_place(text: str) -> None:
    assert not found(text, Kind.PLACE)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # where the reader is now, and a country on the road south, stay places
        ("우크라이나에 있는 아들에게 이 편지를 보낸다.", "우크라이나"),
        ("누나는 라오스에서 석 달을 기다렸다.", "라오스"),
        # a town after the country, glued on by OCR too
        ("러시아의블라디보스토크에서 일했소.", "블라디보스토크"),
    ],
)
def test_country_where_someone_is_stays(text: str, place: str) -> None:
    assert place in found(text, Kind.PLACE)


@pytest.mark.parametrize(
    "text",
    [
        # syllable by syllable: the pieces of 조심하다, 상하다, 고향 read as places
        "늘 몸 조 심 하 시 오",
        "밤 에 일 하 면 허 리 가 상 하 오",
        "고 향 산 에 눈 이 왔 겠 지",
        # a particle or the copula split off the word before a title
        "그 건 다 동무 의 탓 이 아 니 오",
        "우 리 딸 또래 인 동무 가 걱정 이 오",
    ],
)
def test_letter_spaced_everyday_words_are_no_details(text: str) -> None:
    assert not found(text, Kind.PERSON) and not found(text, Kind.PLACE)


@pytest.mark.parametrize(
    ("text", "kind", "detail"),
    [
        # a name or a town so spaced is a proper noun, or the shape of a name, to Kiwi, and stays
        ("내 동 생 은 회 령 에 서 살 았 소", Kind.PLACE, "회 령"),
        ("고 향 친 구 인 최 명 숙 이 오", Kind.PERSON, "최 명 숙"),
    ],
)
def test_letter_spaced_details_stay(text: str, kind: Kind, detail: str) -> None:
    assert any(detail in hit for hit in found(text, kind))


@pytest.mark.parametrize(
    "text",
    [
        # a transcript's filler glued to an adverb or a pronoun
        "음이제 괜찮아질 거예요",
        "어여기 사람들은 다 친절해",
        # a foreign dish named before its kind
        "굴라시 스프 한번 먹어 봐요",
        # a sheet or ticket counted with a native number
        "그때는 쌀표 두장이 한 달 양식이었소.",
        # a kinship word and the copula before a title
        "나도 아빠라 동무 생각하면 가슴이 아프오",
        # a label word spoken to, not a field filled in
        "변경 사항이 있으면 보호자에게 연락 바랍니다",
    ],
)
def test_everyday_words_in_name_slots_are_no_names(text: str) -> None:
    assert not found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("음 순옥아 잘 지내니", "순옥"),
        ("보호자: 강말순", "강말순"),
    ],
)
def test_names_in_the_same_slots_stay(text: str, name: str) -> None:
    assert any(name in hit for hit in found(text, Kind.PERSON))
