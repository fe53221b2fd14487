"""Person findings on words that are no one's name, whatever slot or cue they stand in.

The name rules score a word by its slot and cues (a kinship word before it, a title after it, a
speaker word before it), and everyday words land in those slots too: "브로 형이" (a loanword for a
mate), "형 담배 나눠준거 형은" (a verb's adnominal form and a bound noun before 형), "하지만 형 은" (a
conjunction), "나 영어 이제 좀 해" (the writer and a word), "형 나키 엄청 컸어" (나 + 키 with the space
lost), "생각이 많이 나지비" (a Hamgyong sentence ending), "로씨야 겨울" (a country's name cut before its
last syllable). Each shape below is checked on the finding's own words, so a name in the same slot
("순철이 형이", "나 영희랑") is left alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from relay.detect.document import Doc
from relay.detect.morph import analyse_cached
from relay.detect.words import particle_fits, strip_particles
from relay.model import Finding, Kind

# What a verb's adnominal form ends in when a bound noun follows it: 준 거, 고픈 거, 어릴 때.
_ADNOMINAL = "ETM"


def drop_everyday_words(doc: Doc, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` without the person findings on words that are no one's name (see module doc)."""
    out: list[Finding] = []
    for f in findings:
        if f.kind is Kind.PERSON and _everyday(doc, f):
            continue
        out.append(f)
    return out


def _everyday(doc: Doc, f: Finding) -> bool:
    cfg = doc.rules.config.benign
    text = doc.original[f.start : f.end]
    compact = "".join(text.split())
    if not compact or not all("가" <= ch <= "힣" for ch in compact):
        return False
    word = _whole_word(doc, f)
    core = strip_particles(word, doc)[0] if word else ""
    never = cfg.not_names
    if any(len(w) >= 2 and w in never for w in (compact, strip_particles(compact, doc)[0], core)):
        return True
    if any(
        len(compact) < len(w) and w.startswith(compact) and _country_or_place(doc, w) for w in (word, core)
    ):
        return True  # 로씨 of 로씨야: a place's name cut short (its last syllable read as 야)
    if any(_country(doc, w) for w in (compact, strip_particles(compact, doc)[0])):
        return True  # "옆집 러시아 할머니": where someone is from, before a title, not a name
    if _predicate_form(compact, cfg.bound_nouns):
        return True
    if _writer_and_word(doc, text, compact):
        return True
    if _kin_and_particle(doc, text):
        return True
    return _dialect_ending(doc, f, compact) or _object_not_intro(doc, f)


def _kin_and_particle(doc: Doc, text: str) -> bool:
    """A kinship word, a space, then a particle that fits it split off by the spacing ("나 는 형 이
    살아", "누나 가 보 고"): the kin word and its particle, not a surname and a given name. A given name
    opening with a particle's syllable ("동생 은희", "누나 가영") has more after it and stays."""
    pieces = text.split()
    if len(pieces) != 2 or pieces[0] not in doc.rules.gazetteers.kinship:
        return False
    kin, rest = pieces
    return rest in doc.rules.config.benign.kin_particles and particle_fits(kin, rest, doc)


def _whole_word(doc: Doc, f: Finding) -> str:
    """The Hangul run of the original text the finding ends in, from the finding's last piece on."""
    text = doc.original
    start = f.start
    last_space = max(text.rfind(" ", f.start, f.end), text.rfind("\n", f.start, f.end))
    if last_space >= 0:
        start = last_space + 1
    end = f.end
    while end < len(text) and "가" <= text[end] <= "힣":
        end += 1
    return text[start:end]


def _country_or_place(doc: Doc, word: str) -> bool:
    return any(e.kind is Kind.PLACE for e in doc.rules.lexicon.exact.get(word, ()))


def _country(doc: Doc, word: str) -> bool:
    """A country's name (러시아, 로씨야, 우크라이나): nobody is called so."""
    return any(e.kind is Kind.PLACE and e.level == "country" for e in doc.rules.lexicon.exact.get(word, ()))


