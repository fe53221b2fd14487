"""Person findings that only exist because of the spacing: read again with the spaces taken out.

OCR of handwriting and careless typing split words into syllables ("형 은 글 을 잘 못써서", "지 금 은 아
침 마 다", "할아버지 가 기다 린다"), and the name rules then merge a particle split off the word before
with the syllable after it ("은 글", "가 기", "이 너") or take the pieces of one word for a name ("금 은"
of 지금은, "심 해 라" of 조심해라). Written without its spaces the stretch is ordinary Korean to Kiwi
(형은글을잘못써서: 형 + 은 + 글 + 을 …). A person finding with a space inside it is dropped when, read so,

- every morpheme it overlaps is an everyday word, particle or ending Kiwi knows (no proper noun, no
  unknown word), and
- it shows two signs of split words (it opens or closes with a particle or an ending, starts or ends
  strictly inside a known word, or holds a pronoun), or one sign and its syllables are not a surname
  and given syllables typical of names: a real name split by a space ("도 윤 재가", "류 옥심 님과") is
  often read as a particle and everyday syllables too, and stays.

The stretch read is the run of Hangul words around the finding (up to four on each side, with one
space or line break between them; punctuation and digits end it).
"""

from __future__ import annotations

from collections.abc import Iterable

from relay.detect.document import Doc
from relay.detect.morph import Morpheme, analyse_cached
from relay.detect.normalize import is_hangul
from relay.model import Finding, Kind

# Words around the finding that are read with it, on each side.
_WINDOW = 4
_MIN_WORD = 2  # a known word this long or longer that the finding cuts
# Place names split by OCR ("연 안읍", "고 저읍") read as everyday words too often to be judged so.
_KINDS = (Kind.PERSON,)
# Rules whose cue leaves no doubt that a name follows ("제 이름은 한 빛나리예요"), or that already
# demand a spaced name's own evidence (the speaker named after a home town, "나 무산 빵집 영 호"):
# never judged so. The spaced full name is judged: after a kinship word it can be particles split off
# ("형 은 글 을"). A name with a masked syllable ("송 철 □ 은") is read with the mask left out, as
# syllables it never was, and a nickname spaced apart ("너 를 깜 돌 이 라 고 불 렀 다") as the everyday
# words it is made of: their rules ask for a cue on either side instead.
_SURE_RULES = frozenset(
    {"person.labelled", "person.intro", "person.handle", "person.masked_spaced", "person.called_spaced"}
)
_CLOSERS = ("J", "E", "VCP")


