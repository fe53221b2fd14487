"""The partner API over a live server on loopback, on SQLite and PostgreSQL: who sees what, downloads,
acknowledgements, tokens, lock-out, and the error shape."""

from __future__ import annotations

import hashlib
import logging
import threading
from datetime import timedelta

import httpx
import pytest
from db.fixtures import item_state
from sqlalchemy import select, update

from relay.db import State, partners
from relay.db.models import AuditEvent, Bundle, Item
from relay.runtime import Runtime
from web.conftest import PartnerAccess, Server, StagedBundle, Validator, add_partner, put_bundle

API = "/api/v1/partner"


def get(server: Server, path: str, who: PartnerAccess | None, **kwargs: object) -> httpx.Response:
    headers = who.headers if who is not None else {}
    return httpx.get(server.url + path, headers=headers, timeout=30, **kwargs)  # type: ignore[arg-type]


def post(server: Server, path: str, who: PartnerAccess | None) -> httpx.Response:
    headers = who.headers if who is not None else {}
    return httpx.post(server.url + path, headers=headers, timeout=30)


def audit_actions(rt: Runtime, bundle_id: str) -> list[str]:
    with rt.sessions() as session:
        query = select(AuditEvent.action).where(AuditEvent.bundle_id == bundle_id).order_by(AuditEvent.id)
        return list(session.scalars(query))


class TestListing:
    def test_a_partner_lists_only_its_own_staged_unacknowledged_bundles(
        self, server: Server, alice: PartnerAccess, bob: PartnerAccess, check_schema: Validator
    ) -> None:
        mine = [put_bundle(server.rt, alice.partner_id) for _ in range(2)]
        put_bundle(server.rt, alice.partner_id, stage=False)  # sealed, not yet uploaded: invisible
        theirs = put_bundle(server.rt, bob.partner_id)

        resp = get(server, f"{API}/bundles", alice)
        assert resp.status_code == 200
        body = resp.json()
        check_schema(body, "bundle_list")
        assert [b["id"] for b in body["bundles"]] == [b.bundle_id for b in mine]
        assert body["more"] is False
        first = body["bundles"][0]
        assert first["sha256"] == hashlib.sha256(mine[0].content).hexdigest()
        assert first["size"] == len(mine[0].content)
        assert first["acknowledged_at"] is None
        assert resp.headers["cache-control"] == "no-store"

        bob_ids = [b["id"] for b in get(server, f"{API}/bundles", bob).json()["bundles"]]
        assert bob_ids == [theirs.bundle_id]

    def test_an_empty_listing(self, server: Server, alice: PartnerAccess, check_schema: Validator) -> None:
        body = get(server, f"{API}/bundles", alice).json()
        check_schema(body, "bundle_list")
        assert body == {"bundles": [], "more": False}


class TestIsolation:
    """Another partner's bundle is answered exactly like one that does not exist."""

    @pytest.mark.parametrize(
        ("method", "suffix"),
        [("GET", ""), ("GET", "/content"), ("GET", "/signature"), ("POST", "/ack"), ("POST", "/url")],
    )
    def test_other_partners_bundle_is_a_plain_404(
        self,
        server: Server,
        alice: PartnerAccess,
        bob: PartnerAccess,
        check_schema: Validator,
        method: str,
        suffix: str,
    ) -> None:
        theirs = put_bundle(server.rt, bob.partner_id)
        unstaged = put_bundle(server.rt, alice.partner_id, stage=False)
        missing = "bdl_" + "a" * 26
        answers = []
        for bundle_id in (theirs.bundle_id, unstaged.bundle_id, missing, "not-an-id", "..%2F..%2Fetc"):
            resp = httpx.request(
                method, f"{server.url}{API}/bundles/{bundle_id}{suffix}", headers=alice.headers, timeout=30
            )
            assert resp.status_code == 404, bundle_id
            check_schema(resp.json(), "error")
            answers.append((resp.json(), resp.headers.get("content-type")))
        assert all(answer == answers[0] for answer in answers)
        assert answers[0][0]["error"]["code"] == "not_found"
        # Bob's bundle is untouched: still staged, not acknowledged, never "downloaded".
        assert {item_state(server.rt.sessions, i) for i in theirs.item_ids} == {State.STAGED}
        assert audit_actions(server.rt, theirs.bundle_id)[-1] == "bundle_staged"

    def test_a_token_only_ever_means_its_own_partner(
        self, server: Server, alice: PartnerAccess, bob: PartnerAccess
    ) -> None:
        theirs = put_bundle(server.rt, bob.partner_id)
        assert get(server, f"{API}/bundles/{theirs.bundle_id}/content", bob).content == theirs.content
        assert get(server, f"{API}/bundles/{theirs.bundle_id}/content", alice).status_code == 404


