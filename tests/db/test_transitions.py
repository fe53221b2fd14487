"""The state machine: every allowed move, the forbidden ones, compare-and-set under races, failing,
parking and retrying, stuck items. Each test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from db.fixtures import Database, item_state, new_item, utc
from relay.db import (
    FAILABLE,
    NEXT_STAGE,
    TRANSITIONS,
    AuditEvent,
    FailOutcome,
    Item,
    OutboxMessage,
    Risk,
    Role,
    State,
    Verdict,
    fail,
    repo,
    retry,
    stuck_deadlines,
    stuck_items,
    transition,
)
from relay.db.models import Decision
from relay.errors import NotACode, RecordNotFound, StateError
from relay.settings import PipelineSettings, StageTimeLimits

ALL_PAIRS = [(a, b) for a in State for b in State]
FORBIDDEN = [pair for pair in ALL_PAIRS if pair not in TRANSITIONS]


def _prepare(db: Database, from_state: State, to_state: State) -> str:
    """An item in ``from_state`` with whatever a move to ``to_state`` needs recorded."""
    failed_from = to_state if from_state is State.FAILED and to_state is not State.PURGED else None
    if from_state is State.FAILED and failed_from is None:
        failed_from = State.DELIVERED
    item_id = new_item(db.sessions, state=from_state, failed_from=failed_from)
    if to_state in (State.APPROVED, State.REJECTED):
        with db.sessions.begin() as session:
            moderator = repo.create_user(session, f"mod {item_id}", Role.MODERATOR, actor="test")
            verdict = Verdict.APPROVE if to_state is State.APPROVED else Verdict.REJECT
            session.add(Decision(item_id=item_id, moderator_id=moderator.id, verdict=verdict))
    return item_id


def _events(db: Database, item_id: str, action: str = "transition") -> list[AuditEvent]:
    with db.sessions() as session:
        query = select(AuditEvent).where(AuditEvent.item_id == item_id, AuditEvent.action == action)
        return list(session.scalars(query.order_by(AuditEvent.id)))


class TestTable:
    def test_the_table_is_the_documented_machine(self) -> None:
        forward = {(a, b) for a, b in TRANSITIONS if State.FAILED not in (a, b)}
        assert forward == {
            (State.RECEIVED, State.SANITIZED),
            (State.SANITIZED, State.EXTRACTED),
            (State.EXTRACTED, State.DETECTED),
            (State.DETECTED, State.REDACTED),
            (State.REDACTED, State.AWAITING_REVIEW),
            (State.AWAITING_REVIEW, State.APPROVED),
            (State.AWAITING_REVIEW, State.REJECTED),
            (State.APPROVED, State.SEALED),
            (State.SEALED, State.STAGED),
            (State.STAGED, State.DELIVERED),
            (State.DELIVERED, State.PURGED),
            (State.REJECTED, State.PURGED),
        }
        # Failing: from the states a worker moves on, and back to them; people and partners never fail.
        assert {a for a, b in TRANSITIONS if b is State.FAILED} == FAILABLE == set(NEXT_STAGE)
        assert {b for a, b in TRANSITIONS if a is State.FAILED} == FAILABLE | {State.PURGED}
        assert State.AWAITING_REVIEW not in FAILABLE and State.STAGED not in FAILABLE
        assert all((State.PURGED, s) not in TRANSITIONS for s in State)  # purged is final


@pytest.mark.parametrize(("from_state", "to_state"), sorted(TRANSITIONS), ids=lambda s: str(s))
def test_every_allowed_transition_moves_once_and_is_audited(
    db: Database, from_state: State, to_state: State
) -> None:
    item_id = _prepare(db, from_state, to_state)
    code = "storage_unavailable" if to_state is State.FAILED else None
    at = utc(2030, 1, 2, 3, 4, 5)
    with db.sessions.begin() as session:
        assert transition(session, item_id, from_state, to_state, actor="worker:test", code=code, now=at)
    with db.sessions.begin() as session:  # the same move again finds the item gone from from_state
        assert not transition(session, item_id, from_state, to_state, actor="worker:test", code=code)
    with db.sessions() as session:
        item = repo.get_item(session, item_id)
        assert item.state is to_state
        assert item.state_changed_at == at and item.updated_at == at
        assert item.failed_from == (from_state if to_state is State.FAILED else None)
        assert item.last_error_code == code
    [event] = _events(db, item_id)
    assert (event.from_state, event.to_state, event.actor, event.code) == (
        from_state,
        to_state,
        "worker:test",
        code,
    )
    assert event.at == at


FORBIDDEN_EXAMPLES = [
    (State.RECEIVED, State.APPROVED),  # skipping review
    (State.REDACTED, State.APPROVED),
    (State.AWAITING_REVIEW, State.SEALED),  # sealing what no one approved
    (State.REJECTED, State.APPROVED),
    (State.REJECTED, State.SEALED),
    (State.APPROVED, State.AWAITING_REVIEW),
    (State.APPROVED, State.REJECTED),
    (State.DELIVERED, State.RECEIVED),
    (State.PURGED, State.RECEIVED),  # purged is final
    (State.PURGED, State.FAILED),
    (State.AWAITING_REVIEW, State.FAILED),  # no worker runs during review
    (State.STAGED, State.FAILED),
    (State.FAILED, State.AWAITING_REVIEW),
    (State.FAILED, State.FAILED),
    (State.RECEIVED, State.RECEIVED),
    (State.SANITIZED, State.RECEIVED),
]


@pytest.mark.parametrize(("from_state", "to_state"), FORBIDDEN_EXAMPLES, ids=lambda s: str(s))
def test_forbidden_transitions_are_refused_and_change_nothing(
    db: Database, from_state: State, to_state: State
) -> None:
    item_id = new_item(db.sessions, state=from_state)
    with db.sessions.begin() as session, pytest.raises(StateError) as err:
        transition(session, item_id, from_state, to_state, actor="worker:test", code="x")
    assert err.value.code == "transition_forbidden"
    assert item_state(db.sessions, item_id) is from_state
    assert _events(db, item_id) == []


def test_everything_outside_the_table_is_forbidden() -> None:
    assert len(FORBIDDEN) == len(State) ** 2 - len(TRANSITIONS)
    assert all(pair in FORBIDDEN for pair in FORBIDDEN_EXAMPLES)
    for from_state, to_state in FORBIDDEN:
        # Refused before any SQL runs, so no session is needed to prove it.
        with pytest.raises(StateError) as err:
            transition(None, "itm_x", from_state, to_state, actor="worker:test", code="x")  # type: ignore[arg-type]
        assert err.value.code == "transition_forbidden"


def test_wrong_from_state_or_missing_item_does_not_move(db: Database) -> None:
    item_id = new_item(db.sessions, state=State.SANITIZED)
    with db.sessions.begin() as session:
        assert not transition(session, item_id, State.RECEIVED, State.SANITIZED, actor="worker:test")
        assert not transition(
            session, "itm_" + "a" * 26, State.RECEIVED, State.SANITIZED, actor="worker:test"
        )
    assert item_state(db.sessions, item_id) is State.SANITIZED
    assert _events(db, item_id) == []


def test_moving_to_failed_needs_a_code(db: Database) -> None:
    item_id = new_item(db.sessions)
    with db.sessions.begin() as session, pytest.raises(NotACode):
        transition(session, item_id, State.RECEIVED, State.FAILED, actor="worker:test")


class TestCompareAndSet:
    def test_a_racing_second_worker_waits_then_finds_the_item_moved(self, db: Database) -> None:
        """Two real connections: A moves the item and holds its transaction open; B tries the same move,
        blocks (PostgreSQL: row lock; SQLite: write lock), and once A commits finds nothing to move."""
        item_id = new_item(db.sessions)
        first = db.sessions()
        assert transition(first, item_id, State.RECEIVED, State.SANITIZED, actor="worker:a")
        outcome: dict[str, object] = {}

        def second() -> None:
            try:
                with db.sessions.begin() as session:
                    outcome["moved"] = transition(
                        session, item_id, State.RECEIVED, State.SANITIZED, actor="worker:b"
                    )
            except BaseException as exc:  # reported below; a thread's exception is otherwise lost
                outcome["error"] = exc

        thread = threading.Thread(target=second)
        thread.start()
        thread.join(0.5)
        assert thread.is_alive(), "the second worker should wait for the first's transaction"
        first.commit()
        first.close()
        thread.join(30)
        assert not thread.is_alive()
        assert outcome == {"moved": False}
        assert item_state(db.sessions, item_id) is State.SANITIZED
        assert [e.actor for e in _events(db, item_id)] == ["worker:a"]

    def test_many_threads_racing_exactly_one_wins(self, db: Database) -> None:
        for _ in range(3):
            item_id = new_item(db.sessions)
            assert sorted(_race(db, item_id, 6), key=str) == [False] * 5 + [True]
            assert len(_events(db, item_id)) == 1


def _race(db: Database, item_id: str, workers: int) -> list[object]:
    """``workers`` threads, released together, each trying received → sanitized; what each got."""
    barrier = threading.Barrier(workers)
    results: list[object] = []

    def worker(n: int) -> None:
        try:
            barrier.wait()
            with db.sessions.begin() as session:
                results.append(
                    transition(session, item_id, State.RECEIVED, State.SANITIZED, actor=f"worker:{n}")
                )
        except BaseException as exc:
            results.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


class TestFailAndRetry:
    def test_attempts_count_up_then_the_item_is_parked(self, db: Database) -> None:
        item_id = new_item(db.sessions, state=State.EXTRACTED)
        outcomes = []
        for _ in range(3):
            with db.sessions.begin() as session:
                outcomes.append(
                    fail(
                        session,
                        item_id,
                        State.EXTRACTED,
                        "storage_unavailable",
                        actor="worker:detect",
                        max_attempts=3,
                    )
                )
        assert outcomes == [FailOutcome.RETRYING, FailOutcome.RETRYING, FailOutcome.PARKED]
        with db.sessions() as session:
            item = repo.get_item(session, item_id)
            assert (item.state, item.failed_from, item.attempts, item.last_error_code) == (
                State.FAILED,
                State.EXTRACTED,
                3,
                "storage_unavailable",
            )
        assert [e.code for e in _events(db, item_id, "attempt_failed")] == ["storage_unavailable"] * 3
        [parked] = _events(db, item_id)
        assert (parked.from_state, parked.to_state, parked.code) == (
            "extracted",
            "failed",
            "storage_unavailable",
        )

    def test_the_latest_error_code_is_kept(self, db: Database) -> None:
        item_id = new_item(db.sessions)
        for code in ("storage_unavailable", "checksum_mismatch"):
            with db.sessions.begin() as session:
                fail(session, item_id, State.RECEIVED, code, actor="worker:sanitize", max_attempts=5)
        with db.sessions() as session:
            item = repo.get_item(session, item_id)
            assert (item.state, item.attempts, item.last_error_code) == (
                State.RECEIVED,
                2,
                "checksum_mismatch",
            )

    def test_a_permanent_error_parks_at_once(self, db: Database) -> None:
        item_id = new_item(db.sessions)
        with db.sessions.begin() as session:
            outcome = fail(
                session,
                item_id,
                State.RECEIVED,
                "corrupt",
                actor="worker:sanitize",
                max_attempts=5,
                permanent=True,
            )
        assert outcome is FailOutcome.PARKED
        assert item_state(db.sessions, item_id) is State.FAILED

    def test_failing_a_state_the_item_has_left_records_nothing(self, db: Database) -> None:
        item_id = new_item(db.sessions, state=State.SANITIZED)
        with db.sessions.begin() as session:
            assert (
                fail(session, item_id, State.RECEIVED, "x", actor="worker:a", max_attempts=1)
                is FailOutcome.STALE
            )
        with db.sessions() as session:
            item = repo.get_item(session, item_id)
            assert (item.state, item.attempts, item.last_error_code) == (State.SANITIZED, 0, None)
        assert _events(db, item_id, "attempt_failed") == []

    @pytest.mark.parametrize("state", [State.AWAITING_REVIEW, State.STAGED, State.PURGED, State.FAILED])
    def test_states_no_worker_runs_in_cannot_fail(self, db: Database, state: State) -> None:
        item_id = new_item(db.sessions, state=state)
        with db.sessions.begin() as session, pytest.raises(StateError) as err:
            fail(session, item_id, state, "x", actor="worker:a", max_attempts=1)
        assert err.value.code == "transition_forbidden"

    def test_error_codes_must_be_codes(self, db: Database) -> None:
        item_id = new_item(db.sessions)
        with db.sessions.begin() as session, pytest.raises(NotACode):
            fail(
                session,
                item_id,
                State.RECEIVED,
                "Could not read 'letter from Kim'",
                actor="w",
                max_attempts=3,
            )

    def test_moving_on_resets_attempts_and_error(self, db: Database) -> None:
        item_id = new_item(db.sessions)
        with db.sessions.begin() as session:
            fail(
                session,
                item_id,
                State.RECEIVED,
                "storage_unavailable",
                actor="worker:sanitize",
                max_attempts=5,
            )
            assert transition(session, item_id, State.RECEIVED, State.SANITIZED, actor="worker:sanitize")
        with db.sessions() as session:
            item = repo.get_item(session, item_id)
            assert (item.attempts, item.last_error_code) == (0, None)

    def test_retry_returns_to_the_state_it_failed_in_and_enqueues_its_stage(self, db: Database) -> None:
        item_id = new_item(db.sessions, state=State.DETECTED)
        with db.sessions.begin() as session:
            fail(
                session, item_id, State.DETECTED, "storage_unavailable", actor="worker:redact", max_attempts=1
            )
        with db.sessions.begin() as session:
            assert retry(session, item_id, actor="usr_admin") is State.DETECTED
        with db.sessions() as session:
            item = repo.get_item(session, item_id)
            assert (item.state, item.failed_from, item.attempts, item.last_error_code) == (
                State.DETECTED,
                None,
                0,
                None,
            )
            messages = session.scalars(select(OutboxMessage).where(OutboxMessage.item_id == item_id)).all()
            assert [m.actor_name for m in messages] == ["redact"]
        with db.sessions.begin() as session, pytest.raises(StateError) as err:
            retry(session, item_id, actor="usr_admin")
        assert err.value.code == "not_failed"

    def test_retry_does_not_purge_early(self, db: Database) -> None:
        item_id = new_item(db.sessions, state=State.DELIVERED)
        with db.sessions.begin() as session:
            fail(session, item_id, State.DELIVERED, "storage_denied", actor="worker:purge", max_attempts=1)
            assert retry(session, item_id, actor="cli") is State.DELIVERED
            count = session.scalar(select(func.count()).select_from(OutboxMessage))
        assert count == 0  # purging waits for retention, never runs because someone pressed retry

    def test_a_retry_cannot_go_anywhere_but_back(self, db: Database) -> None:
        item_id = new_item(db.sessions, state=State.FAILED, failed_from=State.EXTRACTED)
        with db.sessions.begin() as session:
            assert not transition(session, item_id, State.FAILED, State.APPROVED, actor="worker:x")
            assert not transition(session, item_id, State.FAILED, State.SANITIZED, actor="worker:x")
        assert item_state(db.sessions, item_id) is State.FAILED

    def test_retry_of_a_missing_item(self, db: Database) -> None:
        with db.sessions.begin() as session, pytest.raises(RecordNotFound):
            retry(session, "itm_" + "b" * 26, actor="cli")


class TestApprovalRule:
    def test_a_high_risk_item_cannot_be_moved_to_approved_on_one_approval(self, db: Database) -> None:
        item_id = new_item(db.sessions, state=State.AWAITING_REVIEW, risk=Risk.HIGH)
        with db.sessions.begin() as session:
            moderator = repo.create_user(session, "Moderator One", Role.MODERATOR, actor="test")
            session.add(Decision(item_id=item_id, moderator_id=moderator.id, verdict=Verdict.APPROVE))
        with db.sessions.begin() as session, pytest.raises(StateError) as err:
            transition(session, item_id, State.AWAITING_REVIEW, State.APPROVED, actor=moderator.id)
        assert err.value.code == "second_moderator_required"
        assert item_state(db.sessions, item_id) is State.AWAITING_REVIEW

    def test_no_approval_no_approved_and_no_rejection_no_rejected(self, db: Database) -> None:
        item_id = new_item(db.sessions, state=State.AWAITING_REVIEW)
        with db.sessions.begin() as session, pytest.raises(StateError) as err:
            transition(session, item_id, State.AWAITING_REVIEW, State.APPROVED, actor="cli")
        assert err.value.code == "approval_required"
        with db.sessions.begin() as session, pytest.raises(StateError) as err:
            transition(session, item_id, State.AWAITING_REVIEW, State.REJECTED, actor="cli")
        assert err.value.code == "rejection_required"


class TestStuck:
    def test_items_older_than_their_state_deadline(self, db: Database) -> None:
        now = utc(2030, 5, 1, 12, 0, 0)
        old = new_item(db.sessions, state=State.SANITIZED, state_changed_at=now - timedelta(hours=2))
        fresh = new_item(db.sessions, state=State.SANITIZED, state_changed_at=now - timedelta(minutes=5))
        waiting = new_item(
            db.sessions, state=State.AWAITING_REVIEW, state_changed_at=now - timedelta(days=30)
        )
        older = new_item(db.sessions, state=State.APPROVED, state_changed_at=now - timedelta(hours=3))
        deadlines = {State.SANITIZED: timedelta(hours=1), State.APPROVED: timedelta(hours=1)}
        with db.sessions() as session:
            found = [item.id for item in stuck_items(session, now, deadlines)]
            assert found == [older, old]  # oldest first; review has no deadline
            assert fresh not in found and waiting not in found
            assert [i.id for i in stuck_items(session, now, deadlines, limit=1)] == [older]
            assert stuck_items(session, now, {}) == []

    def test_deadlines_from_settings(self) -> None:
        limits = StageTimeLimits(
            intake=1, sanitize=2, extract=3, detect=4, redact=5, seal=6, stage=7, purge=8
        )
        pipeline = PipelineSettings(max_attempts=3, stuck_after_seconds=100, time_limits_seconds=limits)
        deadlines = stuck_deadlines(pipeline)
        assert deadlines[State.RECEIVED] == timedelta(seconds=102)
        assert deadlines[State.EXTRACTED] == timedelta(seconds=104)
        assert deadlines[State.SEALED] == timedelta(seconds=107)
        assert State.AWAITING_REVIEW not in deadlines and State.DELIVERED not in deadlines

    def test_naive_datetimes_are_refused(self, db: Database) -> None:
        from datetime import datetime

        with db.sessions() as session, pytest.raises(Exception, match="naive"):
            stuck_items(session, datetime(2030, 1, 1), {State.RECEIVED: timedelta(1)})


def test_items_row_count_is_unchanged_by_refusals(db: Database) -> None:
    new_item(db.sessions)
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Item)) == 1
