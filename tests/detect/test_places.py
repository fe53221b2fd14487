"""Places: gazetteer entries, aliases and stems, spacing-blind and fuzzy matching, unknown stems with an
administrative suffix, home-town phrases; and everyday words that only look like places."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

FOUND = [
    ("함경북도 청진시 포항구역에서 태어났다.", "함경북도"),
    ("함경북도 청진시 포항구역에서 태어났다.", "포항구역"),
    ("함경 북도 청 진시에서 왔다.", "청 진시"),  # spaces inserted anywhere
    ("함경북도청진시에서 왔다.", "청진시"),  # spaces removed
    ("청잔시에서 왔다.", "청잔시"),  # OCR: 진 -> 잔, found fuzzily
    ("량갱도에서 장사를 했다.", "량갱도"),
    ("내 고향은 회령이다.", "회령"),  # a stem of 회령시
    ("고향은 무산이다.", "무산"),
    ("샛별군에서 온 사람을 만났다.", "샛별군"),  # not in the gazetteer: stem + 군
    ("개성에서 태어났다.", "개성"),  # an everyday word ("personality") used as a place
    ("지금은 서울 양천구에 살고 있다.", "양천구"),
    ("중국 연길에서 일 년을 숨어 살았다.", "연길"),
    ("두만강 가에서 너와 헤어졌지.", "두만강"),
    ("우크란이나에 있는 너에게", "우크란이나"),  # fuzzy, five syllables
    ("평성에서 장사를 하던 아주머니.", "평성"),
]

NOT_PLACE = [
    "동쪽 하늘에 해가 뜬다.",
    "개성이 강한 아이였다.",
    "무산계급이라는 말을 배웠다.",
    "북한군에 들어갔다.",
    "우리 동네 시장에 갔다.",
    "무슨 동에 사는지 묻지 마라.",
    "친구들과 운동을 했다.",
    "아이들도 잘 있다.",
    "구역질이 나서 병원에 갔다.",
    "다시 만나자.",
    "이 도시는 밤에도 밝다.",
    "한국 생활도 이제 익숙하다.",
]


@pytest.mark.parametrize(("text", "place"), FOUND)
def test_places_are_found(rules: Rules, text: str, place: str) -> None:
    assert covered(text, place, rules, "place")


@pytest.mark.parametrize("text", NOT_PLACE)
def test_everyday_words_are_not_places(rules: Rules, text: str) -> None:
    assert spans(text, rules, "place") == []


def test_exact_entries_are_redacted_with_particles_left_out(rules: Rules) -> None:
    assert spans("청진시에서 태어났다.", rules, "place") == [("place", "redact", "청진시")]


def test_fuzzy_hits_carry_lower_confidence(rules: Rules) -> None:
    from relay.detect import detect

    exact = [f for f in detect("청진시에서 왔다", rules) if f.kind.value == "place"]
    fuzzy = [f for f in detect("청잔시에서 왔다", rules) if f.kind.value == "place"]
    assert exact and fuzzy
    assert max(f.confidence for f in fuzzy) < max(f.confidence for f in exact)


@pytest.mark.parametrize(
    ("text", "place"),
    [("어랑군 출신이라 어랑천 옆에서 자랐다.", "어랑천"), ("함흥 사람이라 함흥역 근처에 산다.", "함흥역")],
)
def test_a_landmark_noun_glued_to_its_place_goes_with_it(rules: Rules, text: str, place: str) -> None:
    assert covered(text, place, rules, "place"), spans(text, rules)
