"""``relay review`` (a moderator's work, for scripts) and ``relay users`` (who may do it)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import select

from relay import review
from relay.commands import open_runtime
from relay.db.models import ReasonCode, Role, User
from relay.db.repo import create_user
from relay.errors import InputRejected
from relay.model import Kind

EXIT_OK = 0


def register(sub: Any) -> None:
    """Add ``review`` and ``users`` to the ``relay`` command."""
    rv = sub.add_parser(
        "review",
        help="moderators: list, inspect, adjust, approve or reject items",
        description="A moderator's review from the command line (the web interface does the same). "
        "Nothing is sealed for a partner before a moderator approves it; a high-risk item needs two "
        "different moderators. At approval the delivered page is rendered again from the sanitized scan "
        "with every active finding filled: the machine's redactions, boxes moderators added, and possible "
        "details nobody dismissed.",
    )
    rsub = rv.add_subparsers(dest="review_command", required=True, metavar="ACTION")

    ls = rsub.add_parser("list", help="items awaiting review, longest waiting first")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(func=cmd_list)

    sh = rsub.add_parser("show", help="an item's findings and review regions (positions, never text)")
    sh.add_argument("item", metavar="ITEM")
    sh.add_argument("--json", action="store_true", help="print JSON")
    sh.add_argument(
        "--views-to",
        metavar="DIR",
        help="also write the moderator previews (fills burned in, review regions outlined) into DIR; "
        "they show the letter, so use a folder only you can read",
    )
    sh.set_defaults(func=cmd_show)

    for name, helptext in (("approve", "approve an item (as a moderator)"), ("reject", "reject an item")):
        p = rsub.add_parser(name, help=helptext)
        p.add_argument("item", metavar="ITEM")
        p.add_argument("--as", dest="moderator", required=True, metavar="MODERATOR", help="your user name")
        if name == "approve":
            p.add_argument(
                "--partner",
                metavar="NAME",
                help="the partner organisation to seal it for (needed when more than one is registered)",
            )
            p.set_defaults(func=cmd_approve)
        else:
            p.add_argument(
                "--reason",
                required=True,
                choices=[r.value for r in ReasonCode],
                help="why (a closed list: no free text is stored)",
            )
            p.set_defaults(func=cmd_reject)

    rd = rsub.add_parser("redact", help="mark a box the machine missed for redaction")
    rd.add_argument("item", metavar="ITEM")
    rd.add_argument("--as", dest="moderator", required=True, metavar="MODERATOR")
    rd.add_argument("--page", type=int, default=1, help="page number, from 1 (default 1)")
    rd.add_argument("--box", required=True, metavar="X0,Y0,X1,Y1", help="pixels of the page as shown")
    rd.add_argument("--kind", default=Kind.PERSON.value, choices=[k.value for k in Kind], help="what it is")
    rd.set_defaults(func=cmd_redact_box)

    dm = rsub.add_parser("dismiss", help="judge a finding harmless (it will not be filled)")
    dm.add_argument("item", metavar="ITEM")
    dm.add_argument("finding", type=int, metavar="FINDING", help="the finding's number from `review show`")
    dm.add_argument("--as", dest="moderator", required=True, metavar="MODERATOR")
    dm.set_defaults(func=cmd_dismiss)

    us = sub.add_parser("users", help="add or list the people who use relay (moderators, admins, volunteers)")
    usub = us.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    ua = usub.add_parser("add", help="add a person")
    ua.add_argument("name", metavar="NAME")
    ua.add_argument("--role", required=True, choices=[r.value for r in Role])
    ua.set_defaults(func=cmd_user_add)
    ul = usub.add_parser("list", help="list people and their roles")
    ul.set_defaults(func=cmd_user_list)


def cmd_list(args: argparse.Namespace) -> int:
    with open_runtime(args) as rt:
        items = review.queue(rt)
    if args.json:
        print(json.dumps([_item_json(i) for i in items], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not items:
        print("nothing awaits review")
    for i in items:
        print(
            f"{i.item_id}  {i.risk.value:<6} waiting since {i.waiting_since:%Y-%m-%d %H:%M}  "
            f"redacted {sum(i.redactions.values())}, possible {sum(i.possible.values())}, "
            f"open regions {i.open_regions}, approvals {i.approvals}"
        )
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with open_runtime(args) as rt:
        item = review.summary(rt, args.item)
        found = review.findings(rt, args.item)
        written = review.export_views(rt, args.item, _folder(args.views_to)) if args.views_to else []
    if args.json:
        data = _item_json(item) | {
            "findings": [
                {
                    "finding": f.finding_id,
                    "page": f.page + 1,
                    "kind": f.kind,
                    "severity": f.severity,
                    "source": f.source,
                    "status": f.status,
                    "confidence": round(f.confidence, 3),
                    "boxes": [list(b) for b in f.boxes],
                }
                for f in found
            ]
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(f"{item.item_id}: {item.state.value}, risk {item.risk.value}, partner {item.partner or '-'}")
        print(f"open review regions: {item.open_regions}; approvals so far: {item.approvals}")
        for f in found:
            boxes = " ".join(",".join(map(str, b)) for b in f.boxes)
            print(
                f"  #{f.finding_id} page {f.page + 1} {f.kind} {f.severity} ({f.source}, {f.status}, "
                f"{f.confidence:.2f}) {boxes}"
            )
    for path in written:
        print(f"view: {path}")
    return EXIT_OK


def cmd_approve(args: argparse.Namespace) -> int:
    with open_runtime(args) as rt:
        state = review.approve(rt, args.item, args.moderator, partner=args.partner)
    if state.value == "approved":
        print(f"{args.item}: approved; it will be sealed for its partner")
    else:
        print(f"{args.item}: approval recorded; a high-risk item needs a second, different moderator")
    return EXIT_OK


def cmd_reject(args: argparse.Namespace) -> int:
    with open_runtime(args) as rt:
        review.reject(rt, args.item, args.moderator, ReasonCode(args.reason))
    print(f"{args.item}: rejected ({args.reason}); it will be purged when its retention ends")
    return EXIT_OK


def cmd_redact_box(args: argparse.Namespace) -> int:
    try:
        x0, y0, x1, y1 = (int(v) for v in args.box.split(","))
    except ValueError:
        raise InputRejected("--box must be four whole numbers: X0,Y0,X1,Y1", code="bad_box") from None
    if not (0 <= x0 < x1 and 0 <= y0 < y1):
        raise InputRejected("--box must have X0 < X1 and Y0 < Y1, all at least 0", code="bad_box")
    with open_runtime(args) as rt:
        finding = review.add_box(
            rt, args.item, args.moderator, page=args.page - 1, box=(x0, y0, x1, y1), kind=Kind(args.kind)
        )
    print(f"{args.item}: finding #{finding} added; it is filled when the item is approved")
    return EXIT_OK


def cmd_dismiss(args: argparse.Namespace) -> int:
    with open_runtime(args) as rt:
        review.dismiss(rt, args.item, args.finding, args.moderator)
    print(f"{args.item}: finding #{args.finding} dismissed")
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    with open_runtime(args) as rt, rt.sessions.begin() as session:
        user = create_user(session, args.name, Role(args.role), actor="cli")
        print(f"{user.id} {user.name} {user.role.value}")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    with open_runtime(args) as rt, rt.readonly() as session:
        for user in session.scalars(select(User).order_by(User.name)):
            print(f"{user.id} {user.name} {user.role.value}")
    return EXIT_OK


def _item_json(i: review.ReviewItem) -> dict[str, Any]:
    return {
        "item": i.item_id,
        "state": i.state.value,
        "risk": i.risk.value,
        "waiting_since": i.waiting_since.isoformat(),
        "redactions": i.redactions,
        "possible_details": i.possible,
        "open_review_regions": i.open_regions,
        "approvals": i.approvals,
        "partner": i.partner,
    }


def _folder(name: str) -> Path:
    path = Path(name)
    if not path.is_dir():
        print("relay: the folder for the views does not exist; create it first", file=sys.stderr)
        raise InputRejected("the folder for the views does not exist", code="bad_output")
    return path
