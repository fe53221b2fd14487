"""Loading and validating ``config/detect/rules.toml`` together with the gazetteers: one frozen Rules.

Everything a detector tunes (thresholds, stop lists, cue words, regular expressions) is data in the
TOML file. It is validated with pydantic (unknown keys and wrong types are errors) and every regex is
compiled here, so a broken rule stops the program at start-up instead of silently not firing.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from relay.detect.casing import compile_rule
from relay.detect.confusables import widen_surnames, widen_weights
from relay.detect.gazetteer import Gazetteers, load_gazetteers
from relay.detect.hanja import Readings, load_readings
from relay.detect.lexicon import Lexicon, build_lexicon
from relay.errors import ConfigError
from relay.model import Kind

DEFAULT_CONFIG_DIR = Path(__file__).resolve().parent.parent.parent / "config"


# One Hangul syllable (or other single character) in a list of endings.
Syllable = Annotated[str, Field(min_length=1, max_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SeverityConfig(_Strict):
    redact_min: float = Field(ge=0, le=1)
    review_min: float = Field(ge=0, le=1)

    @model_validator(mode="after")
    def _ordered(self) -> SeverityConfig:
        if self.review_min > self.redact_min:
            raise ValueError("review_min must not exceed redact_min")
        return self


class TextConfig(_Strict):
    particles: tuple[str, ...]
    after_consonant: tuple[str, ...]
    after_vowel: tuple[str, ...]


class LetteredConfig(_Strict):
    """Words that keep names written in Latin or Cyrillic letters apart from English around them."""

    short_english_words: tuple[str, ...] = ()  # shaped like romanised syllables; a name holds none
    greetings: tuple[str, ...] = ()  # open a greeting before a Korean form of address ("Dear 선생님")
    what_one_is: tuple[str, ...] = ()  # a people, faith, role or day after 저는 …이에요: what, not who
    religious_titles: tuple[str, ...] = ()  # titles a name in religion comes before ("요안나 수녀")
    roles_before_latin: tuple[str, ...] = ()  # jobs two capitalised words after which name a person
    latin_titles: tuple[str, ...] = ()  # Dr, Mrs, Prof: a title before a Latin name, redacted with it
    not_person_last: tuple[str, ...] = ()  # last words of organisations', places' and things' names
    japanese_endings: tuple[str, ...] = ()  # kana verb endings and sentence particles: a phrase, no name
    classmate_words: tuple[str, ...] = ()  # 우리반, 친구: before a Western given name in Hangul
    western_intro_before: tuple[str, ...] = ()  # 저는, 이 사람은: before a Western name introduced
    western_intro_after: tuple[str, ...] = ()  # 예요, 입니다: the copula closing that introduction

    @field_validator("japanese_endings")
    @classmethod
    def _kana(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        # Compared with the kana after Chinese characters: an empty or non-kana entry never matches.
        if any(not w or not all("\u3041" <= ch <= "\u30ff" for ch in w) for w in words):
            raise ValueError("entries must be non-empty kana")
        return words

    @field_validator("short_english_words", "greetings", "what_one_is", "not_person_last")
    @classmethod
    def _lower_case(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        # They are compared with the text's words lowered: an upper-case entry would never match.
        if any(w != w.lower() for w in words):
            raise ValueError("English words here are written in lower case")
        return words


class JoinedConfig(_Strict):
    """Lines written syllable by syllable, read again without those spaces (relay/detect/joined.py)."""

    min_words: int = Field(default=4, ge=2)  # Hangul words a line needs to be taken as written so
    single_share: float = Field(default=0.6, gt=0, le=1)  # of which at least this share are one syllable
    # The rules whose findings such a reading may add: a rule's id, or a prefix of ids ending in ".".
    rules: tuple[str, ...] = ()
    # Rules whose person findings it adds only when the name is a listed given name, after a listed
    # surname or alone (given_names_common.txt, not an everyday word).
    listed_name_rules: tuple[str, ...] = ()
    # Rules whose findings the reading with Kiwi's spacing does not add (see relay/detect/joined.py).
    not_when_kiwi_spaced: tuple[str, ...] = ()

    @field_validator("rules", "listed_name_rules", "not_when_kiwi_spaced")
    @classmethod
    def _rule_ids(cls, rules: tuple[str, ...]) -> tuple[str, ...]:
        bad = [r for r in rules if not _JOINED_RULE.fullmatch(r)]
        if bad:
            raise ValueError(f"not a rule id or a prefix ending in '.': {bad}")
        return rules

    def takes(self, rule: str) -> bool:
        return _named(rule, self.rules)

    def only_listed_names(self, rule: str) -> bool:
        return _named(rule, self.listed_name_rules)

    def takes_kiwi_spaced(self, rule: str) -> bool:
        return not _named(rule, self.not_when_kiwi_spaced)


def _named(rule: str, entries: tuple[str, ...]) -> bool:
    return any(rule == r or (r.endswith(".") and rule.startswith(r)) for r in entries)


# A rule id ("person.full_name", "place.nk_places.alias") or a prefix of ids ending in a dot ("unit.").
_JOINED_RULE = re.compile(r"[a-z_]+\.(?:[a-z0-9_]+(?:\.[a-z0-9_]+)*\.?)?")


class BenignConfig(_Strict):
    """Vetoes of findings that everyday text makes (relay/detect/respaced.py, not_names.py, in_general.py)."""

    # Kiwi tags that open no name: a finding starting with one is a particle or ending split off.
    respaced_opening_tags: tuple[str, ...] = ()
    # Kiwi tags of everyday words that a finding read without spaces must not cut.
    respaced_word_tags: frozenset[str] = frozenset()
    # Words that are no one's name in any slot (relay/detect/not_names.py).
    not_names: frozenset[str] = frozenset()
    # Bound nouns closing a verb's adnominal form ("나눠준거", "어릴때"): no name.
    bound_nouns: frozenset[str] = frozenset()
    # The writer's and reader's pronouns before an everyday noun ("나 영어", "나키"): no name.
    pronouns: frozenset[str] = frozenset()
    # Verbs of eating, cooking and reading: their object is no one's name (relay/detect/not_names.py).
    consumed_verbs: frozenset[str] = frozenset()
    # Speaker words before an object and its verb ("내가 양꼬치 한번 거하게 산다"): no introduction.
    speakers: frozenset[str] = frozenset()
    # Dialect sentence endings closing a word read as a name ("나지비"): a verb at a sentence's end.
    dialect_endings: tuple[str, ...] = ()
    # Particles that, split off by a space, follow a kinship word ("형 이", "누나 가"): no given name.
    kin_particles: tuple[str, ...] = ()
    # What dishes end in after an everyday noun ("김치전", "계란말이", "호박죽"): a dish, no name.
    dish_endings: tuple[str, ...] = ()
    # What other everyday things end in after an everyday noun ("진폐 + 증", "고사 + 총", "피시 + 방"):
    # an ailment, a gun, a room or shop, no surname and given name.
    thing_endings: tuple[str, ...] = ()
    # Suffixes Kiwi reads as a noun's plural ("분들", "집사님들"): a group of people, no one's name.
    plural_suffixes: tuple[str, ...] = ()
    # Words of address one is told to call someone ("형이라고 불러"): a kinship word, no name.
    called_not_names: frozenset[str] = frozenset()
    # Native Korean numbers ("쉰한", "여든 아홉") and the counters after them ("두 공기", "스물두 살"):
    # an amount, no name (relay/detect/not_names.py).
    native_tens: frozenset[str] = frozenset()
    native_units: frozenset[str] = frozenset()
    amount_counters: tuple[str, ...] = ()
    # Units that count only old measures and months (석 달, 넉 자, 서 말, 너 푼) and those counters: before
    # another counter the unit is no number ("석명" is a name; three people are 세 명).
    measure_units: frozenset[str] = frozenset()
    measure_counters: frozenset[str] = frozenset()
    # Titles of address that are no name alone ("아지매가", "우리 성도님들") but follow one ("순덕이 할매").
    alone_not_names: frozenset[str] = frozenset()
    # Things said of in general (relay/detect/in_general.py): famous people and their statues, books of
    # the Bible, public bodies, sights of the capital and the words of position that place someone by
    # one, dishes named after a town and the shop words after them, big cities, words glued before a
    # city or country by OCR, what a whole city has, and the persons that make a clause someone's own.
    famous_names: tuple[str, ...] = ()
    famous_titles: frozenset[str] = frozenset()
    scripture_books: tuple[str, ...] = ()
    # People of the Bible a sermon or a believer's letter tells of ("모세가 광야에서", "다윗이 사울한테
    # 쫓길 때"): famous names unless the letter addresses one (요셉아, 에스더에게), a Christian's own name.
    scripture_figures: tuple[str, ...] = ()
    public_bodies: frozenset[str] = frozenset()
    famous_sights: tuple[str, ...] = ()
    sight_position_words: frozenset[str] = frozenset()
    place_dishes: tuple[str, ...] = ()
    dish_shop_words: tuple[str, ...] = ()
    general_cities: frozenset[str] = frozenset()
    general_before: frozenset[str] = frozenset()
    general_city_nouns: frozenset[str] = frozenset()
    personal_words: frozenset[str] = frozenset()
    # What a country's name describes when it stands before it ("러시아 사람들", "중국 담배") or is
    # glued to it ("독일제", "중국산"): where people or things come from, not where anyone is.
    country_nouns: tuple[str, ...] = ()
    # Units after a number that make it an amount (relay/detect/amounts.py): money, degrees, a share
    # ("30만 원씩", "사십오도", "칠 대 삼"); the currencies among them; words before a temperature.
    amount_units: frozenset[str] = frozenset()
    money_units: frozenset[str] = frozenset()
    amount_prefixes: frozenset[str] = frozenset()
    country_made: tuple[str, ...] = ()

    @field_validator(
        "famous_names",
        "famous_titles",
        "scripture_books",
        "scripture_figures",
        "sight_position_words",
        "place_dishes",
        "dish_shop_words",
        "general_cities",
        "general_before",
        "general_city_nouns",
        "personal_words",
        "country_nouns",
        "country_made",
        "amount_units",
        "money_units",
        "amount_prefixes",
        "not_names",
        "native_tens",
        "native_units",
        "amount_counters",
        "measure_units",
        "measure_counters",
        "alone_not_names",
        "bound_nouns",
        "pronouns",
        "speakers",
        "dialect_endings",
        "kin_particles",
        "dish_endings",
        "thing_endings",
        "plural_suffixes",
        "called_not_names",
    )
    @classmethod
    def _hangul_words(cls, words: frozenset[str] | tuple[str, ...]) -> frozenset[str] | tuple[str, ...]:
        # Compared with Hangul text only: an empty or non-Hangul entry would never (or always) match.
        if any(not w or not all("가" <= ch <= "힣" for ch in w) for w in words):
            raise ValueError("entries must be non-empty Hangul words")
        return words

    @field_validator("respaced_opening_tags")
    @classmethod
    def _no_empty_tag(cls, tags: tuple[str, ...]) -> tuple[str, ...]:
        # An empty prefix would match every tag and drop every spaced name.
        if any(not t for t in tags):
            raise ValueError("opening tags must not be empty")
        return tags


class NamesConfig(_Strict):
    surname: float
    given_per_weight: float
    given_weight_pivot: float
    common_given: float
    kiwi_proper: float
    kiwi_unknown: float
    kiwi_common: float
    context: float
    vocative: float
    name_suffix: float
    kiwi_name_suffix: float
    place_word: float
    merge_max_rank: int
    intro: float
    given_alone_penalty: float
    unknown_syllable_penalty: float
    strong_slot: float
    name_shaped_min_weight: int
    # A surname and a two-syllable given name, both syllables typical of names (weight at least
    # slot_kin_min_weight), that Kiwi does not read as an everyday word; 0 in older rule files.
    typical_full_name: float = 0.0
    # A given syllable rare in names one jamo off a typical one (names._Scorer._weights): weighed as
    # the typical one, at this cost; 0 in older rule files.
    damaged_syllable: float = 0.0
    # A name-shaped word in a slot only a name fits (names._slot_grade); review-level in older files.
    slot_name: float = 0.55
    min_syllables: int = Field(ge=1)
    max_syllables: int = Field(ge=1)
    closings: tuple[str, ...]
    glued_titles: tuple[str, ...]
    public_figures: tuple[str, ...]
    intro_before: tuple[str, ...]
    intro_after: tuple[str, ...]
    vocatives: tuple[str, ...]
    extra_before: tuple[str, ...]
    stop_words: frozenset[str]
    # The addressee of an affectionate salutation (relay/detect/salutation.py).
    salutation_cues: tuple[str, ...] = ()
    salutation_endings: tuple[str, ...] = ()
    salutation_not_names: frozenset[str] = frozenset()
    # Everyday words friends and comrades are called by (relay/detect/nicknames.py).
    nicknames: frozenset[str] = frozenset()
    # "철만이 보아라": the imperative of 보다 that opens an old-style letter after the addressee's name.
    letter_openings: tuple[str, ...] = ()
    born_not_names: frozenset[str] = frozenset()
    born_not_first: frozenset[str] = frozenset()  # determiners and pronouns before a split subject
    # One-syllable words before a given name that are no surname set apart (relay/detect/spaced_names.py).
    spaced_surname_not: frozenset[str] = frozenset()
    # ... and nouns that stand alone after a name as its own word ("김 철 집에서").
    spaced_next_not: frozenset[str] = frozenset()
    # Predicates saying where someone is or lives (relay/detect/whereabouts.py).
    whereabouts_cues: tuple[str, ...] = ()
    # ... of them, those that wonder where someone is: an everyday noun as their subject is reviewed.
    whereabouts_wonder_cues: tuple[str, ...] = ()
    # "[place]에 사는 Y": verbs of living before the one who lives there, and words that stand there
    # without naming anyone (relay/detect/whereabouts.py).
    resident_cues: tuple[str, ...] = ()
    # Form labels before a name ("이름: 하 은빛나", relay/detect/titled.py).
    name_labels: tuple[str, ...] = ()
    known_as_nouns: tuple[str, ...] = ()
    known_as_nations: tuple[str, ...] = ()  # "X라는 태국 아저씨": a nationality before the noun
    known_as_checked: tuple[str, ...] = ()  # nouns after which X must be no word Kiwi knows
    # The quotatives between a name and known_as_nouns: 라는, 라고 하는, 라 카는 (relay/detect/called.py).
    known_as_quotatives: tuple[str, ...] = ("라는",)
    # "저는 X라고 합니다": verbs of being called after X(이)라고 (relay/detect/titled.py).
    intro_called: tuple[str, ...] = ()
    resident_not_names: frozenset[str] = frozenset()
    # Kiwi parts of speech of everyday words a person finding must not cut (relay/detect/pieces.py).
    word_piece_tags: frozenset[str] = frozenset()
    # Slots where only a name fits (see names._slot); defaults keep older rule files valid.
    slot_titles: tuple[str, ...] = ()
    slot_teknonyms: tuple[str, ...] = ()
    role_words: frozenset[str] = frozenset()
    title_modifiers: frozenset[str] = frozenset()
    # Surnames as written in other scripts (relay/detect/lettered.py).
    latin_surnames: tuple[str, ...] = ()
    cyrillic_surnames: tuple[str, ...] = ()
    hanja_surnames: tuple[str, ...] = ()
    koryo_surnames: tuple[str, ...] = ()  # 텐, 허가이: beside a Western given name in Hangul
    # Words in Chinese characters that open with a surname character and name no one (韓國, 許多).
    hanja_not_names: frozenset[str] = frozenset()
    slot_intro_before: tuple[str, ...] = ()
    slot_intro_endings: tuple[str, ...] = ()
    slot_id_cues: tuple[str, ...] = ()
    slot_kin_endings: tuple[str, ...] = ()
    slot_kin_min_weight: int = 3
    slot_kin_one: frozenset[str] = frozenset()
    # Counters that make a number after a kinship word an amount, not a name read as one (names.py
    # _called_by_count): "동생 만원을" is money, "동생 만호가" a brother.
    kin_amount_counters: frozenset[str] = frozenset()
    # "딸 X과 함께" (names.py _kin_company): the particles of company, and words for groups of people that
    # stand there as no name ("아들 내외와 함께").
    company_endings: frozenset[str] = frozenset()
    kin_company_groups: frozenset[str] = frozenset()
    slot_review: float = 0.55
    # "자성군 사람 X,", "봉산 출신 누나 X": words that say where someone is from, before a name that
    # closes its clause.
    slot_origin_words: frozenset[str] = frozenset()
    # "같이 일하던 김 형 □ 는": words before a name written one syllable apart with a masked syllable
    # (names._spaced_masked_names), besides kinship words, roles and introductions.
    masked_before: tuple[str, ...] = ()
    # The speaker described and named at the end of a sentence ("내레 … 팔던 X이야요", names.py
    # _described_speaker): more speaker words, copula endings and verbs of saying than the built-in ones.
    self_speakers: frozenset[str] = frozenset()
    self_endings: tuple[str, ...] = ()
    self_saying: frozenset[str] = frozenset()
    # OCR look-alikes (relay.detect.confusables): surnames at least this common lend their look-alikes
    # (김 -> 킴, 선 -> 션) as rare surnames; 0 turns it off. Given-name syllables always do.
    ocr_surname_max_rank: int = 0
    # Two-syllable surnames (사공, 독고) may stand apart from the given name ("사공 화실").
    split_double_surnames: bool = False
    # "최 권사님", "정 대위", "왕 주임": a bare surname before a title (relay/detect/titled.py). Surnames
    # at least this common, less those that are also determiners or prefixes (이 this, 전 former), and
    # titles from name_context.tsv less those that say what anyone is (학생, 병사).
    surname_title_max_rank: int = Field(default=0, ge=0)
    surname_title_stop_surnames: frozenset[Syllable] = frozenset()
    surname_title_not_titles: frozenset[str] = frozenset()
    # ... and a surname that is also a thing the title belongs to ("배 선장": a ship's captain).
    surname_title_not_pairs: frozenset[str] = frozenset()
    # "곽쌤이", "윤쌤한테": a surname with a one-syllable title glued on (the same surnames as above).
    surname_glued_titles: frozenset[Syllable] = frozenset()
    # Titles that widen a person finding they follow or precede ("김은지 선생님", "전도사 최은혜").
    widen_titles_not: frozenset[str] = frozenset()
    # Words for a superior, a comrade or a member that stand before a name like a title ("상관 림정호",
    # "동기 우경남"), besides name_context.tsv's titles and ranks (relay/detect/role_names.py).
    split_name_roles: frozenset[str] = frozenset()
    # "Ahmed란 이집트 사람", "Mr. Faisal이라는 현장 supervisor": words for a person a foreign name
    # called so goes before, besides known_as_nouns (relay/detect/called.py).
    foreign_known_as_nouns: frozenset[str] = frozenset()


class PlacesConfig(_Strict):
    admin_suffixes: tuple[str, ...]
    glued_tails: tuple[str, ...]
    # Nouns of position glued after a place ("시장앞에서", "역옆"): the place ends before them.
    glued_positions: tuple[str, ...] = ()
    stem_levels: frozenset[str]
    min_stem_syllables: int = Field(ge=1)
    stem_stop: frozenset[str]
    unknown_stem_stop: frozenset[str]
    suffix_stop: dict[str, frozenset[str]]
    hometown_before: tuple[str, ...]
    hometown_after: tuple[str, ...]
    confidence_entry: float = Field(ge=0, le=1)
    confidence_stem: float = Field(ge=0, le=1)
    confidence_unknown: float = Field(ge=0, le=1)
    confidence_hometown: float = Field(ge=0, le=1)
    # After an OCR-damaged two-syllable stem ("혱샨에 계신다"): words that say it is a place.
    damaged_stem_cues: tuple[str, ...] = ()
    # After a gazetteer stem that is also an everyday word ("세포에 계신다", "위원 사람들은"): words
    # that only follow a place, so the stem is one whatever Kiwi reads (review).
    strong_stem_cues: tuple[str, ...] = ()
    # Names of places abroad that are everyday words, kept out of the gazetteer (수자, Sudzha, is the
    # northern 숫자 "number"): a place only with one of strong_stem_cues after it (relay/detect/damaged.py).
    cue_only_stems: frozenset[str] = frozenset()
    # Words that are never an OCR-damaged gazetteer stem one jamo away (고려, 신라: relay/detect/damaged.py).
    not_near_misses: frozenset[str] = frozenset()
    # Everyday nouns ending in 리 that head compounds with a one-syllable noun (풀뿌리, 물소리): such a
    # word is two nouns, not a village stem and 리 (relay/detect/places.py).
    compound_heads: frozenset[str] = frozenset()
    # Class nouns that end names of rivers, mountains, markets, mines and stations (두만강, 채하시장): a
    # near miss keeping one at its end is that landmark (relay/detect/places.py; longest first there).
    landmark_ends: tuple[str, ...]
    # Small divisions' suffixes a stem before them makes a place (삼곡동, 산봉리; relay/detect/places.py).
    word_suffixes: tuple[str, ...]
    # Township and district suffixes that carry a chain of places on to the village after them ("화천군
    # 상서면 산양라"; relay/detect/damaged.py), longest first.
    chain_middle_suffixes: tuple[str, ...] = ()
    # Division suffixes that end hardly any word but a place's name, looked for inside glued words
    # ("나와봉담읍으로"; relay/detect/places.py).
    glued_suffixes: tuple[str, ...]
    # Particles after one of glued_suffixes with the rest of the sentence glued on ("봉담읍으로왔다").
    glued_suffix_particles: tuple[str, ...]
    # Spoken fillers between a town and the village in it ("나선 그 원정리"; relay/detect/damaged.py).
    village_fillers: frozenset[str]
    # Countries every letter names (러시아, 중국): alone they identify no one, so they are kept only where
    # one of generic_country_cues follows them or another place (relay/detect/places.py).
    # Endings of Chinese towns and villages (서성진, 숭선향, 광명촌), places after a foreign city or county.
    foreign_village_suffixes: tuple[str, ...] = ()
    foreign_street_suffixes: tuple[str, ...] = ()
    generic_countries: frozenset[str] = frozenset()
    generic_country_cues: tuple[str, ...] = ()
    # Particles glued to a country that say it is spoken of, not where someone is ("캐나다도 제도가",
    # "폴란드하고 한국은"; relay/detect/places.py).
    country_said_of_particles: frozenset[str] = frozenset()
    # Countries of the road south, a finding however they are said ("라오스 사람들은").
    transit_countries: frozenset[str] = frozenset()
    # Places written in foreign scripts (relay/detect/places.py): Chinese and Japanese division endings
    # (大阪市, 生野区, 河南街), Cyrillic class words (область, район), Korean nouns after a name (시장, 역),
    # and, after a foreign city, words for a district it holds (바양주르흐 구역).
    han_suffixes: tuple[str, ...] = ()
    han_stop: frozenset[str] = frozenset()
    # Endings of the smallest divisions in characters (普林面, 白川邑), taken only after a place run.
    han_township_suffixes: tuple[str, ...] = ()
    cyrillic_classes: tuple[str, ...] = ()
    foreign_landmark_nouns: tuple[str, ...] = ()
    foreign_district_words: tuple[str, ...] = ()
    # Verbs of living glued to a small division with no particle, as chat writes ("련봉동살던").
    bare_living_cues: tuple[str, ...] = ()
    # Spellings of gazetteer places in Cyrillic, Chinese or Japanese letters, by the entry's name
    # (Москва for 모스크바, 延吉 for 연길시): aliases the gazetteer files, Hangul and Latin only, cannot hold.
    script_aliases: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # Class words of guarded sites named by the word before them ("향산 특각", "백골부대 GP"), and words
    # before them that name none (우리, 북측); relay/detect/places.py.
    site_words: tuple[str, ...] = ()
    site_stem_stop: frozenset[str] = frozenset()
    # Words after a number that make a village of a Chinese border county ("13도구"; places.py).
    numbered_villages: tuple[str, ...] = ()
    # Endings of a quarter written in Hangul after a place in Chinese characters ("開城府 남산정"; places.py).
    han_quarter_suffixes: tuple[str, ...] = ()
    # Endings of a mountain, peak or pass named right after the place it stands in ("문경 희양산",
    # "고원군 부래산 밑"; places.py).
    landmark_after_place_ends: tuple[str, ...] = ()
    # Class nouns of a landmark named by the place or stem before it ("신파 나루터", "수성못", "애기봉
    # 전망대"; places.py), longest first.
    landmark_nouns: tuple[str, ...] = ()
    # Landmarks named by a stem no list holds and their class noun, told by what is said after them
    # ("오류천이 흐르고", "연봉다리 건너서"; relay/detect/landmark_cues.py): the cue groups of each class
    # noun, the cue patterns of each group (regular expressions over the text without spaces, right
    # after the noun), and stems that make the name an everyday one (나무다리, 외나무다리).
    landmark_cue_classes: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    landmark_cues: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    landmark_cue_stem_stop: frozenset[str] = frozenset()
    # Cities abroad by their capital letters ("LA 코리아타운"), matched with their case, and words after
    # one that make it something else ("LA갈비"; places.py).
    latin_city_abbreviations: tuple[str, ...] = ()
    latin_city_abbreviation_stop_after: tuple[str, ...] = ()


class OrgsConfig(_Strict):
    confidence_place_stem: float = Field(ge=0, le=1)
    confidence_proper_stem: float = Field(ge=0, le=1)
    confidence_numbered_stem: float = Field(ge=0, le=1)
    confidence_word_stem: float = Field(ge=0, le=1)
    confidence_compound_stem: float = Field(ge=0, le=1)
    confidence_glued_stem: float = Field(ge=0, le=1)
    fragment_stop: frozenset[str]
    long_suffix: int = Field(ge=1)
    # Short endings of one site each (탄광, 광산), reviewed after any stem of two syllables or more but
    # these minerals and kinds of mine (석탄광산, 노천탄광).
    site_suffixes: frozenset[str] = frozenset()
    site_stem_stop: frozenset[str] = frozenset()
    workplace_cues: tuple[str, ...]
    confidence_company: float = Field(ge=0, le=1)
    company_stem_stop: frozenset[str]
    confidence_workplace: float = Field(ge=0, le=1)
    religious_stem_stop: frozenset[str]
    religious_stem_endings: tuple[str, ...]
    # Words before an organisation's ending written apart that say when or how, not which one
    # ("평생 탄광에서 일했다", "요즘 학원에 다닌다"; relay/detect/orgs.py).
    spaced_stem_stop: frozenset[str] = frozenset()
    # Kinds of orgs.tsv ending read in a stretch written syllable by syllable ("대 구 새 터 교 회"), endings
    # of other kinds read there too (학원, 어린이집), and how many one-syllable words make such a stretch
    # (relay/detect/spelled_orgs.py).
    spelled_out_kinds: frozenset[str] = frozenset()
    spelled_out_endings: tuple[str, ...] = ()
    spelled_out_min_words: int = Field(default=4, ge=1)
    spelled_out_openers: tuple[str, ...] = ()
    # Verbs that lost the space after a school or workplace ("한누리학교다녀요"; relay/detect/orgs.py).
    glued_verbs: tuple[str, ...] = ()
    # Nouns after "X라는" that say X names an organisation ("넥스플로우라는 회사"; relay/detect/orgs.py).
    called_nouns: tuple[str, ...] = ()
    # After an NGO's name, words that say it is one ("X라는 단체", "X를 통해 전달"; relay/detect/orgs.py).
    ngo_cues: tuple[str, ...]
    # Words after a legal form (사단법인, 주식회사) that name no organisation ("사단법인 설립").
    form_not_names: frozenset[str]
    # The international bodies letters go through (적십자, 유엔, 대사관): no organisation to redact
    # (relay/detect/orgs.py, relay/detect/damaged.py).
    channels: tuple[str, ...]
    # Endings of a temple's or hermitage's name (전등사, 연화암) and the words that say a letter speaks of
    # temples (암자, 스님, 수행): a word ending so near one is a temple (relay/detect/orgs.py).
    temple_endings: tuple[str, ...] = ()
    temple_cues: tuple[str, ...] = ()
    # The same for religious orders (성가소비녀회, 바오로딸수도회) near a word for a nun or religious.
    order_endings: tuple[str, ...] = ()
    order_cues: tuple[str, ...] = ()
    # Nouns for a club, channel or shop that a name follows ("통일동아리 한울림", "채널 '탈북언니 TV'"),
    # and the words that give a shop's name ("샵 이름은 순네일"; relay/detect/orgs.py).
    name_before_nouns: tuple[str, ...] = ()
    name_words: tuple[str, ...] = ()
    # Words for a game room or care centre a name follows the same way ("피씨방 쓰리팝", "치유센터
    # 쉼과빛"): the organisation is the word and the name (relay/detect/orgs.py).
    venue_nouns: tuple[str, ...] = ()
    # Endings of shops and restaurants named before what they sell ("두만강순대국", "대동강면옥"), those a
    # restaurant takes after an everyday word as its name (진달래식당), and the everyday stems that say
    # only what kind of restaurant (기사식당, 구내식당; relay/detect/orgs.py).
    shop_endings: tuple[str, ...] = ()
    named_shop_endings: frozenset[str] = frozenset()
    shop_kind_stems: frozenset[str] = frozenset()
    # Endings of shop_endings that name the shop itself, not a dish (세탁소, 냉면집, 식당; not 냉면): run by
    # the writer ("X세탁소를 하고 있다"), any stem of two syllables or more names it.
    shop_place_endings: tuple[str, ...] = ()
    # Words a shop's name ends with, written apart after the name just given ("가게 이름은 해오름 통신",
    # "X 아바이순대"): what it sells or is (relay/detect/orgs.py).
    shop_name_tails: tuple[str, ...] = ()
    # A broadcaster's or paper's name before a journalist's post ("자유조선방송 기자"), the stems that say
    # only what kind of outlet (지역방송, 인터넷신문), Latin trade words that end a firm's or shop's name
    # ("H Mart", "Maple Ridge Framing"), and Russian firm-name endings (Мосинжстрой; relay/detect/orgs.py).
    media_endings: tuple[str, ...] = ()
    media_cues: tuple[str, ...] = ()
    media_work_cues: tuple[str, ...] = ()
    media_stem_stop: frozenset[str] = frozenset()
    latin_trade_words: tuple[str, ...] = ()
    latin_generic_words: frozenset[str] = frozenset()
    cyrillic_firm_endings: tuple[str, ...] = ()
    cyrillic_workplace_nouns: tuple[str, ...] = ()
    # Korean nouns for an institution that a foreign name in Latin letters stands before ("Charité 병원에서"),
    # and Russian words that end an institution's name ("... государственный университет").
    institution_nouns: tuple[str, ...] = ()
    # Verbs whose adnominal form before a church's ending says which church by the writer's doings, not
    # its name ("평소다니는교회", "고향같은교회"; relay/detect/orgs.py's _adnominal_church_name).
    adnominal_name_verb_stop: frozenset[str] = frozenset()
    # The community a shop or centre serves, between its Latin name and the noun ("Strathfield 코리안 마트").
    institution_between: tuple[str, ...] = ()
    cyrillic_institution_words: tuple[str, ...] = ()
    # Words before an organisation that belong to its name: whose it is (조선 for the North's state firms,
    # 한인 or 고려인 for a community's church abroad; relay/detect/orgs.py).
    owner_prefixes: frozenset[str] = frozenset()
    # Words joining two organisations into one name ("국가정보원 산하 대성공사"; relay/detect/orgs.py).
    joiners: frozenset[str] = frozenset()
    # Words for the housing or grounds of a workplace glued after its name ("회령유선탄광사택이였고",
    # "X광산마을"): the workplace before them is one (relay/detect/orgs.py).
    belonging_words: tuple[str, ...] = ()
    # Words saying who runs a school or hospital (국립, 시립, 주립), between the place or name it is
    # called after and its name ("오데사 국립대학교", "키이우 국립 언어대학교"; relay/detect/orgs.py).
    public_prefixes: frozenset[str] = frozenset()
    # Endings of a body inside another, taken in only right after an organisation already found
    # ("X교구 민족화해위원회", "X수협 공판장"; alone they are everyday words; relay/detect/orgs.py).
    sub_body_endings: tuple[str, ...] = ()
    # Endings of a firm's branch or plant named after its place ("포항지점", "당진공장"): the firm's name
    # one space before it belongs to it ("동해화물 포항지점"; relay/detect/orgs.py).
    branch_endings: tuple[str, ...] = ()
    # Words for a firm's office written apart after its place ("네오플랜 판교 오피스"; relay/detect/orgs.py).
    branch_office_words: frozenset[str] = frozenset()
    # Works nouns written apart after a town and what is made or sold there ("원산 구두 공장",
    # "감천항 수산물 냉동창고"): with a workplace cue after, the three words name one works.
    trade_works_endings: tuple[str, ...] = ()
    # Latin acronyms that name no school or firm of the writer's (TV, PC, UN) before a school cue.
    acronym_stop: frozenset[str] = frozenset()
    # Copula endings left on an organisation's name given as a predicate ("한빛물류라서", "X공장이었는데").
    copula_endings: tuple[str, ...] = ()
    # Work done at a workplace, between 에서 and 일 ("X에서 청소 일 한다"): X is a workplace cue's
    # object (relay/detect/orgs.py).
    job_words: tuple[str, ...] = ()
    # Endings of a state's one security, intelligence or immigration service, named after the country
    # ("우크라이나 보안국"): a country before them, even a home one, names that service (orgs.py).
    country_services: frozenset[str] = frozenset()


class FuzzyConfig(_Strict):
    min_syllables: int = Field(ge=2)
    review_similarity: float = Field(ge=0, le=1)
    redact_similarity: float = Field(ge=0, le=1)
    confidence_scale: float = Field(ge=0, le=1)


class UnitsConfig(_Strict):
    unit_words: tuple[str, ...]
    type_words: tuple[str, ...]
    # Types of training units (훈련, 교도): a type only after a number ("제94훈련 려단"), since without
    # one they are everyday words (훈련 대대로 간다) and 92훈련손 is a misread 훈련소.
    numbered_type_words: tuple[str, ...] = ()
    generic_named: frozenset[str]
    misread_similarity: float = Field(ge=0, le=1)
    misread_stop: frozenset[str]
    # Everyday words a jamo off a two-syllable unit word, after a number read aloud only ("제일 여대").
    spoken_misread_stop: frozenset[str] = frozenset()
    # After a damaged two-syllable unit word ("부댕에서 복무"): words that make it a unit.
    damaged_cues: tuple[str, ...] = ()
    confidence: float = Field(ge=0, le=1)
    # Last syllables of the unit words damaged copies are looked for (relay/detect/damaged.py).
    damaged_unit_ends: frozenset[Syllable]
    # A word ending in one of these is a unit, so a damaged two-syllable unit word after it (부댕, 군달)
    # is one too (relay/detect/damaged.py).
    damaged_unit_tails: tuple[str, ...]
    # Bureaus and works organised like the army, named before their numbered battalions ("건설국 제3대대").
    bureau_words: tuple[str, ...] = ()
    # Countries whose armies a letter names before a force or a unit ("우크라이나 특수작전군 제8연대"): the
    # country goes with the unit's name as written (relay/detect/units.py).
    army_countries: tuple[str, ...] = ()
    # Words of subordination between two units that make them one ("제7군단 산하 제21려단").
    link_words: frozenset[str] = frozenset()


class NumbersConfig(_Strict):
    ocr_digits: dict[str, str]
    # Look-alikes that are letters too often to be read as digits anywhere ("2g37": g for 9): read as
    # digits only inside a phone number's or a date's shape.
    ocr_digits_shaped: dict[str, str] = {}
    ocr_min_real_digits: int = Field(ge=1)
    ocr_min_digit_share: float = Field(ge=0, le=1)
    ocr_units_after: tuple[str, ...]
    spoken_digits: dict[str, str]
    spoken_places: dict[str, int]
    spoken_min_digit_run: int = Field(ge=3)
    spoken_units: tuple[str, ...]
    spoken_units_long: tuple[str, ...]
    spoken_special: dict[str, str]
    # Native Korean digit words (하나, 둘, 다섯 …) a phone number may be read out in, mixed with digit
    # names ("공일공 다섯둘둘 셋여덟 …"); only a whole phone number is converted.
    spoken_native_digits: dict[str, str] = {}
    phone_patterns: tuple[str, ...]
    unknown_digits_review: int = Field(ge=4)
    phone_confidence: float = Field(ge=0, le=1)
    id_keywords: tuple[str, ...]
    phone_keywords: tuple[str, ...]


class PatternConfig(_Strict):
    id: str = Field(pattern=r"^[a-z_]+\.[a-z0-9_]+$")
    kind: Kind
    regex: str
    confidence: float = Field(ge=0, le=1)
    validate_: (
        Literal[
            "date_ymd", "date_md", "rrn", "handle", "garbled", "garbled_id", "garbled_short", "garbled_token"
        ]
        | None
    ) = Field(default=None, alias="validate")
    compact: bool = False  # also match with every space removed (OCR spacing noise)


class RulesConfig(_Strict):
    schema_: Literal[1] = Field(alias="schema")
    severity: SeverityConfig
    text: TextConfig
    lettered: LetteredConfig
    names: NamesConfig
    benign: BenignConfig = BenignConfig()
    joined: JoinedConfig = JoinedConfig()
    places: PlacesConfig
    orgs: OrgsConfig
    fuzzy: FuzzyConfig
    units: UnitsConfig
    numbers: NumbersConfig
    pattern: tuple[PatternConfig, ...]


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    """A regex rule from the TOML file, compiled."""

    id: str
    kind: Kind
    regex: re.Pattern[str]
    confidence: float
    validate: str | None
    compact: bool


@dataclass(frozen=True, eq=False)
class Rules:
    """Everything the detectors need, validated and prepared once. Build with :func:`load_rules`."""

    config: RulesConfig
    gazetteers: Gazetteers
    lexicon: Lexicon
    patterns: tuple[CompiledPattern, ...]
    phone_patterns: tuple[re.Pattern[str], ...]
    particles: tuple[str, ...]  # longest first
    hanja: Readings = dataclasses.field(default_factory=Readings)  # Hanja in Hangul (detect.hanja)
    # The word lists of detect.foreign_names (foreign_names.toml), by list name.
    foreign_names: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)

    @cached_property
    def han_names(self) -> frozenset[str]:
        """Gazetteer names written in characters (成田, 延吉), kept as written by the Hanja reading."""
        return frozenset(key for key in self.lexicon.exact if any("\u3400" <= ch <= "\u9fff" for ch in key))


def _compile(rule_id: str, source: str) -> re.Pattern[str]:
    try:
        return compile_rule(source)
    except re.error as exc:
        raise ConfigError(f"rules.toml: the regex of {rule_id} does not compile ({exc.msg})") from None


def _read_config(path: Path) -> RulesConfig:
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"detection rules {path} are missing") from None
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"detection rules {path.name} cannot be read ({type(exc).__name__})") from None
    try:
        return RulesConfig.model_validate(raw)
    except ValidationError as exc:
        where = "; ".join(".".join(str(p) for p in e["loc"]) + ": " + e["msg"] for e in exc.errors()[:5])
        raise ConfigError(f"detection rules {path.name} are invalid: {where}") from None


# The rank given to OCR look-alikes of surnames (킴, 션): rarer than any listed surname (unranked ones
# are 1000), so a detector can tell a look-alike from a real surname.
OCR_SURNAME_RANK = 1001


def _widen(gaz: Gazetteers, config: RulesConfig) -> Gazetteers:
    """Name evidence widened with OCR look-alike syllables (see relay.detect.confusables)."""
    names = config.names
    surnames = gaz.surnames
    if names.ocr_surname_max_rank > 0:
        surnames = MappingProxyType(
            widen_surnames(gaz.surnames, names.ocr_surname_max_rank, OCR_SURNAME_RANK)
        )
    return dataclasses.replace(
        gaz, surnames=surnames, given_syllables=MappingProxyType(widen_weights(gaz.given_syllables))
    )


def load_rules(config_dir: Path | None = None) -> Rules:
    """The detection rules and gazetteers under ``config_dir`` (default: the repository's ``config/``).

    Raises :class:`~relay.errors.ConfigError` when a file is missing or broken; there is no fallback.
    The default is loaded once per process and shared.
    """
    if config_dir is None:
        return _load_default()
    return _load(Path(config_dir))


@lru_cache(maxsize=1)
def _load_default() -> Rules:
    return _load(DEFAULT_CONFIG_DIR)


def _load(config_dir: Path) -> Rules:
    config = _read_config(config_dir / "detect" / "rules.toml")
    gazetteers = _widen(load_gazetteers(config_dir / "gazetteers"), config)
    ids = [p.id for p in config.pattern]
    if len(set(ids)) != len(ids):
        raise ConfigError("rules.toml: pattern ids must be unique")
    patterns = tuple(
        CompiledPattern(p.id, p.kind, _compile(p.id, p.regex), p.confidence, p.validate_, p.compact)
        for p in config.pattern
    )
    phones = tuple(_compile("numbers.phone_patterns", p) for p in config.numbers.phone_patterns)
    particles = tuple(sorted(set(config.text.particles), key=len, reverse=True))
    return Rules(
        config=config,
        gazetteers=gazetteers,
        lexicon=build_lexicon(config, gazetteers),
        patterns=patterns,
        phone_patterns=phones,
        particles=particles,
        hanja=load_readings(config_dir / "detect" / "hanja.tsv"),
        foreign_names=_read_word_lists(config_dir / "detect" / "foreign_names.toml", FOREIGN_NAME_LISTS),
    )


# The lists foreign_names.toml must hold (read by relay.detect.foreign_names).
FOREIGN_NAME_LISTS = (
    "latin_given",
    "latin_surname_endings",
    "latin_not_surname",
    "latin_public_names",
    "hangul_given",
    "japanese_given",
    "japanese_surnames",
    "hangul_surname_endings",
)


def _read_word_lists(path: Path, required: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """A TOML file of named lists of words; ConfigError unless every value is a list of words and every
    ``required`` list is there."""
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except OSError:
        raise ConfigError(f"{path.name} cannot be read") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path.name} is not valid TOML ({exc})") from None
    lists: dict[str, tuple[str, ...]] = {}
    for name, words in raw.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise ConfigError(f"{path.name}: {name} must be a list of words")
        lists[name] = tuple(words)
    missing = [name for name in required if name not in lists]
    if missing:
        raise ConfigError(f"{path.name}: missing {', '.join(missing)}")
    return lists
