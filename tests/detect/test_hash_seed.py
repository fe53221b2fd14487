"""The same text gives the same findings in every process.

Python salts the hash of strings per process, so a set of strings iterates in a different order in each
one; a tie between two equally near gazetteer keys must not be broken by that order (it was: the same
OCR-damaged place came out as ``place.fuzzy.foreign_places`` in one worker and as its alias rule in
another, so a moderator's view and a re-run could disagree).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

# OCR-damaged sentences whose near misses tie between keys of equal similarity.
TEXTS = (
    "우리\n교회 는 연길시 공원 가 인민로 2l5호 3층에 잇소",
    "고향은 함경북도 회렁시 유선동이고 지금은 도문 시 에 산다",
)
_RUN = (
    "import json, sys\n"
    "from relay.detect import detect\n"
    "texts = json.loads(sys.argv[1])\n"
    "print(json.dumps([[(f.kind.value, f.start, f.end, f.rule, f.severity.value) for f in detect(t)]"
    " for t in texts]))\n"
)


def _findings(seed: int) -> list[object]:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, json.dumps(TEXTS)], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(done.stdout)


def test_findings_do_not_depend_on_the_hash_seed() -> None:
    first = _findings(1)
    assert any(first), "the sentences must give findings for the comparison to mean anything"
    for seed in (2, 3, 4):
        assert _findings(seed) == first, seed
