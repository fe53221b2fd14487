"""Partners, their keys and tokens, and bundles: one bundle per partner per item, even under a race."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from db.fixtures import SHA, Database, item_state, new_item, utc
from relay.crypto import X25519Identity
from relay.db import BundleItem, ObjectRef, State, partners, repo
from relay.errors import ConflictError, CryptoKeyInvalid, NotACode, RecordNotFound, StateError


@pytest.fixture
def partner_id(db: Database) -> str:
    with db.sessions.begin() as session:
        return partners.create_partner(session, "Partner Org", actor="cli").id


def _sealed_ref(bundle_id: str) -> ObjectRef:
    return ObjectRef(f"bundles/{bundle_id}.age", SHA, 4096)


class TestPartners:
    def test_names_are_unique(self, db: Database, partner_id: str) -> None:
        with db.sessions.begin() as session, pytest.raises(ConflictError) as err:
            partners.create_partner(session, "Partner Org", actor="cli")
        assert err.value.code == "name_taken"

    def test_recipients_are_age_keys_stored_once(self, db: Database, partner_id: str) -> None:
        recipient = str(X25519Identity.generate().recipient())
        with db.sessions.begin() as session:
            assert partners.add_recipient(session, partner_id, f"  {recipient}\n", actor="cli") == recipient
        with db.sessions.begin() as session, pytest.raises(ConflictError):
            partners.add_recipient(session, partner_id, recipient, actor="cli")
        with db.sessions.begin() as session, pytest.raises(CryptoKeyInvalid):
            partners.add_recipient(session, partner_id, "Kim's laptop key", actor="cli")
        with db.sessions() as session:
            assert partners.recipients_for(session, partner_id) == [recipient]

    def test_tokens_are_kept_as_hashes_and_expire_or_are_revoked(self, db: Database, partner_id: str) -> None:
        now = utc(2030, 1, 1)
        token_hash = partners.hash_token("secret-token-value")
        with db.sessions.begin() as session:
            partners.issue_token(session, partner_id, token_hash, now + timedelta(days=30), actor="cli")
        with db.sessions() as session:
            assert partners.partner_for_token(session, token_hash, now=now) == partner_id
            assert partners.partner_for_token(session, token_hash, now=now + timedelta(days=31)) is None
            assert partners.partner_for_token(session, partners.hash_token("other"), now=now) is None
        with db.sessions.begin() as session:
            assert partners.revoke_token(session, token_hash, actor="cli", now=now)
            assert not partners.revoke_token(session, token_hash, actor="cli", now=now)
        with db.sessions() as session:
            assert partners.partner_for_token(session, token_hash, now=now) is None
        with db.sessions.begin() as session, pytest.raises(NotACode):
            partners.issue_token(session, partner_id, "secret-token-value", now, actor="cli")  # not a hash


class TestBundles:
    def test_a_bundle_from_open_to_delivered(self, db: Database, partner_id: str) -> None:
        items = [new_item(db.sessions, state=State.APPROVED) for _ in range(2)]
        with db.sessions.begin() as session:
            bundle = partners.create_bundle(session, partner_id, actor="worker:seal")
            for item_id in items:
                partners.add_to_bundle(session, bundle.id, item_id, actor="worker:seal")
            partners.seal_bundle(session, bundle.id, _sealed_ref(bundle.id), actor="worker:seal")
            partners.seal_bundle(
                session, bundle.id, _sealed_ref(bundle.id), actor="worker:seal"
            )  # idempotent
        assert {item_state(db.sessions, i) for i in items} == {State.SEALED}
        with db.sessions.begin() as session:
            assert partners.stage_bundle(session, bundle.id, actor="worker:stage")
            assert not partners.stage_bundle(session, bundle.id, actor="worker:stage")
        assert {item_state(db.sessions, i) for i in items} == {State.STAGED}
        with db.sessions.begin() as session:
            assert partners.acknowledge_bundle(session, bundle.id, partner_id, actor="partner")
            assert not partners.acknowledge_bundle(session, bundle.id, partner_id, actor="partner")
        assert {item_state(db.sessions, i) for i in items} == {State.DELIVERED}
        with db.sessions() as session:
            done = partners.get_bundle(session, bundle.id)
            assert done.staged_at is not None and done.acknowledged_at is not None
            assert partners.bundle_item_ids(session, bundle.id) == sorted(items)
            found = partners.item_bundle(session, items[0])
            assert found is not None and found.id == bundle.id

    def test_only_the_bundles_partner_acknowledges_it(self, db: Database, partner_id: str) -> None:
        with db.sessions.begin() as session:
            other = partners.create_partner(session, "Other Org", actor="cli").id
            bundle = partners.create_bundle(session, partner_id, actor="worker:seal")
            partners.seal_bundle(session, bundle.id, _sealed_ref(bundle.id), actor="worker:seal")
            partners.stage_bundle(session, bundle.id, actor="worker:stage")
        with db.sessions.begin() as session, pytest.raises(RecordNotFound):
            partners.acknowledge_bundle(session, bundle.id, other, actor="partner")

    def test_a_bundle_is_sealed_with_one_object_only(self, db: Database, partner_id: str) -> None:
        with db.sessions.begin() as session:
            bundle = partners.create_bundle(session, partner_id, actor="worker:seal")
            partners.seal_bundle(session, bundle.id, _sealed_ref(bundle.id), actor="worker:seal")
        with db.sessions.begin() as session, pytest.raises(ConflictError):
            partners.seal_bundle(
                session, bundle.id, ObjectRef("bundles/other.age", SHA, 1), actor="worker:seal"
            )
        with db.sessions.begin() as session, pytest.raises(StateError):
            partners.add_to_bundle(session, bundle.id, new_item(db.sessions, state=State.APPROVED), actor="w")

    @pytest.mark.parametrize("state", [State.AWAITING_REVIEW, State.REJECTED, State.SEALED, State.FAILED])
    def test_only_approved_items_are_bundled(self, db: Database, partner_id: str, state: State) -> None:
        item_id = new_item(db.sessions, state=state)
        with db.sessions.begin() as session:
            bundle = partners.create_bundle(session, partner_id, actor="worker:seal")
        with db.sessions.begin() as session, pytest.raises(StateError) as err:
            partners.add_to_bundle(session, bundle.id, item_id, actor="worker:seal")
        assert err.value.code == "not_approved"

    def test_an_item_assigned_elsewhere_is_refused(self, db: Database, partner_id: str) -> None:
        item_id = new_item(db.sessions, state=State.APPROVED)
        with db.sessions.begin() as session:
            other = partners.create_partner(session, "Other Org", actor="cli").id
            repo.assign_partner(session, item_id, other, actor="cli")
            bundle = partners.create_bundle(session, partner_id, actor="worker:seal")
        with db.sessions.begin() as session, pytest.raises(StateError) as err:
            partners.add_to_bundle(session, bundle.id, item_id, actor="worker:seal")
        assert err.value.code == "wrong_partner"

    def test_an_item_goes_into_one_bundle_per_partner(self, db: Database, partner_id: str) -> None:
        item_id = new_item(db.sessions, state=State.APPROVED)
        with db.sessions.begin() as session:
            first = partners.create_bundle(session, partner_id, actor="worker:seal")
            second = partners.create_bundle(session, partner_id, actor="worker:seal")
            partners.add_to_bundle(session, first.id, item_id, actor="worker:seal")
            with pytest.raises(ConflictError) as err:
                partners.add_to_bundle(session, second.id, item_id, actor="worker:seal")
            assert err.value.code == "already_bundled"
            # The refusal ran in a savepoint: the transaction goes on and commits the first insert.
        with db.sessions() as session:
            assert partners.bundle_item_ids(session, first.id) == [item_id]
            assert partners.bundle_item_ids(session, second.id) == []

    def test_two_sealers_racing_for_an_item_one_wins_one_gets_a_clean_error(
        self, db: Database, partner_id: str
    ) -> None:
        """Two sessions on two connections: the first inserts and holds its transaction open; the second
        inserts the same item into its own bundle, waits, and is refused once the first commits."""
        item_id = new_item(db.sessions, state=State.APPROVED)
        with db.sessions.begin() as session:
            bundle_a = partners.create_bundle(session, partner_id, actor="worker:seal-a").id
            bundle_b = partners.create_bundle(session, partner_id, actor="worker:seal-b").id
        first = db.sessions()
        partners.add_to_bundle(first, bundle_a, item_id, actor="worker:seal-a")
        outcome: list[object] = []

        def second() -> None:
            try:
                with db.sessions.begin() as session:
                    partners.add_to_bundle(session, bundle_b, item_id, actor="worker:seal-b")
                outcome.append("inserted")
            except BaseException as exc:
                outcome.append(exc)

        thread = threading.Thread(target=second)
        thread.start()
        thread.join(0.5)
        assert thread.is_alive(), "the second sealer should wait for the first's transaction"
        first.commit()
        first.close()
        thread.join(30)
        [result] = outcome
        assert isinstance(result, ConflictError) and result.code == "already_bundled"
        with db.sessions() as session:
            rows = session.scalars(select(BundleItem).where(BundleItem.item_id == item_id)).all()
            assert [(r.bundle_id, r.partner_id) for r in rows] == [(bundle_a, partner_id)]

    def test_many_sealers_at_once_exactly_one_bundles_the_item(self, db: Database, partner_id: str) -> None:
        item_id = new_item(db.sessions, state=State.APPROVED)
        with db.sessions.begin() as session:
            bundles = [partners.create_bundle(session, partner_id, actor="worker:seal").id for _ in range(5)]
        barrier = threading.Barrier(5)
        outcome: list[object] = []

        def seal(bundle_id: str) -> None:
            try:
                barrier.wait()
                with db.sessions.begin() as session:
                    partners.add_to_bundle(session, bundle_id, item_id, actor="worker:seal")
                outcome.append("inserted")
            except ConflictError as exc:
                outcome.append(exc.code)
            except BaseException as exc:
                outcome.append(exc)

        threads = [threading.Thread(target=seal, args=(b,)) for b in bundles]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert sorted(map(str, outcome)) == ["already_bundled"] * 4 + ["inserted"]
        with db.sessions() as session:
            count = session.scalar(
                select(func.count()).select_from(BundleItem).where(BundleItem.item_id == item_id)
            )
            assert count == 1


def test_an_item_claimed_by_a_bundle_keeps_its_partner(db: Database) -> None:
    item_id = new_item(db.sessions, state=State.APPROVED)
    with db.sessions.begin() as session:
        first = partners.create_partner(session, "First Org", actor="cli").id
        other = partners.create_partner(session, "Second Org", actor="cli").id
        repo.assign_partner(session, item_id, first, actor="cli")
        bundle = partners.create_bundle(session, first, actor="worker:seal")
        partners.add_to_bundle(session, bundle.id, item_id, actor="worker:seal")
    with db.sessions.begin() as session, pytest.raises(StateError) as err:
        repo.assign_partner(session, item_id, other, actor="cli")
    assert err.value.code == "transition_forbidden"
    with db.sessions.begin() as session:
        repo.assign_partner(session, item_id, first, actor="cli")  # the same partner again is harmless
