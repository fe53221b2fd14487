"""What a redact finding covers at its edges: the cue words before a number or an account name stay
legible, a guess (a near miss, an unreadable token) does not widen a sure finding it overlaps, and a
particle that ends the word before a finding is cut off it."""

from __future__ import annotations

from relay.detect import detect
from relay.detect.engine import merge
from relay.detect.page import _particle_heads, _without_particle_head
from relay.detect.rules import load_rules
from relay.model import Finding, Kind, Severity

from .conftest import found


def _filled(text: str, part: str) -> bool:
    """Whether any character of ``part`` is inside a redact finding."""
    at = text.index(part)
    return any(
        f.severity is Severity.REDACT and f.start < at + len(part) and f.end > at for f in detect(text)
    )


def test_the_cue_before_an_id_number_stays_legible() -> None:
    text = "주민등록번호 731713-1065342, 이렇게 새 이름도 받았다."
    assert "731713-1065342" in found(text, Kind.ID_NUMBER, Severity.REDACT)
    assert not _filled(text, "주민등록번호")


def test_the_cue_before_an_account_name_stays_legible() -> None:
    text = "카톡 아이디는 hsuwon 이야. 꼭 연락해."
    assert found(text, Kind.MESSENGER, Severity.REDACT) == ["hsuwon"]
    assert not _filled(text, "아이디는")


def test_a_number_glued_to_its_cue_takes_the_glued_word() -> None:
    # On the page the cut between 호는 and the digits would fall by character widths; the word is
    # filled whole, the words before it are not.
    text = "북에서 제 공민증 번 호는809472480이었어요."
    assert _filled(text, "809472480")
    assert not _filled(text, "공민증")


def test_an_unreadable_token_does_not_widen_a_sure_address() -> None:
    text = "메일은005007_4%2@01701.000이다."
    assert _filled(text, "2@01701.000")
    assert not _filled(text, "메일은")


def test_merge_keeps_a_near_miss_apart_from_the_exact_place_it_overlaps() -> None:
    exact = Finding(Kind.PLACE, Severity.REDACT, 0.95, 4, 7, "place.nk_places")
    near = Finding(Kind.PLACE, Severity.REVIEW, 0.8, 3, 7, "place.fuzzy.nk_places")
    merged = merge([exact, near])
    assert exact in merged
    assert any(f.severity is Severity.REVIEW and (f.start, f.end) == (3, 7) for f in merged)
    assert not any(f.severity is Severity.REDACT and f.start == 3 for f in merged)


def test_merge_still_lets_a_sure_finding_confirm_an_overlapping_review() -> None:
    # 함남 정평: the province (redact) confirms the pair a weaker rule put up for review.
    province = Finding(Kind.PLACE, Severity.REDACT, 0.95, 0, 2, "place.nk_places.alias")
    pair = Finding(Kind.PLACE, Severity.REVIEW, 0.7, 0, 5, "place.province_pair")
    confirmed = Finding(Kind.PLACE, Severity.REDACT, 0.95, 0, 5, "place.nk_places.alias")
    assert merge([province, pair]) == (confirmed,)


def test_merge_drops_a_guess_inside_a_sure_finding() -> None:
    sure = Finding(Kind.EMAIL, Severity.REDACT, 0.9, 0, 12, "email.address")
    guess = Finding(Kind.EMAIL, Severity.REVIEW, 0.8, 2, 9, "contact.garbled_token")
    assert merge([sure, guess]) == (sure,)


def _trimmed(text: str, start: int, end: int, kind: Kind = Kind.PLACE) -> str:
    heads = _particle_heads(load_rules())
    f = _without_particle_head(text, Finding(kind, Severity.REDACT, 0.9, start, end, "x"), heads)
    return text[f.start : f.end]


def test_a_particle_ending_the_word_before_is_cut_off() -> None:
    text = "황해북도 사리원시에서 블라디보스토크까지는 멀다"
    start = text.index("에서 블")
    assert _trimmed(text, start, start + len("에서 블라디보스토크")) == "블라디보스토크"
    text = "지금은 경기도 평택시에 산다"
    start = text.index("은 경")
    assert _trimmed(text, start, start + len("은 경기도")) == "경기도"


def test_what_is_not_a_particle_or_starts_a_word_is_kept() -> None:
    text = "사리원시에서블 라디보스토크까지"  # 블 is the name's own first syllable
    start = text.index("블")
    assert _trimmed(text, start, start + len("블 라디보스토크")) == "블 라디보스토크"
    text = "고향은 함경북 도 청진이다"  # 도 ends a province's name
    start = text.index("도 청")
    assert _trimmed(text, start, start + len("도 청진")) == "도 청진"
    text = "우리 동네 사람들"  # a finding starting on a word is never cut
    assert _trimmed(text, 3, 8) == "동네 사람"


def test_a_topic_keeps_its_whole_sentence() -> None:
    text = "나는그래서 국경을 넘었다"
    start = text.index("서 국")
    assert _trimmed(text, start, len(text), Kind.TOPIC) == text[start:]
