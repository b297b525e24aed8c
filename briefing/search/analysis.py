"""The Dutch analysis chain, shared by indexing and querying so both sides always agree.

text -> fold (lowercase, accents off) -> words (numbers kept, "i&d" kept whole, hyphenated
words also joined) -> stop words out -> a stem per word that makes singular and plural meet,
plus extra *forms*: the parts of a compound split against a vocabulary, and the bare stem of a
past participle ("geïnformeerd" also gives "informer", as "informeren" does).

Whoosh only ever sees the resulting space-separated terms: all linguistics lives here, in plain
Python that tests can call directly."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from whoosh.lang.snowball.dutch import DutchStemmer

# Bump when anything here changes what goes into the index: old cached indexes are rebuilt.
ANALYSIS_VERSION = 14

_STEMMER = DutchStemmer()

# Function words: they match everywhere and say nothing about the topic.
STOP_WORDS = frozenset("""
aan al alle alles als altijd andere ben bent bij daar daarom dan dat de der deze die dit doch
doen doet door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe
hun iemand iets ik in is ja je jij jou jullie kan kon kunnen kunt maar me meer men met mij mijn
moet moeten na naar niet niets nog nu of om omdat onder ons onze ook op over reeds te tegen toch
toen tot u uit uw van veel voor want waren was wat we werd wezen wie wij wil wilt worden wordt
zal ze zelf zich zij zijn zo zonder zou zouden zullen welke welk waar wanneer waarom hoeveel
waarbij waarin waarop hierover daarover hiervan daarvan dat deze nou dit zo'n zulke elke ieder
iedere enkele sommige veel weinig wel iemand niemand hem haar hen wordt werden geworden zijnde
word ben zijn was waren heeft had hadden dan toe via per tussen binnen buiten na sinds tijdens
voordat zodat nadat doordat totdat terwijl hoewel indien mits tenzij zowel noch echter namelijk af mee weg toe erg zeer
daarna daarbij daarmee daarvoor daardoor daarin daarop hiermee hierbij hiervoor hierin waarmee
waardoor waarvoor ermee erbij ervoor erover erin eraan erop steeds zoals bijvoorbeeld bv
""".split())

# Separable verb particles: "door te groeien" also means "doorgroeien".
PARTICLES = frozenset("""
aan af bij door in mee na om op over terug toe uit voor weg samen tegen vast
""".split())
# Derivational endings: never a part of a compound on their own.
_SUFFIXES = ("elijk", "lijk", "heid", "heden", "isch", "schap", "ingen", "baar", "loos", "ering",
             "atie", "iteit", "erij", "ster", "tje")

# Leading parts of compounds that are function words on their own: tot|stand|koming.
PREFIX_PARTS = frozenset({"aan", "af", "bij", "door", "mee", "mede", "na", "om", "op", "over",
                          "terug", "toe", "tot", "uit", "voor", "weg", "samen", "tegen", "onder",
                          "in", "her", "wan", "oud", "anti", "niet"})

# Words of spoken questions that carry no topic: "Ja, dank u voorzitter. Ik wil even ..."
FILLER_WORDS = frozenset("""
voorzitter dank danku bedankt dankjewel dankuwel ja nee jawel eigenlijk even nou gewoon
concreet eens toch best echt heel erg graag vraag vragen vraagje vroeg vraagt wil willen weten
zeggen zegt gezegd eerlijk denk denkt dacht volgens mij ik mijn wij wethouder collega collegas
beetje nogal zeker natuurlijk inderdaad dus oke okay ok hoor he hè zeg kijk misschien ergens
iets soms vaak allemaal precies ongeveer gaat gaan ga doen doet gedaan kunt kan kunnen zou
zouden moet moeten mag mogen laat laten hebben heb heeft had krijgen krijg krijgt
welnu alstublieft svp aub punt even daar hier nu dan straks vandaag
eh ehm euh uh uhm um hm hmm helemaal eraf ervan eruit erheen erachter ervandaan erom ertoe
moest moesten kwam kwamen komt komen stond stonden staat staan klopt klopte klopten kloppen
lukt lukte lukken gebeurt gebeurde gebeuren
""".split())

_VOWELS = "aeiouy"
_WORD_RE = re.compile(r"[a-z0-9]+(?:[&-][a-z0-9]+)*")

# Plurals and forms no suffix rule can reach.
_IRREGULAR = {
    "leden": "lid", "raadsleden": "raadslid", "steden": "stad", "schepen": "schip",
    "kinderen": "kind", "eieren": "ei", "bladeren": "blad", "volkeren": "volk",
    "gegevens": "gegeven", "mensen": "mens", "zaken": "zaak", "wegen": "weg",
}


def fold(text: str) -> str:
    """Lowercase without accents: 'Geïnformeerd' -> 'geinformeerd'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """Folded words in order. 'I&D' stays 'i&d'; 'Verwey-Jonker' gives 'verwey', 'jonker'."""
    out: list[str] = []
    for match in _WORD_RE.finditer(fold(text)):
        token = match.group()
        if "-" in token:
            out.extend(p for p in token.split("-") if p)
        else:
            out.append(token)
    return out


