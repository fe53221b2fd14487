"""Broker set-up from the settings, the actors' options, metrics labels and the supervisor units."""

from __future__ import annotations

import configparser
import io
from pathlib import Path

import pytest
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import Retries
from prometheus_client import REGISTRY
from workers_support import AMQP_URL, REDIS_URL, ROOT

from relay.db.states import Stage
from relay.runtime import Runtime
from relay.settings import Settings, load_settings
from workers import metrics
from workers.app import StageError, Ticks, run_stage_for_actor, setup
from workers.broker import BrokerOptions, build_broker
from workers.scrub import ContentScrubber


def _settings(tmp_path: Path, url: str, **extra: str) -> Settings:
    return load_settings({"RELAY_HOME": str(tmp_path), "RELAY_BROKER_URL": url, **extra})


@pytest.mark.parametrize(
    ("url", "kind"), [("stub://", StubBroker), (REDIS_URL, RedisBroker), (AMQP_URL, RabbitmqBroker)]
)
def test_the_broker_follows_the_settings(tmp_path: Path, url: str, kind: type) -> None:
    broker = build_broker(_settings(tmp_path, url, RELAY_PIPELINE__MAX_ATTEMPTS="3"))
    try:
        assert isinstance(broker, kind)
        names = [type(m) for m in broker.middleware]
        # The scrubber must come after Retries: after_* hooks run in reverse, so it sees failures first.
        assert names.index(ContentScrubber) > names.index(Retries)
        retries = next(m for m in broker.middleware if isinstance(m, Retries))
        assert retries.max_retries == 3
        if isinstance(broker, RabbitmqBroker):
            assert broker.confirm_delivery
    finally:
        broker.close()


def test_redis_heartbeat_and_maintenance_are_options(tmp_path: Path) -> None:
    options = BrokerOptions(heartbeat_timeout_ms=1_500, maintenance_chance=1_000_000, namespace="relaytest-x")
    broker = build_broker(_settings(tmp_path, REDIS_URL), options)
    try:
        assert isinstance(broker, RedisBroker)
        assert (broker.heartbeat_timeout, broker.maintenance_chance, broker.namespace) == (
            1_500,
            1_000_000,
            "relaytest-x",
        )
    finally:
        broker.close()


def test_one_actor_per_stage_named_after_it_with_its_time_limit(tmp_path: Path) -> None:
    settings = _settings(tmp_path, "stub://", RELAY_PIPELINE__TIME_LIMITS_SECONDS__EXTRACT="77")
    options = BrokerOptions(queue_prefix="p_")
    workers = setup(settings, _no_runtime, options=options, ticks=Ticks(reconcile=lambda rt: None))
    assert set(workers.actors) == {stage.value for stage in Stage} | {"reconcile"}
    extract = workers.actors["extract"]
    assert extract.queue_name == "p_extract"
    assert extract.options["time_limit"] == 77_000
    assert workers.actors["reconcile"].options["max_retries"] == 0


def _no_runtime() -> Runtime:
    raise AssertionError("not used")


def test_stage_runs_are_counted_by_stage_outcome_and_code_only() -> None:
    def sample(outcome: str, code: str) -> float:
        value = REGISTRY.get_sample_value(
            "relay_stage_runs_total", {"stage": "detect", "outcome": outcome, "code": code}
        )
        return value or 0.0

    before_done, before_error = sample("done", "none"), sample("error", "internal_error")
    run_stage_for_actor(lambda rt, stage, item: "done", _fake_runtime, Stage.DETECT, "itm_" + "a" * 26)

    def boom(rt: Runtime, stage: Stage, item_id: str) -> str:
        raise KeyError("a name from a letter")

    with pytest.raises(StageError) as caught:
        run_stage_for_actor(boom, _fake_runtime, Stage.DETECT, "itm_" + "a" * 26)
    assert "a name from a letter" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert sample("done", "none") == before_done + 1
    assert sample("error", "internal_error") == before_error + 1
    assert metrics.safe_code("Not A Code!") == metrics.OTHER_CODE


def _fake_runtime() -> Runtime:
    return None  # type: ignore[return-value]  # the runners here never touch it


def test_the_supervisor_units_restart_workers_and_are_hardened() -> None:
    deploy = ROOT / "deploy"
    for name in ("relay-worker.service", "relay-coordinator.service", "relay-serve.service"):
        unit = configparser.ConfigParser(strict=False, interpolation=None)
        unit.optionxform = str  # type: ignore[assignment,method-assign]
        unit.read(deploy / name)
        service = unit["Service"]
        assert service["Restart"] in ("on-failure", "always"), name
        for key, value in (("NoNewPrivileges", "yes"), ("PrivateTmp", "yes"), ("ProtectSystem", "strict")):
            assert service[key] == value, (name, key)
    worker = configparser.ConfigParser(strict=False, interpolation=None)
    worker.read(deploy / "relay-worker.service")
    assert "dramatiq workers.actors" in worker["Service"]["ExecStart"]


def test_dramatiqs_prometheus_exporter_is_an_option(tmp_path: Path) -> None:
    from dramatiq.middleware.prometheus import Prometheus

    with_it = build_broker(_settings(tmp_path, "stub://"), BrokerOptions(prometheus=True))
    without = build_broker(_settings(tmp_path, "stub://"))
    assert any(isinstance(m, Prometheus) for m in with_it.middleware)
    assert not any(isinstance(m, Prometheus) for m in without.middleware)


def test_relay_work_in_distributed_mode_is_the_coordinator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from relay.cli import main
    from relay.keys import ensure_master_key

    key = tmp_path / "keys" / "master.key"
    ensure_master_key(key)
    monkeypatch.setenv("RELAY_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("RELAY_BROKER_URL", REDIS_URL)
    monkeypatch.setenv("RELAY_MASTER_KEY_FILE", str(key))
    assert main(["work", "--until-idle"]) == 0
    err = capsys.readouterr().err
    assert "dramatiq workers.actors" in err and "0 item(s)" in err


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_on_a_terminal_and_plain_lines_otherwise() -> None:
    from relay.commands.work import progress_printer
    from relay.db.states import State
    from workers.embedded import Progress

    states = [
        Progress({State.RECEIVED: 2}, 2, 0, 0.0),
        Progress({State.RECEIVED: 1, State.AWAITING_REVIEW: 1}, 1, 0, 1.0),
        Progress({State.RECEIVED: 1, State.AWAITING_REVIEW: 1}, 1, 0, 2.0),
        Progress({State.AWAITING_REVIEW: 1, State.FAILED: 1}, 0, 0, 3.0),
    ]
    tty, plain = _Tty(), io.StringIO()
    for stream in (tty, plain):
        show = progress_printer(stream)
        for progress in states:
            show(progress)
        show.finish()
    assert tty.getvalue().count("\r[") == 4 and "[" + "#" * 30 + "] 2/2" in tty.getvalue()
    lines = plain.getvalue().splitlines()
    assert lines == [
        "relay: 0/2 item(s) processed, 2 in progress, 0 failed",
        "relay: 1/2 item(s) processed, 1 in progress, 0 failed",
        "relay: 2/2 item(s) processed, 0 in progress, 1 failed",
    ]