def _predicate_form(compact: str, bound_nouns: frozenset[str]) -> bool:
    """Kiwi reads the word on its own as a conjunction (하지만, 그런데) or as a verb's adnominal form
    and a bound noun ending it (나눠준거, 고픈거, 어릴때): no name is either."""
    morphs = analyse_cached(compact)
    if not morphs or any(m.oov for m in morphs):
        return False
    if len(morphs) == 1 and morphs[0].tag == "MAJ" and morphs[0].end == len(compact):
        return True
    if len(morphs) < 3 or morphs[-1].end != len(compact):
        return False
    last, before = morphs[-1], morphs[-2]
    return before.tag == _ADNOMINAL and last.form in bound_nouns and morphs[0].tag.startswith(("VV", "VA"))


def _writer_and_word(doc: Doc, text: str, compact: str) -> bool:
    """A pronoun of the writer or the reader written apart from an everyday noun (a stop word of the
    name rules, or a noun Kiwi knows): "나 영어" is the writer and a word, not a surname and a given
    name."""
    pronouns = doc.rules.config.benign.pronouns
    pieces = text.split()
    last = pieces[-1]
    if len(pieces) >= 2 and pieces[-2] in pronouns:
        rest = last
        morphs = analyse_cached(rest)
        known = len(morphs) == 1 and not morphs[0].oov and morphs[0].tag == "NNG"
        if rest in doc.rules.config.names.stop_words or known:
            return not doc.rules.gazetteers.listed_name(rest)
    # The same with the space lost ("형 나키") is not judged: Kiwi reads given names that open with a
    # pronoun's syllable the same way (나숙, 나련, 제니), and a name lost is worse than a flag.
    return False


def _dialect_ending(doc: Doc, f: Finding, compact: str) -> bool:
    """The word ends its sentence in a dialect's sentence ending (나지비, 했슴메), or ends in one anywhere
    and Kiwi reads it as a verb (힘내래이): a verb, no name."""
    endings = doc.rules.config.benign.dialect_endings
    if not any(compact.endswith(e) and len(compact) > len(e) for e in endings):
        return False
    rest = doc.original[f.end : f.end + 3].strip()
    if not rest or rest[0] in ".!?,~…":
        return True
    # Anywhere in the sentence when Kiwi reads the word as a verb's stem and endings ("힘내래이 누나가").
    morphs = analyse_cached(compact)
    return bool(morphs) and not any(m.oov for m in morphs) and morphs[0].tag in ("VV", "VA")


# Between an object and its verb: adverbs, determiners, counters ("양꼬치 한번 거하게 산다").
_ADVERBIAL = ("MAG", "MM", "NNB", "NR", "SN")
_SAYING = ("하", "부르", "불리", "이")
_LOOK_AHEAD = 40  # characters after the finding searched for its verb


def _object_not_intro(doc: Doc, f: Finding) -> bool:
    """After a speaker word, an everyday word Kiwi knows (no proper noun),
    without a particle, then adverbs and a verb that is not one of saying ("내가 양꼬치 한번 거하게
    산다"): what the speaker does, not an introduction of who the speaker is."""
    if f.rule != "person.intro" or doc.original[f.end : f.end + 1] != " ":
        return False
    before = doc.original[: f.start].split()
    if not before or before[-1] not in doc.rules.config.benign.speakers:
        return False  # "니 본이름 편승리 잊지 말라": a name's label, not the speaker
    s, e = doc.spaced_range(f.start, f.end)
    own = [m for m in doc.morphemes_in(s, e) if m.start >= s]
    if not own or any(m.oov or m.tag == "NNP" for m in own) or own[-1].end != e:
        return False
    for m in doc.morphemes_in(e + 1, e + 1 + _LOOK_AHEAD):
        if m.start < e + 1:
            continue
        if m.tag in _ADVERBIAL:
            continue
        return not m.oov and m.tag in ("VV", "VA") and m.form not in _SAYING
    return False