def hyphen_joins(text: str) -> list[str]:
    """Hyphenated words joined: 'anti-discriminatie' -> 'antidiscriminatie'."""
    return [m.group().replace("-", "") for m in _WORD_RE.finditer(fold(text)) if "-" in m.group()]


def is_content(word: str) -> bool:
    """A word worth indexing: not a stop word, not a lone letter (numbers always count)."""
    if word.isdigit():
        return True
    return len(word) > 1 and word not in STOP_WORDS


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A stem on which singular and plural meet: fiets/fietsen, sanctie/sancties,
    afspraak/afspraken, brief/brieven, straf/straffen all share theirs."""
    if word.isdigit() or len(word) <= 3 or not word.isalpha():
        return word
    if word in _IRREGULAR:
        return stem(_IRREGULAR[word])
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 7 and word.endswith(("heid", "heden")):
        # A -heid noun keeps its own stem: 'openheid' is not 'openen', 'vertrouwelijkheid' is
        # not 'vertrouwen'. Its adjective is an extra form of it (heid_base).
        return word[:-5] + "heid" if word.endswith("heden") else word
    # Plural -s after a vowel (sancties, vacatures, pagina's, bureaus): Snowball keeps it.
    if len(word) > 5 and word.endswith("s") and word[-2] in "eiouay" and not word.endswith(
            ("ees", "ies", "us", "ers", "ens", "oos", "ces", "nis")) or word.endswith(("ties", "eaus")):
        word = word[:-1]
    # Diminutives: linkje -> link, briefje -> brief.
    if len(word) > 6 and word.endswith(("tje", "pje")):
        word = word[:-3]
    elif len(word) > 5 and word.endswith("je") and word[-3] not in _VOWELS:
        word = word[:-2]
    stemmed = _STEMMER.stem(word)
    # Snowball strips the -s of a singular ("fiets" -> "fiet") but only the -en of its
    # plural ("fietsen" -> "fiets"): a second pass makes them meet.
    again = _STEMMER.stem(stemmed)
    if len(again) >= 3:
        stemmed = again
    return _normalise_stem(stemmed)


def _normalise_stem(stem_: str) -> str:
    # straffen -> straff -> straf; brieven -> briev -> brief; reizen -> reiz -> reis;
    # afspraak/afspraken -> afsprak (doubled vowels mean the same sound in an open syllable).
    if len(stem_) > 3 and stem_[-1] == stem_[-2] and stem_[-1] not in _VOWELS:
        stem_ = stem_[:-1]
    if stem_.endswith("v"):
        stem_ = stem_[:-1] + "f"
    elif stem_.endswith("z"):
        stem_ = stem_[:-1] + "s"
    return re.sub(r"([aeou])\1", r"\1", stem_)


# Irregular and strong participles by their ending -> the infinitive's ending:
# onderzocht -> onderzoeken, opgenomen -> opnemen, tot stand gekomen -> komen.
_IRREGULAR_PAST = {
    "zocht": "zoeken", "bracht": "brengen", "dacht": "denken", "kocht": "kopen",
    "gekomen": "komen", "genomen": "nemen", "gegeven": "geven", "gebleven": "blijven",
    "gezien": "zien", "gesproken": "spreken", "geschreven": "schrijven", "gekozen": "kiezen",
    "gevonden": "vinden", "gehouden": "houden", "gelopen": "lopen", "gedaan": "doen",
    "gegaan": "gaan", "gesloten": "sluiten", "besloten": "besluiten", "begonnen": "beginnen",
    "verschenen": "verschijnen", "gewezen": "wijzen", "gedragen": "dragen", "gebleken": "blijken",
    "gestaan": "staan", "getrokken": "trekken", "gebonden": "binden", "geboden": "bieden",
    "gelegen": "liggen", "gezeten": "zitten", "geweten": "weten", "gelezen": "lezen",
    "gestreden": "strijden", "geslagen": "slaan", "geheven": "heffen", "gevangen": "vangen",
    "geworven": "werven", "gestorven": "sterven", "verloren": "verliezen", "gedwongen": "dwingen",
    "gesprongen": "springen", "geholpen": "helpen", "gevraagd": "vragen",
}
_INSEPARABLE = ("be", "ver", "ont", "her", "er")


@lru_cache(maxsize=100_000)
def participle_stems(word: str) -> tuple[str, ...]:
    """Stems of the verb behind a past participle: 'geïnformeerd' -> 'informer' (as
    'informeren'), 'gemeld' -> 'meld' (ge+meld), 'gewerkt' -> 'werk', 'opgelegd' -> 'opleg',
    'benaderd' -> 'benader', 'gekomen' -> 'kom', 'onderzocht' -> 'onderzoek'. Empty when the
    word does not look like a participle."""
    if not word.isalpha() or len(word) < 6:
        return ()
    for ending, infinitive in _IRREGULAR_PAST.items():
        if word.endswith(ending):
            head = word[: -len(ending)]
            if not ending.startswith("ge") and head.endswith("ge"):
                head = head[:-2]  # ge+zocht, op+ge+zocht
            return (stem(head + infinitive),)
    if word.endswith(("heid", "teit", "raad", "staat", "bied", "biet", "ing", "lijk", "ment")):
        return ()
    if word[-1] not in "dt":
        return ()
    prefix, rest = "", word
    for particle in PARTICLES:  # op+ge+legd, af+ge+rond
        if word.startswith(particle) and word[len(particle):].startswith("ge"):
            prefix, rest = particle, word[len(particle):]
            break
    if rest.startswith("ge") and len(rest) >= 6:
        core = rest[2:]
    elif not prefix and rest.startswith(_INSEPARABLE) and len(rest) >= 7:
        core = rest  # be+nader+d, ver+beter+d: no ge-
    else:
        return ()
    # ge+werk+t or ge+meld: both readings; the wrong one is a harmless extra term.
    out = [_normalise_stem(_STEMMER.stem(prefix + core[:-1] + "en"))]
    whole = _normalise_stem(_STEMMER.stem(prefix + core + "en"))
    if whole not in out:
        out.append(whole)
    return tuple(out)


def participle_stem(word: str) -> str | None:
    """The first reading of participle_stems(), or None (kept for callers outside search)."""
    stems = participle_stems(word)
    return stems[0] if stems else None


# Common parts of Dutch compounds in municipal language, so that compounds split even when the
# knowledge base never uses the part on its own. Parts found in the knowledge base add to these.
COMPOUND_PARTS = frozenset("""
medewerker medewerkers werk werknemer werkgever gever nemer tevredenheid waardering onderzoek
onderzoeken beleid plan plannen raad raads lid leden gemeente stad klant klanten dienst
verlening zorg jeugd school woning bouw verkeer subsidie regeling regelingen melding meldingen
meld punt punten loket functie functies traject trajecten programma agenda opdracht bestuur
diversiteit inclusie integriteit discriminatie racisme cijfer cijfers streef afspraak afspraken
vertrouwen persoon personen management manager leiding leiderschap team teams gesprek
gesprekken training trainingen rapport rapportage brief brieven commissie vergadering besluit
geld kosten budget begroting jaar jaren maand week dag informatie intranet organisatie
vacature vacatures sollicitatie werving selectie talent ontwikkeling cultuur gedrag klacht
klachten sanctie sancties maatregel maatregelen ambtenaar ambtenaren bureau instituut project
aanpak proces processen vrijheid veiligheid sociaal welzijn bijstand inkomen participatie
uitkering aanvraag aanvragen overleg overleggen bijeenkomst sessie sessies netwerk platform
""".split())


def split_compound(word: str, vocabulary: frozenset[str] | set[str]) -> list[str] | None:
    """Split a compound into known parts, allowing linking -s-/-e-/-en- and at most one
    unknown part of 5+ letters: 'medewerkerstevredenheidsonderzoek' ->
    ['medewerker', 'tevredenheid', 'onderzoek']. None when no split of 2+ parts exists."""
    if len(word) < 8 or not word.isalpha():
        return None
    return _split(word, vocabulary if isinstance(vocabulary, frozenset) else frozenset(vocabulary))


@lru_cache(maxsize=100_000)
def _split_cached(word: str, vocabulary: frozenset[str]) -> tuple[str, ...] | None:
    n = len(word)
    # best[i] = (cost, parts) for word[i:]; cost favours few, known, long parts.
    best: list[tuple[float, tuple[str, ...]] | None] = [None] * (n + 1)
    best[n] = (0.0, ())
    for i in range(n - 1, -1, -1):
        for j in range(i + 2, n + 1 if i else n):  # never the whole word as one part
            part = word[i:j]
            # A leading particle counts as known: tot|stand|koming, mede|werker, door|groei.
            known = part in vocabulary or (i == 0 and part in PREFIX_PARTS)
            if not known and (j - i < 5 or part.startswith(_SUFFIXES)):
                continue  # an unknown part is a word of its own, not a suffix like '-elijk'
            for link in ("", "s", "en", "e"):
                k = j + len(link)
                if k > n or word[j:k] != link or best[k] is None:
                    continue
                if link and k == n:
                    continue  # a linking sound never ends a word
                cost_rest, parts_rest = best[k]  # type: ignore[misc]
                unknowns = sum(1 for p in parts_rest if p not in vocabulary) + (not known)
                if unknowns > 1:
                    continue
                # Unknown parts cost by length, so known parts are carved out of them.
                cost = cost_rest + 1.0 + (0.0 if known else 0.3 * (j - i)) + 0.2 * bool(link)
                if best[i] is None or cost < best[i][0]:  # type: ignore[index]
                    best[i] = (cost, (part, *parts_rest))
    found = best[0]
    if found is None or len(found[1]) < 2:
        return None
    parts = found[1]
    if parts[0] not in vocabulary and parts[0] not in PREFIX_PARTS \
            and parts[-1] not in vocabulary:
        return None  # two unknown ends: probably not a compound at all
    parts = tuple(p for p in parts if p not in PREFIX_PARTS)
    return parts if len(parts) >= 2 else None


def _split(word: str, vocabulary: frozenset[str]) -> list[str] | None:
    parts = _split_cached(word, vocabulary)
    return list(parts) if parts else None


@dataclass(frozen=True)
class Token:
    """One content word of a text: its stem, and extra terms that should also match it."""

    word: str                          # the folded word as written
    stem: str
    forms: tuple[str, ...] = ()        # other forms of the same word: participle, verb stem
    parts: tuple[str, ...] = ()        # stems of a compound's parts (together they match)

    @property
    def terms(self) -> tuple[str, ...]:
        return (self.stem, *self.forms, *self.parts)


class Analyzer:
    """The chain with a compound vocabulary (the knowledge base's own words + common parts)."""

    def __init__(self, vocabulary: Iterable[str] = ()):
        vocab: set[str] = set()
        for w in vocabulary:
            if len(w) >= 4 and w.isalpha() and w not in STOP_WORDS:
                vocab.add(w)
                # Singular-ish forms too, so 'streefcijfers' lets 'streefcijferafspraken' split.
                if w.endswith("s") and len(w) > 5:
                    vocab.add(w[:-1])
                elif w.endswith("ingen") and len(w) > 7:
                    vocab.add(w[:-2])  # meldingen -> melding
        self.vocabulary = frozenset(vocab | COMPOUND_PARTS)
        self._tokens: dict[str, Token] = {}

    def tokens(self, text: str, *, keep_stop: bool = False) -> list[Token]:
        out: list[Token] = []
        all_words = words(text)
        for i, word in enumerate(all_words):
            if not keep_stop and not is_content(word):
                continue
            token = self.token(word)
            verb = separable_verb(all_words, i)
            if verb:
                token = Token(token.word, token.stem, (*token.forms, verb), token.parts)
            out.append(token)
        for joined in hyphen_joins(text):
            out.append(self.token(joined))
        return out

    def token(self, word: str) -> Token:
        found = self._tokens.get(word)
        if found is None:
            if len(self._tokens) > 300_000:
                self._tokens.clear()
            found = self._tokens[word] = _token(word, self.vocabulary)
        return found

    def terms(self, text: str) -> list[str]:
        """Every index term of a text, in order (stems first, then their extra forms)."""
        out: list[str] = []
        for token in self.tokens(text):
            out.extend(token.terms)
        return out


def separable_verb(all_words: list[str], i: int) -> str | None:
    """'door (te) groeien' -> stem of 'doorgroeien', for the verb at position i."""
    word = all_words[i]
    if not word.endswith("en") or len(word) < 5 or not word.isalpha():
        return None
    before = all_words[i - 1] if i >= 1 else ""
    if before == "te" and i >= 2:
        before = all_words[i - 2]
    if before in PARTICLES:
        return stem(before + word)
    return None


def _token(word: str, vocabulary: frozenset[str]) -> Token:
    base = stem(word)
    forms: list[str] = []
    for participle in participle_stems(word):
        if participle != base and participle not in forms:
            forms.append(participle)
    verb = verb_stem(word)
    if verb and verb != base and verb not in forms:
        forms.append(verb)
    for adjective in (*iteit_bases(word), *heid_base(word)):
        if adjective != base and adjective not in forms:
            forms.append(adjective)
    for verb in (nominal_verb(word), past_tense_verb(word)):
        if verb and verb != base and verb not in forms:
            forms.append(verb)
    parts: list[str] = []
    split = split_compound(word, vocabulary)
    if split:
        for part in split:
            # '-koming' is the noun of 'komen': meet the verb ('tot stand gekomen').
            if part.endswith("ing") and len(part) <= 7:
                part = part[:-3] + "en"
            for part_stem in (stem(part), *heid_base(part)):
                if part_stem != base and part_stem not in parts and len(part_stem) >= 3:
                    parts.append(part_stem)
    return Token(word, base, tuple(forms), tuple(parts))


def nominal_verb(word: str) -> str | None:
    """The verb behind an -ing noun: training -> trainen, begeleiding -> begeleiden."""
    if len(word) < 7 or not word.endswith("ing"):
        return None
    return stem(word[:-3] + "en")


def past_tense_verb(word: str) -> str | None:
    """The verb behind a past tense: stopte -> stoppen, meldde -> melden, werkten -> werken."""
    if not word.isalpha() or len(word) < 6:
        return None
    for ending in ("tten", "dden", "ten", "den", "tte", "dde", "te", "de"):
        if word.endswith(ending):
            core = word[: -len(ending)] + ending[0] * (ending[:2] in ("tt", "dd"))
            if len(core) < 3 or core[-1] in "aeiou":
                return None
            return stem(core + "en")
    return None


def heid_base(word: str) -> tuple[str, ...]:
    """The adjective behind a -heid noun: veiligheid -> veilig, duidelijkheid -> duidelijk."""
    if len(word) <= 7 or not word.endswith(("heid", "heden")):
        return ()
    return (stem(word[:-5] if word.endswith("heden") else word[:-4]),)


def iteit_bases(word: str) -> tuple[str, ...]:
    """The adjective behind an -iteit noun: anonimiteit -> anoniem, diversiteit -> divers,
    activiteit -> actief."""
    if not word.endswith("iteit") or len(word) < 9:
        return ()
    base = word[:-5]
    out = [stem(base)]
    long_vowel = re.sub(r"i([^aeiou])$", r"ie\1", base)
    if long_vowel.endswith("v"):
        long_vowel = long_vowel[:-1] + "f"
    if long_vowel != base:
        out.append(stem(long_vowel))
    return tuple(dict.fromkeys(out))


# A phonetic key for typo matching: spellings that sound alike meet (klagten / klachten,
# rasisme / racisme, Verweij / Verwey).
_PHONETIC = [(re.compile(p), r) for p, r in [
    (r"y", "ij"), (r"eij", "ij"), (r"ei", "ij"), (r"au", "ou"), (r"ch", "g"), (r"ph", "f"),
    (r"th", "t"), (r"c(?=[eiy])", "s"), (r"c", "k"), (r"dt\b", "t"), (r"d\b", "t"), (r"z", "s"),
    (r"v", "f"), (r"([a-z])\1+", r"\1"),
]]


def phonetic(word: str) -> str:
    for pattern, replacement in _PHONETIC:
        word = pattern.sub(replacement, word)
    return word


_NOT_VERB_T = ("heid", "teit", "ment", "ant", "ent", "ist", "aat", "iet", "ort", "ect", "uut")


def verb_stem(word: str) -> str | None:
    """'duurt' -> stem of 'duur' (meets 'duren'); 'vindt' -> 'vind'. None for other words."""
    if len(word) < 5 or len(word) > 12 or not word.endswith("t") or word.endswith(_NOT_VERB_T):
        return None
    if not word.isalpha() or word.startswith("ge"):
        return None
    return stem(word[:-1] + "en") if word[-2] != "d" else stem(word[:-1])
