"""The Dutch analysis chain: what makes typed words meet the words of the answers."""

from __future__ import annotations

import pytest

from briefing.search.analysis import Analyzer, fold, participle_stems, phonetic, stem, words


@pytest.mark.parametrize("singular, plural", [
    ("fiets", "fietsen"),          # Snowball alone: 'fiet' vs 'fiets'
    ("sanctie", "sancties"),       # Snowball keeps the -s after a vowel
    ("vacature", "vacatures"),
    ("afspraak", "afspraken"),     # doubled vowel in the open syllable
    ("straf", "straffen"),         # doubled consonant
    ("brief", "brieven"),          # f / v
    ("reis", "reizen"),            # s / z
    ("melding", "meldingen"),
    ("medewerker", "medewerkers"),
    ("bureau", "bureaus"),
    ("raadslid", "raadsleden"),    # irregular
    ("link", "linkje"),            # diminutive
])
def test_singular_and_plural_share_a_stem(singular, plural):
    assert stem(singular) == stem(plural)


def test_different_words_keep_different_stems():
    assert stem("melding") != stem("medewerker")
    assert stem("straf") != stem("sanctie")  # that is the synonym list's job, not stemming


def test_accents_are_folded():
    assert fold("Geïnformeerd") == "geinformeerd"
    assert words("Financiën, beëindigd én café") == ["financien", "beeindigd", "en", "cafe"]
    analyzer = Analyzer()
    assert analyzer.terms("geïnformeerd") == analyzer.terms("geinformeerd")


def test_numbers_are_kept_and_abbreviations_with_ampersand_stay_whole():
    assert words("Motie 780 uit 2024 over I&D en P&O") == [
        "motie", "780", "uit", "2024", "over", "i&d", "en", "p&o"]
    terms = Analyzer().terms("motie 780 in 2024")
    assert "780" in terms and "2024" in terms


def test_stop_words_are_not_indexed():
    assert Analyzer().terms("de het een en van zijn") == []


def test_hyphenated_words_match_their_joined_form():
    analyzer = Analyzer()
    assert stem("antidiscriminatie") in analyzer.terms("anti-discriminatie")
    assert {"verwey", "jonker"} <= set(analyzer.terms("Verwey-Jonker"))


@pytest.mark.parametrize("participle, infinitive", [
    ("geïnformeerd", "informeren"),
    ("gemeld", "melden"),
    ("gewerkt", "werken"),
    ("opgelegd", "opleggen"),
    ("afgerond", "afronden"),
    ("benaderd", "benaderen"),
    ("onderzocht", "onderzoeken"),
    ("gekomen", "komen"),
])
def test_participles_meet_their_verb(participle, infinitive):
    assert stem(infinitive) in participle_stems(fold(participle))


def test_verb_forms_meet_nouns_and_infinitives():
    analyzer = Analyzer()
    assert set(analyzer.terms("training")) & set(analyzer.terms("getraind"))
    assert set(analyzer.terms("duurt")) & set(analyzer.terms("duren"))
    assert set(analyzer.terms("stopte")) & set(analyzer.terms("stoppen"))
    assert set(analyzer.terms("anonimiteit")) & set(analyzer.terms("anoniem"))


def test_compound_splits_against_the_vocabulary():
    analyzer = Analyzer(["medewerkers", "tevredenheid", "onderzoek"])
    token = analyzer.token("medewerkerstevredenheidsonderzoek")
    assert set(token.parts) >= {stem("medewerker"), stem("tevredenheid"), stem("onderzoek")}
    # ... so a card with the compound and a question with the loose words share terms
    compound = set(analyzer.terms("het medewerkerstevredenheidsonderzoek"))
    loose = set(analyzer.terms("tevredenheid van medewerkers"))
    assert loose <= compound


def test_compound_with_a_leading_particle():
    analyzer = Analyzer(["stand", "bestuursopdracht"])
    token = analyzer.token("totstandkoming")
    assert stem("stand") in token.parts and stem("komen") in token.parts


def test_a_heid_noun_keeps_its_own_stem_with_its_adjective_as_a_form():
    """'openheid' is not 'openen' and 'vertrouwelijkheid' is not 'vertrouwen' (a synonym of
    one is not a synonym of the other), but 'veiligheid' still finds 'veilig'."""
    analyzer = Analyzer()
    assert stem("openheid") != stem("openen")
    assert stem("vertrouwelijkheid") != stem("vertrouwen")
    assert set(analyzer.terms("veiligheid")) & set(analyzer.terms("veilig"))
    assert stem("mogelijkheden") == stem("mogelijkheid")


def test_no_split_into_suffixes_or_of_plain_words():
    analyzer = Analyzer(["gemeente", "gemeenten"])
    assert analyzer.token("gemeentelijk").parts == ()
    assert analyzer.token("integriteit").parts == ()


def test_phonetic_key_lets_spelling_variants_meet():
    assert phonetic("klagten") == phonetic("klachten")
    assert phonetic("rasisme") == phonetic("racisme")
    assert phonetic("verweij") == phonetic("verwey")
