"""Annotaties in layouts the seeds do not use (tests/importing/unseen/): each imports to its
hand-written expectation, field by field; nothing is dropped; the YAML passes the check."""

from __future__ import annotations

import re

import pytest

from briefing.importing import import_file
from briefing.importing.dates import MONTHS
from briefing.importing.names import Names
from briefing.importing.readers import split_lines
from briefing.importing.text import WOO_MARK, normalise_chars
from briefing.model import load_knowledge
from tests.conftest import BUNDLED_KB
from tests.importing.unseen.score import (fixtures, is_word, load_expected, score,
                                          source_for)

# Words that only structure an annotatie: a line of only these may vanish into a field.
_STRUCTURE = {
    "annotatie", "kernboodschap", "kernboodschappen", "kernpunten", "hoofdlijnen", "boodschap",
    "hoofdboodschap", "vragen", "vraag", "antwoord", "antwoorden", "mogelijke", "verwachte",
    "te", "verwachten", "en", "q&a", "indien", "doorgevraagd", "als", "wordt", "bij",
    "doorvragen", "mocht", "worden", "onderwerp", "betreft", "commissie", "datum", "agendapunt",
    "portefeuillehouder", "wethouder", "classificatie", "gevraagd", "besluit", "fractie",
    "raadsleden", "lid", "feiten", "cijfers", "vergadering", "opgesteld", "door", "openbaarheid",
    "behandelend", "ambtenaar", "contactpersoon", "opsteller", "uit", "de", "van", "ook",
    "gevraagd", "tel", "vertrouwelijk", "intern", "geheim", "strikt", "commissie", "nb",
    "vergaderdatum", "reactie", "op", "verantwoordelijk", "ambtelijk", "contact", "doorvraag",
    "per", "voor", "woordvoering",
}


@pytest.fixture(scope="module")
def registers():
    return load_knowledge(BUNDLED_KB).registers


@pytest.fixture(scope="module")
def imported(registers, tmp_path_factory):
    folder = tmp_path_factory.mktemp("word")
    out = {}
    for expected in fixtures():
        source = source_for(expected, folder)
        out[expected.name] = (source, import_file(source, registers))
    return out


@pytest.mark.parametrize("expected", fixtures(), ids=lambda p: p.name.split(".")[0])
def test_fixture_matches_its_expectation(expected, imported, registers):
    source, result = imported[expected.name]
    agreement = score(load_expected(expected), result.dossier, Names(registers), source.name)
    assert agreement.failures() == [], f"{agreement.passed}/{agreement.total}"


_STRUCTURE |= set(MONTHS) | {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
                             "zaterdag", "zondag", "uur", "tot", "d.d"}


def _words(text: str) -> set[str]:
    text = normalise_chars(WOO_MARK.sub(" ", text)).lower()
    return {w.strip("-") for w in re.findall(r"\w[\w&-]*", text)
            if len(w.strip("-")) >= 3 and re.search(r"[^\W\d_]", w)}


def _known(dossier, registers) -> set[str]:
    """The words of every field, with the register's other names for each party named
    ('GL' stands for 'GroenLinks')."""
    words = _words(str(dossier.model_dump(mode="json", exclude={"unrecognised"})))
    tokens = set(re.findall(r"\w+", str(dossier.model_dump(mode="json")).lower()))
    for party in registers.parties:
        names = {n.lower() for n in party.names}
        if names & tokens:
            words |= set().union(*(_words(n) for n in party.names))
    return words


@pytest.mark.parametrize("expected", [p for p in fixtures() if not is_word(p)],
                         ids=lambda p: p.name.split(".")[0])
def test_nothing_is_dropped(expected, imported, registers):
    """Every source line is under 'onherkend' with its number, or its words are in a field."""
    source, result = imported[expected.name]
    dossier = result.dossier
    raw = source.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    unrecognised = {item.line for item in dossier.unrecognised}
    everything = _known(dossier, registers)
    lost = []
    lines = split_lines(text)
    for number, line in enumerate(lines, start=1):
        words = _words(line) - _STRUCTURE
        if not words or number in unrecognised:
            continue
        if number < len(lines) and re.match(r"^\s*\|?\s*:?-{3,}", lines[number]):
            continue  # a table's column heads: they name the columns of the fact lines
        if len(words & everything) * 2 < len(words):
            lost.append((number, line.strip()))
    assert lost == []


def test_imported_fixtures_are_concept_and_pass_the_check(imported, tmp_path):
    from briefing.fileio import write_atomic
    from briefing.model.serialize import dossier_to_yaml

    for _, result in imported.values():
        dossier = result.dossier
        assert dossier.status.value == "concept"
        assert all(q.status.value == "concept" for q in dossier.questions)
        write_atomic(tmp_path / "dossiers" / f"{dossier.id}.yaml", dossier_to_yaml(dossier),
                     overwrite=False)
    kb = load_knowledge(tmp_path)
    assert kb.errors == []
    assert len(kb.dossiers) == len(imported)
