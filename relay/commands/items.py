"""``relay submit``, ``relay status`` and ``relay retry``: putting letters in and seeing where they are."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from relay.commands import open_runtime
from relay.db.models import Item
from relay.db.repo import count_by_state
from relay.db.states import State
from relay.db.transitions import retry
from relay.errors import BAD_OUTPUT, InputRejected, RecordNotFound
from relay.jobs import submit
from relay.review import summary

EXIT_OK, EXIT_FAILED, EXIT_REJECTED = 0, 1, 2


def register(sub: Any) -> None:
    """Add ``submit``, ``status`` and ``retry`` to the ``relay`` command."""
    p = sub.add_parser(
        "submit",
        help="hand scanned letters to the pipeline",
        description="Store each file encrypted and queue it for sanitizing, reading, detection and "
        "redaction. Prints one item ID per accepted file, in order. A file that is not a JPEG, PNG, TIFF, "
        "WebP, HEIC or PDF, or is too large, is refused with a reason on stderr and nothing of it is kept; "
        "the others are still submitted (exit status 2 if any was refused). Run `relay work` to process "
        "them (embedded mode) or let the workers pick them up (distributed mode).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="scans of letters (type read from the bytes)")
    p.set_defaults(func=cmd_submit)

    s = sub.add_parser(
        "status",
        help="how many items are in each state, or one item's state",
        description="Without ITEM: the number of items in each state and every item parked in failed, with "
        "its error code (`relay retry ITEM` sends it back). With ITEM: its state, attempts, error code, "
        "risk, partner and what review found. Shows IDs, states and counts only, never content.",
    )
    s.add_argument("item", nargs="?", metavar="ITEM", help="an item ID")
    s.add_argument("--json", action="store_true", help="print JSON instead of text")
    s.set_defaults(func=cmd_status)

    r = sub.add_parser(
        "retry",
        help="send a failed item back to the stage it failed in",
        description="Return an item parked in failed to the state it failed in, with its attempts reset, "
        "and queue that stage again.",
    )
    r.add_argument("items", nargs="+", metavar="ITEM", help="IDs of failed items")
    r.set_defaults(func=cmd_retry)


def cmd_submit(args: argparse.Namespace) -> int:
    status = EXIT_OK
    with open_runtime(args) as rt:
        for name in args.files:
            path = Path(name)
            try:
                if not path.is_file():
                    raise InputRejected("not a file", code=BAD_OUTPUT)
                if path.stat().st_size > rt.settings.intake.max_file_bytes:
                    raise InputRejected(
                        f"larger than {rt.settings.intake.max_file_mib} MiB", code="too_large"
                    )
                print(submit(rt, path.read_bytes(), actor="cli"), flush=True)
            except InputRejected as exc:
                # The name is the user's own argument, echoed back to their terminal; it is never stored.
                print(f"relay: rejected {name} ({exc.code}): {exc}", file=sys.stderr)
                status = EXIT_REJECTED
    return status


def cmd_status(args: argparse.Namespace) -> int:
    with open_runtime(args) as rt:
        if args.item:
            view = summary(rt, args.item)
            with rt.readonly() as session:
                item = session.get_one(Item, args.item)
                attempts, code, failed_from = item.attempts, item.last_error_code, item.failed_from
            data: dict[str, Any] = {
                "item": view.item_id,
                "state": view.state.value,
                "failed_from": failed_from.value if failed_from else None,
                "attempts": attempts,
                "error_code": code,
                "risk": view.risk.value,
                "partner": view.partner,
                "redactions": view.redactions,
                "possible_details": view.possible,
                "open_review_regions": view.open_regions,
                "approvals": view.approvals,
            }
        else:
            with rt.readonly() as session:
                counts = count_by_state(session)
                failed = session.execute(
                    select(Item.id, Item.failed_from, Item.last_error_code)
                    .where(Item.state == State.FAILED)
                    .order_by(Item.state_changed_at)
                    .limit(100)
                ).all()
                total = session.scalar(select(func.count()).select_from(Item)) or 0
            data = {
                "total": total,
                "states": {state.value: counts.get(state, 0) for state in State if counts.get(state)},
                "failed": [
                    {"item": i, "failed_from": f.value if f else None, "error_code": c} for i, f, c in failed
                ],
            }
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif args.item:
        for key, value in data.items():
            if isinstance(value, dict):
                value = ", ".join(f"{k} {v}" for k, v in value.items()) or "none"
            print(f"{key.replace('_', ' ')}: {value if value is not None else '-'}")
    else:
        print(f"{data['total']} item(s)")
        for state, count in data["states"].items():
            print(f"  {state:<16} {count}")
        for failed_item in data["failed"]:
            print(
                f"failed: {failed_item['item']} in {failed_item['failed_from']} "
                f"({failed_item['error_code']}); `relay retry {failed_item['item']}` after fixing the cause"
            )
    return EXIT_OK


def cmd_retry(args: argparse.Namespace) -> int:
    status = EXIT_OK
    with open_runtime(args) as rt:
        for item_id in args.items:
            try:
                with rt.sessions.begin() as session:
                    state = retry(session, item_id, actor="cli")
                print(f"{item_id}: back in {state.value}")
            except RecordNotFound:
                print(f"relay: {item_id}: no such item", file=sys.stderr)
                status = EXIT_FAILED
    return status
