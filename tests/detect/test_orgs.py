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
    ("도움이 필요하면 L6디스플레이에 있는 선생님을 찾아라.", "L6디스플레이"),  # OCR read LG as L6
    ("도움이 필요하면 Ｌ6디스플레이에 있는 선생님을 찾아라.", "Ｌ6디스플레이"),  # full-width, as OCR gives it
]


@pytest.mark.parametrize(
    "again",
    ["(한마음치과봉담읍점) 야간반에 다닌다.", "( 한 마 음 치과 봉 담 읍 점) 야 간 반 에 다 닌 다."],
)
def test_a_long_name_redacted_once_is_redacted_again_however_spaced(rules: Rules, again: str) -> None:
    text = "한마음치과 봉담읍점 사장님이 잘 대해 준다.\n" + again
    assert covered(text, again[again.index("(") + 1 : again.index(")")].strip(), rules, "org")


def test_a_short_name_is_not_echoed_into_other_words(rules: Rules) -> None:
    # 평양역 (three syllables) is below the length that makes a name said again unmistakable.
    alone = spans("평양역에서 만났다.", rules, "org")
    assert spans("평양역에서 만났다.\n평 양 역 사 박물관", rules, "org") == alone


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
