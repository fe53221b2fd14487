"""``relay demo``: sample letters through relay, with no servers, and a short account of what happened."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from relay.files import write_all_or_nothing
from relay.findings import document_json
from relay.pipeline import redact_document
from relay.redact import preview
from relay.samples import write_corpus
from relay.sanitize import encode


def run_demo(out_dir: Path, *, count: int, seed: int, stream: TextIO) -> None:
    """Generate ``count`` printed and ``count`` handwritten letters, redact each, and write the redacted
    page, a moderator preview and the findings next to the original under ``out_dir``."""
    samples = out_dir / "samples"
    redacted_dir = out_dir / "redacted"
    samples.mkdir(parents=True, exist_ok=True)
    redacted_dir.mkdir(parents=True, exist_ok=True)
    stream.write(f"Generating {count} printed and {count} handwritten sample letters in {samples}/ ...\n")
    images = [p for p in write_corpus(samples, count, seed) if not p.name.endswith(".json")]
    total_redacted = total_regions = 0
    for path in sorted(images):
        doc = redact_document(path.read_bytes())
        page = doc.pages[0]
        report = document_json(doc.media_type.value, [p.result for p in doc.pages])
        stem = path.name.split(".")[0]
        out = redacted_dir / f"{stem}.png"
        write_all_or_nothing(
            {
                out: encode(page.image, "png"),
                redacted_dir / f"{stem}.preview.png": encode(
                    preview(page.image, page.result.filled_boxes, page.result.review_regions), "png"
                ),
                redacted_dir / f"{stem}.findings.json": (
                    json.dumps(report, ensure_ascii=False, indent=2) + "\n"
                ).encode(),
            }
        )
        summary = report["summary"]
        redacted = sum(summary["redacted"].values())
        total_redacted += redacted
        total_regions += summary["review_regions"]
        kinds = ", ".join(f"{k} {v}" for k, v in summary["redacted"].items()) or "none"
        stream.write(
            f"  {path.name}: {redacted} redacted ({kinds}); "
            f"{summary['review_findings']} possible details and "
            f"{summary['review_regions']} regions for a moderator\n"
        )
    stream.write(
        f"\nDone: {total_redacted} details redacted, {total_regions} regions flagged for review.\n"
        f"  originals:            {samples}/\n"
        f"  redacted pages:       {redacted_dir}/NNNN-<style>.png (what would be delivered after approval)\n"
        f"  moderator previews:   {redacted_dir}/*.preview.png (review regions outlined)\n"
        f"  findings (JSON):      {redacted_dir}/*.findings.json (schemas/findings.v1.schema.json)\n"
        "Try it on your own scan:  relay redact LETTER.jpg --out redacted.png --findings findings.json\n"
    )
