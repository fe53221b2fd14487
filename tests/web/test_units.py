"""The small pieces on their own: the failed-token lock-out, server URL checks, bearer parsing."""

from __future__ import annotations

import pytest

from relay.pullclient import PartnerClient, PullRejected, check_server_url
from relay.web.ratelimit import MAX_TRACKED, FailureLimiter
from web.conftest import FakeClock


class TestFailureLimiter:
    def test_locks_out_at_the_limit_and_forgets_after_the_window(self) -> None:
        clock = FakeClock()
        limiter = FailureLimiter(3, 60, clock=clock)
        for _ in range(2):
            limiter.failed("10.0.0.1")
        assert limiter.retry_after("10.0.0.1") is None
        limiter.failed("10.0.0.1")
        assert limiter.retry_after("10.0.0.1") == 61
        assert limiter.retry_after("10.0.0.2") is None  # others are not affected
        clock.now += 30
        assert limiter.retry_after("10.0.0.1") == 31
        clock.now += 30
        assert limiter.retry_after("10.0.0.1") is None

    def test_memory_stays_bounded_under_a_flood_of_addresses(self) -> None:
        limiter = FailureLimiter(1, 60, clock=FakeClock())
        for n in range(MAX_TRACKED + 50):
            limiter.failed(f"addr-{n}")
        assert len(limiter._windows) == MAX_TRACKED
        assert limiter.retry_after(f"addr-{MAX_TRACKED + 49}") is not None
        assert limiter.retry_after("addr-0") is None  # the oldest were forgotten

    def test_bad_settings_are_refused(self) -> None:
        from relay.web import WebConfig

        for kwargs in ({"failed_auth_limit": 0}, {"failed_auth_window_seconds": 0}, {"list_limit": 0}):
            with pytest.raises(ValueError):
                WebConfig(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "url",
    [
        "http://relay.example.org",
        "http://10.0.0.5:8080",
        "ftp://relay.example.org",
        "https://user:pass@relay.example.org",
        "https://relay.example.org/?token=abc",
        "https://relay.example.org/#frag",
        "https://relay.example.org:99999",
        "https://",
        "relay.example.org",
        "file:///etc/passwd",
    ],
)
def test_server_urls_that_would_leak_the_token_are_refused(url: str) -> None:
    with pytest.raises(PullRejected) as err:
        check_server_url(url)
    assert err.value.code == "bad_server_url"


@pytest.mark.parametrize(
    ("url", "base"),
    [
        ("https://relay.example.org/", "https://relay.example.org"),
        ("https://relay.example.org:8443/relay", "https://relay.example.org:8443/relay"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://[::1]:8080/", "http://[::1]:8080"),
        ("http://localhost:8080", "http://localhost:8080"),
    ],
)
def test_server_urls_accepted(url: str, base: str) -> None:
    assert check_server_url(url) == base


@pytest.mark.parametrize("token", ["", "two words", "tok\nen", "토큰"])
def test_tokens_that_cannot_be_sent_are_refused_before_any_request(token: str) -> None:
    with pytest.raises(PullRejected) as err:
        PartnerClient("https://relay.example.org", token)
    assert token not in str(err.value) or not token


def test_tokens_as_relay_issues_them_are_well_formed_bearer_tokens() -> None:
    """``relay partners token`` prints tokens the API's parser accepts (else every partner gets 401)."""
    import secrets

    from starlette.requests import Request

    from relay.commands.partners import TOKEN_PREFIX
    from relay.web.auth import bearer_token

    for _ in range(50):
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        scope = {"type": "http", "headers": [(b"authorization", f"Bearer {token}".encode())]}
        assert bearer_token(Request(scope)) == token
