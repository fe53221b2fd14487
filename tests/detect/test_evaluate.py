"""The evaluation table (evaluate.py) as a test: recall and benign flag rate thresholds."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .evaluate import TABLES, benign_cases, evaluate, identifying_cases, parse


def test_markup_parses() -> None:
    case = parse("{person:철수}야, {place:청진}에 간다")
    assert case.text == "철수야, 청진에 간다"
    assert case.labels == (("person", 0, 2), ("place", 5, 7))


@pytest.mark.parametrize("table", TABLES)
def test_table_is_large_enough(table: str) -> None:
    # outside5 holds whole letters, most of whose lines are benign: 116 labelled lines.
    assert len({c.text for c in identifying_cases(table=table) if c.variant == "typed"}) >= 110
    assert len(identifying_cases(table=table)) >= 300
    assert len(benign_cases(table=table)) >= 300


# Per table: least overall recall, least recall of any kind, most benign sentences flagged. The second
# outside table's names (nicknames, surnames alone, names glued to the words around them in
# transcripts) are found at 0.84 so far; the later tables' bars are likewise where the rules stand
# (outside7 was worked on least: its addresses are found at 0.75), so that they can only rise. outside10
# was scored as a held-out table after the round of fixes for outside8 and outside9 (0.938 recall, 7.1%
# benign; the session-start rules scored 0.912 and 11.3% on it) and worked on after; so were outside11
# (0.870 and 3.8% held out), outside12 (0.809 and 2.2% on the rules before its round) and outside13
# (0.829 and 3.3% on those rules; 0.848 and 3.3% after the outside11/12 round). outside14 is held out:
# no rule has been changed for it. It scored 0.783 and 6.0% on the session-start rules, 0.810 after the
# outside11/12 round and 0.824 after the outside13 one (benign 6.0% throughout); its bars are where it
# stands. outside15, outside16 and outside17 came from three more outside writers and scored 0.870 and
# 4.4%, 0.861 and 6.7%, 0.820 and 4.0% on the rules of c6d632b, before any rule was changed for them;
# outside14-16 were then worked on (0.926, 0.962 and 0.918 after; 3.1%, 2.3% and 2.9% flagged), and
# outside17, held out through that round, went from 0.820 and 4.0% to 0.839 and 3.1%.
# outside18 and outside19, from two more outside writers, scored 0.863 and 2.0%, 0.876 and 4.1% on the
# rules after that round (fe56cfe), before any rule was changed for them. A round for outside17 then took
# it to 0.981 and 0.6%, but moved the held-out outside18 and outside19 only to 0.867 and 0.886 (benign
# unchanged): each round fits its own writers far better than it generalises.
# A short last round for outside18 and outside19 took them to 0.905 and 0.913.
# outside20-24 came from five more outside writers asked for shapes a detector's authors might not have
# thought of; on the rules of 17d7733 they scored 0.734/7.6%, 0.759/4.6%, 0.839/2.7%, 0.744/5.7% and
# 0.830/9.8%. A round for outside20, 22 and 23 took those to 0.920/0.6%, 0.933/1.3% and 0.918/2.2%
# (outside18 and 19 to 0.923 each) and the held-out outside21 and outside24 to 0.780/4.6% and 0.847/6.7%.
# A short last round for outside21 and outside24 took them to 0.904/2.8% and 0.922/1.1%.
# outside25-32 came from eight more outside writers asked for ordinary letters of many kinds of writer;
# on the rules of 4d210b8 they scored 0.934/2.3%, 0.878/4.2%, 0.914/0.5%, 0.911/2.4%, 0.866/2.4%,
# 0.887/0.5%, 0.853/2.4% and 0.866/3.7%. A round for outside26, 27 and 29 took those three to
# 0.955/1.6%, 0.960/0.0% and 0.951/2.4%, and the five held out through it to 0.934/2.3%, 0.913/1.8%,
# 0.900/0.5%, 0.860/2.4% and 0.882/3.2% (outside25, 28, 30, 31, 32): about one point of recall, while
# the round's false-alarm vetoes carried over better. A last round for those five took them to
# 0.967, 0.958, 0.945, 0.936 and 0.960; no table is held out now.
# outside33-36 came from four more outside writers (plain dense letters, military life and captivity,
# everyday life in the North, contact details of modern life); on the rules of ddd2ee8 they scored
# 0.940/3.4%, 0.867/2.1%, 0.924/1.8% and 0.859/3.9%. outside37 (hard cases: Hanja, raw OCR, speech
# transcripts, dialects) scored 0.771/2.4% there, and 0.782/2.4% after the round for outside33-36 it
# was held out of; reading Hanja as Hangul then took it to 0.843. Rounds for outside33-36 and then for
# outside37 took them to 0.973/0.2%, 0.966/0.5%, 0.962/0.0%, 0.961/0.2% and 0.964/0.5%.
# outside38 and 39 (ordinary letters; letters following an event's suggested outline) were held out
# through all of that: 0.903/4.6% and 0.889/4.7% on ddd2ee8, 0.914/3.8% and 0.901/4.0% after. A last
# round of false-alarm vetoes for them took their benign rates to 0.8% and 1.4%.
# outside40-45 came from six more writers (relatives; supporters and institutions; raw OCR and speech
# transcripts; former soldiers and workers of the North; ordinary letters; letters following an
# outline). On 927c5ec: 0.927/3.2%, 0.878/8.5%, 0.868/3.5%, 0.906/2.7%, 0.886/4.1%, 0.911/13.6%. A round
# for outside40-43 took those to 0.960/0.3%, 0.937/1.5%, 0.946/1.9%, 0.960/1.4%; outside44 and 45, held
# out through it, moved to 0.895/3.0% and 0.914/10.3%. Then three vetoes (the law on repatriation in
# general, becoming a prisoner as a concession, going south as the reader's condition) for what most of
# outside45's flags were: 2.5% and 5.5%, no detail lost on any table.
# outside46-51 came from six more writers (young people; older defectors in northern speech; forms,
# lists and case notes; foreign and mixed-script writers; ordinary letters; video transcripts only). On
# bc31bcf: 0.845/5.3%, 0.936/8.3%, 0.889/4.6%, 0.839/6.9%, 0.919/2.6%, 0.901/5.4%. A round for
# outside46-49 took those to 0.933/3.0%, 0.960/3.2%, 0.959/3.0%, 0.968/2.8%; outside50 and 51, held out
# through it, moved to 0.944/2.2% and 0.904/5.4%. A short round for outside51 (contacts read aloud, a
# determiner glued to a noun, spoken building numbers) then took it to 0.948/5.1%; outside50 stays held out.
# outside52-57 came from six more writers (church people; defector families abroad; women who
# defected; former soldiers and officials; ordinary letters and short notes; raw OCR and transcripts
# only). On 7c402d4: 0.918/9.7%, 0.871/12.0%, 0.941/4.7%, 0.919/3.6%, 0.905/10.5%, 0.893/7.9%. A round for
# outside52-55 took those to 0.979/2.2%, 0.979/2.6%, 0.981/2.0%, 0.977/1.3%; outside56 and 57, held out
# through it (and still), moved to 0.906/7.4% and 0.897/5.9%.
# outside58-63 came from six more writers (South Korean volunteers, students and Koryo-saram; defectors
# working in the South; elderly writers in northern speech; siblings and friends in chat style; people
# once detained; North Koreans in third countries). On 32e872e: 0.866/4.9%, 0.839/4.7%, 0.845/3.5%,
# 0.843/8.7%, 0.853/3.0%, 0.810/3.0%. A round for outside58, 59, 60 and 62 took those to 0.888/3.7%,
# 0.931/1.7%, 0.920/0.9%, 0.934/1.0%; outside61 and 63, held out through it, moved to 0.846/7.8% and
# 0.824/3.0% (and outside56 and 57, not worked on, to 0.914/7.4% and 0.905/5.9%).
# outside64-69 came from six more writers (parents writing to a prisoner of war; video messages; defectors
# working as professionals in the South; women sold into China; former soldiers; fishing and farming
# families, mostly in heavily damaged OCR). On 4cf6fe5: 0.871/8.1%, 0.824/7.2%, 0.861/4.4%, 0.805/4.9%,
# 0.839/10.0%, 0.791/7.3%. A round for outside64, 65, 67 and 68 took those to 0.929/5.0%, 0.911/4.2%,
# 0.900/3.0%, 0.922/4.4%; outside66 and 69, held out through it, moved to 0.901/4.4% and 0.857/6.9%.
# outside70-75 came from six more writers (workers once dispatched abroad; church people and NGO staff;
# elderly writers in northern dialect; school friends in chat style; former soldiers; video messages of
# family gatherings). On 45909fc: 0.790/6.3%, 0.894/10.4%, 0.869/6.7%, 0.802/2.2%, 0.883/4.1%, 0.860/7.3%.
# A round for outside70-73 took those to 0.909/5.2%, 0.921/5.8%, 0.936/2.3%, 0.902/1.2%; outside74 and 75,
# held out through it, moved to 0.884/3.7% and 0.866/6.9% (outside69's benign rate rose 6.9% -> 7.3%).
# outside76-79 came from four more writers (defectors working trades in the South; young relatives and
# school friends in chat style; defectors who became nurses, lawyers and pastors; former soldiers, mostly
# in raw OCR of handwriting). On fb6e45d: 0.900/4.2%, 0.918/5.2%, 0.922/2.3%, 0.895/3.2%. A round for
# outside76, 77 and 79 (lines written syllable by syllable read again joined, a subunit named by its type
# after its parent, a landmark's noun glued to its place) took outside76 and 79 to 0.919 and 0.917, left
# outside77 where it was, all with the same benign rates; outside78, held out through it, moved to
# 0.928/2.3%.
BARS = {
    "eval": (0.95, 0.90, 0.03),
    "outside": (0.95, 0.90, 0.03),
    "outside2": (0.95, 0.82, 0.03),
    "outside3": (0.95, 0.90, 0.03),
    "outside4": (0.93, 0.80, 0.04),
    "outside5": (0.90, 0.75, 0.06),
    "outside6": (0.90, 0.75, 0.04),
    "outside7": (0.85, 0.65, 0.08),
    "outside8": (0.95, 0.88, 0.02),
    "outside9": (0.95, 0.90, 0.02),
    "outside10": (0.95, 0.88, 0.02),
    "outside11": (0.95, 0.90, 0.03),
    "outside12": (0.95, 0.90, 0.03),
    "outside13": (0.94, 0.78, 0.04),
    "outside14": (0.92, 0.83, 0.035),
    "outside15": (0.96, 0.91, 0.025),
    "outside16": (0.915, 0.82, 0.03),
    "outside17": (0.975, 0.95, 0.01),
    "outside18": (0.92, 0.81, 0.02),
    "outside19": (0.92, 0.79, 0.02),
    "outside20": (0.925, 0.83, 0.01),
    "outside21": (0.90, 0.74, 0.03),
    "outside22": (0.93, 0.81, 0.015),
    "outside23": (0.915, 0.82, 0.025),
    "outside24": (0.92, 0.83, 0.015),
    "outside25": (0.965, 0.93, 0.025),
    "outside26": (0.95, 0.9, 0.02),
    "outside27": (0.96, 0.9, 0.005),
    "outside28": (0.955, 0.89, 0.015),
    "outside29": (0.95, 0.89, 0.025),
    "outside30": (0.945, 0.83, 0.01),
    "outside31": (0.935, 0.83, 0.025),
    "outside32": (0.955, 0.9, 0.03),
    "outside33": (0.97, 0.91, 0.005),
    "outside34": (0.965, 0.90, 0.01),
    "outside35": (0.96, 0.89, 0.005),
    "outside36": (0.96, 0.87, 0.005),
    "outside37": (0.96, 0.90, 0.01),
    "outside38": (0.91, 0.80, 0.01),
    "outside39": (0.90, 0.77, 0.015),
    "outside40": (0.955, 0.87, 0.005),
    "outside41": (0.93, 0.83, 0.02),
    "outside42": (0.94, 0.74, 0.02),
    "outside43": (0.955, 0.87, 0.015),
    "outside44": (0.89, 0.66, 0.03),
    "outside45": (0.91, 0.59, 0.06),
    "outside46": (0.93, 0.78, 0.031),
    # The reading of letter-spaced lines with Kiwi's spacing (joined.py) found 242 more details on the 80
    # tables and flagged 13 more benign sentences, in outside47 (도 리해), 57 (형 나 키), 70 (세 진 아, 충 성
    # 아: everyday words called like names) and 71 (요 나 단, a Bible name; 나 누 나 야): bars raised by them.
    "outside47": (0.955, 0.87, 0.036),
    "outside48": (0.955, 0.83, 0.031),
    "outside49": (0.965, 0.89, 0.029),
    "outside50": (0.94, 0.66, 0.023),
    "outside51": (0.945, 0.87, 0.052),
    "outside52": (0.975, 0.92, 0.024),
    "outside53": (0.975, 0.88, 0.028),
    "outside54": (0.975, 0.94, 0.021),
    "outside55": (0.97, 0.92, 0.015),
    "outside56": (0.9, 0.66, 0.076),
    "outside57": (0.89, 0.76, 0.063),
    "outside58": (0.88, 0.77, 0.039),
    "outside59": (0.925, 0.87, 0.019),
    "outside60": (0.915, 0.77, 0.011),
    "outside61": (0.84, 0.66, 0.08),
    "outside62": (0.93, 0.87, 0.012),
    "outside63": (0.815, 0.49, 0.032),
    "outside64": (0.925, 0.83, 0.051),
    "outside65": (0.905, 0.78, 0.043),
    "outside66": (0.895, 0.77, 0.045),
    "outside67": (0.895, 0.7, 0.031),
    "outside68": (0.915, 0.74, 0.045),
    "outside69": (0.86, 0.68, 0.075),
    # Its benign lines address one 영호 ("영 호 야 , 요 즘 날 씨 가 …"), a listed given name: found since the
    # joined reading of letter-spaced lines, as a name addressed is in the identifying tables. So is 세진
    # ("세 진 아 , 그 별 장 …", a proper noun to Kiwi), since a given name set apart and called is (fff3d1e):
    # written whole, "세진아," was flagged already.
    "outside70": (0.905, 0.63, 0.063),
    "outside71": (0.915, 0.76, 0.063),
    "outside72": (0.93, 0.76, 0.026),
    "outside73": (0.895, 0.75, 0.014),
    "outside74": (0.88, 0.67, 0.04),
    "outside75": (0.86, 0.43, 0.071),
    "outside76": (0.915, 0.81, 0.043),
    "outside77": (0.915, 0.79, 0.052),
    "outside78": (0.92, 0.86, 0.024),
    "outside79": (0.915, 0.83, 0.033),
}


@pytest.mark.parametrize("table", TABLES)
def test_recall_and_benign_rate(rules: Rules, table: str) -> None:
    least_overall, least_kind, most_benign = BARS[table]
    report = evaluate(rules, table)
    overall = sum(report.found.values()) / sum(report.total.values())
    assert overall >= least_overall, overall
    for kind in report.total:
        # Per kind over typed, OCR-damaged and transcribed variants together.
        assert report.recall(kind) >= least_kind, (kind, report.recall(kind))
    assert report.benign_rate <= most_benign, report.benign_rate