def drop_split_words(doc: Doc, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` without the person findings that opening or cutting words show to be pieces of the
    words around them once the spaces are taken out, and the person and place findings so shown in a
    stretch spaced syllable by syllable (``_spaced_piece``)."""
    tags = doc.rules.config.benign.respaced_word_tags
    openers = doc.rules.config.benign.respaced_opening_tags
    out: list[Finding] = []
    findings = list(findings)
    chained = _chained_places(doc, findings)
    for f in findings:
        if (
            f.kind in _KINDS
            and f.rule not in _SURE_RULES
            and tags
            and not _listed_born(doc, f)
            and _split_piece(doc, f, tags, openers)
        ):
            continue
        if (
            f.kind in _SPACED_KINDS
            and f.rule not in _SPACED_SURE
            and f not in chained
            and tags
            and _spaced_piece(doc, f, tags, openers)
        ):
            continue
        out.append(f)
    return out


def _listed_born(doc: Doc, f: Finding) -> bool:
    """The subject of a birth whose pieces make a listed given name ("막내 빛 나가 …에 태어났을 때": 빛나,
    which despaced is the verb 빛나다 to Kiwi): the birth says a person, and the list says the name."""
    if f.rule != "person.born":
        return False
    return doc.rules.gazetteers.listed_name("".join(doc.original[f.start : f.end].split()))


def split_piece(doc: Doc, f: Finding) -> bool:
    """Whether person finding ``f`` is a piece of the words around it once the spaces are taken out
    (what :func:`drop_split_words` drops), for a rule that builds on a finding before that veto runs."""
    tags = doc.rules.config.benign.respaced_word_tags
    openers = doc.rules.config.benign.respaced_opening_tags
    return f.rule not in _SURE_RULES and bool(tags) and _split_piece(doc, f, tags, openers)


def _split_piece(doc: Doc, f: Finding, tags: frozenset[str], openers: tuple[str, ...]) -> bool:
    s, e = doc.spaced_range(f.start, f.end)
    text = doc.text
    if " " not in text[s:e]:
        # A word written whole: Kiwi read it in its sentence already, unless a syllable of it was cut off
        # before it ("시 래기국" of 시래기국).
        return _cut_off_head(doc, s, e, tags, openers)
    stretch = _stretch(doc, s, e)
    if stretch is None:
        return False
    _, _, despaced, ds, de = stretch
    morphs = analyse_cached(despaced)
    if not _everyday_only(morphs, ds, de, tags, openers):
        return False  # a proper noun or a word Kiwi does not know: a split name ("도 윤재", "류 옥심")
    head, tail = _cuts(morphs, ds, de, tags, despaced, doc)
    signs = [
        _opens_with(morphs, ds, openers),
        head,
        tail,
        _closes_with(morphs, de),
        _pronoun(morphs, ds, de),
        _verb_cut(morphs, ds, de),
    ]
    if sum(signs) >= 2:
        return True  # "가 기" of 가 기다리다, "금 은" of 지금은, "가 너": two signs of split words
    if _cuts_long_word(morphs, ds, de, tags) or _pronoun_and_particle(doc, e, despaced, morphs, de):
        return True  # "어르 신 말" of 어르신, "하 나님" of 하나님; "머니 랑 나 는": the writer and a particle
    # One sign only: believed unless the pieces are a surname and name syllables ("도 윤 재", "류 옥심").
    return any(signs) and not _name_shaped(doc, "".join(text[s:e].split()))


def _stretch(doc: Doc, s: int, e: int) -> tuple[int, int, str, int, int] | None:
    """The run of Hangul words around spaced ``[s, e)`` (``_WINDOW`` each side, one space between):
    its first and last word indices, its text with the spaces taken out, and ``[s, e)`` in that text."""
    word, last_word = doc.word_at(s), doc.word_at(e - 1)
    if word is None or last_word is None:
        return None
    i, j = doc.word_index(word.start), doc.word_index(last_word.start)
    lo, hi = i, j
    while lo > 0 and i - lo < _WINDOW and _space_between(doc, lo - 1, lo):
        lo -= 1
    while hi + 1 < len(doc.words) and hi - j < _WINDOW and _space_between(doc, hi, hi + 1):
        hi += 1
    text = doc.text
    offsets = [k for k in range(doc.words[lo].start, doc.words[hi].end) if is_hangul(text[k])]
    index = {k: n for n, k in enumerate(offsets)}
    ds, de = index.get(s), index.get(e - 1)
    if ds is None or de is None:
        return None
    return lo, hi, "".join(text[k] for k in offsets), ds, de + 1


# Kinds judged in a stretch spaced syllable by syllable: there a place's name too is read with its
# neighbours, as it is then one more everyday word or grammar piece among them, or a proper noun.
_SPACED_KINDS = (Kind.PERSON, Kind.PLACE)
# Nor a name before the closing that ends a letter ("간호사 이 리 나 드림"): Kiwi's reading of a name so
# spaced there is not believed (relay/detect/titled.py), as the closing leaves no doubt.
# A foreign city with the letter-spaced village after it (places._spaced_foreign_villages) is judged by
# its own shape: despaced, the city runs into the village ("돈화시대석두진": 시대).
_SPACED_SURE = _SURE_RULES | {"person.closing", "place.spaced_foreign_village"}
_SPACED_SHARE = 0.5  # of the words around a finding that are one syllable, in text spaced so
_SPACED_LEAST = 4  # words read around the finding, the finding's own included
_SPACED_RUN = 3  # one-syllable words in a row somewhere among them
_GRAMMAR = ("J", "E", "VCP", "VV", "VA", "VX", "XS")


def _spaced_piece(doc: Doc, f: Finding, tags: frozenset[str], openers: tuple[str, ...]) -> bool:
    """OCR of a hand that leaves a gap after every syllable ("교 회 에 서 동무 위 해 기 도 하 오", "기 침
    이 심 하 오", "간것 은 동무 의 죄"): in such a stretch (``_letter_spaced``) that Kiwi, spaces taken
    out, reads as everyday words only, a finding holding a particle, an ending or a verb ("위 해" of
    위해, "심 하" of 심하오, "은" of 간것은), or cutting a word ("향 산" of 고향 산), is pieces of those
    words. A name so spaced is a proper noun
    or a word Kiwi does not know ("김 철 수", "회 령"), and stays."""
    s, e = doc.spaced_range(f.start, f.end)
    stretch = _stretch(doc, s, e)
    if stretch is None or not _letter_spaced(doc, stretch[0], stretch[1]):
        return False
    _, _, despaced, ds, de = stretch
    morphs = analyse_cached(despaced)
    if not _everyday_only(morphs, ds, de, tags, openers):
        return False
    inside = [m for m in morphs if m.start < de and m.end > ds]
    titled = doc.text[e:].lstrip(" ").startswith(doc.rules.config.names.slot_titles)
    if f.kind is Kind.PERSON and titled and " " in doc.text[s:e]:
        return False  # "주 미 경 씨가": a title after it vouches for a name however it is spaced
    if f.kind is Kind.PERSON and _starts_in_grammar_or_pronoun(inside, ds):
        return True  # "처 럼 강 하 게" (럼 of 처럼), "우 리 동 네" (우리 + 동네): no name starts so
    bare = _without_title(doc, "".join(doc.text[s:e].split()))
    if (
        f.kind is Kind.PERSON
        and len(bare) >= 2
        and any(bare[:n] in doc.rules.gazetteers.surnames for n in (1, 2))
    ):
        # "고 향 인 지 명 숙 이 오", "남편 장 이 민 은": a surname and syllables so spaced that Kiwi reads
        # as words (지명 + 숙, 이민) stay; only a lone particle before a title ("은 동무") goes.
        return False
    cut = any(m.start < ds < m.end or m.start < de < m.end for m in inside)
    if _weak_place(f) and " " in doc.text[s:e] and _one_everyday_noun(inside, ds, de):
        # "나 는 수 영 을": a place's stem without its suffix (수영 of 수영구), or a word before a cue
        # read as a place, that is an everyday noun read as one. Not a city's own name (대 전 에서):
        # Kiwi may read it as its everyday homonym once the spaces are out.
        return True
    if " " not in doc.text[s:e]:
        # A word written whole: a particle or the copula split off the word before ("은", "인"), or a
        # word running on from one ("서동무" of 에서 동무).
        return cut or all(m.tag.startswith(("J", "E", "VCP")) for m in inside)
    return cut or any(m.tag.startswith(_GRAMMAR) for m in inside)


def _starts_in_grammar_or_pronoun(inside: list[Morpheme], ds: int) -> bool:
    """The despaced finding starts strictly inside a particle, an ending or a pronoun Kiwi reads
    ("럼 강" of 처럼 강하게, "서 동" of 에서 동무, "리 동" of 우리 동네), or opens with a pronoun of two
    syllables or more (우리, 저희, 너희: "우 리 동" of 우리 동네). A surname and given syllables so spaced
    would be read, however wrongly, as words of their own, never as the tail of a particle or as a
    pronoun."""
    if any(_own_start(m) < ds < m.end and m.tag.startswith(("J", "E", "NP")) for m in inside):
        return True  # "럼 강" of 처럼, "리 동" of 우리 동네
    return any(m.start == ds and m.tag == "NP" and m.end - m.start >= 2 for m in inside)


def _own_start(m: Morpheme) -> int:
    """Where ``m`` starts a syllable of its own: an ending that opens with a final consonant (ᆫ지 of
    고향인지) shares its first syllable with the morpheme before it, so "인 지 명 숙" is 고향인 + 지명숙,
    and a name may start on the ending's second syllable."""
    return (
        m.start + 1 if m.form[:1] and "\u11a8" <= m.form[0] <= "\u11ff" and m.end - m.start > 1 else m.start
    )


def _weak_place(f: Finding) -> bool:
    """A place finding on a gazetteer name's stem (``*.stem``) or read from a cue's slot alone
    (``place.skeleton*``), not on a name or alias of the gazetteers."""
    return f.kind is Kind.PLACE and (f.rule.endswith(".stem") or f.rule.startswith("place.skeleton"))


def _one_everyday_noun(inside: list[Morpheme], ds: int, de: int) -> bool:
    """Kiwi reads the despaced finding ``[ds, de)`` as exactly one everyday noun it knows (수영, 처음):
    a place's name that is an everyday word too needs Kiwi to call it a proper noun (places.py)."""
    return len(inside) == 1 and inside[0].tag == "NNG" and (inside[0].start, inside[0].end) == (ds, de)


def _chained_places(doc: Doc, findings: list[Finding]) -> set[Finding]:
    """Place findings written as one whole word right after another place and one space ("중국
    왕청에서", "함경북도 무산군"): a chain of places, not pieces of everyday words, even where the
    words around are short enough to look letter-spaced ("그 중국 왕청에서 음 일 년")."""
    place_ends = {f.end for f in findings if f.kind is Kind.PLACE}
    out: set[Finding] = set()
    for f in findings:
        written = doc.original[f.start : f.end]
        if f.kind is not Kind.PLACE or len(written) < _MIN_WORD or not written.isalpha():
            continue
        if f.start - 1 in place_ends and doc.original[f.start - 1] == " ":
            out.add(f)
    return out


def _without_title(doc: Doc, compact: str) -> str:
    """``compact`` without a title ending it ("은동무" -> "은"): the name's shape is judged without it."""
    title = next((t for t in doc.rules.config.names.slot_titles if compact.endswith(t) and t != compact), "")
    return compact[: len(compact) - len(title)]


def _letter_spaced(doc: Doc, lo: int, hi: int) -> bool:
    """Words ``lo`` to ``hi`` are a stretch spaced syllable by syllable: at least ``_SPACED_LEAST``
    words, ``_SPACED_SHARE`` of them one syllable long, ``_SPACED_RUN`` of those in a row."""
    count = hi - lo + 1
    if count < _SPACED_LEAST:
        return False
    lone = [doc.words[k].end - doc.words[k].start == 1 for k in range(lo, hi + 1)]
    run = best = 0
    for one in lone:
        run = run + 1 if one else 0
        best = max(best, run)
    # Everyday Korean has one-syllable words too (형 김 팔용이는 잘 있다): a run of them is the sign.
    return sum(lone) >= _SPACED_SHARE * count and best >= _SPACED_RUN


def _cut_off_head(doc: Doc, s: int, e: int, tags: frozenset[str], openers: tuple[str, ...]) -> bool:
    """A finding written whole after a lone syllable and one space, where the two read without the space
    are one everyday noun Kiwi knows running into the finding ("시 래기국": 시래기 + 국), and the finding
    holds nothing but everyday words then: the syllable was split off the finding's word."""
    text = doc.text
    if s < 2 or text[s - 1] != " " or not is_hangul(text[s - 2]) or (s >= 3 and not text[s - 3].isspace()):
        return False
    if text[s - 2] in doc.rules.config.benign.pronouns:
        return False  # "나 꼼순이야": the writer, then a name (not 나꼼수, a word Kiwi knows)
    end = e
    while end < len(text) and is_hangul(text[end]):
        end += 1
    despaced = text[s - 2] + text[s:end]
    morphs = analyse_cached(despaced)
    first = morphs[0] if morphs else None
    if first is None or first.oov or first.tag != "NNG" or first.start != 0 or first.end < 3:
        return False
    return _everyday_only(morphs, 1, 1 + e - s, tags, openers)


def _everyday_only(
    morphs: tuple[Morpheme, ...], ds: int, de: int, tags: frozenset[str], openers: tuple[str, ...]
) -> bool:
    """Every morpheme the finding overlaps is an everyday word, particle or ending Kiwi knows."""
    inside = [m for m in morphs if m.start < de and m.end > ds]
    return bool(inside) and all(not m.oov and (m.tag in tags or m.tag.startswith(openers)) for m in inside)


def _space_between(doc: Doc, a: int, b: int) -> bool:
    return doc.text[doc.words[a].end : doc.words[b].start] == " "


def _opens_with(morphs: tuple[Morpheme, ...], ds: int, openers: tuple[str, ...]) -> bool:
    """Every morpheme starting where the finding does is a particle, an ending or a suffix."""
    here = [m for m in morphs if m.start == ds]
    inside = [m for m in morphs if m.start < ds < m.end]
    return bool(here) and not inside and all(m.tag.startswith(openers) for m in here)


def _cuts(
    morphs: tuple[Morpheme, ...], ds: int, de: int, tags: frozenset[str], despaced: str, doc: Doc
) -> tuple[bool, bool]:
    """Whether the finding starts, and whether it ends, strictly inside an everyday word Kiwi knows."""
    particles = doc.rules.particles
    head = tail = False
    for m in morphs:
        if m.oov or m.tag not in tags or m.end - m.start < _MIN_WORD:
            continue
        head = head or m.start < ds < m.end
        # A known noun that runs on into a particle only is Kiwi misreading a name and its particle; an
        # adverb so ending is the adverb (함께, 같이, 서로): "가 함" of 평화가 함께.
        run_on = m.tag.startswith("N") and despaced[de : m.end] in particles
        tail = tail or (m.start < de < m.end and not run_on)
    return head, tail


def _closes_with(morphs: tuple[Morpheme, ...], de: int) -> bool:
    """Every morpheme ending where the finding does is a particle, an ending or the copula ("금 은",
    "사람 이"); not a suffix, which Kiwi puts after the syllables of a name it does not know (송홰 + 자)."""
    here = [m for m in morphs if m.end == de]
    return bool(here) and all(m.tag.startswith(_CLOSERS) for m in here)


def _verb_cut(morphs: tuple[Morpheme, ...], ds: int, de: int) -> bool:
    """The finding ends on the stem of a verb or adjective Kiwi knows, inside the finding, and the
    stem's ending runs on past it ("모 팔" of 한 모 팔아, "공 차" of 공 차요, "길 돌" of 먼 길 돌아): a
    verb cut from its ending, not a given syllable. Two syllables only: in "백 집사요" Kiwi reads 집 + 사
    + 어요, and the title is whole."""
    if de - ds != 2:
        return False
    stem = [m for m in morphs if m.end == de and ds <= m.start and m.tag.startswith(("VV", "VA"))]
    ending = [m for m in morphs if m.tag.startswith("E") and m.start <= de < m.end]
    return bool(stem) and bool(ending) and not any(m.oov for m in stem)


def _pronoun(morphs: tuple[Morpheme, ...], ds: int, de: int) -> bool:
    """A pronoun (너, 나) inside the finding: no given name is one."""
    return any(m.tag == "NP" and ds <= m.start and m.end <= de for m in morphs)


def _name_shaped(doc: Doc, compact: str) -> bool:
    """A surname (one or two syllables) and one or two given syllables all typical of names."""
    gaz = doc.rules.gazetteers
    least = doc.rules.config.names.slot_kin_min_weight
    for n in (2, 1):
        surname, given = compact[:n], compact[n:]
        if (
            surname in gaz.surnames
            and 1 <= len(given) <= 2
            and all(gaz.given_syllables.get(ch, 0) >= least for ch in given)
        ):
            return True
    return False


_SHORT_NEAR_MISS = 4  # syllables


def everyday_near_miss(doc: Doc, s: int, e: int) -> bool:
    """A near miss of a place in spaced ``[s, e)`` that, read with the words around it and the spaces
    taken out, is everyday words Kiwi knows and nothing else, one of them a noun or adverb of two
    syllables or more that the near miss cuts or that runs across a space in it ("지 금도" of 지금도,
    "자전 거" of 자전거, "매 나이" of 할매 나이): ordinary words one jamo from a place by chance, not a
    damaged name."""
    tags = doc.rules.config.benign.respaced_word_tags
    openers = doc.rules.config.benign.respaced_opening_tags
    if len("".join(doc.text[s:e].split())) > _SHORT_NEAR_MISS or " " not in doc.text[s:e]:
        # a near miss of a long name does not happen by chance ("혜산청년 광선"); one written whole is
        # read in its sentence already ("공원가" of an address is a street, 공원 + 가 by chance)
        return False
    stretch = _stretch(doc, s, e)
    if stretch is None or not tags:
        return False
    _, _, despaced, ds, de = stretch
    morphs = analyse_cached(despaced)
    if not _everyday_only(morphs, ds, de, tags, openers):
        return False
    inside = [m for m in morphs if m.start < de and m.end > ds]
    words = [m for m in inside if m.tag in ("NNG", "MAG") and m.end - m.start >= _MIN_WORD]
    if not words:
        return False
    # the near miss starts or ends inside the word, or the word runs across a space that split it
    window = doc.text[s:e]
    cuts = [ds + sum(is_hangul(ch) for ch in window[:p]) for p, ch in enumerate(window) if ch.isspace()]
    return any(m.start < ds or m.end > de or any(m.start < b < m.end for b in cuts) for m in words)


_LONG_WORD = 3  # syllables of a known word that no name's piece cuts by chance (어르신, 하나님)


def _cuts_long_word(morphs: tuple[Morpheme, ...], ds: int, de: int, tags: frozenset[str]) -> bool:
    """The finding starts or ends strictly inside an everyday noun of three syllables or more that Kiwi
    knows ("신 말" of 어르신 말, "하 나" of 하나님): a name's syllables do not run into such a word."""
    return any(
        not m.oov
        and m.tag == "NNG"
        and m.tag in tags
        and m.end - m.start >= _LONG_WORD
        and (m.start < ds < m.end or m.start < de < m.end)
        for m in morphs
    )


def _pronoun_and_particle(doc: Doc, e: int, despaced: str, morphs: tuple[Morpheme, ...], de: int) -> bool:
    """The finding ends on the writer's or the reader's pronoun written alone, and a particle follows it
    after a space ("랑 나 는"): the pronoun and its particle, no given syllable."""
    text = doc.text
    if e < 2 or text[e - 2] != " " or text[e - 1] not in doc.rules.config.benign.pronouns:
        return False
    after = text[e : e + 3]
    return (
        len(after) >= 2
        and after[0] == " "
        and after[1] in "는가를도의랑"
        and (len(after) < 3 or not ("가" <= after[2] <= "힣"))
        and any(m.start == de and m.tag.startswith("J") for m in morphs)
    )
