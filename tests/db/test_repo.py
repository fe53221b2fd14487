"""Items, stage results, people and review decisions through the repository API."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from db.fixtures import SHA, Database, item_state, new_item, original_ref
from relay.db import (
    AuditEvent,
    ItemKind,
    ObjectRef,
    OutboxMessage,
    ReasonCode,
    Risk,
    Role,
    Stage,
    State,
    Verdict,
    new_item_id,
    partners,
    repo,
)
from relay.db.ids import is_id
from relay.errors import ConflictError, InputRejected, NotACode, RecordNotFound, StateError, StorageError
from relay.keys import validate_item_id


def _actions(db: Database, item_id: str) -> list[str]:
    with db.sessions() as session:
        query = select(AuditEvent.action).where(AuditEvent.item_id == item_id).order_by(AuditEvent.id)
        return list(session.scalars(query))


class TestItems:
    def test_ids_are_random_opaque_and_valid_item_ids(self) -> None:
        ids = {new_item_id() for _ in range(1000)}
        assert len(ids) == 1000
        for item_id in list(ids)[:50]:
            assert len(item_id) == 30 and item_id.startswith("itm_") and is_id(item_id, "itm")
            assert validate_item_id(item_id) == item_id

    def test_create_item_records_received_audits_and_can_enqueue(self, db: Database) -> None:
        item_id = new_item_id()
        with db.sessions.begin() as session:
            item = repo.create_item(
                session,
                item_id=item_id,
                kind=ItemKind.VIDEO,
                media_type="video/mp4",
                original=original_ref(item_id),
                wrapped_key=b"w" * 61,
                actor="usr_" + "a" * 26,
                risk=Risk.HIGH,
                enqueue="sanitize",
            )
            assert item.state is State.RECEIVED
        with db.sessions() as session:
            item = repo.get_item(session, item_id)
            assert (item.kind, item.media_type, item.risk, item.attempts) == (
                ItemKind.VIDEO,
                "video/mp4",
                Risk.HIGH,
                0,
            )
            assert (item.original_key, item.original_sha256, item.original_size) == (
                f"items/{item_id}/original",
                SHA,
                1234,
            )
            assert item.wrapped_key == b"w" * 61 and item.key_destroyed_at is None
            assert session.scalars(select(OutboxMessage.actor_name)).all() == ["sanitize"]
        assert _actions(db, item_id) == ["item_created"]

    def test_an_item_id_is_used_once(self, db: Database) -> None:
        item_id = new_item(db.sessions)
        with db.sessions.begin() as session, pytest.raises(ConflictError) as err:
            repo.create_item(
                session,
                item_id=item_id,
                kind=ItemKind.LETTER,
                media_type="image/png",
                original=original_ref(item_id),
                wrapped_key=b"k",
                actor="test",
            )
        assert err.value.code == "already_exists"

    @pytest.mark.parametrize("item_id", ["itm_short", "ITM_" + "A" * 26, "letter_from_kim.jpg", ""])
    def test_item_ids_must_be_well_formed(self, db: Database, item_id: str) -> None:
        with db.sessions.begin() as session, pytest.raises(NotACode):
            repo.create_item(
                session,
                item_id=item_id,
                kind=ItemKind.LETTER,
                media_type="image/png",
                original=ObjectRef("items/x/original", SHA, 1),
                wrapped_key=b"k",
                actor="test",
            )

    def test_object_refs_are_checked(self) -> None:
        with pytest.raises(StorageError):
            ObjectRef("Letters/Kim Chul-su.jpg", SHA, 1)
        with pytest.raises(NotACode):
            ObjectRef("items/x/original", "not a digest", 1)
        with pytest.raises(ValueError):
            ObjectRef("items/x/original", SHA, -1)

    def test_missing_item(self, db: Database) -> None:
        with db.sessions() as session, pytest.raises(RecordNotFound):
            repo.get_item(session, "itm_" + "c" * 26)

    def test_listing_and_counting_by_state(self, db: Database) -> None:
        a = new_item(db.sessions, state=State.AWAITING_REVIEW)
        b = new_item(db.sessions, state=State.AWAITING_REVIEW)
        new_item(db.sessions)
        with db.sessions() as session:
            assert {i.id for i in repo.items_in_state(session, State.AWAITING_REVIEW)} == {a, b}
            assert len(repo.items_in_state(session, State.AWAITING_REVIEW, limit=1)) == 1
            assert repo.count_by_state(session) == {State.AWAITING_REVIEW: 2, State.RECEIVED: 1}

    def test_risk_only_goes_up(self, db: Database) -> None:
        item_id = new_item(db.sessions)
        with db.sessions.begin() as session:
            assert repo.raise_risk(session, item_id, actor="worker:detect", code="risky_topic")
            assert not repo.raise_risk(session, item_id, actor="worker:detect")
        with db.sessions() as session:
            assert repo.get_item(session, item_id).risk is Risk.HIGH
        assert _actions(db, item_id) == ["item_created", "risk_set"]
        with db.sessions.begin() as session, pytest.raises(RecordNotFound):
            repo.raise_risk(session, "itm_" + "d" * 26, actor="worker:detect")

    def test_destroying_the_key_is_idempotent_and_audited(self, db: Database) -> None:
        item_id = new_item(db.sessions, state=State.DELIVERED)
        with db.sessions.begin() as session:
            assert repo.destroy_key(session, item_id, actor="worker:purge")
            assert not repo.destroy_key(session, item_id, actor="worker:purge")
        with db.sessions() as session:
            item = repo.get_item(session, item_id)
            assert item.wrapped_key is None and item.key_destroyed_at is not None
        assert _actions(db, item_id).count("key_destroyed") == 1

    def test_partner_assignment_is_fixed_once_sealed(self, db: Database) -> None:
        item_id = new_item(db.sessions, state=State.APPROVED)
        sealed_id = new_item(db.sessions, state=State.SEALED)
        with db.sessions.begin() as session:
            partner = partners.create_partner(session, "Partner A", actor="cli")
            repo.assign_partner(session, item_id, partner.id, actor="cli")
        with db.sessions() as session:
            assert repo.get_item(session, item_id).partner_id == partner.id
        with db.sessions.begin() as session, pytest.raises(StateError):
            repo.assign_partner(session, sealed_id, partner.id, actor="cli")
        with db.sessions.begin() as session, pytest.raises(RecordNotFound):
            repo.assign_partner(session, item_id, "ptn_" + "e" * 26, actor="cli")


class TestStageResults:
    def test_the_first_result_is_kept_and_returned_to_reruns(self, db: Database) -> None:
        item_id = new_item(db.sessions)
        first = [ObjectRef(f"items/{item_id}/sanitized/page-0.png", SHA, 10)]
        second = [ObjectRef(f"items/{item_id}/sanitized/page-0-b.png", "cd" * 32, 11)]
        with db.sessions.begin() as session:
            assert repo.record_stage_result(session, item_id, Stage.SANITIZE, first).refs == tuple(first)
        with db.sessions.begin() as session:
            assert repo.record_stage_result(session, item_id, Stage.SANITIZE, second).refs == tuple(first)
            assert repo.get_stage_result(session, item_id, Stage.EXTRACT) is None

    def test_racing_reruns_both_get_the_winners_result(self, db: Database) -> None:
        item_id = new_item(db.sessions)
        refs = {n: [ObjectRef(f"items/{item_id}/sanitized/run-{n}", SHA, n)] for n in range(4)}
        barrier = threading.Barrier(4)
        results: list[object] = []

        def run(n: int) -> None:
            try:
                barrier.wait()
                with db.sessions.begin() as session:
                    results.append(repo.record_stage_result(session, item_id, Stage.SANITIZE, refs[n]).refs)
            except BaseException as exc:
                results.append(exc)

        threads = [threading.Thread(target=run, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert len(results) == 4 and len(set(results)) == 1
        assert results[0] in [tuple(r) for r in refs.values()]

    def test_a_result_for_a_missing_item(self, db: Database) -> None:
        with db.sessions.begin() as session, pytest.raises(RecordNotFound):
            repo.record_stage_result(session, "itm_" + "f" * 26, Stage.SANITIZE, [])


class TestPeople:
    def test_names_are_unique_and_cleaned(self, db: Database) -> None:
        with db.sessions.begin() as session:
            user = repo.create_user(session, "  이순신  ", Role.MODERATOR, actor="cli")
            assert user.name == "이순신" and is_id(user.id, "usr")
        with db.sessions.begin() as session, pytest.raises(ConflictError) as err:
            repo.create_user(session, "이순신", Role.VOLUNTEER, actor="cli")
        assert err.value.code == "name_taken"
        with db.sessions() as session:
            found = repo.user_by_name(session, "이순신")
            assert found is not None and found.role is Role.MODERATOR

    @pytest.mark.parametrize("name", ["", "   ", "a" * 201, "bad\x00name", "line\nbreak", "zero\u200bwidth"])
    def test_bad_names_are_refused(self, db: Database, name: str) -> None:
        with db.sessions.begin() as session, pytest.raises(InputRejected) as err:
            repo.create_user(session, name, Role.VOLUNTEER, actor="cli")
        assert err.value.code == "bad_text"


class TestDecisions:
    @pytest.fixture
    def people(self, db: Database) -> dict[str, str]:
        with db.sessions.begin() as session:
            return {
                "mod1": repo.create_user(session, "Moderator One", Role.MODERATOR, actor="cli").id,
                "mod2": repo.create_user(session, "Moderator Two", Role.MODERATOR, actor="cli").id,
                "admin": repo.create_user(session, "Admin", Role.ADMIN, actor="cli").id,
                "volunteer": repo.create_user(session, "Volunteer", Role.VOLUNTEER, actor="cli").id,
            }

    def _decide(self, db: Database, item_id: str, who: str, verdict: Verdict, **kw: object) -> State:
        with db.sessions.begin() as session:
            return repo.decide(session, item_id, who, verdict, **kw)  # type: ignore[arg-type]

    def test_a_normal_item_is_approved_by_one_moderator(self, db: Database, people: dict[str, str]) -> None:
        item_id = new_item(db.sessions, state=State.AWAITING_REVIEW)
        assert self._decide(db, item_id, people["mod1"], Verdict.APPROVE, enqueue="seal") is State.APPROVED
        assert item_state(db.sessions, item_id) is State.APPROVED
        with db.sessions() as session:
            assert session.scalars(select(OutboxMessage.actor_name)).all() == ["seal"]
            [decision] = repo.decisions_for(session, item_id)
            assert (decision.moderator_id, decision.verdict) == (people["mod1"], Verdict.APPROVE)

    def test_a_high_risk_item_needs_two_different_moderators(
        self, db: Database, people: dict[str, str]
    ) -> None:
        item_id = new_item(db.sessions, state=State.AWAITING_REVIEW, risk=Risk.HIGH)
        assert self._decide(db, item_id, people["mod1"], Verdict.APPROVE) is State.AWAITING_REVIEW
        with pytest.raises(ConflictError) as err:  # the same moderator approving twice is still one person
            self._decide(db, item_id, people["mod1"], Verdict.APPROVE)
        assert err.value.code == "decision_exists"
        assert item_state(db.sessions, item_id) is State.AWAITING_REVIEW
        assert self._decide(db, item_id, people["mod2"], Verdict.APPROVE) is State.APPROVED
        with db.sessions() as session:
            assert {d.moderator_id for d in repo.decisions_for(session, item_id)} == {
                people["mod1"],
                people["mod2"],
            }

    def test_two_moderators_approving_at_once_approve_the_item(
        self, db: Database, people: dict[str, str]
    ) -> None:
        """Without the row lock each could count only its own approval and the item would stay in review."""
        item_id = new_item(db.sessions, state=State.AWAITING_REVIEW, risk=Risk.HIGH)
        first = db.sessions()
        assert repo.decide(first, item_id, people["mod1"], Verdict.APPROVE) is State.AWAITING_REVIEW
        outcome: list[object] = []

        def second() -> None:
            try:
                with db.sessions.begin() as session:
                    outcome.append(repo.decide(session, item_id, people["mod2"], Verdict.APPROVE))
            except BaseException as exc:
                outcome.append(exc)

        thread = threading.Thread(target=second)
        thread.start()
        thread.join(0.5)
        assert thread.is_alive()
        first.commit()
        first.close()
        thread.join(30)
        assert outcome == [State.APPROVED]
        assert item_state(db.sessions, item_id) is State.APPROVED

    def test_one_rejection_rejects_and_needs_a_reason(self, db: Database, people: dict[str, str]) -> None:
        item_id = new_item(db.sessions, state=State.AWAITING_REVIEW, risk=Risk.HIGH)
        assert self._decide(db, item_id, people["mod1"], Verdict.APPROVE) is State.AWAITING_REVIEW
        with pytest.raises(StateError) as err:
            self._decide(db, item_id, people["mod2"], Verdict.REJECT)
        assert err.value.code == "reason_required"
        result = self._decide(
            db, item_id, people["mod2"], Verdict.REJECT, reason=ReasonCode.REDACTION_INCOMPLETE
        )
        assert result is State.REJECTED
        with db.sessions() as session:
            event = session.scalars(
                select(AuditEvent).where(AuditEvent.item_id == item_id, AuditEvent.to_state == "rejected")
            ).one()
            assert (event.actor, event.code) == (people["mod2"], "redaction_incomplete")

    def test_free_text_reasons_are_refused(self, db: Database, people: dict[str, str]) -> None:
        item_id = new_item(db.sessions, state=State.AWAITING_REVIEW)
        with pytest.raises(ValueError):
            self._decide(db, item_id, people["mod1"], Verdict.REJECT, reason="mentions his sister in Hyesan")
        with pytest.raises(ValueError):
            self._decide(
                db, item_id, people["mod1"], Verdict.REJECT, reason="hyesan_sister"
            )  # code-shaped, unlisted
        assert item_state(db.sessions, item_id) is State.AWAITING_REVIEW

    def test_volunteers_cannot_decide(self, db: Database, people: dict[str, str]) -> None:
        item_id = new_item(db.sessions, state=State.AWAITING_REVIEW)
        with pytest.raises(StateError) as err:
            self._decide(db, item_id, people["volunteer"], Verdict.APPROVE)
        assert err.value.code == "not_a_moderator"
        assert self._decide(db, item_id, people["admin"], Verdict.APPROVE) is State.APPROVED

    def test_only_items_in_review_are_decided(self, db: Database, people: dict[str, str]) -> None:
        item_id = new_item(db.sessions, state=State.REDACTED)
        with pytest.raises(StateError) as err:
            self._decide(db, item_id, people["mod1"], Verdict.APPROVE)
        assert err.value.code == "not_awaiting_review"
        with pytest.raises(RecordNotFound):
            self._decide(db, item_id, "usr_" + "z" * 26, Verdict.APPROVE)
