"""Helpers for the worker tests: runtimes, a fast stand-in stage, worker processes, a private Redis.

The stand-in (:func:`step_runner`) does what :func:`relay.jobs.run_stage` does to the database, one
compare-and-set step per stage with the next message in the outbox, without OCR: kill tests need a
stage that is reliably *in progress* when the worker dies, which it gives by waiting on a file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pika
import redis
from db.fixtures import Database
from s3server import free_port
from sqlalchemy import func, select

from relay.db import audit
from relay.db.models import AuditEvent, Item
from relay.db.states import NEXT_STAGE, Stage, State
from relay.db.transitions import transition
from relay.keys import ensure_master_key
from relay.runtime import Runtime
from relay.settings import load_settings
from workers.broker import BrokerOptions, build_broker, queue_name
from workers.coordinator import run_coordinator

HERE: Final = Path(__file__).resolve().parent
ROOT: Final = HERE.parents[1]
DRAMATIQ: Final = Path(sys.executable).parent / "dramatiq"
REDIS_URL: Final = "redis://127.0.0.1:6379/0"
AMQP_URL: Final = "amqp://guest:guest@127.0.0.1:5672/%2F"

# What each stage moves an item to in the stand-in pipeline (redact twice, as the real one does).
_STEP: Final[Mapping[State, State]] = {
    State.RECEIVED: State.SANITIZED,
    State.SANITIZED: State.EXTRACTED,
    State.EXTRACTED: State.DETECTED,
    State.DETECTED: State.REDACTED,
    State.REDACTED: State.AWAITING_REVIEW,
}
BLOCK_DIR_ENV: Final = "TEST_BLOCK_DIR"


def url_string(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def runtime_env(db: Database, tmp_path: Path, *, broker_url: str = "stub://", **extra: str) -> dict[str, str]:
    """RELAY_* variables for a Runtime over ``db`` with a local object store and an existing master key."""
    home = tmp_path / "home"
    key = home / "keys" / "master.key"
    ensure_master_key(key)
    return {
        "RELAY_HOME": str(home),
        "RELAY_DATABASE_URL": url_string(db),
        "RELAY_BROKER_URL": broker_url,
        "RELAY_MASTER_KEY_FILE": str(key),
        **extra,
    }


def make_runtime(env: Mapping[str, str]) -> Runtime:
    return Runtime.open(load_settings(env), upgrade_schema=False)


# --- the stand-in stage ---------------------------------------------------------------------------------


def step_runner(rt: Runtime, stage: Stage, item_id: str) -> str:
    """Move the item one step if it is in a state ``stage`` works on; the next stage's message goes in the
    outbox in the same transaction. Waits first while ``$TEST_BLOCK_DIR/block-<stage>`` exists."""
    with rt.readonly() as session:
        state = session.scalar(select(Item.state).where(Item.id == item_id))
    if state is None or NEXT_STAGE.get(state) is not stage or state not in _STEP:
        return "skipped"
    _wait_while_blocked(stage)
    to_state = _STEP[state]
    after = NEXT_STAGE.get(to_state)
    with rt.sessions.begin() as session:
        moved = transition(
            session,
            item_id,
            state,
            to_state,
            actor=f"worker:{stage.value}",
            enqueue=after.value if after is not None else None,
        )
        # With block-commit-<stage>: wait with the move made but not committed (a connection-drop test).
        _wait_while_blocked(stage, "commit-")
    return "done" if moved else "skipped"


def _wait_while_blocked(stage: Stage, point: str = "") -> None:
    folder = os.environ.get(BLOCK_DIR_ENV)
    if not folder:
        return
    block = Path(folder) / f"block-{point}{stage.value}"
    if not block.exists():
        return
    (Path(folder) / f"started-{point}{stage.value}-{os.getpid()}").touch()
    deadline = time.monotonic() + 300
    while block.exists() and time.monotonic() < deadline:
        time.sleep(0.05)


# --- what happened, from the audit log -------------------------------------------------------------------


def transitions_of(rt: Runtime, item_id: str) -> list[tuple[State | None, State | None]]:
    """The item's transitions in order, from the audit log."""
    with rt.readonly() as session:
        rows = session.execute(
            select(AuditEvent.from_state, AuditEvent.to_state)
            .where(AuditEvent.item_id == item_id, AuditEvent.action == audit.TRANSITION)
            .order_by(AuditEvent.id)
        )
        return [(row.from_state, row.to_state) for row in rows]


def state_of(rt: Runtime, item_id: str) -> State:
    with rt.readonly() as session:
        state = session.scalar(select(Item.state).where(Item.id == item_id))
    assert state is not None
    return state


def count_in(rt: Runtime, state: State) -> int:
    with rt.readonly() as session:
        return int(session.scalar(select(func.count()).where(Item.state == state)) or 0)


FULL_PATH: Final = [
    (State.RECEIVED, State.SANITIZED),
    (State.SANITIZED, State.EXTRACTED),
    (State.EXTRACTED, State.DETECTED),
    (State.DETECTED, State.REDACTED),
    (State.REDACTED, State.AWAITING_REVIEW),
]