class TestDownload:
    def test_metadata_content_and_signature(
        self, server: Server, alice: PartnerAccess, check_schema: Validator
    ) -> None:
        bundle = put_bundle(server.rt, alice.partner_id)
        meta = get(server, f"{API}/bundles/{bundle.bundle_id}", alice).json()
        check_schema(meta, "bundle")

        with httpx.stream("GET", server.url + meta["content"], headers=alice.headers, timeout=30) as resp:
            assert resp.status_code == 200
            assert resp.headers["content-type"] == "application/octet-stream"
            assert resp.headers["content-length"] == str(len(bundle.content))
            received = b"".join(resp.iter_bytes())
        assert received == bundle.content
        assert hashlib.sha256(received).hexdigest() == meta["sha256"]

        signature = get(server, meta["signature"], alice)
        assert signature.status_code == 200
        assert signature.text == bundle.signature
        assert "bundle_downloaded" in audit_actions(server.rt, bundle.bundle_id)

    def test_head_answers_without_fetching_or_auditing(self, server: Server, alice: PartnerAccess) -> None:
        bundle = put_bundle(server.rt, alice.partner_id)
        url = f"{server.url}{API}/bundles/{bundle.bundle_id}/content"
        resp = httpx.head(url, headers=alice.headers, timeout=30)
        assert resp.status_code == 200
        assert resp.headers["content-length"] == str(len(bundle.content))
        assert resp.content == b""
        assert "bundle_downloaded" not in audit_actions(server.rt, bundle.bundle_id)
        assert httpx.head(url, timeout=30).status_code == 401

    def test_a_bundle_whose_object_does_not_match_the_database_is_not_served(
        self, server: Server, alice: PartnerAccess, check_schema: Validator
    ) -> None:
        bundle = put_bundle(server.rt, alice.partner_id)
        with server.rt.sessions.begin() as session:
            session.execute(update(Bundle).where(Bundle.id == bundle.bundle_id).values(sha256="0" * 64))
        resp = get(server, f"{API}/bundles/{bundle.bundle_id}/content", alice)
        assert resp.status_code == 503
        check_schema(resp.json(), "error")
        assert resp.json()["error"]["code"] == "bundle_unavailable"
        assert bundle.content[:64] not in resp.content
        assert "bundle_downloaded" not in audit_actions(server.rt, bundle.bundle_id)

    def test_a_missing_object_is_unavailable_not_a_crash(self, server: Server, alice: PartnerAccess) -> None:
        bundle = put_bundle(server.rt, alice.partner_id)
        server.rt.objects.delete(bundle.key)
        server.rt.objects.delete(bundle.key + ".minisig")
        for suffix in ("/content", "/signature"):
            resp = get(server, f"{API}/bundles/{bundle.bundle_id}{suffix}", alice)
            assert resp.status_code == 503
            assert resp.json()["error"]["code"] == "bundle_unavailable"

    def test_an_oversized_signature_object_is_refused(self, server: Server, alice: PartnerAccess) -> None:
        bundle = put_bundle(server.rt, alice.partner_id, signature="x" * 100_000)
        resp = get(server, f"{API}/bundles/{bundle.bundle_id}/signature", alice)
        assert resp.status_code == 503
        assert "xxxx" not in resp.text

    def test_presigned_urls_need_s3(
        self, server: Server, alice: PartnerAccess, check_schema: Validator
    ) -> None:
        bundle = put_bundle(server.rt, alice.partner_id)
        resp = post(server, f"{API}/bundles/{bundle.bundle_id}/url", alice)
        assert resp.status_code == 501
        check_schema(resp.json(), "error")

    def test_the_signing_key(self, server: Server, alice: PartnerAccess) -> None:
        resp = get(server, f"{API}/signing-key", alice)
        assert resp.status_code == 200
        assert resp.text == server.signer.public_key().to_text()
        assert get(server, f"{API}/signing-key", None).status_code == 401


