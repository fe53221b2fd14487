"""The ``relay`` command end to end, as a user runs it: real files, real OCR, real exit codes."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from pathlib import Path

import jsonschema
import numpy as np
import pytest
from PIL import Image

from relay.findings import schema
from relay.samples.render import random_style, render_letter
from relay.samples.text import generate_letter

RELAY = [sys.executable, "-m", "relay.cli"]


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*RELAY, *args], input=stdin, capture_output=True, cwd=cwd, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def printed_letter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A generated printed letter as a JPEG, and the texts of its labelled details."""
    rng = random.Random(11)
    doc = generate_letter(rng)
    rendered = render_letter(doc, random_style(rng, "printed"), rng)
    path = tmp_path_factory.mktemp("letter") / "letter.jpg"
    rendered.image.save(path, quality=92)
    return path, [doc.text[s.start : s.end] for s in doc.spans]


def test_redact_writes_same_size_output_and_valid_findings(
    printed_letter: tuple[Path, list[str]], tmp_path: Path
) -> None:
    src, details = printed_letter
    out, findings_path = tmp_path / "out.png", tmp_path / "findings.json"
    result = run("redact", str(src), "--out", str(out), "--findings", str(findings_path))
    assert result.returncode == 0, result.stderr.decode()
    with Image.open(src) as original, Image.open(out) as redacted:
        assert redacted.size == original.size
        pixels = np.asarray(redacted.convert("RGB"))
    report = json.loads(findings_path.read_text(encoding="utf-8"))
    jsonschema.validate(report, schema())
    redacted_findings = [f for f in report["findings"] if f["severity"] == "redact"]
    assert redacted_findings, "a printed letter full of details produced no redaction"
    for finding in redacted_findings:
        for x0, y0, x1, y1 in finding["boxes"]:
            assert (pixels[y0:y1, x0:x1] == 0).all(), "a redact box is not solid black in the output"
    # Findings never carry what they found.
    raw = findings_path.read_text(encoding="utf-8")
    for detail in details:
        if len(detail.strip()) >= 2:
            assert detail not in raw


@pytest.mark.parametrize("ext", ["jpg", "webp", "tiff", "pdf"])
def test_redact_output_format_follows_extension(
    printed_letter: tuple[Path, list[str]], tmp_path: Path, ext: str
) -> None:
    src, _ = printed_letter
    out = tmp_path / f"out.{ext}"
    result = run("redact", str(src), "--out", str(out))
    assert result.returncode == 0, result.stderr.decode()
    head = out.read_bytes()[:8]
    magic = {"jpg": b"\xff\xd8\xff", "webp": b"RIFF", "tiff": b"II*\x00", "pdf": b"%PDF"}[ext]
    assert head.startswith(magic) or (ext == "tiff" and head.startswith(b"MM\x00*"))


def _png_bytes() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buf, "PNG")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "out_name", "code"),
    [
        ("empty.jpg", b"", "out.png", "empty_file"),
        ("notes.png", b"just some text, not an image\n", "out.png", "unsupported_type"),
        ("truncated.png", _png_bytes()[:60], "out.png", "truncated"),
        ("ok.png", _png_bytes(), "out.gif", "bad_output"),
        ("ok.png", _png_bytes(), "out", "bad_output"),
    ],
)
def test_redact_rejects_bad_input_with_exit_2_and_writes_nothing(
    tmp_path: Path, name: str, content: bytes, out_name: str, code: str
) -> None:
    src = tmp_path / "in" / name
    src.parent.mkdir()
    src.write_bytes(content)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = run("redact", str(src), "--out", str(out_dir / out_name), "--findings", str(out_dir / "f.json"))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert f"({code})" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert list(out_dir.iterdir()) == []


