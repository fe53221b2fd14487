"""relay.detect's own evaluation: recall per kind on labelled sentences, and the benign flag rate.

The labelled sentences (``data/eval_identifying.txt``, details marked ``{kind:text}``) are used as
written and in two derived forms: an OCR form (one syllable's jamo damaged in a long detail, look-alike
letters in digits, a space inserted inside a detail, a space dropped, a line broken) and a transcript
form (no punctuation, numbers spoken in Korean). Benign sentences (``data/eval_benign.txt``) are used
as written and re-spaced. A detail counts as found when findings of its kind (or an equivalent one)
cover at least 90% of its non-space characters; a benign sentence counts as flagged on any finding.

Run ``python tests/detect/evaluate.py [-v] [--table=outside|outside2|…|outside79]`` to print a table; the
test suite asserts thresholds on every table.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from relay.detect import Rules, detect, load_rules
from relay.model import Finding, Severity

DATA = Path(__file__).resolve().parent / "data"
_MARK = re.compile(r"\{([a-z_]+):([^{}]+)\}")
# A detail counts as found by findings of its own kind or of one that redacts the same words.
EQUIVALENT = {
    "place": {"place", "address", "org"},
    "address": {"address", "place"},
    "org": {"org", "place"},
    "email": {"email", "url", "messenger"},
    "url": {"url", "email"},
    "messenger": {"messenger", "email", "url", "phone"},  # Signal, WhatsApp: reached by a phone number
    "id_number": {"id_number", "phone"},
    "phone": {"phone", "id_number"},
    "unit": {"unit", "org"},
}
_DIGIT_NAMES = "공일이삼사오육칠팔구"
_CHO, _JUNG, _JONG = 19, 21, 28


@dataclass(frozen=True)
class Case:
    """A sentence and its labelled details ``(kind, start, end)``."""

    text: str
    labels: tuple[tuple[str, int, int], ...]
    variant: str = "typed"


@dataclass
class Report:
    """Counts per kind and the benign flag rate."""

    total: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    redacted: Counter[str] = field(default_factory=Counter)
    benign: int = 0
    benign_flagged: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    false_alarms: list[tuple[str, str]] = field(default_factory=list)

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.total[kind] if self.total[kind] else 1.0

    @property
    def benign_rate(self) -> float:
        return self.benign_flagged / self.benign if self.benign else 0.0


def parse(line: str) -> Case:
    """A marked-up line as plain text plus labels."""
    out: list[str] = []
    labels: list[tuple[str, int, int]] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(line):
        out.append(line[pos : m.start()])
        length += m.start() - pos
        kind, detail = m.group(1), m.group(2)
        labels.append((kind, length, length + len(detail)))
        out.append(detail)
        length += len(detail)
        pos = m.end()
    out.append(line[pos:])
    return Case("".join(out), tuple(labels))


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


# Variants work on characters tagged with the index of the label they belong to (or -1).
Tagged = list[tuple[str, int]]


def _tag(case: Case) -> Tagged:
    tags = [-1] * len(case.text)
    for i, (_, s, e) in enumerate(case.labels):
        for j in range(s, e):
            tags[j] = i
    return list(zip(case.text, tags, strict=True))


def _untag(tagged: Tagged, case: Case, variant: str) -> Case:
    text = "".join(ch for ch, _ in tagged)
    labels = []
    for i, (kind, _, _) in enumerate(case.labels):
        idx = [j for j, (_, t) in enumerate(tagged) if t == i]
        if idx:
            start, end = idx[0], idx[-1] + 1
            while end > start and text[end - 1].isspace():
                end -= 1
            labels.append((kind, start, end))
    return Case(text, tuple(labels), variant)


def _damage_syllable(ch: str, rng: random.Random) -> str:
    code = ord(ch) - 0xAC00
    lead, vowel, tail = code // (_JUNG * _JONG), (code % (_JUNG * _JONG)) // _JONG, code % _JONG
    if rng.random() < 0.6:
        vowel = (vowel + rng.choice((1, 2, -1, 4))) % _JUNG  # a vowel stroke misread: 진 -> 잔, 호 -> 흐
    else:
        tail = 0 if tail else 4  # a final consonant dropped or added
    return chr(0xAC00 + (lead * _JUNG + vowel) * _JONG + tail)


def ocr_variant(case: Case, rng: random.Random) -> Case:
    """OCR-like damage. Each detail, with probability one half, gets one error: a jamo misread in a
    syllable, a space inserted inside it, or a digit read as a look-alike letter. The sentence also
    loses a space or has one turned into a line break."""
    tagged = _tag(case)
    inserts: list[int] = []
    for i, (kind, s, e) in enumerate(case.labels):
        if rng.random() >= 0.5:
            continue
        hangul = [j for j in range(s, e) if "가" <= tagged[j][0] <= "힣"]
        digits = [j for j in range(s, e) if tagged[j][0] in "01"]
        inner = [j for j in hangul if j > s and "가" <= tagged[j - 1][0] <= "힣"]
        damage = []
        if kind in ("person", "place", "org", "unit") and (len(hangul) >= 3 or kind == "person"):
            damage.append("jamo")
        if inner and len(hangul) >= 3:
            damage.append("space")
        if digits:
            damage.append("digit")
        if not damage:
            continue
        what = rng.choice(damage)
        if what == "jamo" and len(hangul) >= 2:
            j = rng.choice(hangul[1:])
            tagged[j] = (_damage_syllable(tagged[j][0], rng), i)
        elif what == "space":
            inserts.append(rng.choice(inner))
        elif what == "digit":
            j = rng.choice(digits)
            tagged[j] = ({"0": "O", "1": "l"}[tagged[j][0]], i)
    for j in sorted(inserts, reverse=True):
        tagged.insert(j, (" ", tagged[j][1]))
    spaces = [j for j, (ch, _) in enumerate(tagged) if ch == " "]
    if spaces and rng.random() < 0.5:
        j = rng.choice(spaces)
        tagged[j] = ("\n", tagged[j][1])
    elif spaces:
        del tagged[rng.choice(spaces)]
    return _untag(tagged, case, "ocr")


def sino(n: int) -> str:
    """A number in Sino-Korean words (1998 -> 천구백구십팔)."""
    if n == 0:
        return "영"
    out = ""
    for value, name in ((10000, "만"), (1000, "천"), (100, "백"), (10, "십")):
        q, n = divmod(n, value)
        if q:
            out += ("" if q == 1 and value < 10000 else sino(q)) + name
    return out + (_DIGIT_NAMES[n] if n else "")


def asr_variant(case: Case) -> Case:
    """A transcript: punctuation gone, numbers before a unit spoken, long digit runs read digit by digit."""
    tagged = [(ch, t) for ch, t in _tag(case) if ch not in ".,?!:;\"'" or (t >= 0 and ch in ".:")]
    text = "".join(ch for ch, _ in tagged)
    out: Tagged = []
    pos = 0
    for m in re.finditer(r"\d+(?:[ \-]\d+)*", text):
        out.extend(tagged[pos : m.start()])
        run, tag = m.group(), tagged[m.start()][1]
        after = text[m.end() : m.end() + 2]
        digits = re.sub(r"\D", "", run)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", run):
            y, mo, d = (int(x) for x in run.split("-"))
            spoken = f"{sino(y)}년 {sino(mo)}월 {sino(d)}일"  # how a date is said aloud
        elif len(digits) >= 7 and re.fullmatch(r"[\d \-]+", run):
            spoken = "".join(_DIGIT_NAMES[int(c)] if c.isdigit() else " " for c in run)
        elif len(digits) == len(run) and re.match(
            r"(년|월|일|군단|사단|여단|려단|부대|대대|중대|인민반|번)", after
        ):
            spoken = sino(int(digits))
        else:
            spoken = run
        out.extend((ch, tag) for ch in spoken)
        pos = m.end()
    out.extend(tagged[pos:])
    return _untag(out, case, "asr")


# The tables: ``eval`` was written with the detector; ``outside`` to ``outside6`` by writers who had not
# seen the detector's rules, gazetteers or tests (different names, places, voices), to show what the
# rules miss in letters they were not written for. Their misses have since been worked on, so they are
# regression tables now, no longer held-out ones.
TABLES = (
    *("eval", "outside", "outside2", "outside3", "outside4", "outside5", "outside6", "outside7"),
    *("outside8", "outside9", "outside10", "outside11", "outside12", "outside13", "outside14"),
    *("outside15", "outside16", "outside17", "outside18", "outside19", "outside20", "outside21"),
    *("outside22", "outside23", "outside24", "outside25", "outside26", "outside27", "outside28"),
    *("outside29", "outside30", "outside31", "outside32", "outside33", "outside34", "outside35"),
    *("outside36", "outside37", "outside38", "outside39", "outside40", "outside41", "outside42"),
    *("outside43", "outside44", "outside45"),
    *("outside46", "outside47", "outside48", "outside49", "outside50", "outside51"),
    *("outside52", "outside53", "outside54", "outside55", "outside56", "outside57"),
    *("outside58", "outside59", "outside60", "outside61", "outside62", "outside63"),
    *("outside64", "outside65", "outside66", "outside67", "outside68", "outside69"),
    *("outside70", "outside71", "outside72", "outside73", "outside74", "outside75"),
    *("outside76", "outside77", "outside78", "outside79"),
)


def identifying_cases(seed: int = 7, table: str = "eval") -> list[Case]:
    """Every labelled sentence as typed, OCR-damaged and transcribed."""
    rng = random.Random(seed)
    base = [parse(line) for line in _lines(f"{table}_identifying.txt")]
    return [c for case in base for c in (case, ocr_variant(case, rng), asr_variant(case))]


def benign_cases(seed: int = 11, table: str = "eval") -> list[Case]:
    """Every benign sentence as typed and re-spaced by OCR."""
    rng = random.Random(seed)
    base = [Case(line, ()) for line in _lines(f"{table}_benign.txt")]
    return [c for case in base for c in (case, ocr_variant(case, rng), asr_variant(case))]


def _covered(label: tuple[str, int, int], findings: Sequence[Finding], text: str, redact_only: bool) -> bool:
    kind, start, end = label
    kinds = EQUIVALENT.get(kind, {kind})
    wanted = [i for i in range(start, end) if not text[i].isspace()]
    hit = set()
    for f in findings:
        if f.kind.value in kinds and (not redact_only or f.severity is Severity.REDACT):
            hit.update(range(max(f.start, start), min(f.end, end)))
    return bool(wanted) and sum(i in hit for i in wanted) >= 0.9 * len(wanted)


def evaluate(rules: Rules | None = None, table: str = "eval") -> Report:
    """Run the detector over one table's identifying and benign sentences and count."""
    rules = rules or load_rules()
    report = Report()
    for case in identifying_cases(table=table):
        findings = detect(case.text, rules)
        for label in case.labels:
            kind = label[0]
            report.total[kind] += 1
            if _covered(label, findings, case.text, redact_only=False):
                report.found[kind] += 1
            else:
                report.misses.append((case.variant, kind, case.text))
            if _covered(label, findings, case.text, redact_only=True):
                report.redacted[kind] += 1
    for case in benign_cases(table=table):
        report.benign += 1
        findings = detect(case.text, rules)
        if findings:
            report.benign_flagged += 1
            report.false_alarms.append((case.text, ",".join(f"{f.kind.value}:{f.rule}" for f in findings)))
    return report


def main(argv: Sequence[str]) -> int:
    table = next((a.removeprefix("--table=") for a in argv if a.startswith("--table=")), "eval")
    if table not in TABLES:
        print(f"unknown table {table!r}; one of {', '.join(TABLES)}", file=sys.stderr)
        return 2
    report = evaluate(table=table)
    print(f"{'kind':<10} {'details':>7} {'found':>7} {'recall':>7} {'redacted':>8}")
    for kind in sorted(report.total):
        total, found = report.total[kind], report.found[kind]
        red = report.redacted[kind] / total
        print(f"{kind:<10} {total:>7} {found:>7} {report.recall(kind):>7.3f} {red:>8.3f}")
    all_total, all_found = sum(report.total.values()), sum(report.found.values())
    print(f"{'all':<10} {all_total:>7} {all_found:>7} {all_found / all_total:>7.3f}")
    print(f"benign sentences {report.benign}, flagged {report.benign_flagged}, rate {report.benign_rate:.3f}")
    if "-v" in argv:
        for variant, kind, text in report.misses:
            print("MISS", variant, kind, repr(text))
        for text, why in report.false_alarms:
            print("FLAG", why, repr(text))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
