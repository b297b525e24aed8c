"""Each lint rule: a fixture that triggers it and one that does not."""

from __future__ import annotations

from datetime import date

import pytest
from maintain_helpers import dossier_yaml, line_containing

from briefing.maintain.lint import RULES, lint

TODAY = date(2025, 1, 15)


def found(kb, code, today=TODAY, **kwargs):
    return [f for f in lint(kb, today=today, **kwargs) if f.rule == code]


def one_answer(line: str, **kwargs) -> str:
    return dossier_yaml(questions=f"""\
        - nummer: 1
          raadslid: Namane
          fractie: PvdA
          vraag: Hoe staat het met het meldpunt?
          antwoord:
            - Het meldpunt is gestart.
            - {line!r}
        """, **kwargs)


def test_every_rule_is_documented_in_docs_lint():
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "lint.md").read_text(encoding="utf-8")
    for code, rule in RULES.items():
        assert f"`{code}`" in docs, code
        assert rule.level in docs


# --- tijdelijke-tekst ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "PM: bedrag volgt", "Het budget is € p.m.", "TODO: cijfers van WPI", "De evaluatie volgt nog.",
    "Het kost € xx miljoen", "Dat is nog aanvullen door P&O", "Het aantal meldingen was..",
    "...", "[invullen]", "Datum n.t.b.",
    "Dekking binnen programma [X], onderdeel [X].", "Het gaat om [xx] medewerkers.",
    "Contactpersoon is [naam].", "De kosten bedragen ...", "Het budget is PM", "Bedrag: pm",
    "Zie het PM-punt hieronder.", "Het bedrag is <bedrag>.",
])
def test_placeholder_in_answer_is_an_error_on_its_line(make_kb, text):
    kb = make_kb({"a.yaml": one_answer(text)})
    hits = found(kb, "tijdelijke-tekst")
    assert len(hits) == 1 and hits[0].is_error
    assert hits[0].line == line_containing(kb.paths["a"], text[:12])
    assert "vraag 1, antwoordregel 2" in hits[0].message


@pytest.mark.parametrize("text", [
    "Het meldpunt is in 2023 geopend, dat is ruim 2 jaar geleden.",
    "Het gaat om de XXL-vestiging en het PMO-team.",
    "We noemen ... niet bij naam, maar de cijfers zijn bekend.",
    "De pm'er van WPI doet mee.",
    "Het PMO en de afdeling P&O werken samen.", "Bijlage X bij de brief.",
    "Zij vroeg: 'En nu...?'", "De lijst [1] staat in de brief.",
])
def test_ordinary_text_is_no_placeholder(make_kb, text):
    assert found(make_kb({"a.yaml": one_answer(text)}), "tijdelijke-tekst") == []


@pytest.mark.parametrize("where, body, questions", [
    ("titel", "", None),
    ("vraagtekst", "", """\
        - nummer: 1
          raadslid: Namane
          vraag: Wat kost project [X]?
          antwoord: [Dat weten we.]
        """),
])
def test_placeholder_in_a_title_or_question_is_an_error_too(make_kb, where, body, questions):
    title = "Annotatie [X]" if where == "titel" else "Testdossier"
    kb = make_kb({"a.yaml": dossier_yaml(body, title=title, questions=questions)})
    hits = found(kb, "tijdelijke-tekst")
    assert len(hits) == 1 and where in hits[0].message


def test_placeholder_in_open_points_is_fine(make_kb):
    body = "open_punten:\n  - volgt nog bijlage met overzicht van acties\n"
    assert found(make_kb({"a.yaml": dossier_yaml(body)}), "tijdelijke-tekst") == []


# --- verwijzing ---------------------------------------------------------------------------------

def test_reference_to_attachment_is_a_warning(make_kb):
    kb = make_kb({"a.yaml": one_answer("De eerste rapportage is in maart ontvangen. [Zie cijfer overzicht].")})
    hits = found(kb, "verwijzing")
    assert len(hits) == 1 and not hits[0].is_error
    assert "[Zie cijfer overzicht]" in hits[0].message


def test_no_reference_no_warning(make_kb):
    kb = make_kb({"a.yaml": one_answer("We zien dat medewerkers het meldpunt weten te vinden.")})
    assert found(kb, "verwijzing") == []


# --- woo-lakking --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Behandelend ambtenaar: 5.1, 2, e",
    "Bel 5.1, 2, e₃ voor meer informatie",
    "Bestuur en Organisatie, 5.1, 2, e e telefoonnummer: 06 5.1, 2, e",
    "Contact: 5.1.2.e@amsterdam.nl",
    "Gesprek met 5.1 lid 2 sub e over de casus",
])
def test_woo_redaction_mark_in_content_is_an_error(make_kb, text):
    hits = found(make_kb({"a.yaml": one_answer(text)}), "woo-lakking")
    assert len(hits) == 1 and hits[0].is_error


