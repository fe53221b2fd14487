"""Lines written syllable by syllable, read again joined (relay/detect/joined.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from relay.detect import Rules, detect, load_rules
from relay.detect.joined import find_in_joined_lines
from relay.errors import ConfigError

from .conftest import covered, spans

# Letter-spaced lines whose details only a joined reading finds (my own sentences, not the tables').
JOINED_FOUND = [
    ("나 다 , 앞 침 대 황 보 석 .", "황 보 석", "person"),  # a two-syllable surname
    ("우 리 는 제 5 군 단 해 안 방 어 련 대 에 서 만 났 다 .", "제 5 군 단 해 안 방 어 련 대", "unit"),
    ("옆 집 영 희한 테 는 끝 내 말 도 못 했 다 .", "영 희", "person"),  # a listed name beside its cue
    ("엄 별 과 나 는 같 은 중 학 교 동 창 이 었 다 .", "엄 별", "person"),  # "X과 나는" opens the sentence
]

# Letter-spaced everyday lines that stay silent, joined or not.
JOINED_SILENT = [
    "나 는 요 즘 일 끝 나 면 공 을 찬 다 .",
    "물 한 잔 마 시 고 몸 은 괜 찮 으 냐 .",
    "나 는 지 금 여 든 셋 이 다 . 허 리 가 아 프 다 .",
    "오 늘 은 바 람 이 세 고 비 가 많 이 왔 다 .",
    "저 는 이 제 귀 가 잘 안 들 려 요 .",
    "의 사 선 생 님 이 청 진\n기 를 가 슴 에 대 셨 다 .",  # 청진기, not the town 청진
    "우 리 를 동 무 라 고 불 러 라 .",  # no name called 우리를
    "그 방 은 점 점 컴 컴 해 졌 다 .",  # no web address spelled out
    "우 리 반 친 구 와 나 는 동 창 이 었 다 .",  # "X와 나는" after words that are no name
]


@pytest.mark.parametrize(("text", "detail", "kind"), JOINED_FOUND)
def test_letter_spaced_details_are_found(rules: Rules, text: str, detail: str, kind: str) -> None:
    assert covered(text, detail, rules, kind), spans(text, rules)


@pytest.mark.parametrize("text", JOINED_SILENT)
def test_letter_spaced_everyday_lines_stay_silent(rules: Rules, text: str) -> None:
    assert spans(text, rules) == []


def test_only_letter_spaced_lines_are_joined(rules: Rules) -> None:
    from relay.detect.document import Doc

    read: list[str] = []

    def record(doc: Doc) -> tuple[()]:
        read.append(doc.original)
        return ()

    text = "평범하게 띄어 쓴 줄이다.\n나 는 경 성 군 에 서 왔 다 .\n이 줄 도 한 자 씩\n끝.\n\n다 른 줄"
    find_in_joined_lines(Doc(text, rules), record)
    # Only spaces between two syllables go; a line of single syllables beside a letter-spaced one ("끝.")
    # is read with it, a short one beside none ("다 른 줄") is not.
    joined, kiwi = read
    assert joined == "나는경성군에서왔다 .\n이줄도한자씩끝."
    # The reading with Kiwi's spacing keeps the other lines as they are and changes only spaces.
    assert kiwi.split("\n")[0] == "평범하게 띄어 쓴 줄이다." and kiwi.split("\n")[-1] == "다 른 줄"
    assert "".join(kiwi.split()) == "".join(text.split()) and kiwi != text
    read.clear()
    # A break between syllables of two such lines is one more space between syllables.
    find_in_joined_lines(Doc("의 사 가 청 진\n기 를 가 슴 에 댔 다 .", rules), record, kiwi_spacing=False)
    assert read == ["의사가청진기를가슴에댔다 ."]
    read.clear()
    find_in_joined_lines(Doc("띄어 쓴 줄 하나.", rules), record)
    assert read == []  # three one-syllable words of four: not enough words


def test_offsets_go_back_to_the_spaced_text(rules: Rules) -> None:
    text = "첫 줄은 보통이다.\n나 다 , 앞 침 대 황 보 석 ."
    found = [text[f.start : f.end] for f in detect(text, rules) if f.kind.value == "person"]
    assert found == ["황 보 석"]


def test_rules_not_listed_are_not_taken(config: Path) -> None:
    text = "나 다 , 앞 침 대 황 보 석 ."
    rules = load_rules(config)
    path = config / "detect" / "rules.toml"
    toml = path.read_text(encoding="utf-8")
    not_kiwi = "not_when_kiwi_spaced = [\n"
    toml = toml.replace(not_kiwi, not_kiwi + '  "person.",\n')  # the other reading takes no names here
    path.write_text(toml.replace('"person.double_surname", ', ""), encoding="utf-8")
    assert covered(text, "황 보 석", rules, "person")
    assert not covered(text, "황 보 석", load_rules(config), "person")


@pytest.mark.parametrize("entry", ["", "person", "Person.full_name", "person..x", "person.full name"])
def test_a_joined_rule_entry_that_names_no_rule_is_refused(config: Path, entry: str) -> None:
    path = config / "detect" / "rules.toml"
    toml = path.read_text(encoding="utf-8")
    path.write_text(toml.replace('"org.department",', f'"org.department", "{entry}",'), encoding="utf-8")
    with pytest.raises(ConfigError):
        load_rules(config)


def test_a_cue_beside_a_name_counts_in_a_joined_line_only_for_listed_names(config: Path) -> None:
    text = "옆 집 영 희한 테 는 끝 내 말 도 못 했 다 ."
    path = config / "detect" / "rules.toml"
    not_kiwi = "not_when_kiwi_spaced = [\n"
    toml = path.read_text(encoding="utf-8").replace(not_kiwi, not_kiwi + '  "person.",\n')
    path.write_text(toml, encoding="utf-8")  # the reading with Kiwi's spacing takes no names here
    assert covered(text, "영 희", load_rules(config), "person")
    path.write_text(toml.replace('listed_name_rules = ["person.context"]', "listed_name_rules = []"), "utf-8")
    assert not covered(text, "영 희", load_rules(config), "person")
    gazetteer = config / "gazetteers" / "given_names_common.txt"
    names = gazetteer.read_text(encoding="utf-8")
    path.write_text(toml, encoding="utf-8")
    gazetteer.write_text(names.replace("\n영희\n", "\n"), encoding="utf-8")  # no longer a listed name
    assert not covered(text, "영 희", load_rules(config), "person")
