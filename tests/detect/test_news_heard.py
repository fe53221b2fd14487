"""News heard through someone is no contact channel; news or a letter sent through them is."""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import found


@pytest.mark.parametrize(
    "text", ["지인을 통해 동생 소식을 전해 들었다.", "아는 사람을 통해서 안부를 전해 듣고 울었어요."]
)
def test_news_heard_through_someone_is_no_topic(text: str) -> None:
    assert not found(text, Kind.TOPIC)


@pytest.mark.parametrize(
    "text", ["지인을 통해 동생에게 소식을 전했다.", "통역관님 통해서 이 편지를 전합니다."]
)
def test_news_sent_through_someone_is_reviewed(text: str) -> None:
    assert found(text, Kind.TOPIC)
