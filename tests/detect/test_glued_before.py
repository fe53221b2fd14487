"""relay.detect.glued_names: a full name glued behind an everyday word when OCR lost the space is found
where something says a name is there; compound words Kiwi knows stay clean."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Severity


def person_at(text: str, name: str, rules: Rules) -> Severity | None:
    start = text.index(name)
    end = start + len(name)
    return next(
        (
            f.severity
            for f in detect(text, rules)
            if f.kind.value == "person" and f.start <= start and end <= f.end
        ),
        None,
    )


@pytest.mark.parametrize(
    ("text", "name", "severity"),
    [
        ("저는 복지관 상담팀곽민섭이에요.", "곽민섭", Severity.REDACT),  # an introduction
        ("저는 복지관 상담팀곽민서예요.", "곽민서", Severity.REDACT),
        ("저는 복지관 상담팀염숴진이에요.", "염숴진", Severity.REDACT),  # 수 read 숴
        ("담당 간사용수빈의 전화번호를 적어 둔다.", "용수빈", Severity.REVIEW),  # the genitive
        ("우리 교회박우셉 목사님이 기도하신다.", "박우셉", Severity.REVIEW),  # a title after it
    ],
)
def test_a_full_name_glued_behind_a_word_is_found(
    text: str, name: str, severity: Severity, rules: Rules
) -> None:
    assert person_at(text, name, rules) is severity


@pytest.mark.parametrize(
    "text",
    [
        "누나는 지금 간호조무사 공부를 하고 있어.",  # 간호 + 조무사: no cue for a name
        "전쟁포로는 국제인도법에 따라 보호받는다.",
        "우리집안정원이 참 예쁘다.",  # Kiwi reads 집안 + 정원
        "텔레비전에서 전국노래자랑을 보면 고향 생각이 난다.",
    ],
)
def test_compound_words_stay_clean(text: str, rules: Rules) -> None:
    assert not [f for f in detect(text, rules) if f.kind.value == "person"]
