"""``relay partners`` (the registry of partner organisations), ``relay bundle`` and ``relay signing-key``.

Partners are named by their name or their ``ptn_…`` ID. A pull token is printed once, on standard
output, and only its SHA-256 is kept; revoking takes the token itself (from standard input with ``-``,
so it need not appear in a shell history).
"""

from __future__ import annotations

import argparse
import secrets
import sys
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from relay.commands import open_runtime
from relay.db.coltypes import utcnow
from relay.db.ids import PARTNER, is_id
from relay.db.models import Partner, PartnerRecipient, PartnerToken
from relay.db.partners import (
    add_recipient,
    create_partner,
    get_partner,
    hash_token,
    issue_token,
    revoke_token,
)
from relay.db.repo import clean_name
from relay.errors import BAD_TEXT, InputRejected, RecordNotFound

EXIT_OK = 0
EXIT_FAILED = 1
ACTOR = "cli"
TOKEN_PREFIX = "relay_pt_"
DEFAULT_TOKEN_DAYS = 90
MAX_TOKEN_DAYS = 366


def register(sub: Any) -> None:
    """Add ``partners``, ``bundle`` and ``signing-key`` to the ``relay`` command."""
    pt = sub.add_parser(
        "partners",
        help="admins: partner organisations, their age keys and pull tokens",
        description="The partner organisations approved letters are sealed for. Each has one or more age "
        "X25519 recipients (age1…); every bundle for it is encrypted to all of them.",
    )
    psub = pt.add_subparsers(dest="partners_command", required=True, metavar="ACTION")

    add = psub.add_parser("add", help="register a partner with its age recipient(s)")
    add.add_argument("name", metavar="NAME", help="the organisation's name")
    add.add_argument(
        "--recipient",
        action="append",
        required=True,
        metavar="AGE1…",
        help="an age X25519 public key of the partner (repeat for several)",
    )
    add.set_defaults(func=cmd_add)

    more = psub.add_parser("add-recipient", help="add age recipient(s) to a registered partner")
    more.add_argument("partner", metavar="PARTNER", help="name or ptn_ ID")
    more.add_argument("--recipient", action="append", required=True, metavar="AGE1…")
    more.set_defaults(func=cmd_add_recipient)

    ls = psub.add_parser("list", help="the registered partners")
    ls.set_defaults(func=cmd_list)

    tok = psub.add_parser("token", help="issue a pull token (printed once; only its hash is kept)")
    tok.add_argument("partner", metavar="PARTNER", help="name or ptn_ ID")
    tok.add_argument(
        "--days",
        type=int,
        default=DEFAULT_TOKEN_DAYS,
        help=f"days until it expires (1-{MAX_TOKEN_DAYS}, default {DEFAULT_TOKEN_DAYS})",
    )
    tok.set_defaults(func=cmd_token)

    rev = psub.add_parser("revoke-token", help="revoke a pull token")
    rev.add_argument("token", metavar="TOKEN", help="the token, or - to read it from standard input")
    rev.set_defaults(func=cmd_revoke_token)

    bd = sub.add_parser(
        "bundle",
        help="seal and stage what is approved for a partner",
        description="Pack the partner's approved, not yet bundled items into bundles (manifest, signature, "
        "redacted media), encrypt them to the partner's age recipients, sign them and stage them in the "
        "object store. Prints where each staged bundle is. Safe to repeat and to run alongside the "
        "periodic sealer.",
    )
    bd.add_argument("partner", metavar="PARTNER", nargs="?", help="name or ptn_ ID")
    bd.add_argument("--all", action="store_true", help="every partner with approved items")
    bd.add_argument(
        "--export",
        metavar="DIR",
        help="also copy each bundle staged now, with its signature, into DIR as plain files (what a "
        "partner downloads; in embedded mode the store keeps objects in its own format)",
    )
    bd.set_defaults(func=cmd_bundle)

    sk = sub.add_parser(
        "signing-key",
        help="print relay's public signing key (minisign format)",
        description="Print the public key bundles are signed with, as a minisign.pub file. Partners check "
        "a bundle with `minisign -Vm BUNDLE -p THIS_FILE` before decrypting it. The key is created on "
        "first use.",
    )
    sk.set_defaults(func=cmd_signing_key)


def cmd_add(args: argparse.Namespace) -> int:
    """Register a partner and its recipients, all in one transaction."""
    with open_runtime(args) as rt, rt.sessions.begin() as session:
        partner = create_partner(session, args.name, actor=ACTOR)
        for recipient in args.recipient:
            add_recipient(session, partner.id, recipient, actor=ACTOR)
        partner_id = partner.id
    print(partner_id)
    return EXIT_OK