def test_legal_prose_about_article_5_1_and_redactions_list_are_fine(make_kb):
    text = "Geheimhouding op grond van de Wet open overheid, artikel 5.1, tweede lid onder i."
    body = "redacties:\n  - 'Behandelend ambtenaar 5.1, 2, e'\n"
    kb = make_kb({"a.yaml": dossier_yaml(body, questions=f"""\
        - nummer: 1
          raadslid: Namane
          vraag: Waarom geheim?
          antwoord: [{text!r}]
        """)})
    assert found(kb, "woo-lakking") == []


# --- tegenstrijdig-antwoord ---------------------------------------------------------------------

def _asked(answer: str, datum: str, question: str = "Wordt de meldingsbereidheid ook onderzocht?"):
    return dossier_yaml(datum=datum, questions=f"""\
        - nummer: 4
          raadslid: Kreuger
          fractie: JA21
          vraag: {question}
          antwoord:
            - {answer}
        """)


def test_same_question_with_different_answer_shows_both_with_dates(make_kb):
    kb = make_kb({
        "oud.yaml": _asked("Nee, dat is nooit onderzocht.", "2024-03-01"),
        "nieuw.yaml": _asked("Ja, dat onderzoeken we dit jaar.", "2024-09-18",
                             "Wordt meldingsbereidheid ook onderzocht?"),
    })
    hits = found(kb, "tegenstrijdig-antwoord")
    assert len(hits) == 1
    hit = hits[0]
    assert hit.path.name == "nieuw.yaml" and not hit.is_error  # reported at the newer dossier
    assert "oud.yaml" in hit.message
    assert any("2024-09-18" in d and "onderzoeken we" in d for d in hit.details)
    assert any("2024-03-01" in d and "nooit onderzocht" in d for d in hit.details)


def test_same_question_same_answer_or_different_question_is_fine(make_kb):
    kb = make_kb({
        "a.yaml": _asked("Nee, dat is nooit onderzocht.", "2024-03-01"),
        "b.yaml": _asked("Nee, dat is nooit onderzocht.", "2024-09-18"),
        "c.yaml": _asked("Het meldpunt is gestart.", "2024-09-18",
                         "Hoeveel externe vertrouwenspersonen zijn er gestart?"),
    })
    assert found(kb, "tegenstrijdig-antwoord") == []


def test_restated_question_with_an_added_clause_answered_the_other_way(make_kb):
    # Word for word the old question plus a clause: the word-order ratio misses it; the search
    # engine finds the old card as a close runner-up for the old wording.
    old = "Hoe kijkt de wethouder naar de rol van Bureau Integriteit en de gemeentesecretaris?"
    new = ("Hoe kijkt de wethouder naar de rol van Bureau Integriteit en de gemeentesecretaris, "
           "nu het onderzoek van de ombudsman over de afhandeling van meldingen is verschenen?")
    kb = make_kb({
        "oud.yaml": _asked("Dat beeld herken ik niet.", "2024-09-18", old),
        "nieuw.yaml": _asked("Dat beeld herken ik inmiddels wel.", "2025-03-01", new),
        "ander.yaml": _asked("Er zijn twaalf vertrouwenspersonen.", "2025-03-01",
                             "Hoeveel vertrouwenspersonen zijn er in dienst?"),
    })
    from rapidfuzz import fuzz

    def key(text):
        return " ".join(sorted(text.lower().split()))

    assert fuzz.ratio(key(old), key(new)) < 85  # the old rule alone would not see it
    hits = found(kb, "tegenstrijdig-antwoord")
    assert len(hits) == 1
    assert hits[0].path.name == "nieuw.yaml" and "oud.yaml" in hits[0].message
    assert any("ombudsman" in d for d in hits[0].details)  # the added clause is shown


def test_questions_the_engine_keeps_apart_are_not_reported(make_kb):
    kb = make_kb({
        "a.yaml": _asked("Er zijn twaalf vertrouwenspersonen.", "2025-03-01",
                         "Hoeveel vertrouwenspersonen zijn er in dienst?"),
        "b.yaml": _asked("Het meldpunt is in 2023 geopend.", "2025-03-01",
                         "Wanneer is het meldpunt discriminatie geopend?"),
    })
    assert found(kb, "tegenstrijdig-antwoord") == []


def test_lint_works_when_the_engine_cannot_open(make_kb, monkeypatch):
    from briefing.search.engine import SearchEngine

    def broken(*args, **kwargs):
        raise OSError("schijf vol")

    monkeypatch.setattr(SearchEngine, "open", broken)
    kb = make_kb({
        "oud.yaml": _asked("Nee, dat is nooit onderzocht.", "2024-03-01"),
        "nieuw.yaml": _asked("Ja, dat onderzoeken we dit jaar.", "2024-09-18"),
    })
    assert len(found(kb, "tegenstrijdig-antwoord")) == 1  # the wording rule still works


