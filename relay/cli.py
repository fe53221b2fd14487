"""The ``relay`` command.

Exit status: 0 on success, 2 when the input is rejected (a one-line reason on stderr, nothing partial
written), 1 for anything else. Error output never quotes document content.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from relay import __version__
from relay.errors import BAD_OUTPUT, BAD_TEXT, InputRejected, RelayError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REJECTED = 2

# Modules that add subcommands: each has ``register(subparsers)``, which adds its parsers and sets
# ``func`` (taking the parsed arguments, returning the exit status) on each.
COMMAND_MODULES: tuple[str, ...] = (
    "relay.commands.items",
    "relay.commands.review",
    "relay.commands.work",
    "relay.commands.partners",
    "relay.commands.serve",
    "relay.commands.pull",
)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def cmd_redact(args: argparse.Namespace) -> int:
    """Redact one file: sanitize → extract → detect → redact, with no queue or database."""
    from relay.findings import document_json
    from relay.pipeline import redact_document
    from relay.sanitize import encode, encode_pages, output_format

    src = Path(args.input)
    out = Path(args.out)
    findings_path = Path(args.findings) if args.findings else None
    fmt = output_format(out.name)
    for target in (out, findings_path):
        if target is not None and not target.parent.is_dir():
            raise InputRejected("the output folder does not exist; create it first", code=BAD_OUTPUT)
    from relay.errors import TOO_LARGE
    from relay.intake import Limits

    limits = Limits()
    try:
        # Checked before reading, so a huge file is refused without being loaded into memory.
        if src.stat().st_size > limits.max_bytes:
            raise InputRejected(
                f"the file is larger than {limits.max_bytes // (1 << 20)} MiB; split or downscale it",
                code=TOO_LARGE,
            )
        untrusted_upload = src.read_bytes()
    except IsADirectoryError:
        raise InputRejected("the input is a folder, not a file", code=BAD_OUTPUT) from None
    except FileNotFoundError:
        raise InputRejected("the input file does not exist", code=BAD_OUTPUT) from None

    doc = redact_document(untrusted_upload, limits=limits)
    images = [page.image for page in doc.pages]
    if len(images) > 1 and fmt not in ("pdf", "tiff"):
        raise InputRejected(
            f"the input has {len(images)} pages; write it as .pdf or .tiff to keep every page",
            code=BAD_OUTPUT,
        )
    data = encode_pages(images, fmt) if fmt in ("pdf", "tiff") else encode(images[0], fmt)
    outputs: dict[Path, bytes] = {out: data}
    results = [page.result for page in doc.pages]
    report = document_json(doc.media_type.value, results)
    if findings_path is not None:
        outputs[findings_path] = (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode()

    from relay.files import write_all_or_nothing

    write_all_or_nothing(outputs)
    summary = report["summary"]
    redacted = sum(summary["redacted"].values())
    print(
        f"relay: {len(images)} page(s): {redacted} detail(s) redacted, "
        f"{summary['review_findings']} possible detail(s) and {summary['review_regions']} region(s) "
        "for a moderator to review",
        file=sys.stderr,
    )
    return EXIT_OK


def _read_text(path: str | None) -> str:
    raw = sys.stdin.buffer.read() if path in (None, "-") else Path(str(path)).read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputRejected("the input is not valid UTF-8 text", code=BAD_TEXT) from None


def cmd_detect(args: argparse.Namespace, stdout: TextIO) -> int:
    """Identifying details in UTF-8 text, as JSON findings with character offsets."""
    from relay.detect import detect, load_rules
    from relay.findings import text_findings_json

    try:
        text = _read_text(args.file)
    except FileNotFoundError:
        raise InputRejected("the input file does not exist", code=BAD_TEXT) from None
    rules = load_rules()
    if not args.jsonl:
        stdout.write(_dumps(text_findings_json(detect(text, rules))) + "\n")
        return EXIT_OK
    # Validate every line before printing anything, so a bad line leaves no partial output.
    texts: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            raise InputRejected(f"line {number} is empty; every line must be a JSON object", code=BAD_TEXT)
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            raise InputRejected(f"line {number} is not valid JSON", code=BAD_TEXT) from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise InputRejected(f'line {number} has no string field "text"', code=BAD_TEXT)
        texts.append(obj["text"])
    stdout.write("".join(_dumps(text_findings_json(detect(t, rules))) + "\n" for t in texts))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """Sample letters through the whole pipeline (embedded mode), and where to look."""
    from relay.demo import run_demo

    report = run_demo(Path(args.out), count=args.n, seed=args.seed, stream=sys.stdout)
    return EXIT_OK if report.delivered and not report.failed else EXIT_FAILED


# The commands defined in this module, which work on one file with no database, store or broker: when one
# of them is asked for, the modules of the other commands (which import the database layer, 0.6 s of a
# run that reads one letter) are not imported.
ONE_FILE_COMMANDS = frozenset({"redact", "detect"})


def build_parser(*, one_file_only: bool = False) -> argparse.ArgumentParser:
    """The argument parser of the ``relay`` command (kept public for tests and docs); with
    ``one_file_only``, only :data:`ONE_FILE_COMMANDS` and ``demo`` are registered."""
    parser = argparse.ArgumentParser(
        prog="relay",
        description="Remove identifying details from letters before they are relayed, and deliver what "
        "moderators approved, sealed, to partner organisations. "
        "Exit status: 0 success, 2 input rejected, 1 anything else.",
    )
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "redact",
        help="redact one scanned letter (image or PDF)",
        description="Sanitize, read, detect and redact one file (JPEG, PNG, TIFF, WebP, HEIC or PDF; the "
        "type is taken from the bytes, not the name). OUTPUT has the pixel size of the upright input; its "
        "format follows its extension (.png .jpg .jpeg .tif .tiff .webp .pdf; several pages need .pdf or "
        ".tiff). Nothing is written unless everything succeeds.",
    )
    p.set_defaults(func=cmd_redact)
    p.add_argument("input", metavar="INPUT", help="the file to redact")
    p.add_argument("--out", required=True, metavar="OUTPUT", help="where to write the redacted file")
    p.add_argument(
        "--findings",
        metavar="FINDINGS.json",
        help="also write the findings (schemas/findings.v1.schema.json)",
    )

    d = sub.add_parser(
        "detect",
        help="find identifying details in UTF-8 text",
        description="Print identifying details found in UTF-8 text as JSON findings with character offsets. "
        'With --jsonl, read one JSON object with a "text" field per line and print one {"findings": [...]} '
        "per line, in the same order.",
    )
    d.set_defaults(func=lambda a: cmd_detect(a, sys.stdout))
    d.add_argument("file", nargs="?", metavar="FILE", help="text file to read (default: standard input)")
    d.add_argument("--jsonl", action="store_true", help="one JSON object per line in and out")

    m = sub.add_parser(
        "demo",
        help="sample letters through the whole pipeline, with no servers",
        description="Generate synthetic sample letters (printed and handwritten), submit them, let "
        "in-process workers sanitize, read, detect and redact them, write the moderator previews, approve "
        "them as two demo moderators, seal them for a demo partner and pull them over the HTTP API on the "
        "loopback interface, then tell you where to look. Runs in embedded mode under OUT/relay-data "
        "(whatever RELAY_* says); an OUT from an earlier demo is replaced. Exit status 1 if a letter failed.",
    )
    m.set_defaults(func=cmd_demo)
    m.add_argument(
        "--out", default="demo-out", metavar="DIR", help="folder for the results (default: demo-out)"
    )
    m.add_argument("--n", type=int, default=2, metavar="N", help="letters of each style (default: 2)")
    m.add_argument("--seed", type=int, default=7, help="random seed of the sample letters")
    if not one_file_only:
        for module in COMMAND_MODULES:
            importlib.import_module(module).register(sub)
    return parser


def _add_global_options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """The options given before the command; returned so that :func:`_command` knows which take a value."""
    return [
        parser.add_argument("--version", action="version", version=f"relay {__version__}"),
        parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors"),
        parser.add_argument(
            "--config",
            metavar="FILE",
            help="settings file (TOML) over the shipped defaults; default: the file named by RELAY_CONFIG",
        ),
    ]


def _command(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv`` (the first word after the global options), if any. A word it
    takes wrongly only means the full parser is built, which then parses ``argv`` as it always did."""
    options = _add_global_options(argparse.ArgumentParser(add_help=False))
    # argparse also takes an unambiguous prefix of a long option (--conf FILE).
    with_value = [s for action in options if action.nargs != 0 for s in action.option_strings]
    words = iter(argv)
    for word in words:
        if (
            len(word) > 2
            and word.startswith("--")
            and "=" not in word
            and any(s.startswith(word) for s in with_value)
        ):
            next(words, None)  # its value
        elif not word.startswith("-"):
            return word
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``relay`` console script."""
    given = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(one_file_only=_command(given) in ONE_FILE_COMMANDS)
    args = parser.parse_args(given)
    try:
        status: int = args.func(args)
        return status
    except InputRejected as exc:
        print(f"relay: rejected ({exc.code}): {exc}", file=sys.stderr)
        return EXIT_REJECTED
    except RelayError as exc:
        print(f"relay: failed ({exc.code}): {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("relay: interrupted", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        # The exception's message may hold document content, so only its type is shown.
        print(f"relay: internal error ({type(exc).__name__}); run with --debug for details", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