def cmd_add_recipient(args: argparse.Namespace) -> int:
    """Add recipients to a registered partner."""
    with open_runtime(args) as rt, rt.sessions.begin() as session:
        partner_id = resolve_partner(session, args.partner)
        for recipient in args.recipient:
            add_recipient(session, partner_id, recipient, actor=ACTOR)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    """One line per partner: ID, name, its recipients, live tokens (tab-separated)."""
    now = utcnow()
    with open_runtime(args) as rt, rt.readonly() as session:
        partners = list(session.scalars(select(Partner).order_by(Partner.name)))
        rows = []
        for partner in partners:
            recipients = session.scalars(
                select(PartnerRecipient.recipient)
                .where(PartnerRecipient.partner_id == partner.id)
                .order_by(PartnerRecipient.id)
            )
            live = session.scalar(
                select(func.count()).where(
                    PartnerToken.partner_id == partner.id,
                    PartnerToken.revoked_at.is_(None),
                    PartnerToken.expires_at > now,
                )
            )
            rows.append(f"{partner.id}\t{partner.name}\t{','.join(recipients)}\ttokens={live or 0}")
    for row in rows:
        print(row)
    return EXIT_OK


def cmd_token(args: argparse.Namespace) -> int:
    """Issue a token; print it once."""
    if not 1 <= args.days <= MAX_TOKEN_DAYS:
        raise InputRejected(f"--days must be between 1 and {MAX_TOKEN_DAYS}", code=BAD_TEXT)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires_at = utcnow() + timedelta(days=args.days)
    with open_runtime(args) as rt, rt.sessions.begin() as session:
        partner_id = resolve_partner(session, args.partner)
        issue_token(session, partner_id, hash_token(token), expires_at, actor=ACTOR)
    print(token)
    print(
        f"relay: token for {partner_id} issued, expires {expires_at:%Y-%m-%d %H:%M} UTC; it is not shown "
        "again and only its hash is kept",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_revoke_token(args: argparse.Namespace) -> int:
    """Revoke a token; exit 1 if it was not live."""
    token = sys.stdin.readline().strip() if args.token == "-" else args.token.strip()
    if not token:
        raise InputRejected("no token given", code=BAD_TEXT)
    with open_runtime(args) as rt, rt.sessions.begin() as session:
        revoked = revoke_token(session, hash_token(token), actor=ACTOR)
    if not revoked:
        print("relay: no live token matches; nothing was revoked", file=sys.stderr)
        return EXIT_FAILED
    print("relay: token revoked", file=sys.stderr)
    return EXIT_OK


def cmd_bundle(args: argparse.Namespace) -> int:
    """Seal and stage; print the location of each staged bundle."""
    from pathlib import Path

    from relay.sealer import export_bundle, seal_all, seal_for_partner

    if bool(args.partner) == bool(args.all):
        raise InputRejected("name one partner, or give --all", code=BAD_TEXT)
    if args.export and not Path(args.export).is_dir():
        raise InputRejected("the --export folder does not exist; create it first", code=BAD_TEXT)
    with open_runtime(args) as rt:
        if args.all:
            staged = seal_all(rt, actor=ACTOR)
        else:
            with rt.readonly() as session:
                partner_id = resolve_partner(session, args.partner)
            staged = seal_for_partner(rt, partner_id, actor=ACTOR)
        for bundle in staged:
            print(bundle.location)
            if args.export:
                for path in export_bundle(rt, bundle.bundle_id, Path(args.export)):
                    print(path)
    print(f"relay: {len(staged)} bundle(s) staged", file=sys.stderr)
    return EXIT_OK


def cmd_signing_key(args: argparse.Namespace) -> int:
    """Print the public signing key."""
    from relay.signing import signing_public_key

    with open_runtime(args) as rt:
        public = signing_public_key(rt)
    sys.stdout.write(public.to_text())
    return EXIT_OK


def resolve_partner(session: Session, name_or_id: str) -> str:
    """The ID of the partner named (by ``ptn_`` ID or by name); RecordNotFound if there is none."""
    if is_id(name_or_id, PARTNER):
        return get_partner(session, name_or_id).id
    partner_id = session.scalar(select(Partner.id).where(Partner.name == clean_name(name_or_id)))
    if partner_id is None:
        raise RecordNotFound("there is no partner with that name or ID")
    return partner_id
