"""``relay pull``: a partner fetches its sealed bundles, verifies and opens them, and acknowledges them."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from relay.errors import CryptoKeyInvalid, InputRejected

TOKEN_ENV = "RELAY_PARTNER_TOKEN"

DESCRIPTION = f"""\
Fetch the bundles relay has staged for your organisation, verify and decrypt them, write their items
into DIR/<bundle id>/ and acknowledge each one. A bundle is written only if its download matches what
the server listed, its minisign signature is relay's and names that bundle, it decrypts with your age
key and every file matches the signed manifest; otherwise nothing of it is written and it is not
acknowledged, so the next pull tries again. Exit status: 0 all pulled, 2 something was refused (a bad
token, a changed signing key, a bundle that failed a check), 1 anything else (server unreachable...).

relay's signing key: with --signer-key FILE (the minisign public key printed by `relay signing-key`,
obtained from relay's operators through a channel you trust) bundles must be signed with that key.
Without it, the key is trusted on first use: the first pull into DIR fetches it from the server and
pins it in DIR/.relay-signer.pub, and every later pull refuses to continue if the server ever shows
another key. Trust on first use is only as good as that first connection: compare the key ID printed
then with the operators', or use --signer-key.

The token: --token puts it on the command line, where other users of this machine can see it (ps);
prefer --token-file FILE or the {TOKEN_ENV} variable. It is sent only in the Authorization header,
over https (plain http is accepted only to this machine)."""


def register(subparsers: Any) -> None:
    """Add ``relay pull`` to the ``relay`` command."""
    p = subparsers.add_parser(
        "pull",
        help="(partners) fetch, verify, decrypt and acknowledge sealed bundles",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(func=cmd_pull)
    p.add_argument("--server", required=True, metavar="URL", help="relay's address, https://host[:port]")
    token = p.add_mutually_exclusive_group()
    token.add_argument("--token", metavar="TOKEN", help=f"your API token (see below; or {TOKEN_ENV})")
    token.add_argument("--token-file", metavar="FILE", help="a file holding your API token")
    p.add_argument("--identity", required=True, metavar="KEYFILE", help="your age identity file (age-keygen)")
    p.add_argument("--to", required=True, metavar="DIR", help="folder to write the bundles into (must exist)")
    p.add_argument(
        "--signer-key", metavar="FILE", help="relay's minisign public key (default: pinned on first use)"
    )
    p.add_argument(
        "--presigned",
        action="store_true",
        help="fetch bundles straight from relay's object store through presigned URLs (valid at most "
        "15 minutes, no token sent there) when the server offers them; else through the server",
    )
    p.add_argument(
        "--timeout", type=float, default=60.0, metavar="SECONDS", help="network timeout (default 60)"
    )


def _token(args: argparse.Namespace) -> str:
    if args.token:
        return str(args.token)
    if args.token_file:
        try:
            return Path(args.token_file).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            raise InputRejected("the token file cannot be read as text", code="bad_token_file") from None
    env = os.environ.get(TOKEN_ENV, "").strip()
    if not env:
        raise InputRejected(f"give a token: --token-file FILE, {TOKEN_ENV} or --token", code="token_missing")
    return env


def _read_small(path: str, what: str, code: str) -> str:
    try:
        with open(path, encoding="ascii") as handle:
            return handle.read(64 * 1024)
    except (OSError, UnicodeDecodeError):
        raise InputRejected(f"the {what} cannot be read", code=code) from None


def cmd_pull(args: argparse.Namespace) -> int:
    """Run the pull and print one line per bundle; the exit status says how it went."""
    from relay.crypto import MinisignPublicKey, parse_identity_file
    from relay.pullclient import Failed, PartnerClient, Pulled, pull, resolve_signer

    dest = Path(args.to)
    if not dest.is_dir():
        raise InputRejected("the --to folder does not exist; create it first", code="bad_output")
    try:
        identities = parse_identity_file(_read_small(args.identity, "identity file", "bad_identity"))
    except CryptoKeyInvalid:
        raise InputRejected("the identity file holds no valid age identity", code="bad_identity") from None
    given = None
    if args.signer_key:
        try:
            given = MinisignPublicKey.from_text(
                _read_small(args.signer_key, "signer key file", "bad_signer_key")
            )
        except CryptoKeyInvalid:
            raise InputRejected(
                "the --signer-key file is not a minisign public key", code="bad_signer_key"
            ) from None

    def show(result: Pulled | Failed) -> None:
        if isinstance(result, Pulled):
            print(f"relay: bundle {result.bundle_id}: {result.item_count} item(s) in {result.folder}")
        else:
            print(
                f"relay: bundle {result.bundle_id}: not pulled ({result.code}): {result.message}",
                file=sys.stderr,
            )

    with PartnerClient(args.server, _token(args), timeout=args.timeout) as client:
        signer, pinned_now = resolve_signer(client, dest, given)
        if pinned_now:
            print(
                f"relay: trusted relay's signing key {signer.key_id_hex} on first use and pinned it in "
                f"{dest}; confirm this key ID with relay's operators",
                file=sys.stderr,
            )
        report = pull(
            client, identities=identities, signer=signer, dest=dest, on_result=show, presigned=args.presigned
        )
    print(f"relay: {len(report.pulled)} bundle(s) pulled, {len(report.failed)} not", file=sys.stderr)
    if any(not f.rejected for f in report.failed):
        return 1
    return 2 if report.failed else 0
