"""The public API and merging: sorted findings, one per overlapping same-kind detail, valid offsets."""

from __future__ import annotations

import relay.detect
from relay.detect import Rules, detect
from relay.detect.engine import merge
from relay.model import Finding, Kind, Severity


def test_public_api_is_pinned() -> None:
    assert sorted(relay.detect.__all__) == ["Rules", "detect", "load_rules"]


def _f(kind: Kind, start: int, end: int, severity: Severity = Severity.REDACT, conf: float = 0.9) -> Finding:
    return Finding(kind, severity, conf, start, end, "test.rule")


def test_overlapping_same_kind_merge() -> None:
    merged = merge([_f(Kind.PLACE, 0, 3, Severity.REVIEW, 0.5), _f(Kind.PLACE, 2, 6, conf=0.8)])
    assert merged == (Finding(Kind.PLACE, Severity.REDACT, 0.8, 0, 6, "test.rule"),)


def test_different_kinds_may_overlap_and_touching_spans_stay_apart() -> None:
    merged = merge([_f(Kind.ORG, 0, 8), _f(Kind.PLACE, 0, 3), _f(Kind.PLACE, 3, 5)])
    assert [(f.kind, f.start, f.end) for f in merged] == [
        (Kind.PLACE, 0, 3),
        (Kind.ORG, 0, 8),
        (Kind.PLACE, 3, 5),
    ]


def test_findings_are_sorted_and_offsets_point_into_the_original(rules: Rules) -> None:
    text = "  사랑하는 아들\u200b 철민아,\t\t엄마는 ０１０-２３４５-６７８９ 로 전화해.\n함경북도 청진시"
    found = detect(text, rules)
    assert [f.start for f in found] == sorted(f.start for f in found)
    assert {text[f.start : f.end] for f in found} >= {
        "철민",
        "０１０-２３４５-６７８９",
        "함경북도",
        "청진시",
    }
    assert all(f.rule and f.rule.isascii() for f in found)  # rule ids, never document text


def test_rule_ids_never_carry_document_text(rules: Rules) -> None:
    text = "리영호 동무에게. 혜산시 련봉동 제3인민반. kim@naver.com 010-1234-5678 브로커"
    for f in detect(text, rules):
        assert not any("가" <= ch <= "힣" for ch in f.rule)
