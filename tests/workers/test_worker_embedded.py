"""Embedded mode (`relay work`): the in-process broker, worker, dispatcher and reconciler together."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from db.fixtures import Database, new_item
from workers_support import FULL_PATH, make_runtime, runtime_env, state_of, step_runner, transitions_of

from relay.cli import main
from relay.db import repo
from relay.db.states import Stage, State
from relay.jobs import submit
from relay.reconcile import STALLED
from relay.runtime import Runtime
from relay.samples.corpus import render_sample
from relay.settings import load_settings
from workers.broker import BrokerOptions
from workers.embedded import Progress, run

FAST = BrokerOptions(min_backoff_ms=20, max_backoff_ms=100)


def _letter(index: int) -> bytes:
    out = io.BytesIO()
    render_sample(index, 5, "printed").image.save(out, "PNG")
    return out.getvalue()


def _queue_new(rt: Runtime, n: int) -> list[str]:
    """Items in received with their sanitize message in the outbox, as submit leaves them."""
    ids = []
    for _ in range(n):
        item_id = new_item(rt.sessions)
        with rt.sessions.begin() as session:
            from relay.db.outbox import add_message

            add_message(session, Stage.SANITIZE.value, item_id)
        ids.append(item_id)
    return ids


def test_items_go_through_every_stage_exactly_once(rt: Runtime) -> None:
    ids = _queue_new(rt, 12)
    seen: list[Progress] = []
    summary = run(rt, until_idle=True, workers=4, progress=seen.append, runner=step_runner, options=FAST)
    assert summary.idle
    assert summary.counts == {State.AWAITING_REVIEW: 12}
    for item_id in ids:
        assert transitions_of(rt, item_id) == FULL_PATH
    assert seen and seen[-1].pending == 0


def test_the_loop_dispatches_as_soon_as_a_stage_is_done(rt: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    import workers.embedded as embedded

    # With an hour between polls, only the wake-up after each message can move the item on; the
    # watchdog stops a run that waits for the poll, and summary.idle tells the two endings apart.
    monkeypatch.setattr(embedded, "POLL_SECONDS", 3600.0)
    [item_id] = _queue_new(rt, 1)
    stop = threading.Event()
    watchdog = threading.Timer(120.0, stop.set)
    watchdog.start()
    try:
        summary = run(rt, until_idle=True, workers=1, runner=step_runner, options=FAST, stop=stop)
    finally:
        watchdog.cancel()
    assert summary.idle and not stop.is_set()
    assert transitions_of(rt, item_id) == FULL_PATH


def test_a_restart_finishes_what_the_last_process_left_in_its_memory_queues(rt: Runtime) -> None:
    # Items whose messages were published into a previous process's in-memory queues, then lost with it.
    lost = [new_item(rt.sessions, state=State.SANITIZED) for _ in range(3)]
    summary = run(rt, until_idle=True, workers=2, runner=step_runner, options=FAST)
    assert summary.restarted == 3 and summary.idle
    for item_id in lost:
        assert state_of(rt, item_id) is State.AWAITING_REVIEW
        assert transitions_of(rt, item_id) == FULL_PATH[1:]
    with rt.readonly() as session:
        assert {repo.get_item(session, i).attempts for i in lost} == {0}  # not counted as failures


def test_an_item_that_never_progresses_is_parked_and_the_run_ends(tmp_path: Path, db: Database) -> None:
    rt = make_runtime(runtime_env(db, tmp_path, RELAY_PIPELINE__MAX_ATTEMPTS="2"))
    try:
        [item_id] = _queue_new(rt, 1)

        def broken(rt: Runtime, stage: Stage, item_id: str) -> str:
            raise OSError("the disk is gone")  # escapes run_stage: not counted by the stage itself

        summary = run(rt, until_idle=True, workers=1, runner=broken, options=FAST)
        assert summary.idle
        with rt.readonly() as session:
            item = repo.get_item(session, item_id)
            assert (item.state, item.failed_from, item.last_error_code) == (
                State.FAILED,
                State.RECEIVED,
                STALLED,
            )
    finally:
        rt.close()


@pytest.mark.slow
def test_real_letters_through_the_real_stages(rt_embedded: Runtime) -> None:
    ids = [submit(rt_embedded, _letter(i), actor="usr_test") for i in range(2)]
    summary = run(rt_embedded, until_idle=True, workers=2)
    assert summary.idle and summary.counts == {State.AWAITING_REVIEW: 2}
    for item_id in ids:
        assert transitions_of(rt_embedded, item_id) == FULL_PATH


@pytest.mark.slow
def test_real_letters_through_stages_in_child_processes(rt_embedded: Runtime) -> None:
    ids = [submit(rt_embedded, _letter(i), actor="usr_test") for i in range(3)]
    summary = run(rt_embedded, until_idle=True, processes=2)
    assert summary.idle and summary.counts == {State.AWAITING_REVIEW: 3}
    for item_id in ids:
        assert transitions_of(rt_embedded, item_id) == FULL_PATH


def test_a_child_process_that_dies_is_a_failed_attempt_not_a_lost_item(rt_embedded: Runtime) -> None:
    import os
    import signal

    from relay.jobs import StageFailed
    from workers.pool import CHILD_DIED, ProcessRunner

    runner = ProcessRunner(rt_embedded.settings, 1)
    try:
        pids = runner._pool.submit(os.getpid).result()  # the child is up
        os.kill(pids, signal.SIGKILL)
        with pytest.raises(Exception) as err:
            runner(rt_embedded, Stage.SANITIZE, "itm_" + "a" * 26)
        assert getattr(err.value, "code", None) == CHILD_DIED
        assert not isinstance(err.value, StageFailed)
        # A new pool took its place: the next stage runs (here: an unknown item, skipped).
        assert runner(rt_embedded, Stage.SANITIZE, "itm_" + "a" * 26) == "skipped"
    finally:
        runner.close()


def test_start_brings_up_every_child_before_any_stage(rt_embedded: Runtime) -> None:
    from workers.pool import ProcessRunner, _ping

    runner = ProcessRunner(rt_embedded.settings, 2)
    try:
        runner.start()
        pool = runner._pool
        assert len(pool._processes) == 2  # both spawned and initialised, none on demand later
        pids = {f.result() for f in [pool.submit(_ping, 0.3) for _ in range(2)]}
        assert pids <= set(pool._processes)  # the same children answer: nothing new was started
        assert runner(rt_embedded, Stage.SANITIZE, "itm_" + "b" * 26) == "skipped"
    finally:
        runner.close()


@pytest.mark.slow
def test_relay_work_until_idle_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("RELAY_HOME", str(home))
    with Runtime.open(load_settings({"RELAY_HOME": str(home)})) as rt:
        item_id = submit(rt, _letter(3), actor="usr_test")
    assert main(["work", "--until-idle", "--workers", "1"]) == 0
    assert "1 awaiting_review" in capsys.readouterr().err
    with Runtime.open(load_settings({"RELAY_HOME": str(home)})) as rt:
        assert transitions_of(rt, item_id) == FULL_PATH


def test_a_stage_over_its_time_limit_is_stopped_counted_and_finally_parked(
    tmp_path: Path, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from relay import jobs

    env = runtime_env(
        db, tmp_path, RELAY_PIPELINE__MAX_ATTEMPTS="2", RELAY_PIPELINE__TIME_LIMITS_SECONDS__SANITIZE="1"
    )
    rt = make_runtime(env)
    runs: list[float] = []

    def endless(rt: Runtime, item_id: str, state: State, actor: str) -> bool:
        runs.append(time.monotonic())
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # short sleeps: dramatiq's interrupt lands between them
            time.sleep(0.01)
        raise AssertionError("the time limit did not stop the stage")

    monkeypatch.setitem(jobs._HANDLERS, Stage.SANITIZE, endless)  # type: ignore[index]
    try:
        [item_id] = _queue_new(rt, 1)
        summary = run(rt, until_idle=True, workers=1, options=FAST)
        assert summary.idle and len(runs) == 2
        with rt.readonly() as session:
            item = repo.get_item(session, item_id)
            assert (item.state, item.last_error_code) == (State.FAILED, jobs.STAGE_INTERRUPTED)
    finally:
        rt.close()
