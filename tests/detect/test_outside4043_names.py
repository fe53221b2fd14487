"""Name shapes found missing by the outside writers of tables outside40 to outside43, and look-alikes
that must stay unflagged. The sentences are new ones of the same shapes, not the tables' own."""

from __future__ import annotations

import pytest

from relay.detect import Rules
from relay.detect.document import Doc
from relay.detect.spaced_names import widen_spaced
from relay.model import Kind

from .conftest import covered, found


def _people(text: str) -> list[str]:
    return found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a full name written one syllable apart, found from its cue only in part: the last syllable
        # (with a particle or copula glued to it) and a surname set apart before a given name
        ("삼촌 하 경 민과 저는 한 공장에 다녔어요.", "하 경 민"),
        ("내 조카 류 은 비를 보거든 안부 전해다오.", "류 은 비"),
        ("우리 중대장 황 석진은 말이 없었다.", "황 석진"),
        ("할머니 송 옥 자가 부산에 사신다.", "송 옥 자"),
        # a listed Western given name introduced, or signed before a closing
        ("안녕하세요, 저는 카타지나예요. 바르샤바에서 왔어요.", "카타지나"),
        ("그리고 이 사람은 니콜라예요, 제 남편이에요.", "니콜라"),
        ("다음에 또 쓸게요.\n나탈리 드림", "나탈리"),
        # a Western given name and surname in Hangul, the given name French or Polish
        ("저는 적십자 연락관 앙투안 르루입니다.", "앙투안 르루"),
        ("우리 팀 간사는 마그다 코발스카입니다.", "마그다 코발스카"),
        # a name in religion before its title, the copula after a vowel
        ("저는 성심수녀회의 요안나 수녀예요.", "요안나 수녀"),
        # a teacher called by the given name, a programme maker by the surname
        ("서윤 쌤이 답장을 꼭 하라고 하셨어요.", "서윤"),
        ("그 사연은 윤 피디가 처음 들었습니다.", "윤 피디"),
        # the speaker named after a clause about them, one given syllable misread by one jamo
        ("나는 회령에서 살다 온 방영괭이오.", "방영괭"),
        ("나는 장마당에서 국수 팔던 조숸희요.", "조숸희"),
        # a Buddhist letter's closing after the monk's name
        ("부처님의 가피가 함께하기를.\n혜광 합장", "혜광"),
    ],
)
def test_found(text: str, name: str, rules: Rules) -> None:
    assert covered(text, name, rules, "person"), (text, _people(text))


@pytest.mark.parametrize(
    "text",
    [
        # a closing word after a verb, and a bodhisattva's name: no signature, no lay person
        "법당에 들어가 두 손 모아 합장.",
        "관음전 앞에서 두 손을 모아 합장했다.",
        # a word for someone's job in front of the title, not a name
        "방송국 피디가 전화를 했어요.",
        "수학 쌤이 숙제를 많이 내 주셨다.",
        # a Western name that is also a Korean word, introduced: left alone
        "저는 리사가 아니라 그냥 회원이에요.",
        # what the speaker was, after the same kind of clause
        "나는 장마당에서 국수 팔던 아줌마요.",
        "나는 회령에서 살다 온 방망이오.",
    ],
)
def test_not_flagged(text: str) -> None:
    assert _people(text) == [], text


def test_widening_stops_at_a_word_of_its_own(rules: Rules) -> None:
    # "집" after the pieces of a name is the family's house, not the name's last syllable
    text = "삼촌 하 경 집에서 하룻밤 잤다."
    assert not any("집" in p for p in _people(text)), _people(text)


@pytest.mark.parametrize(
    ("text", "name", "widened"),
    [
        ("소대장 선 용만은 말했다.", "용만은", "선 용만은"),
        ("삼촌 하 경 민과 갔다.", "하 경", "하 경 민"),
        # "전" and "제" before a given name are "I" and "my", not a surname; "씨" is a title
        ("전 경민이에요.", "경민", "경민"),
        ("제 경민이가 왔다.", "경민", "경민"),
        ("삼촌 하 경 씨와 갔다.", "하 경", "하 경"),
    ],
)
def test_widen_spaced(text: str, name: str, widened: str, rules: Rules) -> None:
    doc = Doc(text, rules)
    start = text.index(name)
    s, e = widen_spaced(doc, start, start + len(name))
    assert text[s:e] == widened
