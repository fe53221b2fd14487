"""A name written in a letter never appears in plaintext anywhere the distributed pipeline writes.

A letter with a canary name goes through the real stages (sanitize, OCR, detect, redact) in a real
`dramatiq` worker process on Redis, with every message delivered twice. Afterwards the database (every
row; for SQLite also the database and WAL files), the object store, everything in Redis under the test's
namespace, the worker's and the test's logs, and the worker's temporary and cache folders are searched for the
name in UTF-8 and in JSON's escaped form. The test first checks that tesseract really reads the name off
the page, so a clean result means the content went through and was kept in, not that it was never there.
"""

from __future__ import annotations

import io
import json
import logging
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
import redis
from db.fixtures import Database
from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import select
from workers_support import FULL_PATH, REDIS_URL, Setup, drop_broker_state, transitions_of, wait_for

from relay.db.models import Base
from relay.dispatch import broker_publisher
from relay.jobs import submit
from workers.broker import build_broker, queue_name
from workers.coordinator import run_coordinator

CANARY = "김은별"
FONT = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
LINES = [
    f"사랑하는 {CANARY} 동지에게",
    "나는 서울에서 이 편지를 씁니다.",
    f"{CANARY} 동지, 부디 건강하게 지내십시오.",
    "가족들도 모두 잘 있기를 바랍니다.",
]


def _letter() -> bytes:
    font = ImageFont.truetype(str(FONT), 44)
    image = Image.new("RGB", (1400, 700), "white")
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(LINES):
        draw.text((80, 100 + 120 * n), line, font=font, fill="black")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _forms() -> list[bytes]:
    return [CANARY.encode(), json.dumps(CANARY).strip('"').encode(), CANARY.encode("utf-16-le")]


def _leaks(data: bytes) -> bool:
    return any(form in data for form in _forms())


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_tesseract_reads_the_canary_off_the_page() -> None:
    # Guards the test below against passing only because OCR never saw the name.
    done = subprocess.run(
        [shutil.which("tesseract") or "tesseract", "stdin", "stdout", "-l", "kor", "--psm", "6"],
        input=_letter(),
        capture_output=True,
        check=True,
        timeout=120,
    )
    assert CANARY in done.stdout.decode().replace(" ", "")


@pytest.mark.slow
def test_a_canary_name_leaves_no_plaintext_anywhere(
    db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    setup = Setup(db, tmp_path, REDIS_URL)
    worker_tmp = tmp_path / "worker-tmp"
    worker_tmp.mkdir()
    # The worker's cache folder starts empty, so it writes there what it derives at start-up.
    worker_cache = tmp_path / "worker-cache"
    setup.env.update({"TEST_RUNNER": "real", "TMPDIR": str(worker_tmp), "RELAY_CACHE_DIR": str(worker_cache)})
    broker = build_broker(setup.rt.settings, setup.options)
    publish = broker_publisher(broker, queue_name=lambda actor: queue_name(actor, setup.options))

    def twice(actor: str, item_id: str, /) -> None:
        publish(actor, item_id)
        publish(actor, item_id)

    stop = threading.Event()
    thread = threading.Thread(
        target=run_coordinator,
        args=(setup.rt, broker),
        kwargs={"stop": stop, "options": setup.options, "poll_seconds": 0.1, "publish": twice},
        daemon=True,
    )
    try:
        with caplog.at_level(logging.DEBUG):
            item_id = submit(setup.rt, _letter(), actor="usr_test")
            worker = setup.worker("worker")
            thread.start()
            wait_for(lambda: setup.all_in_review([item_id]), timeout=300, what="the letter to reach review")
            stop.set()
            thread.join(timeout=30)
            worker.stop()
        assert transitions_of(setup.rt, item_id) == FULL_PATH

        # The database, row by row.
        with setup.rt.readonly() as session:
            for table in Base.metadata.sorted_tables:
                for row in session.execute(select(table)):
                    assert not _leaks(repr(tuple(row)).encode()), table.name
                    for value in row:
                        if isinstance(value, bytes):
                            assert not _leaks(value), table.name
        sqlite_path = setup.rt.settings.database.sqlite_path
        if sqlite_path is not None:
            for path in sqlite_path.parent.glob(sqlite_path.name + "*"):
                assert not _leaks(path.read_bytes()), path.name
        # The object store.
        objects = _files(setup.rt.settings.home / "objects")
        assert objects  # the stages stored something
        for path in objects:
            assert not _leaks(path.read_bytes()), path.name
        # The broker.
        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(f"{setup.options.namespace}:*"))
        for key in keys:
            dumped = client.dump(key) or b""
            assert not _leaks(dumped), key
        # Logs: the worker process's and this process's.
        worker_log = (tmp_path / "worker.log").read_bytes()
        assert b"Worker process is ready" in worker_log
        assert not _leaks(worker_log)
        assert not _leaks(caplog.text.encode())
        # Temporary files the worker left (there should be none, and none may hold the name).
        for path in _files(worker_tmp) + _files(setup.rt.settings.home / "tmp"):
            assert not _leaks(path.read_bytes()), path.name
        # The cache files the worker wrote hold what it derived from installed packages, nothing read.
        cached = _files(worker_cache)
        assert {p.name for p in cached} >= {"kiwi-uninflected.json", "rule-prefilter.json"}
        for path in cached:
            assert not _leaks(path.read_bytes()), path.name
    finally:
        stop.set()
        if thread.is_alive():
            thread.join(timeout=30)
        broker.close()
        setup.close()
        drop_broker_state(REDIS_URL, setup.options)
