"""Real documents (tests/importing/real/): the scorer that measures them, and the fields a
user relies on in each genre."""

from __future__ import annotations

import pytest

from briefing.importing.names import Names
from briefing.model import load_knowledge
from tests.conftest import BUNDLED_KB
from tests.importing.real import score as real

REAL = real.HERE


@pytest.fixture(scope="module")
def registers():
    return load_knowledge(BUNDLED_KB).registers


# --- the scorer ------------------------------------------------------------------------------


def test_normal_form_ignores_ocr_whitespace_case_and_punctuation():
    assert real.present("kunnen wij hier geen nadere", "Ook u, d.d. 18 juli 2022, kunnen wij "
                                                       "hier  geen\nnadere informatie")
    assert real.present("uitte breiden", "uit te breiden naar")
    assert not real.present("heel andere woorden", "kunnen wij hier geen nadere informatie")
    assert real.exactly_present("Pagina 2 van 3", "tekst pagina 2 van 3 meer")
    assert not real.exactly_present("Pagina 2 van 3", "tekst pagina 2 van 4")


def _write(folder, name, text, expected):
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.expected.yaml").write_text(expected, encoding="utf-8")


def test_scorer_counts_each_field_and_any_folder_works(tmp_path, registers):
    _write(tmp_path, "brief", "Onderwerp: Parkeren in de binnenstad\nDatum: 3 maart 2025\n\n"
           "Vragen\n\nVraag 1\nKomt er een nieuw tarief?\n\nAntwoord 1\nJa, per 1 april.\n\n"
           "Vraag 2\nWanneer gaat het in?\n", """
soort: annotatie
titel: "Parkeren in de binnenstad"
datum: 2025-03-03
vragenstellers: []
vragen:
  - nummer: "1"
    vraag: "Komt er een nieuw tarief?"
    antwoord: "Ja, per 1 april."
  - nummer: "2"
    vraag: "Wanneer gaat het in?"
    antwoord: null
niet_in_antwoorden:
  - "Datum: 3 maart 2025"
""")
    [result] = real.score_folder(tmp_path, registers)
    assert result.failures() == []
    assert result.count() == (8, 8)
    assert result.count("vragen") == (2, 2) and result.count("antwoorden") == (2, 2)


def test_scorer_finds_invented_answers_and_leaked_furniture(registers):
    from briefing.model.dossier import Dossier, Question

    dossier = Dossier(title="x", questions=[
        Question(number=1, question="Wat kost het?", answer=["Pagina 2 van 3"])])
    expected = {"vragen": [{"nummer": "1", "vraag": "Wat kost het?", "antwoord": None}],
                "niet_in_antwoorden": ["Pagina 2 van 3"]}
    result = real.score(expected, dossier, Names(registers))
    assert result.count() == (1, 3)  # found the question; invented answer; furniture leaked


def test_an_answer_whose_question_the_ocr_lost_counts_on_a_question_of_its_own(registers):
    from briefing.model.dossier import Dossier, Question

    dossier = Dossier(title="x", questions=[
        Question(number=1, question="Wat kost het?", answer=["Tien euro."]),
        Question(number=2, question="(vraag niet gevonden)", answer=["Vanaf april."])])
    expected = {"vragen": [{"vraag": "Wat kost het?", "antwoord": "Tien euro."},
                           {"vraag": None, "antwoord": "Vanaf april."},
                           {"vraag": None, "antwoord": "Tien euro."}]}
    result = real.score(expected, dossier, Names(registers))
    assert [ok for _, _, ok, _ in result.fields] == [True, True, True, False]