class TestAcknowledge:
    def test_ack_delivers_the_items_once(
        self, server: Server, alice: PartnerAccess, check_schema: Validator
    ) -> None:
        bundle, other = put_bundle(server.rt, alice.partner_id), put_bundle(server.rt, alice.partner_id)
        first = post(server, f"{API}/bundles/{bundle.bundle_id}/ack", alice)
        assert first.status_code == 200
        check_schema(first.json(), "acknowledgement")
        assert first.json()["newly_acknowledged"] is True
        assert {item_state(server.rt.sessions, i) for i in bundle.item_ids} == {State.DELIVERED}
        assert {item_state(server.rt.sessions, i) for i in other.item_ids} == {State.STAGED}

        again = post(server, f"{API}/bundles/{bundle.bundle_id}/ack", alice)  # a replayed ack
        assert again.status_code == 200
        assert again.json() == {**first.json(), "newly_acknowledged": False}
        assert audit_actions(server.rt, bundle.bundle_id).count("bundle_acknowledged") == 1
        with server.rt.sessions() as session:
            actor = session.scalars(
                select(AuditEvent.actor).where(
                    AuditEvent.bundle_id == bundle.bundle_id, AuditEvent.action == "bundle_acknowledged"
                )
            ).one()
        assert actor == f"partner:{alice.partner_id}"

        listed = [b["id"] for b in get(server, f"{API}/bundles", alice).json()["bundles"]]
        assert listed == [other.bundle_id]
        meta = get(server, f"{API}/bundles/{bundle.bundle_id}", alice).json()
        check_schema(meta, "bundle")
        assert meta["acknowledged_at"] == first.json()["acknowledged_at"]

    def test_ack_is_post_only(self, server: Server, alice: PartnerAccess, check_schema: Validator) -> None:
        bundle = put_bundle(server.rt, alice.partner_id)
        resp = get(server, f"{API}/bundles/{bundle.bundle_id}/ack", alice)
        assert resp.status_code == 405
        check_schema(resp.json(), "error")
        assert {item_state(server.rt.sessions, i) for i in bundle.item_ids} == {State.STAGED}

    def test_a_bundle_with_an_item_out_of_place_is_not_half_acknowledged(
        self, server: Server, alice: PartnerAccess, check_schema: Validator
    ) -> None:
        bundle = put_bundle(server.rt, alice.partner_id)
        with server.rt.sessions.begin() as session:
            session.execute(update(Item).where(Item.id == bundle.item_ids[0]).values(state=State.FAILED))
        resp = post(server, f"{API}/bundles/{bundle.bundle_id}/ack", alice)
        assert resp.status_code == 409
        check_schema(resp.json(), "error")
        assert item_state(server.rt.sessions, bundle.item_ids[1]) is State.STAGED
        with server.rt.sessions() as session:
            assert partners.get_bundle(session, bundle.bundle_id).acknowledged_at is None

    def test_racing_acks_deliver_once(self, server: Server, alice: PartnerAccess) -> None:
        bundle = put_bundle(server.rt, alice.partner_id, items=5)
        barrier = threading.Barrier(4)
        results: list[httpx.Response] = []

        def ack() -> None:
            barrier.wait()
            results.append(post(server, f"{API}/bundles/{bundle.bundle_id}/ack", alice))

        threads = [threading.Thread(target=ack) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert [r.status_code for r in results] == [200] * 4
        assert sorted(r.json()["newly_acknowledged"] for r in results) == [False, False, False, True]
        assert {item_state(server.rt.sessions, i) for i in bundle.item_ids} == {State.DELIVERED}
        assert audit_actions(server.rt, bundle.bundle_id).count("bundle_acknowledged") == 1


class TestTokens:
    def _bad_answers(
        self, server: Server, headers_list: list[dict[str, str | bytes]], path: str
    ) -> list[object]:
        answers = []
        for headers in headers_list:
            server.clock.now += 10_000  # past any lock-out: this test is about the answers, not the lock
            resp = httpx.get(server.url + path, headers=headers, timeout=30)
            assert resp.status_code == 401, headers
            assert resp.headers["www-authenticate"].startswith("Bearer")
            answers.append(resp.json())
        return answers

    def test_every_bad_token_gets_the_same_401(
        self, server: Server, alice: PartnerAccess, check_schema: Validator
    ) -> None:
        bundle = put_bundle(server.rt, alice.partner_id)
        expired = add_partner(server.rt, "Expired Org", expires_in=timedelta(seconds=-1))
        revoked = add_partner(server.rt, "Revoked Org")
        with server.rt.sessions.begin() as session:
            assert partners.revoke_token(session, partners.hash_token(revoked.token), actor="test")
        headers_list: list[dict[str, str | bytes]] = [
            {},
            {"Authorization": "Bearer"},
            {"Authorization": f"Basic {alice.token}"},
            {"Authorization": f"Bearer {alice.token}x"},
            {"Authorization": f"Bearer {alice.token[:-1]}"},
            {"Authorization": "Bearer " + "A" * 5000},
            {"Authorization": "Bearer ' OR 1=1 --"},
            {"Authorization": "Bearer 토큰토큰토큰토큰토큰토큰토큰토큰".encode()},  # raw UTF-8 bytes
            {"Authorization": f"Bearer {partners.hash_token(alice.token)}"},  # the stored hash is no token
            expired.headers,
            revoked.headers,
        ]
        for path in (f"{API}/bundles", f"{API}/bundles/{bundle.bundle_id}/content"):
            answers = self._bad_answers(server, headers_list, path)
            check_schema(answers[0], "error")
            assert all(answer == answers[0] for answer in answers)

    def test_a_token_in_the_url_is_not_accepted(self, server: Server, alice: PartnerAccess) -> None:
        for query in (f"?token={alice.token}", f"?access_token={alice.token}"):
            assert httpx.get(f"{server.url}{API}/bundles{query}", timeout=30).status_code == 401

    def test_the_scheme_is_case_insensitive(self, server: Server, alice: PartnerAccess) -> None:
        resp = httpx.get(
            f"{server.url}{API}/bundles", headers={"Authorization": f"bearer {alice.token}"}, timeout=30
        )
        assert resp.status_code == 200

    def test_revocation_takes_effect_at_once(self, server: Server, alice: PartnerAccess) -> None:
        assert get(server, f"{API}/bundles", alice).status_code == 200
        with server.rt.sessions.begin() as session:
            partners.revoke_token(session, partners.hash_token(alice.token), actor="test")
        assert get(server, f"{API}/bundles", alice).status_code == 401  # replaying it now fails

    def test_tokens_never_reach_the_logs(
        self, server: Server, alice: PartnerAccess, caplog: pytest.LogCaptureFixture
    ) -> None:
        caplog.set_level(logging.DEBUG)
        bundle = put_bundle(server.rt, alice.partner_id)
        wrong = "wrong-" + alice.token
        get(server, f"{API}/bundles/{bundle.bundle_id}/content", alice)
        httpx.get(f"{server.url}{API}/bundles", headers={"Authorization": f"Bearer {wrong}"}, timeout=30)
        with server.rt.sessions.begin() as session:
            session.execute(update(Bundle).where(Bundle.id == bundle.bundle_id).values(sha256="0" * 64))
        get(server, f"{API}/bundles/{bundle.bundle_id}/content", alice)
        assert caplog.records  # the server did log (access log, the refused download)
        assert alice.token not in caplog.text
        assert wrong[6:] not in caplog.text


class TestLockout:
    def test_repeated_failures_lock_the_address_out_until_the_window_passes(
        self, server: Server, alice: PartnerAccess, check_schema: Validator
    ) -> None:
        bad = {"Authorization": "Bearer " + "b" * 43}
        for _ in range(10):
            assert httpx.get(f"{server.url}{API}/bundles", headers=bad, timeout=30).status_code == 401
        locked = get(server, f"{API}/bundles", alice)  # even a good token waits
        assert locked.status_code == 429
        check_schema(locked.json(), "error")
        assert int(locked.headers["retry-after"]) > 0
        server.clock.now += 301
        assert get(server, f"{API}/bundles", alice).status_code == 200

    def test_successes_do_not_count(self, server: Server, alice: PartnerAccess) -> None:
        for _ in range(30):
            assert get(server, f"{API}/bundles", alice).status_code == 200


class TestRouting:
    def test_unknown_paths_are_json_404s(
        self, server: Server, alice: PartnerAccess, check_schema: Validator
    ) -> None:
        for path in ("/", "/api/v2/partner/bundles", f"{API}/bundles/../../etc/passwd", f"{API}/admin"):
            resp = get(server, path, alice)
            assert resp.status_code == 404, path
            check_schema(resp.json(), "error")


def test_put_bundle_helper_really_stages(server: Server, alice: PartnerAccess) -> None:
    """The fixture the tests above rely on puts what it says (so a passing test means something)."""
    bundle: StagedBundle = put_bundle(server.rt, alice.partner_id)
    assert {item_state(server.rt.sessions, i) for i in bundle.item_ids} == {State.STAGED}
    assert server.rt.objects.exists(bundle.key)


def test_every_answer_carries_the_security_headers(server: Server, alice: PartnerAccess) -> None:
    bundle = put_bundle(server.rt, alice.partner_id)
    answers = [
        get(server, f"{API}/bundles", alice),
        get(server, f"{API}/bundles/{bundle.bundle_id}/content", alice),
        get(server, f"{API}/bundles/{bundle.bundle_id}/signature", alice),
        get(server, f"{API}/bundles", None),
        get(server, "/nowhere", alice),
    ]
    for resp in answers:
        assert resp.headers["x-content-type-options"] == "nosniff"
        assert resp.headers["cache-control"] == "no-store"
        assert resp.headers["referrer-policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in resp.headers["content-security-policy"]
