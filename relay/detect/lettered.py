"""Korean names written in other scripts: romanised ("Kim Chol Ho", "Ri Yong-ho"), in Cyrillic ("ЛИ ЁН
ХО", "Пак Мен Су", as Russian and Ukrainian papers write a prisoner's name) and in Chinese characters
("金英哲").

A surname from the lists in ``[names]`` of rules.toml, next to one or two tokens shaped like romanised
Korean syllables (or Cyrillic ones of the same length), in either order, is a full name: a Western word
seldom fits both. Three or four Chinese characters opening with a common surname character are a
name as well; letters in Korean use Chinese characters for little else.

Koreans abroad (고려인 in Central Asia and Ukraine, Korean Americans, defectors who took a new name)
often bear a Western given name with a Korean surname: "Виктор Ким", "Олена Пак", "Grace Kim", and in
Hangul "빅토르 김", "박 알렉산드르". A capitalised Western word beside a Korean surname, or a Western
given name from the list below beside a Hangul surname, is a full name. A capitalised Latin or
Cyrillic name before an honorific or before (이)라는 and a word for a person ("Oleksandr Petrenko 씨",
"Mykola라는 우크라 형") names that person whatever their origin.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.foreign_signed import find_foreign_signed
from relay.detect.morph import analyse
from relay.detect.names import known_word
from relay.detect.rules import Rules
from relay.detect.spaced_intro import find_spaced_slot_names
from relay.detect.titled import loose_syllables
from relay.detect.western_slots import find_western_in_slots
from relay.detect.words import alternation, has_final
from relay.model import Finding, Kind

# One romanised Korean syllable (McCune-Reischauer and Revised Romanization, with the usual
# spellings of names): an optional initial, a vowel, an optional final.
_SYLLABLE = (
    r"(?:ch'|k'|t'|p'|kk|tt|pp|ss|jj|ch|sh|[bcdghjklmnprstwy])?"
    r"(?:yeo|yae|wae|wa|wo|we|wi|ae|ai|eo|eu|ui|oe|oo|ee|ya|yo|yu|ye|ŏ|ŭ|ö|ü|a|e|i|o|u)"
    r"(?:ng|n|m|l|k|p|t|r)?"
)
# A given name: one or two syllables, as one token ("Cholho"), hyphenated ("Chol-ho") or two tokens.
_GIVEN = rf"(?:{_SYLLABLE}(?:[-']?{_SYLLABLE})?)"
_CYR_GIVEN = r"[А-ЯЁа-яё]{1,5}(?:-[А-ЯЁа-яё]{1,5})?"


def baptismal_names(rules: Rules) -> frozenset[str]:
    """Names taken in baptism or in religion that may stand before a Korean full name ("안드레아
    도영철 신부"): the Western given names and the religious ones, less those that are everyday
    Korean words there too (안나, 유리)."""
    foreign = rules.gazetteers.foreign_given
    return (foreign["western"] | foreign["religious"]) - {"안나", "유리"}


@lru_cache(maxsize=4)
def _english_words(rules: Rules) -> frozenset[str]:
    """Short English words a romanised name holds none of, less those that are surnames too (Go, Oh,
    So, An, Do)."""
    return frozenset(rules.config.lettered.short_english_words) - {
        s.lower() for s in rules.config.names.latin_surnames
    }


@lru_cache(maxsize=4)
def _patterns(rules: Rules) -> tuple[re.Pattern[str], ...]:
    cfg = rules.config.names
    latin = alternation(cfg.latin_surnames)
    cyr = alternation(cfg.cyrillic_surnames)
    hanja = "".join(sorted(cfg.hanja_surnames))
    edge, end = r"(?<![A-Za-zÀ-ž])", r"(?![A-Za-zÀ-ž])"
    cedge, cend = r"(?<![А-ЯЁа-яё])", r"(?![А-ЯЁа-яё])"
    out = []
    if latin:
        out.append(re.compile(rf"{edge}(?:{latin})[ ,]+{_GIVEN}(?: {_SYLLABLE})?{end}", re.IGNORECASE))
        out.append(re.compile(rf"{edge}{_GIVEN}(?:[ -]{_SYLLABLE})? (?:{latin}){end}", re.IGNORECASE))
        # A Western given name before a Korean surname, the Korean sentence going on right after it
        # ("Grace Choi예요", "Daniel Park 씨가"): how defectors who took an English name write it.
        out.append(re.compile(rf"{edge}[A-Z][a-z]{{2,12}} (?:{latin}){end}(?= ?[가-힣])"))
        # The surname glued to a hyphenated given name where OCR lost the space ("KimOk-hwa",
        # "RiChol-ho"): both capitals and the hyphen still mark a romanised Korean name.
        out.append(re.compile(rf"{edge}(?:{latin})(?=[A-Z])(?i:{_SYLLABLE}-{_SYLLABLE}){end}"))
    if cyr:
        out.append(
            re.compile(rf"{cedge}(?:{cyr})[ ,]+{_CYR_GIVEN}(?: [А-ЯЁа-яё]{{1,5}})?{cend}", re.IGNORECASE)
        )
    # A romanised given name alone, its two syllables hyphenated, with a Korean vocative or particle
    # glued on ("Yun-a야", "Chol-ho가"): the hyphen is how Korean names are romanised.
    out.append(
        re.compile(
            rf"{edge}[A-Z]{_SYLLABLE}-{_SYLLABLE}(?=(?:야|아|씨|님|이|가|는|은|한테|에게|랑|이랑|하고)(?![가-힣]))"
        )
    )
    if hanja:
        out.append(re.compile(rf"(?<![\u4e00-\u9fff])[{hanja}][\u4e00-\u9fff]{{1,3}}(?![\u4e00-\u9fff])"))
    # A Japanese name: a surname in Chinese characters and a given name in kana, perhaps ending in a
    # character (高山ヨシ子, 田中 はるみ): kana in a Korean letter spell little else.
    out.append(re.compile(r"[\u4e00-\u9fff]{1,3} ?[\u3041-\u30ff]{1,5}[\u4e00-\u9fff]?(?![\u3041-\u30ff])"))
    return tuple(out)


_CYR = "А-ЯЁа-яёІіЇїЄєҐґ"
_WESTERN_CYR = r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’]{2,14}"


@lru_cache(maxsize=4)
def _western_patterns(rules: Rules) -> tuple[re.Pattern[str], ...]:
    """A capitalised Western given name beside a Korean surname in Cyrillic ("Виктор Ким", "Ким
    Виктор", "Олена Пак") or in Latin letters before more of the Korean sentence ("Grace Kim, 한국
    이름은"); a capitalised Latin or Cyrillic name of one or two words before an honorific or before
    (이)라는 and a word for a person."""
    cfg = rules.config.names
    latin = alternation(cfg.latin_surnames)
    cyr = alternation(cfg.cyrillic_surnames)
    nouns = alternation(cfg.known_as_nouns)
    edge, end = r"(?<![A-Za-zÀ-ž])", r"(?![A-Za-zÀ-ž])"
    cedge, cend = rf"(?<![{_CYR}])", rf"(?![{_CYR}])"
    word = rf"(?:[A-Z][a-zà-ž'’]{{2,14}}|{_WESTERN_CYR})"
    return (
        re.compile(rf"{cedge}(?:{_WESTERN_CYR}\s(?:{cyr})|(?:{cyr})\s{_WESTERN_CYR}){cend}"),
        re.compile(rf"{edge}[A-Z][a-z]{{2,12}}\s(?:{latin}){end}(?=[\s,.]*[가-힣])"),
        re.compile(
            rf"(?<![A-Za-zÀ-ž{_CYR}]){word}(?: ?{word})?"
            rf"(?=\s?(?:씨|님|선생|목사|신부|수녀|기자|교수|박사)|(?:이)?라는\s?(?:[가-힣]{{1,6}}\s)?(?:{nouns})(?=$|[^가-힣]|[은는이가을를도의와과]))"
        ),
    )


_LATIN_WORD = r"[A-Z][a-zà-ž'’]{1,14}(?:-[A-Z][a-zà-ž'’]{1,14})?"


@lru_cache(maxsize=4)
def _role_latin(rules: Rules) -> re.Pattern[str]:
    """Two capitalised words (group ``name``) after a word for what someone does (``[lettered]
    roles_before_latin``): "의사 Olena Marchuk한테서", "case manager Noppadon Sae-Lim," name a person.
    OCR may have dropped the space between them ("OlenaKovalenko")."""
    roles = alternation(rules.config.lettered.roles_before_latin)
    return re.compile(
        # a Korean role may end a compound ("보호담당관", "인권담당관", "현장반장"): the head says the job
        rf"(?:(?<![A-Za-z가-힣])|(?<=[가-힣])(?=[가-힣]))(?:{roles}) ?"
        rf"(?P<name>{_LATIN_WORD} ?{_LATIN_WORD}|{_WESTERN_CYR} ?{_WESTERN_CYR})"
        r"(?=[,.;:!?()]|\s(?![A-Za-z])|$|(?:이|가|은|는|의|와|과|도|씨|님|께|께서|한테|한테서|에게|에게서|랑|이랑|하고)(?![가-힣])"
        # the copula: the one introducing themself by their job ("연락관 Anna Kowalczyk입니다")
        r"|(?:입니다|입니당|이에요|예요|이다|이고|이며|이라고|라고|이었|였)(?![A-Za-z]))"
    )


@lru_cache(maxsize=4)
def _latin_role(rules: Rules) -> re.Pattern[str]:
    """Two capitalised words (group ``name``) before a Korean word for what someone does, as Korean
    puts a title after the name: "Andrii Bondarchuk 변호사와", "Олена Коваленко 간호사가"."""
    roles = alternation(r for r in rules.config.lettered.roles_before_latin if re.fullmatch("[가-힣]+", r))
    return re.compile(
        rf"(?<![A-Za-zÀ-ž{_CYR}])(?P<name>{_LATIN_WORD} ?{_LATIN_WORD}|{_WESTERN_CYR} ?{_WESTERN_CYR})"
        rf"\s?(?:{roles})(?:님)?(?=[^가-힣]|$|{_ROLE_PARTICLES})"
    )


# The particles and copulas a title after a name may take ("변호사와", "대위가", "간호사입니다"); a word
# merely starting with the title is another word (대사관, 소장품).
_ROLE_PARTICLES = (
    r"(?:이|가|은|는|의|와|과|도|께|께서|한테|에게|랑|이랑|하고|을|를|으로|로|이고|이며|이자|이었|였|"
    r"입니|이에요|예요|이다|이야|이셨|이신|이시)(?![가-힣])|(?:입니|이었|였|이셨|이신|이시)"
)


# A name in Latin letters glossed in Hangul, or the other way round, one Hangul word for each Latin
# one: "Yamaguchi Haruto(야마구치 하루토)라고 합니다". Only a name is spelt out in both scripts so.
_LATIN_RUN = rf"{_LATIN_WORD}(?: {_LATIN_WORD}){{0,2}}"
_HANGUL_RUN = r"[가-힣]{2,6}(?: [가-힣]{1,6}){0,2}"
_GLOSSED = re.compile(
    rf"(?<![A-Za-z])(?P<latin>{_LATIN_RUN}) ?\((?P<hangul>{_HANGUL_RUN})\)"
    rf"|(?<![가-힣])(?P<hangul2>{_HANGUL_RUN}) ?\((?P<latin2>{_LATIN_RUN})\)"
)
_GLOSS_AFTER = re.compile(
    r"(?:이라고|라고|입니다|이에요|예요|이오|이라오|라오|이란|란|이라는|라는)(?![가-힣])"
    r"|[은는이가와과의] | ?씨| ?님"
)


@lru_cache(maxsize=4)
def _western_after_cue(rules: Rules) -> re.Pattern[str]:
    """A capitalised Latin or Cyrillic name (group 1) after a kinship word, with a Korean particle
    glued on ("손자 Денис가", "딸 Sophie는"), or after the speaker, then the copula ("저는 Emily
    Hartwell이에요"): only a person is both a grandson and called so, or introduced so."""
    kin = alternation(t for t in rules.gazetteers.kinship if t.isalpha())
    # (or two or three Chinese characters: "누나 아들 小龙이는")
    word = rf"(?:[A-Z][a-zà-ž'’]{{2,14}}|{_WESTERN_CYR}|[\u4e00-\u9fff]{{2,3}})"
    particle = r"(?:이|가|은|는|을|를|와|과|도|의|에게|한테|랑|이랑)"
    copula = r"(?:이에요|예요|입니다|이야|야|이다|이라고|라고|이고|이오)"
    return re.compile(
        rf"(?<![가-힣])(?:(?:{kin}) ({word}(?: {word})?){particle}"
        rf"|(?:저는|나는|제 이름은|이름은|이름을|이름이|이름) ({word}(?: {word})?){copula}"
        # "Hey 오빠, it's Grace, 한국 이름 …": the speaker introduced in English, the Korean going on
        rf"|(?<![A-Za-z])(?:[Ii]t[’']?s|I[’']?m|[Tt]his is|[Mm]y name is) ({word})"
        rf"(?=\s*[,.!]|\s+[가-힣]|\s*$)"
        # "Hey Tommy, 아니 태민아", "나 Daniel, 원래 이름 …": a greeting or the speaker without a
        # particle, as a chat writes it, then the name and a comma
        rf"|(?<![A-Za-z])(?:[Hh]ey|[Hh]i|[Hh]ello|[Dd]ear) ({word})(?=\s*[,!])"
        rf"|(?<![가-힣])(?:나|저) ({word})(?=\s*,)"
        # "저는 Stimme für Nordkorea e.V.에서 일하는 Katharina Vogel입니다": the speaker, where they
        # work or what they do, then two capitalised words and the copula that closes the sentence
        rf"|(?<![가-힣])(?:저는|나는) (?:\S+ ){{1,8}}?({word} {word})(?:입니다|이에요|예요)(?=\s*[.!]|\s*$))"
        rf"(?![A-Za-z{_CYR}])"
    )


@lru_cache(maxsize=4)
def _hangul_western(rules: Rules) -> re.Pattern[str]:
    """A Western given name in Hangul beside a common one-syllable surname ("박 알렉산드르", "빅토르
    김이에요"), or one or two of them before a title in religion ("마리 요안나 수녀")."""
    surnames = alternation(
        s
        for s, rank in rules.gazetteers.surnames.items()
        if len(s) == 1 and 0 < rank <= rules.config.names.merge_max_rank
    )
    foreign = rules.gazetteers.foreign_given
    given = alternation(foreign["western"])
    after = r"(?=$|[^가-힣]|[은는이가을를의도와과께씨님]|예요|이에요|입니다|이다|이야)"
    # In religion a name that is also a Korean word (안나, 유리) is the name; beside a surname it is not
    # (이 유리 "this glass"). 마리 only opens two names: "한 마리" counts cattle.
    # Before a title the name may be split by OCR ("다 윗 형제", "박 데레 사 자매님"); the title goes with
    # the name, which it tells apart as much as the name does ("율리아 자매님").
    # After the title a particle or the copula, also as it follows a vowel ("엘리사벳 수녀예요").
    religious = loose_syllables(foreign["western"] | foreign["religious"])
    titles = loose_syllables(frozenset(rules.config.lettered.religious_titles))
    in_religion = (
        rf"(?:마리 ?(?:{religious})|(?:{religious})(?: ?(?:{religious}))?)"
        rf" ?(?:{titles})(?=[^가-힣]|$|[이은는께가도의와과입였]|로|에게|예요|예여|야|랍니다)"
    )
    # Koreans of the former Soviet Union spell some surnames their own way (텐 for 정, 허가이): beside a
    # Western given name they are surnames as much as 김 or 박 are.
    koryo = alternation(rules.config.names.koryo_surnames)
    surnames = f"{surnames}|{koryo}" if koryo else surnames
    # "나 예브게니 한": the speaker (나, also a surname) before the name, whose surname follows it; the
    # name is the given name and the surname after it.
    return re.compile(
        rf"(?<![가-힣])(?:(?:(?:{surnames})\s(?:{given})(?!\s(?:{surnames}){after})|(?:{given})\s(?:{surnames})){after}"
        rf"|{in_religion})"
    )


@lru_cache(maxsize=4)
def _name_then_baptismal(rules: Rules) -> re.Pattern[str]:
    """A Korean full name, perhaps spaced into syllables by OCR, then a name taken in baptism and the
    end of the phrase: "김선영 마리아와", "류 승 민 안드레아 입니다". Group ``name`` is the Korean name;
    the whole match is the person as they sign in church."""
    surnames = alternation(
        s
        for s, rank in rules.gazetteers.surnames.items()
        if len(s) == 1 and 0 < rank <= rules.config.names.merge_max_rank
    )
    religious = alternation(baptismal_names(rules))
    return re.compile(
        rf"(?<![가-힣])(?P<name>(?:{surnames})(?: ?[가-힣]){{1,2}}) (?:{religious})"
        r"(?=\s?(?:[은는이가을를의도와과께]|입니다|이에요|예요|이다|이야|이고|이며|랑|이랑|하고)?(?:[^가-힣]|$))"
    )


def _baptised_names(doc: Doc) -> list[Finding]:
    """Findings for :func:`_name_then_baptismal`: the given syllables must be typical of names, one
    alone no everyday word ("이 중 요한 것": 중요한 split, then a bound noun, is no name), and Kiwi must
    read no particle, ending or verb in the Korean name ("지금도 비오는 날")."""
    gaz, least = doc.rules.gazetteers, doc.rules.config.names.slot_kin_min_weight
    found = []
    for m in _name_then_baptismal(doc.rules).finditer(doc.text):
        given = m.group("name")[1:].replace(" ", "")
        whole = m.group("name").replace(" ", "")
        if any(
            not x.oov and (x.tag.startswith(("J", "E", "V", "XS")) or (x.tag == "NP" and len(x.form) > 1))
            for x in analyse(whole)
        ):
            continue  # "지금도 비오는 날": a word, a particle, a verb; "우리반 사샤": a pronoun (우리)
        if any(gaz.given_syllables.get(ch, 0) < least for ch in given) or (
            len(given) == 1 and known_word(given)
        ):
            continue
        f = doc.finding(Kind.PERSON, m.start(), m.end(), 0.85, "person.lettered")
        if f is not None:
            found.append(f)
    return found


@lru_cache(maxsize=4)
def _glued_western(rules: Rules) -> re.Pattern[str]:
    """A common one-syllable surname glued to a listed Western given name of two syllables or more
    ("담임목사 한요셉입니다", "김다니엘이 왔다"): a Korean convert's or emigrant's full name."""
    surnames = alternation(
        s
        for s, rank in rules.gazetteers.surnames.items()
        if len(s) == 1 and 0 < rank <= rules.config.names.merge_max_rank
    )
    given = alternation(g for g in rules.gazetteers.foreign_given["western"] if len(g) >= 2)
    after = r"(?=$|[^가-힣]|[은는이가을를의도와과께씨님]|예요|이에요|입니다|이다|이야|요(?![가-힣]))"
    return re.compile(rf"(?<![가-힣])(?P<name>(?:{surnames})(?:{given})){after}")


def _glued_western_names(doc: Doc) -> list[Finding]:
    """Full names of :func:`_glued_western` that Kiwi does not read as one everyday word."""
    found = []
    for m in _glued_western(doc.rules).finditer(doc.text):
        name = m.group("name")
        if known_word(name) or name in doc.rules.config.names.stop_words:
            continue
        # "장사라는 게": Kiwi reads the whole word as an everyday noun (장사) and an ending
        word = re.match(r"[가-힣]+", doc.text[m.start() :])
        morphs = analyse(word.group()) if word else []
        first = morphs[0] if morphs else None
        everyday = first is not None and not first.oov and first.tag.startswith("NN")
        if everyday and first is not None and 2 <= len(first.form) < len(name):
            continue
        f = doc.finding(Kind.PERSON, m.start(), m.end(), 0.85, "person.lettered")
        if f is not None:
            found.append(f)
    return found


@lru_cache(maxsize=4)
def _japanese_ko(rules: Rules) -> re.Pattern[str]:
    """A Japanese woman's given name in Hangul ending in 코 (子), from its listed stems (하나코, 요시코),
    and the word before it (group 1), perhaps her surname."""
    stems = alternation(rules.gazetteers.foreign_given["japanese_ko_stem"])
    return re.compile(
        rf"(?<![가-힣])(?:([가-힣]{{2,4}}) )?((?:{stems})코)"
        r"(?=$|[^가-힣]|(?:[는가를의와도]|에게|한테|씨|상|님|라는)(?![가-힣]))"
    )


def _japanese_names(doc: Doc) -> list[Finding]:
    """A Japanese woman's name in Hangul: the given name, with the word before it as her surname
    when Kiwi knows that word as no everyday one (가네다 yes, 우리 no)."""
    found = []
    for m in _japanese_ko(doc.rules).finditer(doc.text):
        start = m.start(1) if m.group(1) and not known_word(m.group(1)) else m.start(2)
        f = doc.finding(Kind.PERSON, start, m.end(2), 0.8, "person.lettered")
        if f is not None:
            found.append(f)
    return found


# A Russian name with its patronymic, the way Russians name someone they respect ("Виктор Петрович",
# "Анна Ивановна"; in Hangul "따찌야나 뻬뜨로브나", "빅토르 이바노비치"), a Korean surname perhaps before
# it ("김 따찌야나 뻬뜨로브나"): the patronymic ends in -ович/-евич/-ич or -овна/-евна/-ична.
_CYR_PATRONYMIC = re.compile(
    r"(?<![А-ЯЁа-яё])(?:[А-ЯЁ][а-яё]{1,12} )?[А-ЯЁ][а-яё]{1,12} "
    r"[А-ЯЁ][а-яё]{1,12}(?:ович|евич|ьич|ич|овна|евна|ична|инична)"
    r"(?![А-ЯЁа-яё])"
)
# In Hangul the endings are 비치 (-вич), 브나 (-вна) and 니치나/이치나 (-ична), after a vowel syllable of the
# father's name (뻬뜨로브나, 이바노비치, 세르게예비치, 니꼴라예브나).
_HANGUL_PATRONYMIC = re.compile(
    r"(?<![가-힣])(?:(?P<surname>[가-힣]) )?(?P<given>[가-힣]{2,5}) "
    r"(?P<patronymic>[가-힣]{1,5}[오예에이로노라레바모도코토](?:비치|브나|비츠))(?=[^가-힣]|$|[이가은는을를의와과께한도다야입였요예])"
)


def _patronymic_names(doc: Doc) -> list[Finding]:
    """Russian names with a patronymic, in Cyrillic or Hangul. In Hangul the given name must be a listed
    Western one or a word Kiwi does not know (not "해운대 롱비치"), and a one-syllable word before it a
    known surname."""
    found = []
    western = doc.rules.gazetteers.foreign_given["western"]
    for m in _HANGUL_PATRONYMIC.finditer(doc.text):
        given = m.group("given")
        if given not in western and known_word(given):
            continue
        start = m.start("given")
        if m.group("surname") and m.group("surname") in doc.rules.gazetteers.surnames:
            start = m.start("surname")
        f = doc.finding(Kind.PERSON, start, m.end("patronymic"), 0.85, "person.lettered")
        if f is not None:
            found.append(f)
    for m in _CYR_PATRONYMIC.finditer(doc.text):
        f = doc.finding(Kind.PERSON, m.start(), m.end(), 0.85, "person.lettered")
        if f is not None:
            found.append(f)
    return found


@lru_cache(maxsize=4)
def _western_kin(rules: Rules) -> re.Pattern[str]:
    """A listed Western given name in Hangul right before a kinship word or a form of address ("따찌야나
    할마이", "빅토르 아저씨가", "올가 이모"): how a child names a foreign neighbour; the word for them goes
    with the name."""
    western = alternation(rules.gazetteers.foreign_given["western"])
    honorifics = {
        c.term for c in rules.gazetteers.name_context if c.position == "after" and c.kind == "honorific"
    }
    kin = alternation(t for t in {*rules.gazetteers.kinship, *honorifics} if len(t) >= 2 and t.isalpha())
    return re.compile(
        rf"(?<![가-힣])(?:{western}) ?(?:{kin})(?=[^가-힣]|$|[이가은는을를의와과께한도다야입였랑])"
    )


# The particles a given name takes as the subject, object or companion of a sentence, after a name
# ending in a vowel and after one ending in a consonant (with the friendly 이 or without).
_VOWEL_PARTICLES = re.compile("가|는|를|도|랑|와|의|한테|에게|하고|야")
_CONSONANT_PARTICLES = re.compile("이랑|이가|이는|이도|이를|이한테|이야|이|은|을|과|도|의|한테|에게|하고|아")


@lru_cache(maxsize=4)
def _western_cued(rules: Rules) -> re.Pattern[str]:
    """A listed Western given name in Hangul after a kinship word or a word for a classmate or a
    neighbour, a particle glued on (group ``particle``): "우리 엄마 스비틀라나가", "우리반 에이든이랑",
    "친구 사샤도", a child of a mixed family or a foreign classmate, named as Koreans name theirs.
    Without such a word before it the name is left alone: a Bible story names 요셉 and 마리아 as often
    as a letter names a friend."""
    western = alternation(g for g in rules.gazetteers.foreign_given["western"] if len(g) >= 2)
    cues = alternation(
        {*(t for t in rules.gazetteers.kinship if t.isalpha()), *rules.config.lettered.classmate_words}
    )
    return re.compile(rf"(?:{cues})\s(?P<name>{western})(?P<particle>[가-힣]{{1,3}})(?![가-힣])")


def _western_cued_names(doc: Doc) -> list[Finding]:
    """Findings for :func:`_western_cued` whose particle fits the name's last syllable ("에이든이랑",
    "사샤가"): another ending there makes the name the start of some other word."""
    found = []
    for m in _western_cued(doc.rules).finditer(doc.text):
        name, particle = m.group("name"), m.group("particle")
        fits = _CONSONANT_PARTICLES if has_final(name[-1]) else _VOWEL_PARTICLES
        if not fits.fullmatch(particle) or known_word(name):
            continue
        f = doc.finding(Kind.PERSON, m.start("name"), m.end("name"), 0.8, "person.lettered")
        if f is not None:
            found.append(f)
    return found


# The particles and copulas after a foreign name in a Korean sentence ("시도렌코입니다", "올렉시가").
_FOREIGN_AFTER = (
    r"(?=(?:이|가|은|는|의|와|과|도|을|를|씨|님|께서|께|에게|한테|랑|이랑|하고|입니다|이에요|예요|이다|이야|"
    r"이고|이며|이었|였|라고|이라고|라는|이라는)?(?:[^가-힣]|$))"
)


# The piece after a surname standing alone, no particle or copula glued to it ("타라스 시도렌코 집
# 앞에서"): a word of its own, left out of the name.
_FOREIGN_AFTER_TAIL = re.compile(r"\s")


@lru_cache(maxsize=4)
def _western_full(rules: Rules) -> re.Pattern[str]:
    """A listed Western given name in Hangul, a space and one more word (group ``surname``) before a
    particle or the copula: "타라스 시도렌코입니다", "올레나 코발추크가" (a foreign full name in Hangul)."""
    western = alternation(rules.gazetteers.foreign_given["western"])
    # The surname may be split in two by the spacing ("이리나 코발 축이에요": group ``tail``).
    return re.compile(
        rf"(?<![가-힣])(?:{western}) ?(?P<surname>[가-힣]{{2,6}}?)"
        rf"(?: (?P<tail>[가-힣]{{1,2}}))?{_FOREIGN_AFTER}"
    )


@lru_cache(maxsize=4)
def _role_western(rules: Rules) -> re.Pattern[str]:
    """A word for what someone does (``[lettered] roles_before_latin``), then a listed Western given
    name in Hangul of three syllables or more before a particle: "위생병 올렉시가", "통역사 나탈리아와"."""
    western = alternation(n for n in rules.gazetteers.foreign_given["western"] if len(n) >= 3)
    roles = alternation(r for r in rules.config.lettered.roles_before_latin if re.fullmatch("[가-힣]+", r))
    return re.compile(rf"(?<![가-힣])(?:{roles}) ?(?P<name>{western}){_FOREIGN_AFTER}")


def _foreign_in_hangul(doc: Doc) -> list[Finding]:
    """Findings for :func:`_western_full` (the second word no listed given name, and one Kiwi reads
    as no Korean word or verb form) and :func:`_role_western`."""
    found = []
    foreign = doc.rules.gazetteers.foreign_given
    listed = foreign["western"] | foreign["religious"]
    for m in _western_full(doc.rules).finditer(doc.text):
        word = m.group("surname")
        if word in listed:
            continue  # "마리아 막달레나 성당": two given names are a saint's, as often as anyone's
        if known_word(word) or any(
            not x.oov and x.tag.startswith(("V", "E", "XS", "J", "M")) for x in analyse(word)
        ):
            continue  # "알렉산드르 할아버지", "이반 친구가": a Korean word after the name
        end = m.end()
        tail = m.group("tail")
        if tail and (
            known_word(word + tail)
            or (len(tail) > 1 and known_word(tail))
            or _FOREIGN_AFTER_TAIL.match(doc.text, end)
        ):
            end = m.end("surname")  # "시도렌코 집 앞에서": the word after the surname is its own
        f = doc.finding(Kind.PERSON, m.start(), end, 0.85, "person.lettered")
        if f is not None:
            found.append(f)
    for m in _role_western(doc.rules).finditer(doc.text):
        f = doc.finding(Kind.PERSON, m.start("name"), m.end("name"), 0.85, "person.lettered")
        if f is not None:
            found.append(f)
    return found


@lru_cache(maxsize=4)
def _labelled_foreign(rules: Rules) -> re.Pattern[str]:
    """A listed foreign given name right after a name label, whatever particle follows it ("세례명
    요셉으로 너를 부르며", "러시아 이름 나따샤를"): the label says it is a name, the list that it is one."""
    foreign = rules.gazetteers.foreign_given
    names = loose_syllables(foreign["western"] | foreign["religious"])
    labels = alternation(rules.config.names.name_labels)
    return re.compile(
        rf"(?<![가-힣])(?:{labels})\s?(?:은|는|이|:)?\s?['\"‘“]?(?P<name>{names})['\"’”]?"
        r"(?=[^가-힣]|$|[이가은는을를의와과도로으께에랑야였입예])"
    )


def find_lettered_names(doc: Doc) -> list[Finding]:
    """Person findings for Korean names written in Latin, Cyrillic or Chinese characters, and Japanese
    names in Hangul."""
    text = doc.text
    found = [
        f
        for m in _hangul_western(doc.rules).finditer(text)
        if (f := doc.finding(Kind.PERSON, m.start(), m.end(), 0.85, "person.lettered")) is not None
    ]
    found += _glued_western_names(doc)
    found += _baptised_names(doc)
    found += _foreign_in_hangul(doc)
    found += _western_cued_names(doc)
    found += find_western_in_slots(doc)
    found += find_spaced_slot_names(doc)
    found += find_foreign_signed(doc)
    if "코" in text:
        found += _japanese_names(doc)
    if re.search("비치|브나|ич|вна", text):
        found += _patronymic_names(doc)
    for m in _labelled_foreign(doc.rules).finditer(text):
        f = doc.finding(Kind.PERSON, m.start("name"), m.end("name"), 0.85, "person.lettered")
        if f is not None:
            found.append(f)
    for m in _western_kin(doc.rules).finditer(text):
        f = doc.finding(Kind.PERSON, m.start(), m.end(), 0.85, "person.lettered")
        if f is not None:
            found.append(f)
    if not re.search(r"[A-Za-zА-ЯЁа-яё\u3041-\u30ff\u4e00-\u9fff]", text):
        return found  # Hangul and digits only: nothing more to look for
    for m in _western_after_cue(doc.rules).finditer(text):
        group = next(g for g in (1, 2, 3, 4, 5, 6) if m.group(g))
        if m.group(group).split()[0].lower() in doc.rules.config.lettered.what_one_is:
            continue  # "저는 Korean이에요": what the speaker is, not who
        if m.group(group) in doc.rules.config.names.hanja_not_names or m.group(group).endswith("人"):
            continue  # "저는 韓國人이에요", "아들 孫子가": a word, a people
        if group == 6 and (
            m.group(group).split()[-1].lower() in doc.rules.config.lettered.not_person_last
            or re.search(r"[A-Za-z][.,]? $", text[: m.start(group)])
        ):
            continue  # "저는 Human Rights Watch입니다": the last words of a longer name in Latin letters
        f = doc.finding(Kind.PERSON, m.start(group), m.end(group), 0.85, "person.lettered")
        if f is not None:
            found.append(f)
    found += _role_and_glossed(doc)
    for pattern in _western_patterns(doc.rules):
        for m in pattern.finditer(text):
            if m.group().split()[0].lower() in doc.rules.config.lettered.greetings:
                continue  # "Hello 님들", "Dear 선생님"
            f = doc.finding(Kind.PERSON, m.start(), m.end(), 0.85, "person.lettered")
            if f is not None:
                found.append(f)
    for pattern in _patterns(doc.rules):
        for m in pattern.finditer(text):
            tokens = [tok for tok in re.split(r"[ ,]+", m.group()) if tok]
            if (
                tokens[0][0].isalpha()
                and tokens[0][0].lower() != tokens[0][0].upper()
                and not all(tok[0].isupper() for tok in tokens)
            ):
                continue  # names are capitalised: "Kim Chol", "KIM CHOL", not "song book"
            if any(tok.lower() in _english_words(doc.rules) for tok in tokens):
                continue  # "Let It Go", "Oh My God": English words that look like syllables
            head, _, tail = m.group().partition("-")
            if tail and head.lower() == tail.lower():
                continue  # "Yo-yo", "Bye-bye": a word said twice, no romanised name
            if m.group() in doc.rules.config.names.hanja_not_names:
                continue  # "韓國", "许多": everyday words in Chinese characters
            if m.group().endswith(doc.rules.config.lettered.japanese_endings):
                continue  # "約束だよ", "頑張ってね": a Japanese phrase, its verb's ending, no name
            f = doc.finding(Kind.PERSON, m.start(), m.end(), 0.85, "person.lettered")
            if f is not None:
                found.append(f)
    return [_with_title(doc, f) for f in found]


@lru_cache(maxsize=4)
def _title_before(rules: Rules) -> re.Pattern[str]:
    """A Latin title right before a name ("Dr. ", "Mrs "), matched at the end of the text before it."""
    titles = alternation(rules.config.lettered.latin_titles)
    return re.compile(rf"(?<![A-Za-z])(?:{titles})\.? ?$", re.IGNORECASE)


def _with_title(doc: Doc, f: Finding) -> Finding:
    """``f`` widened over a Latin title before it ("Dr. Iryna Savchuk"): the title goes with the name."""
    m = _title_before(doc.rules).search(doc.text, max(0, f.start - 8), f.start)
    if m is None or not doc.text[f.start : f.start + 1].isalpha():
        return f
    return replace(f, start=m.start())


def _role_and_glossed(doc: Doc) -> list[Finding]:
    """A foreign name of two capitalised words after a word for what someone does, and a name spelt
    in Latin letters and glossed in Hangul (or the reverse) before a word that says it is one."""
    text = doc.text
    found = []
    lettered = doc.rules.config.lettered
    matches = [*_role_latin(doc.rules).finditer(text), *_latin_role(doc.rules).finditer(text)]
    for m in matches:
        words = re.sub(r"(?<=[a-zà-žа-яёіїєґ])(?=[A-ZА-ЯЁІЇЄҐ])", " ", m.group("name")).lower().split()
        if (
            words[0] in lettered.what_one_is
            or words[0] in lettered.greetings
            or words[-1] in lettered.not_person_last
        ):
            continue
        f = doc.finding(Kind.PERSON, m.start("name"), m.end("name"), 0.85, "person.lettered")
        if f is not None:
            found.append(f)
    for m in _GLOSSED.finditer(text):
        latin, hangul = ("latin", "hangul") if m.group("latin") else ("latin2", "hangul2")
        if len(m.group(latin).split()) != len(m.group(hangul).split()):
            continue  # one Hangul word for each Latin one: a transliteration
        words = m.group(latin).lower().split()
        if words[0] in lettered.what_one_is or words[-1] in lettered.not_person_last:
            continue
        if _GLOSS_AFTER.match(text, m.end()) is None:
            continue
        if any(known_word(w) for w in m.group(hangul).split()):
            continue  # "서울(Seoul)": a word glossed, no name
        for group in (latin, hangul):
            f = doc.finding(Kind.PERSON, m.start(group), m.end(group), 0.85, "person.lettered")
            if f is not None:
                found.append(f)
    return found