def wait_for(condition: Callable[[], bool], *, timeout: float = 120.0, what: str = "condition") -> None:
    """Poll ``condition`` until true; fail after a generous ``timeout`` (not a timing assertion)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


# --- worker processes -------------------------------------------------------------------------------------


@dataclass
class WorkerProcess:
    """A `dramatiq worker_app` process group (main process and its forked workers)."""

    process: subprocess.Popen[bytes]
    log: Path

    def kill(self) -> None:
        """SIGKILL the whole group: the machine-crash case, nothing gets to clean up."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # any forked child left behind


def start_worker(env: Mapping[str, str], log: Path, *, threads: int = 2) -> WorkerProcess:
    """Start ``dramatiq worker_app`` (this folder's app: relay's actors with test options)."""
    cmd = [str(DRAMATIQ), "worker_app", "--path", str(HERE), "--processes", "1", "--threads", str(threads)]
    full_env = {**_base_env(), **env, "PYTHONPATH": os.pathsep.join([str(HERE), str(HERE.parent), str(ROOT)])}
    out = log.open("ab")
    process = subprocess.Popen(
        cmd, cwd=ROOT, env=full_env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
    )
    out.close()
    return WorkerProcess(process, log)


def _base_env() -> dict[str, str]:
    # Only what a process needs to run; no RELAY_* from the test runner's environment leaks in.
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "RELAY_TEST_PG_URL")
    return {k: v for k, v in os.environ.items() if k in keep}


def unique(prefix: str) -> str:
    return f"{prefix}{secrets.token_hex(4)}"


# --- a private Redis ---------------------------------------------------------------------------------------


@dataclass
class PrivateRedis:
    """A throwaway redis-server on a free port, stoppable and restartable without touching the shared one."""

    port: int
    folder: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        program = shutil.which("redis-server")
        assert program, "redis-server is not installed"
        self.process = subprocess.Popen(
            [
                program,
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--dir",
                str(self.folder),
                # Persistence on, so a restart keeps the queues as a production Redis would.
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--save",
                "",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        wait_for(lambda: _pings(client), timeout=30, what="redis-server to start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.process = None


def _pings(client: redis.Redis) -> bool:
    try:
        return bool(client.ping())
    except redis.exceptions.ConnectionError:
        return False


@contextlib.contextmanager
def private_redis(folder: Path) -> Iterator[PrivateRedis]:
    folder.mkdir(parents=True, exist_ok=True)
    server = PrivateRedis(free_port(), folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()


# --- one test's slice of the shared services ------------------------------------------------------------


class Setup:
    """One test's isolated slice of the shared services: Redis namespace or RabbitMQ queue prefix, env."""

    def __init__(self, db: Database, tmp_path: Path, broker_url: str, **extra: str) -> None:
        self.tmp = tmp_path
        self.block_dir = tmp_path / "blocks"
        self.block_dir.mkdir()
        self.options = BrokerOptions(
            namespace=unique("relaytest-"),
            queue_prefix=unique("t") + "_",
            heartbeat_timeout_ms=2_000,
            maintenance_chance=1_000_000,
            min_backoff_ms=200,
            max_backoff_ms=1_000,
        )
        self.env = {
            **runtime_env(db, tmp_path, broker_url=broker_url, **extra),
            "TEST_NAMESPACE": self.options.namespace,
            "TEST_QUEUE_PREFIX": self.options.queue_prefix,
            "TEST_BLOCK_DIR": str(self.block_dir),
            "TEST_HEARTBEAT_MS": str(self.options.heartbeat_timeout_ms),
        }
        self.rt = make_runtime(self.env)
        self.workers: list[WorkerProcess] = []

    def worker(self, name: str) -> WorkerProcess:
        process = start_worker(self.env, self.tmp / f"{name}.log")
        self.workers.append(process)
        return process

    def started(self, point: str) -> bool:
        return any(self.block_dir.glob(f"started-{point}-*"))

    def all_in_review(self, ids: list[str]) -> bool:
        return count_in(self.rt, State.AWAITING_REVIEW) == len(ids)

    def assert_each_transition_once(self, ids: list[str]) -> None:
        for item_id in ids:
            assert transitions_of(self.rt, item_id) == FULL_PATH

    def close(self) -> None:
        for process in self.workers:
            process.stop()
        self.rt.close()


@contextmanager
def coordinator(setup: Setup, broker_url: str) -> Iterator[None]:
    """The dispatcher/reconciler loop in a thread, as `relay work` runs it in distributed mode."""
    settings = setup.rt.settings
    assert settings.broker.url == broker_url
    broker = build_broker(settings, setup.options)
    stop = threading.Event()
    thread = threading.Thread(
        target=run_coordinator,
        args=(setup.rt, broker),
        kwargs={"stop": stop, "options": setup.options, "poll_seconds": 0.1},
        daemon=True,
    )
    thread.start()
    try:
        yield
    finally:
        stop.set()
        if thread.is_alive():
            thread.join(timeout=30)
        broker.close()


def drop_broker_state(url: str, options: BrokerOptions) -> None:
    if url.startswith("redis"):
        client = redis.Redis.from_url(url)
        for key in client.scan_iter(f"{options.namespace}:*"):
            client.delete(key)
        return
    connection = pika.BlockingConnection(pika.URLParameters(url))
    channel = connection.channel()
    for stage in Stage:
        name = queue_name(stage.value, options)
        for suffix in ("", ".DQ", ".XQ"):
            channel.queue_delete(name + suffix)
    connection.close()
