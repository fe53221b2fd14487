"""Findings as JSON (``schemas/findings.v1.schema.json``): the one place that shapes them.

Nothing written here carries document text: a finding says what kind of detail sits where, found by
which rule, never what it said.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from relay.model import Finding, PageResult, PlacedFinding, ReviewRegion, Severity

SCHEMA_ID = "relay.findings/1"
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "findings.v1.schema.json"


def finding_json(finding: Finding) -> dict[str, Any]:
    """A text finding (``relay detect``): kind, severity, confidence, rule and character offsets."""
    return {
        "kind": finding.kind.value,
        "severity": finding.severity.value,
        "confidence": round(float(finding.confidence), 4),
        "rule": finding.rule,
        "start": finding.start,
        "end": finding.end,
    }


def placed_json(placed: PlacedFinding) -> dict[str, Any]:
    """A finding on a page, with the boxes it covers in output pixels."""
    out = finding_json(placed.finding)
    out["page"] = placed.page
    out["boxes"] = [list(box) for box in placed.boxes]
    return out


def region_json(region: ReviewRegion) -> dict[str, Any]:
    """A region a moderator must review."""
    return {"page": region.page, "box": list(region.box), "reason": region.reason.value}


def text_findings_json(findings: Sequence[Finding]) -> dict[str, Any]:
    """The document ``relay detect`` prints for one text."""
    return {"findings": [finding_json(f) for f in findings]}


def document_json(media_type: str, pages: Sequence[PageResult]) -> dict[str, Any]:
    """The findings document ``relay redact --findings`` writes for a whole (possibly multi-page) input."""
    placed = [p for page in pages for p in page.findings]
    regions = [r for page in pages for r in page.review_regions]
    redacted = Counter(p.finding.kind.value for p in placed if p.finding.severity is Severity.REDACT)
    return {
        "schema": SCHEMA_ID,
        "media_type": media_type,
        "pages": [
            {"index": i, "width": page.width, "height": page.height, "text_area": page.text_area}
            for i, page in enumerate(pages)
        ],
        "findings": [placed_json(p) for p in placed],
        "review_regions": [region_json(r) for r in regions],
        "summary": {
            "redacted": dict(sorted(redacted.items())),
            "review_findings": sum(1 for p in placed if p.finding.severity is Severity.REVIEW),
            "review_regions": len(regions),
            # Every document goes to a moderator, whatever the machine found: fail closed.
            "needs_review": True,
        },
    }


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The findings JSON Schema shipped with relay."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded
