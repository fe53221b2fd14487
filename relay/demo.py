"""``relay demo``: sample letters through the whole pipeline, on this machine, with no servers.

Generated letters (printed and handwritten, with made-up names, places and units) are submitted,
sanitized, read, checked and redacted by in-process workers; moderator previews are written out; two
demo moderators approve them (in real use a person looks at every item first); the workers seal them in a
signed, age-encrypted bundle for a demo partner; the partner pulls it over relay's HTTP API on the
loopback interface with its own key, and the letters land, redacted, in a folder. Everything runs on the
same code paths as the distributed mode, in embedded mode under ``<out>/relay-data``.
"""

from __future__ import annotations

import contextlib
import secrets
import shlex
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import select

from relay import review
from relay.crypto import X25519Identity
from relay.db.coltypes import utcnow
from relay.db.models import Bundle, Risk, Role
from relay.db.partners import add_recipient, create_partner, hash_token, issue_token
from relay.db.repo import count_by_state, create_user
from relay.db.states import State
from relay.errors import InputRejected
from relay.files import write_all_or_nothing
from relay.jobs import submit
from relay.runtime import Runtime
from relay.samples import write_corpus
from relay.settings import load_settings

MARKER = ".relay-demo"
MODERATORS = ("demo-moderator-1", "demo-moderator-2")
PARTNER = "demo-partner"
_HIGH = " (high risk: two moderators)"


@dataclass(frozen=True)
class DemoReport:
    """What the demo did, for tests and for the closing lines."""

    submitted: int
    awaiting_review: int
    delivered: int
    failed: int
    bundles: int
    out_dir: Path


def run_demo(out_dir: Path, *, count: int, seed: int, stream: TextIO) -> DemoReport:
    """Run the demo into ``out_dir`` (created; a folder from an earlier demo is replaced)."""
    from workers.embedded import default_workers
    from workers.embedded import run as embedded_run

    parallel = default_workers()

    def work(rt: Runtime, **kwargs: Any) -> Any:
        return embedded_run(rt, processes=parallel if parallel > 1 else None, **kwargs)

    _fresh(out_dir)
    say = stream.write
    samples = out_dir / "samples"
    settings = load_settings({"RELAY_HOME": str(out_dir / "relay-data")})  # embedded, whatever the env
    with Runtime.open(settings) as rt:
        say(f"1. Generating {count} printed and {count} handwritten sample letters in {samples}/\n")
        letters = [p for p in write_corpus(samples, count, seed) if not p.name.endswith(".json")]
        ids = [submit(rt, path.read_bytes(), actor="demo") for path in sorted(letters)]
        say(f"   submitted {len(ids)} letters: stored encrypted, queued for the workers\n")

        say("2. Workers sanitize, read (Korean OCR), detect and redact them ...\n")
        summary = work(rt, until_idle=True, progress=_ticker(stream))
        say(f"   done in {summary.elapsed:.0f} s: {_states(rt)}\n")

        views = out_dir / "review"
        views.mkdir()
        for item_id in ids:
            with contextlib.suppress(Exception):  # an item that failed has no views; status says why
                review.export_views(rt, item_id, views)
        waiting = review.queue(rt)
        say(f"3. {len(waiting)} letters await review. Moderator previews: {views}/\n")
        for item in waiting:
            say(
                f"   {item.item_id}: {sum(item.redactions.values())} details redacted, "
                f"{sum(item.possible.values())} possible details and {item.open_regions} unreadable or "
                f"uncertain regions for a moderator{_HIGH if item.risk is Risk.HIGH else ''}\n"
            )

        identity = X25519Identity.generate()
        token = "relay_pt_" + secrets.token_urlsafe(32)
        partner_dir = out_dir / "partner"
        partner_dir.mkdir(mode=0o700)
        write_all_or_nothing({partner_dir / "key.txt": (identity.to_string() + "\n").encode()})
        (partner_dir / "key.txt").chmod(0o600)
        with rt.sessions.begin() as session:
            for name in MODERATORS:
                create_user(session, name, Role.MODERATOR, actor="demo")
            partner = create_partner(session, PARTNER, actor="demo")
            add_recipient(session, partner.id, str(identity.recipient()), actor="demo")
            issue_token(session, partner.id, hash_token(token), utcnow() + timedelta(days=1), actor="demo")
        say(
            "4. In real use a person reviews every letter before anything leaves. The demo approves them "
            f"on behalf of {MODERATORS[0]} (and {MODERATORS[1]} for high-risk ones).\n"
        )
        for item in waiting:
            if review.approve(rt, item.item_id, MODERATORS[0], partner=PARTNER) is not State.APPROVED:
                review.approve(rt, item.item_id, MODERATORS[1], partner=PARTNER)

        say("5. Workers seal the approved letters: a signed, age-encrypted bundle for the partner ...\n")
        work(rt, until_idle=True)
        from relay.sealer import export_bundle, seal_all, stage_pending
        from relay.signing import signing_public_key

        stage_pending(rt, actor="demo")
        seal_all(rt, actor="demo")
        store_root = settings.storage.file_root
        say(f"   staged under {store_root}/bundles/\n")

        delivered_dir = out_dir / "delivered"
        delivered_dir.mkdir()
        say(
            "6. The partner pulls over relay's HTTP API (loopback), checks the signature and decrypts "
            "with its own key ...\n"
        )
        pulled = _pull(rt, token, identity, delivered_dir)
        for bundle_id, folder, items in pulled:
            say(f"   bundle {bundle_id}: {items} letters written to {folder}/\n")

        with rt.readonly() as session:
            counts = count_by_state(session)
            failed = counts.get(State.FAILED, 0)
        report = DemoReport(
            submitted=len(ids),
            awaiting_review=len(waiting),
            delivered=counts.get(State.DELIVERED, 0),
            failed=failed,
            bundles=len(pulled),
            out_dir=out_dir,
        )
        with rt.readonly() as session:
            bundle_ids = list(session.scalars(select(Bundle.id).where(Bundle.staged_at.is_not(None))))
        exported = out_dir / "bundles"
        exported.mkdir()
        bundle_files = [export_bundle(rt, bundle_id, exported)[0] for bundle_id in bundle_ids]
        (exported / "relay.pub").write_text(signing_public_key(rt).to_text())
        say(
            f"\nDone: {report.submitted} letters submitted, {report.delivered} delivered to the partner, "
            f"{failed} failed.\n"
            f"  originals (generated):   {samples}/\n"
            f"  moderator previews:      {views}/ (fills burned in, review regions outlined)\n"
            f"  what the partner got:    {delivered_dir}/<bundle>/ (redacted pages + manifest.json)\n"
            f"  relay's data (encrypted): {out_dir / 'relay-data'}/\n"
        )
        if bundle_files:
            say(
                f"The sealed bundle as staged, with relay's public key: {exported}/. Check it with the "
                "stock tools, as a partner would:\n"
                f"  minisign -Vm {bundle_files[0]} -p {exported / 'relay.pub'}\n"
                f"  age -d -i {partner_dir / 'key.txt'} {bundle_files[0]} | tar -tv\n"
            )
        say(
            "See the state of things:  RELAY_HOME="
            f"{out_dir / 'relay-data'} {_command()} status\n"
            f"Redact one scan directly:  {_command()} redact LETTER.jpg --out redacted.png "
            "--findings findings.json\n"
        )
    return report


def _command() -> str:
    """How the user ran relay (``.venv/bin/relay`` from ``make demo``), for commands they can paste."""
    argv0 = sys.argv[0] if sys.argv else ""
    return shlex.quote(argv0) if Path(argv0).name == "relay" else "relay"


def _fresh(out_dir: Path) -> None:
    """Make ``out_dir`` empty, refusing to empty a folder that an earlier demo did not make."""
    if out_dir.exists():
        if any(out_dir.iterdir()) and not (out_dir / MARKER).exists():
            raise InputRejected(
                "the output folder exists and was not made by `relay demo`; choose another with --out",
                code="bad_output",
            )
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    (out_dir / MARKER).write_text("made by relay demo; deleted and made again by the next run\n")


def _ticker(stream: TextIO) -> Callable[[object], None]:
    """A progress line each time another letter is through the workers."""
    shown = [-1]

    def tick(progress: object) -> None:
        total = int(getattr(progress, "total", 0))
        done = total - int(getattr(progress, "pending", 0))
        if done != shown[0]:
            shown[0] = done
            stream.write(f"   {done}/{total} letters through the workers\n")
            stream.flush()

    return tick


def _states(rt: Runtime) -> str:
    with rt.readonly() as session:
        counts = count_by_state(session)
    return ", ".join(f"{state.value} {n}" for state, n in counts.items())


def _pull(rt: Runtime, token: str, identity: X25519Identity, dest: Path) -> list[tuple[str, Path, int]]:
    from relay.pullclient import PartnerClient, Pulled, pull, resolve_signer
    from relay.web import create_app
    from relay.web.local import live_server

    with live_server(create_app(rt), access_log=False) as live, PartnerClient(live.url, token) as client:
        signer, _pinned = resolve_signer(client, dest, None)
        report = pull(client, identities=[identity], signer=signer, dest=dest)
    return [(p.bundle_id, p.folder, p.item_count) for p in report.pulled if isinstance(p, Pulled)]
