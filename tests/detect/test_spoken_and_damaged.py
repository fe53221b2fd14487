"""Read-aloud e-mail, URL and messenger IDs; OCR-damaged and typed unit words; South Korean landmarks."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import spans


def _hit(text: str, detail: str, rules: Rules) -> bool:
    """Every non-space character of ``detail`` is inside some finding (any kind)."""
    from relay.detect import detect

    start = text.index(detail)
    hit = {i for f in detect(text, rules) for i in range(f.start, f.end)}
    return all(i in hit for i in range(start, start + len(detail)) if not text[i].isspace())


FOUND = [
    # spelled-out contact details in transcripts
    (
        "메일은 parkmina 언더바 팔칠 골뱅이 일육삼 점 com 으로 보내",
        "parkmina 언더바 팔칠 골뱅이 일육삼 점 com",
    ),
    ("주소는 haeyoon구일 골뱅이 naver 점 com 이야", "haeyoon구일 골뱅이 naver 점 com"),
    ("블로그는 blog 점 daum 점 net 슬래시 sunhee칠공 이다", "blog 점 daum 점 net 슬래시 sunhee칠공"),
    ("https 슬래시 슬래시 band 점 us 슬래시 our팔 에 모여", "https 슬래시 슬래시 band 점 us 슬래시 our팔"),
    ("텔레그램 하이디는 mokpo_rain 이야", "mokpo_rain"),
    ("카톡 아 이디 seaflower오 로 연락해", "seaflower오"),
    # unit words damaged by OCR, typed units, fleets
    ("나는 제2415군뷰대에서 복무했다.", "제2415군뷰대"),
    ("제33려단 4데대에 있었다.", "4데대"),
    ("체9군단에서 군관으로 있었다.", "체9군단"),
    ("조선인민굴 제90321부대 출신이다.", "조선인민굴 제90321부대"),
    ("고사포 제17사단에서 근무했다.", "고사포 제17사단"),
    ("경보병려단에 있던 동무를 찾는다.", "경보병려단"),
    ("해군 서해함대 출신이야.", "해군 서해함대"),
    # South Korean landmarks
    ("주말마다 북한산에 오른다.", "북한산"),
    ("청계천을 걸으며 고향 생각을 했다.", "청계천"),
    ("인천공항에 내려서 처음 한국 땅을 밟았다.", "인천공항"),
    ("노량진수산시장에서 생선을 판다.", "노량진수산시장"),
]

BENIGN = [
    "그 점은 나도 잘 안다. 이 점 하나만 기억해라.",
    "함대 이야기는 책에서만 읽었다.",
    "1990년대에는 세 세대가 한 집에 살았다.",
    "강물 위에 해가 진다.",
    "나는 늘 너를 생각한다. 하나 둘 셋 세면서 잠든다.",
]


@pytest.mark.parametrize(("text", "detail"), FOUND)
def test_found(rules: Rules, text: str, detail: str) -> None:
    assert _hit(text, detail, rules), spans(text, rules)


@pytest.mark.parametrize("text", BENIGN)
def test_benign(rules: Rules, text: str) -> None:
    assert spans(text, rules) == []


def test_damaged_unit_word_is_only_a_review(rules: Rules) -> None:
    found = spans("제33려단 4데대에 있었다.", rules, "unit")
    assert ("unit", "review", "4데대") in found