def test_redact_missing_input_and_missing_output_folder(tmp_path: Path) -> None:
    assert run("redact", str(tmp_path / "nope.jpg"), "--out", str(tmp_path / "o.png")).returncode == 2
    src = tmp_path / "ok.png"
    src.write_bytes(_png_bytes())
    result = run("redact", str(src), "--out", str(tmp_path / "missing" / "o.png"))
    assert result.returncode == 2 and b"(bad_output)" in result.stderr


def test_multi_page_input_needs_a_multi_page_output(tmp_path: Path) -> None:
    src = tmp_path / "two.tiff"
    pages = [Image.new("RGB", (60, 40), "white"), Image.new("RGB", (60, 40), "white")]
    pages[0].save(src, save_all=True, append_images=pages[1:])
    assert run("redact", str(src), "--out", str(tmp_path / "o.png")).returncode == 2
    assert not (tmp_path / "o.png").exists()
    result = run("redact", str(src), "--out", str(tmp_path / "o.pdf"), "--findings", str(tmp_path / "f.json"))
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads((tmp_path / "f.json").read_text())
    assert [p["index"] for p in report["pages"]] == [0, 1]


def test_detect_prints_findings_with_offsets() -> None:
    text = "사랑하는 동생 리영호에게. 내 전화번호는 010-2345-6789 이다."
    result = run("detect", stdin=text.encode())
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    jsonschema.validate(report, schema())
    spans = {(f["kind"], text[f["start"] : f["end"]]) for f in report["findings"]}
    assert any(kind == "person" and "영호" in s for kind, s in spans)
    assert any(kind == "phone" and "2345" in s for kind, s in spans)


def test_detect_jsonl_keeps_order_one_line_out_per_line_in() -> None:
    lines = [
        {"text": "오늘은 날씨가 참 좋습니다."},
        {"text": "제 고향은 함경북도 회령시입니다."},
        {"text": "연락은 hong.gildong@example.com 으로 주세요."},
    ]
    stdin = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()
    result = run("detect", "--jsonl", stdin=stdin)
    assert result.returncode == 0, result.stderr.decode()
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(out) == 3
    assert out[0]["findings"] == []
    kinds = {f["kind"] for f in out[1]["findings"]}
    assert "place" in kinds and kinds <= {"place", "address"}
    assert "email" in {f["kind"] for f in out[2]["findings"]}


@pytest.mark.parametrize(
    "stdin",
    [b'{"text": "ok"}\nnot json\n', b'{"txt": "no text field"}\n', b'["text"]\n', b"\xff\xfe\x00bad utf-8"],
)
def test_detect_jsonl_rejects_bad_lines_without_partial_output(stdin: bytes) -> None:
    result = run("detect", "--jsonl", stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == b""
    assert "Traceback" not in result.stderr.decode()


def test_help_texts_name_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("redact", "detect", "demo"):
        assert command in result.stdout.decode()


_IMPORTS_AFTER = """
import contextlib, io, sys
from relay.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        status = main(sys.argv[1:])
    except SystemExit as exit:  # --help
        status = exit.code
print(status, "sqlalchemy" in sys.modules, "relay.commands" in sys.modules)
"""


@pytest.mark.parametrize(
    ("args", "database_layer"),
    [
        (["detect", "-"], False),  # a one-file command: the database layer is never imported
        (["--debug", "detect", "-"], False),
        (["--config", "detect", "detect", "-"], False),  # a settings file named "detect", then the command
        (["--conf", "detect", "detect", "-"], False),  # argparse's prefix of --config
        (["--config=redact", "detect", "-"], False),
        (["status", "--help"], True),  # every other command is there as before
    ],
)
def test_one_file_commands_do_not_import_the_database_layer(args: list[str], database_layer: bool) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTS_AFTER, *args],
        input="김철수 동지에게".encode(),
        capture_output=True,
        timeout=300,
        check=False,
    )
    words = done.stdout.decode().split()
    assert words == ["0", str(database_layer), str(database_layer)], done.stderr.decode()


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("redact", "detect", "demo", "submit", "work", "status", "review", "partners", "pull"):
        assert command.encode() in result.stdout