# --- onbekende-naam and andere-fractie ----------------------------------------------------------

def test_unknown_member_and_party_suggest_the_registered_name(make_kb):
    kb = make_kb({"a.yaml": dossier_yaml(
        "open_fracties: [GrenLinks]\n",
        questions="""\
        - nummer: 1
          raadslid: Namanne
          fractie: PvdA
          vraag: Hoe staat het met het meldpunt?
          antwoord: [Het meldpunt is gestart.]
          varianten:
            - {raadslid: Kreuger, fractie: JA 21, vraag: "Werkt het meldpunt?"}
            - {raadslid: Kreugerr, fractie: Groen Links Amsterdam, vraag: "Werkt het?"}
            - {raadslid: Pietersen, vraag: "Hoe werkt het?"}
        """)})
    messages = [f.message for f in found(kb, "onbekende-naam")]
    # Spelled differently but still recognised: a hint to use the register's spelling.
    assert any("'Namanne'" in m and "staat zo niet" in m and "bedoelde u 'Namane'?" in m
               for m in messages)
    assert any("'JA 21'" in m and "bedoelde u 'JA21'?" in m for m in messages)
    # Not recognised at all: still a suggestion where one is close enough.
    assert any("'Groen Links Amsterdam'" in m and "staat niet in" in m and "bedoelde u 'GL'?" in m
               for m in messages)
    assert any("'GrenLinks' (open_fracties)" in m and "bedoelde u 'GL'?" in m for m in messages)
    assert any("'Pietersen'" in m and "voeg het raadslid toe" in m for m in messages)
    # The loader's own warning at the same spot is not repeated.
    line = line_containing(kb.paths["a"], "Pietersen")
    assert len([f for f in lint(kb, today=TODAY) if f.line == line]) == 1


def test_aliases_and_full_party_names_are_known(make_kb):
    kb = make_kb({"a.yaml": dossier_yaml(questions="""\
        - nummer: 1
          raadslid: Veldhuijzen
          fractie: Lijst Ahmadi-Veldhuyzen
          vraag: Hoe staat het met het meldpunt?
          antwoord: [Het meldpunt is gestart.]
        - nummer: 2
          raadslid: Namane
          fractie: Partij van de Arbeid
          vraag: En de vertrouwenspersonen?
          antwoord: [Er zijn er drie gestart.]
        """)})
    assert found(kb, "onbekende-naam") == []
    assert found(kb, "andere-fractie") == []


def test_member_with_another_party_than_the_register(make_kb):
    kb = make_kb({"a.yaml": dossier_yaml(questions="""\
        - nummer: 1
          raadslid: Namane
          fractie: GL
          vraag: Hoe staat het met het meldpunt?
          antwoord: [Het meldpunt is gestart.]
        """)})
    hits = found(kb, "andere-fractie")
    assert len(hits) == 1 and "Namane" in hits[0].message and "PvdA" in hits[0].message
    assert hits[0].line == line_containing(kb.paths["a"], "fractie: GL")


# --- vraagsteller-ontbreekt ---------------------------------------------------------------------

def test_question_without_member_or_party(make_kb):
    kb = make_kb({"a.yaml": dossier_yaml(questions="""\
        - nummer: 7
          vraag: Wie stelt deze vraag?
          antwoord: [Niemand.]
        - nummer: 8
          fractie: PvdA
          vraag: Alleen een fractie is genoeg.
          antwoord: [Prima.]
        """)})
    hits = found(kb, "vraagsteller-ontbreekt")
    assert [h.line for h in hits] == [line_containing(kb.paths["a"], "nummer: 7")]
    assert "vraag 7" in hits[0].message and not hits[0].is_error


# --- concept-in-vastgesteld ---------------------------------------------------------------------

CONCEPT_QUESTION = """\
    - nummer: 1
      raadslid: Namane
      vraag: Hoe staat het met het meldpunt?
      antwoord: [Het meldpunt is gestart.]
      status: concept
    """


def test_concept_question_in_vetted_dossier(make_kb):
    kb = make_kb({"a.yaml": dossier_yaml(questions=CONCEPT_QUESTION)})
    hits = found(kb, "concept-in-vastgesteld")
    assert len(hits) == 1 and hits[0].line == line_containing(kb.paths["a"], "status: concept")


def test_concept_question_in_concept_dossier_is_fine(make_kb):
    kb = make_kb({"a.yaml": dossier_yaml(status="concept", questions=CONCEPT_QUESTION)})
    assert found(kb, "concept-in-vastgesteld") == []


