"""Hanja in letters: names, places, units and dates written in Chinese characters are found as if they
were written in Hangul, with offsets into the Hanja, and everyday Hanja words stay unflagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from relay.detect import Rules, detect
from relay.detect.hanja import Readings, initial_sound, load_readings, read_hanja
from relay.detect.normalize import clean
from relay.errors import ConfigError


def _spans(text: str, rules: Rules) -> set[tuple[str, str]]:
    return {(f.kind.value, text[f.start : f.end]) for f in detect(text, rules)}


def test_initial_sound_rule() -> None:
    assert [initial_sound(s) for s in "리룡로녀라년가"] == list("이용노여나연가")


def test_reading_keeps_offsets_and_reads_words() -> None:
    inside = {"咸": "함", "鏡": "경", "李": "리", "龍": "룡", "年": "년", "君": "군", "沈": "심", "載": "재"}
    readings = Readings(inside, {"君": "너"}, {"君": "씨"})
    view = read_hanja(clean("咸鏡 李龍 二〇〇五年 十二 또 君의"), readings)
    assert view.text == "함경 이룡 2005년 十二 또 너의"  # 十 has no reading in this small table
    assert len(view.text) == len("咸鏡 李龍 二〇〇五年 十二 또 君의")
    assert read_hanja(clean("沈載 君을"), readings).text == "심재 씨을"  # after a name in Hanja: a title
    assert read_hanja(clean("李君이"), readings).text == "이군이"  # inside a word: its own reading
    # A line with kana is Japanese: its kanji stay as written, for the Japanese-name rules.
    assert read_hanja(clean("李龍ハルオ 李龍이"), readings).text == "李龍ハルオ 李龍이"
    # Only a line of Korean mixed script (some Hanja glued to Hangul) is read; Chinese stays Chinese.
    assert read_hanja(clean("咸鏡 오빠 李龍"), readings).text == "咸鏡 오빠 李龍"
    assert read_hanja(clean("咸鏡们 또 君의"), readings).text == "咸鏡们 또 君의"  # 们: simplified
    assert read_hanja(clean("咸鏡李 오빠"), readings).text == "함경리 오빠"  # three characters: a word


def test_readings_file_is_checked(tmp_path: Path) -> None:
    good = tmp_path / "good.tsv"
    good.write_text("# comment\n金\t금\n君\t군\t너\t씨\n", encoding="utf-8")
    readings = load_readings(good)
    assert readings.inside == {"金": "금", "君": "군"}
    assert readings.alone == {"君": "너"} and readings.titled == {"君": "씨"}
    for bad in ("金\tkim\n", "金\t금금\n", "a\t가\n", "金 금\n", "君\t군\t너\n"):
        path = tmp_path / "bad.tsv"
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(ConfigError):
            load_readings(path)


@pytest.mark.parametrize(
    ("text", "kind", "detail"),
    [
        ("나는 平安南道 价川市 出身 朴英男이오.", "place", "价川市"),
        ("나는 平安南道 价川市 出身 朴英男이오.", "person", "朴英男"),
        ("李順玉 女史가 君의 어머니시오.", "person", "李順玉"),
        ("崔明浩 君, 이 늙은이는 元山에서 왔네.", "person", "崔明浩"),
        ("君의 生日이 一九九九年 陰曆 四月 初八日이라 들었소.", "date", "一九九九年 陰曆 四月 初八日"),
        ("二〇二四年 十二月 二十日에 捕虜가 되었다 하오.", "date", "二〇二四年 十二月 二十日"),
        ("君이 第十一軍團 第三旅團에 있었다 하오.", "unit", "第三旅團"),
        ("君의 아버지가 茂山鑛山에서 일했다지.", "org", "茂山鑛山"),
        ("答狀은 仁川 南洞區 九月洞 45番地로 보내시오.", "place", "九月洞"),
        ("龍川郡 出身이라 들었소.", "place", "龍川郡"),
    ],
)
def test_hanja_details_are_found(rules: Rules, text: str, kind: str, detail: str) -> None:
    found = detect(text, rules)
    start = text.index(detail)
    covered = {i for f in found if f.kind.value == kind for i in range(f.start, f.end)}
    assert all(i in covered for i in range(start, start + len(detail))), _spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        "一日如三秋로 君의 答狀을 기다리오.",
        "健康이 第一이니 몸 操心하시오.",
        "不遠千里 마다하지 않고 달려가고 싶소.",
        "每日 祈禱하고 있소.",
        "世上 일은 모두 때가 있는 法이오.",
        "十年이면 江山도 變한다 하였소.",
        "사람은 敎育이 根本이오.",
    ],
)
def test_everyday_hanja_is_not_flagged(rules: Rules, text: str) -> None:
    assert detect(text, rules) == ()
