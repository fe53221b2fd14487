"""Organisations: named ones, stem + suffix, workplaces after a cue; and suffix words used in general."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

FOUND = [
    ("회령제1고급중학교를 졸업했다.", "회령제1고급중학교"),
    ("아버지는 무산광산에서 일했다.", "무산광산"),
    ("김책공업종합대학에 다녔다.", "김책공업종합대학"),
    ("김책 공업 종합 대학에 다녔다.", "김책 공업 종합 대학"),  # spacing-blind
    ("혜산시인민위원회에서 일했다.", "혜산시인민위원회"),
    ("은덕협동농장에서 일했다.", "은덕협동농장"),  # an everyday word before a long suffix
    ("삼성전자에 취직했다.", "삼성전자"),  # a workplace after a cue
    ("서울역에서 만났다.", "서울역"),
    ("청진 제1고급중학교", "제1고급중학교"),
]

NOT_ORG = [
    "대학 생활은 생각보다 힘들었다.",
    "공장에서 일하는 것이 힘들다.",
    "신발공장에서 일한다.",
    "기차역에 갔다.",
    "좋은 대학에 가라.",
    "교회에 다닌다.",
    "우리 학교 앞 분식집이 생각난다.",
    "고등학교를 졸업하고 바로 군대에 갔지.",
    "회사에 취직했다.",
]


@pytest.mark.parametrize(("text", "org"), FOUND)
def test_orgs_are_found(rules: Rules, text: str, org: str) -> None:
    assert covered(text, org, rules, "org")


@pytest.mark.parametrize("text", NOT_ORG)
def test_general_mentions_are_not_orgs(rules: Rules, text: str) -> None:
    assert spans(text, rules, "org") == []


def test_compound_stem_before_short_suffix_is_review(rules: Rules) -> None:
    assert spans("새희망교회에서 만났다.", rules, "org") == [("org", "review", "새희망교회")]


def test_compound_stem_church_the_writer_attends_is_redacted(rules: Rules) -> None:
    # "에 다니" says the writer goes there: a named congregation, not a phrase OCR glued together.
    assert spans("새희망교회에 다니고 있다.", rules, "org") == [("org", "redact", "새희망교회")]