# --- leeg-antwoord ------------------------------------------------------------------------------

def test_empty_answer_and_empty_line_are_errors(make_kb):
    kb = make_kb({"a.yaml": dossier_yaml(questions="""\
        - nummer: 1
          raadslid: Namane
          vraag: Hoe staat het met het meldpunt?
          antwoord: []
        - nummer: 2
          raadslid: Namane
          vraag: En de vertrouwenspersonen?
          antwoord:
            - Er zijn er drie gestart.
            - ''
        """)})
    hits = found(kb, "leeg-antwoord")
    assert len(hits) == 2 and all(h.is_error for h in hits)
    assert "vraag 1 heeft geen antwoord" in hits[0].message
    assert hits[1].line == line_containing(kb.paths["a"], "- ''")


def test_filled_answer_is_fine(make_kb):
    assert found(make_kb({"a.yaml": dossier_yaml()}), "leeg-antwoord") == []


# --- te-lang ------------------------------------------------------------------------------------

def test_line_over_the_word_limit_says_which_and_the_limit(make_kb):
    long_line = " ".join(["woord"] * 61)
    kb = make_kb({"a.yaml": one_answer(long_line)})
    hits = found(kb, "te-lang")
    assert len(hits) == 1
    assert "vraag 1, antwoordregel 2 telt 61 woorden (meer dan 60)" in hits[0].message
    assert found(kb, "te-lang", max_words=61) == []


def test_line_at_the_limit_is_fine(make_kb):
    assert found(make_kb({"a.yaml": one_answer(" ".join(["woord"] * 60))}), "te-lang") == []


# --- verlopen-tijd ------------------------------------------------------------------------------

def test_deadline_in_dated_dossier_expires(make_kb):
    kb = make_kb({"a.yaml": one_answer("We zetten de informatie voor 1 juni online.",
                                       datum="2024-03-01")})
    hits = found(kb, "verlopen-tijd", today=date(2024, 7, 1))
    assert len(hits) == 1
    assert "'voor 1 juni'" in hits[0].message and "1 juni 2024 is voorbij" in hits[0].message
    assert hits[0].line == line_containing(kb.paths["a"], "voor 1 juni")
    assert found(kb, "verlopen-tijd", today=date(2024, 5, 1)) == []


@pytest.mark.parametrize("text,today", [
    ("De bestuursopdracht volgt na de zomer 2024.", date(2025, 1, 15)),
    ("Het meldpunt loopt tot eind 2024.", date(2025, 1, 15)),
    ("De eerste adviezen verwachten we dit najaar.", date(2025, 1, 15)),
])
def test_plans_that_have_passed_are_reported(make_kb, text, today):
    kb = make_kb({"a.yaml": one_answer(text, datum="2024-09-18")})
    assert len(found(kb, "verlopen-tijd", today=today)) == 1


def test_history_and_future_are_not_reported(make_kb):
    kb = make_kb({"a.yaml": dossier_yaml(datum="2024-09-18", questions="""\
        - nummer: 1
          raadslid: Namane
          vraag: Hoe staat het met het meldpunt?
          antwoord:
            - Met de Raad is eind 2023 afgesproken om meldingen te delen.
            - De opdracht is half mei verstrekt.
            - Op 28 maart bent u geïnformeerd.
            - Het rapport volgt voor de zomer van 2026.
        """)})
    assert found(kb, "verlopen-tijd", today=date(2025, 1, 15)) == []


def test_dossier_without_date_asks_for_one_for_yearless_references(make_kb):
    kb = make_kb({"a.yaml": one_answer("We zetten de informatie voor 1 juni online.")})
    hits = found(kb, "verlopen-tijd")
    assert len(hits) == 1
    assert "geen datum" in hits[0].message and "'voor 1 juni'" in hits[0].message
    assert hits[0].line == line_containing(kb.paths["a"], "datum:")


# --- laden and ordering -------------------------------------------------------------------------

def test_loader_problems_are_findings_and_errors_come_first(make_kb):
    kb = make_kb({"a.yaml": one_answer(" ".join(["woord"] * 70)),
                  "z.yaml": "titel: [kapot\n"})
    findings = lint(kb, today=TODAY)
    assert findings[0].rule == "laden" and findings[0].is_error and findings[0].path.name == "z.yaml"
    assert [f.is_error for f in findings] == sorted((f.is_error for f in findings), reverse=True)
    assert any(f.rule == "te-lang" for f in findings)


def test_skip_leaves_a_rule_out(make_kb):
    kb = make_kb({"a.yaml": one_answer("TODO")})
    assert found(kb, "tijdelijke-tekst", skip=["tijdelijke-tekst"]) == []
