"""The layouts annotaties come in, each as a small fixture: askers, questions, answers,
'if pressed', notes, lists and nesting, page breaks, Woo marks, templates, PM's, headers."""

from __future__ import annotations

import textwrap

import pytest

from briefing.importing import import_file
from briefing.model import load_knowledge
from briefing.model.dossier import line_texts
from tests.conftest import BUNDLED_KB


@pytest.fixture(scope="module")
def registers():
    return load_knowledge(BUNDLED_KB).registers


@pytest.fixture
def imp(tmp_path, registers):
    def run(text: str, name: str = "annotatie.txt"):
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return import_file(path, registers).dossier
    return run


def asked(question):
    return (question.number, question.member, question.party, question.question)


def test_member_header_with_numbered_questions_and_stray_bold(imp):
    d = imp("""
        Vragen raadsleden

        Lid Mangal (DENK)

        - 1. Kan ik de brochure krijgen?**
         - Ja, zie de bijlage.

        - 2. Heeft u de link naar *SAM*? Ik vind niets.***
         - De informatie volgt.
         - Voor 1 juni online.

        3. Wanneer komt het rapport?

        - Na de zomer.

        Lid Namane (PvdA)

        4. Is dit voldoende?

        - Nee.
        - Een paar voorbeelden:

        - o meer scholing
        - o betere werving
        - Dit helpt.
        """)
    assert [asked(q) for q in d.questions] == [
        (1, "Mangal", "DENK", "Kan ik de brochure krijgen?"),
        (2, "Mangal", "DENK", "Heeft u de link naar SAM? Ik vind niets."),
        (3, "Mangal", "DENK", "Wanneer komt het rapport?"),
        (4, "Namane", "PvdA", "Is dit voldoende?"),
    ]
    assert line_texts(d.questions[1].answer) == ["De informatie volgt.", "Voor 1 juni online."]
    answer = d.questions[3].answer
    assert [line.text for line in answer] == ["Nee.", "Een paar voorbeelden:", "Dit helpt."]
    assert [s.text for s in answer[1].sub] == ["meer scholing", "betere werving"]


def test_vraag_with_party_line_member_line_and_antwoord(imp):
    d = imp("""
        Vraag en antwoord

        Vraag 1:

        Partij voor de Dieren

        Waren deze verhalen bekend?

        Raadslid Kreuger

        Wist de wethouder hiervan?

        Antwoord:

        - Ik ken niet elke casus.
        - Wel de patronen.

        Vraag 2

        Raadslid Kreuger

        Waarom gaat dit zo?

        Antwoord:

        - Het is een groot probleem.
        """)
    q1, q2 = d.questions
    assert (q1.member, q1.party, q1.question) == (None, "PvdD", "Waren deze verhalen bekend?")
    assert [(v.member, v.party, v.question) for v in q1.variants] == [
        ("Kreuger", "JA21", "Wist de wethouder hiervan?")]
    assert line_texts(q1.answer) == ["Ik ken niet elke casus.", "Wel de patronen."]
    assert asked(q2) == (2, "Kreuger", "JA21", "Waarom gaat dit zo?")


def test_vraag_with_member_in_stars_and_no_answer_label(imp):
    d = imp("""
        Vraag en antwoord

        Vraag 5 *Van Pijpen*

        Is er nu al iets veranderd. En of er nu al veranderingen zijn doorgevoerd.

        - Een medewerker moet altijd gehoord worden.

        - Daarmee is er een stap gezet.
        """)
    (q,) = d.questions
    assert (q.number, q.member, q.party) == (5, "Van Pijpen", None)
    assert q.question.startswith("Is er nu al iets veranderd.")
    assert len(q.answer) == 2


def test_fractie_raadslid_header_and_restarted_numbering(imp):
    d = imp("""
        Mogelijke vragen

        Fractie GroenLinks – raadslid Jansen

        1. Wat kost dit?
           - Niets extra.
        2. Wanneer is de evaluatie?
           - In het najaar.

        Fractie VVD – raadslid Bakker

        1. Waarom nu?
           - Omdat het moet.
        """)
    assert [(q.member, q.party) for q in d.questions] == [
        ("Jansen", "GL"), ("Jansen", "GL"), ("Bakker", "VVD")]
    # Numbers restarted per party: renumbered, because numbers must be unique in a dossier.
    assert [q.number for q in d.questions] == [1, 2, 3]
    assert line_texts(d.questions[2].answer) == ["Omdat het moet."]


def test_vraag_with_askers_in_brackets(imp):
    d = imp("""
        Vraag 3 (VVD, lid Bakker): Waarom niet eerder?

        - Omdat het onderzoek liep.

        Vraag 4 – D66 (lid De Vries): Wat vindt u ervan?
        Antwoord: Goed.

        Vraag 5 van de VVD: En de kosten?

        - Binnen de begroting.

        Toelichting

        Vraag 1 van het onderzoek was of de aanpak werkt.
        """)
    assert asked(d.questions[2]) == (5, None, "VVD", "En de kosten?")
    assert len(d.questions) == 3
    assert line_texts(d.themes[0].lines) == ["Vraag 1 van het onderzoek was of de aanpak werkt."]
    assert asked(d.questions[0]) == (3, "Bakker", "VVD", "Waarom niet eerder?")
    assert asked(d.questions[1]) == (4, "De Vries", "D66", "Wat vindt u ervan?")
    assert line_texts(d.questions[1].answer) == ["Goed."]


@pytest.mark.parametrize("heading", ["Vragen raadsleden", "Vraag en antwoord", "Mogelijke Q&A's",
                                     "Mogelijke vragen", "Vragen en antwoorden"])
def test_question_section_names(imp, heading):
    d = imp(f"""
        Kernboodschap

        - We doen wat we kunnen.

        {heading}

        Waarom duurt het zo lang?

        - Zorgvuldigheid kost tijd.
        """)
    assert [q.question for q in d.questions] == ["Waarom duurt het zo lang?"]
    assert line_texts(d.questions[0].answer) == ["Zorgvuldigheid kost tijd."]
    assert line_texts(d.core_message) == ["We doen wat we kunnen."]


@pytest.mark.parametrize("phrase", ["Indien doorgevraagd:", "Als wordt doorgevraagd:",
                                    "Bij doorvragen:"])
def test_if_pressed_lines(imp, phrase):
    d = imp(f"""
        Vragen raadsleden

        Lid Garmy (Volt)

        Wordt dit onderzocht?

        - Nee.
        {phrase}
        - We kijken ernaar in 2025.
        """)
    (q,) = d.questions
    assert line_texts(q.answer) == ["Nee."]
    assert line_texts(q.if_pressed) == ["We kijken ernaar in 2025."]


def test_inline_if_pressed_and_bracket_note(imp):
    d = imp("""
        Vragen raadsleden

        Lid Schmitt (D66)

        Hoe staat het met de training?

        [We interpreteren deze vraag als een vraag naar leiderschap]

        - De eerste trainingen zijn geweest.
        - Indien doorgevraagd: daarna volgen de teams.
        """)
    (q,) = d.questions
    assert q.note == "We interpreteren deze vraag als een vraag naar leiderschap"
    assert line_texts(q.answer) == ["De eerste trainingen zijn geweest."]
    assert line_texts(q.if_pressed) == ["daarna volgen de teams."]


def test_bullet_kinds_and_nesting(imp):
    d = imp("""
        Kernboodschap

        • Eerste punt
            o sub a
            o sub b
        • Tweede punt
        – Derde punt
        > Vierde punt
        * Vijfde punt
        ➤ Zesde punt
        1. Zevende punt
           a. sub c
        """)
    lines = d.core_message
    assert [line.text for line in lines][:2] == ["Eerste punt", "Tweede punt"]
    assert [s.text for s in lines[0].sub] == ["sub a", "sub b"]
    texts = line_texts(lines)
    for expected in ["Derde punt", "Vierde punt", "Vijfde punt", "Zesde punt", "Zevende punt",
                     "sub c"]:
        assert expected in texts
    assert not any(t.startswith(("-", "o ", "•", ">", "*", "➤", "1.")) for t in texts)


def test_pdf_export_nesting_after_page_break(imp):
    d = imp("""
        Annotatie over vertrouwenspersonen

        Update

        - Er zijn drie vertrouwenspersonen gestart
         - o Zij denken mee.

        - o Zij versterken het netwerk.
        - We werken twee adviezen uit.
        """)
    (theme,) = d.themes
    assert [line.text for line in theme.lines] == ["Er zijn drie vertrouwenspersonen gestart",
                                                   "We werken twee adviezen uit."]
    assert [s.text for s in theme.lines[0].sub] == ["Zij denken mee.", "Zij versterken het netwerk."]


def test_sentence_split_by_page_break_is_joined(imp):
    d = imp("""
        Kernboodschap

        Het uitgangspunt is dat we meer aandacht hebben

        voor situatie en context. Dat vraagt tijd.

        Daarom heeft het College de

        Bestuursopdracht vastgesteld.

        Een nieuwe alinea.
        """)
    assert line_texts(d.core_message) == [
        "Het uitgangspunt is dat we meer aandacht hebben voor situatie en context. Dat vraagt tijd.",
        "Daarom heeft het College de Bestuursopdracht vastgesteld.",
        "Een nieuwe alinea.",
    ]


@pytest.mark.parametrize("mark", ["5.1, 2, e", "5.1.2.e", "5.1 2e", "5.1, 2, e₃", "5.1.2e",
                                  "5.1 lid 2 sub e", "5.1.2 e", "5.1, lid 2, onder e"])
def test_woo_redaction_marks_are_recorded_not_content(imp, mark):
    d = imp(f"""
        Annotatie raadsvragen over de aanpak

        Behandelend ambtenaar: {mark}

        Kernboodschap

        - Wethouder sprak met {mark} over de aanpak.

        Vragen raadsleden

        Lid {mark} (VVD)

        Wat is de stand?

        - Goed.
        """)
    assert len(d.redactions) == 3
    assert any(r.startswith("Behandelend ambtenaar") for r in d.redactions)
    assert line_texts(d.core_message) == ["Wethouder sprak met over de aanpak."]
    everything = str(d.model_dump(mode="json", exclude={"redactions"}))
    assert "5.1" not in everything
    # A redacted name is never a member.
    assert all(q.member is None for q in d.questions)


def test_empty_party_template_becomes_open_parties(imp):
    d = imp("""
        Mogelijke Q&A's

        GL

        1. ..
        - 2.
        3. .

        VVD

        1. ...
        2. ..

        Partij voor de Dieren

        1. ..
        """)
    assert d.questions == []
    assert d.open_parties == ["GL", "VVD", "PvdD"]


def test_pm_lines_become_open_points(imp):
    d = imp("""
        Kernboodschap

        We doen veel. (PM: volgt nog een bijlage met acties).

        Cijfers

        PM: cijfers volgen.

        De meldingen stegen. PM: bron nog checken.
        """)
    assert d.open_points == ["volgt nog een bijlage met acties", "cijfers volgen.",
                             "bron nog checken."]
    assert line_texts(d.core_message) == ["We doen veel."]
    assert [t.title for t in d.themes] == ["Cijfers"]
    assert line_texts(d.themes[0].lines) == ["De meldingen stegen."]


@pytest.mark.parametrize("stamp, level", [("STRIKT GEHEIM", "geheim"), ("Vertrouwelijk", "vertrouwelijk"),
                                          ("Alleen voor intern gebruik", "intern")])
def test_classification_from_the_header(imp, stamp, level):
    d = imp(f"""
        Annotatie commissie WV 3 okt. 2024

        {stamp}

        Kernboodschap

        - Niets geheims aan deze zin, of toch geheim.
        """)
    assert d.classification.value == level
    assert d.themes == []


def test_embargo_takes_the_year_from_the_document_date(imp):
    d = imp("""
        Voordracht voor de vergadering van 22-10-2024

        Toelichting

        De stukken worden geheim gehouden tot uiterlijk woensdag 23 oktober 17:00 uur.
        """)
    assert d.embargo_until.isoformat() == "2024-10-23T17:00:00+02:00"
    assert d.date.isoformat() == "2024-10-22"


@pytest.mark.parametrize("line, iso", [
    ("Gemeenteraad, 18 september 2024", "2024-09-18"),
    ("Commissie WV 22-10-2024", "2024-10-22"),
    ("Raadscommissie FKD d.d. 14-09-2024", "2024-09-14"),
    ("Commissie MLW, 3 okt. 2024", "2024-10-03"),
    ("Datum: 7 november 2024", "2024-11-07"),
])
def test_header_dates_in_dutch_forms(imp, line, iso):
    d = imp(f"""
        {line}

        Onderwerp: Evaluatie van het beleid

        Kernboodschap

        - Het beleid werkt.
        """)
    assert d.date.isoformat() == iso
    assert d.title == "Evaluatie van het beleid"


def test_header_fields(imp):
    d = imp("""
        Annotatie voor wethouder van Buren

        Raadscommissie FKD Tussentijdse raadsbrief
        update vervolgstappen

        Annotatie agendapunt Nr 4

        Aan de commissie gevraagd besluit:

        - Ter bespreking en voor kennisgeving aannemen

        Hoofdboodschap

        - Het College ziet dit als prioriteit.
        """)
    assert d.portfolio_holder == "wethouder Van Buren"
    assert d.meeting == "Raadscommissie FKD"
    assert d.title == "Tussentijdse raadsbrief update vervolgstappen"
    assert d.agenda_item == "4"
    assert d.requested_decision == "Ter bespreking en voor kennisgeving aannemen"
    assert line_texts(d.core_message) == ["Het College ziet dit als prioriteit."]


@pytest.mark.parametrize("heading", ["Kernboodschap", "Hoofdboodschap", "Kernpunten",
                                     "Kernboodschappen"])
def test_core_message_headings(imp, heading):
    d = imp(f"""
        Annotatie over het parkeerbeleid

        {heading}

        - Eerste lijn.
        - Tweede lijn.

        Achtergrond

        - Iets anders.
        """)
    assert line_texts(d.core_message) == ["Eerste lijn.", "Tweede lijn."]
    assert [t.title for t in d.themes] == ["Achtergrond"]


def test_members_and_parties_resolve_against_the_registers(imp):
    d = imp("""
        Vragen raadsleden

        Lid Veldhuijzen (Lijst AV)

        Klopt dit?

        - Ja.

        Fractie Partij voor de Dieren – raadslid Krom

        En dit?

        - Ook.

        Lid Nieuwenhuis (BIJ1)

        Wat nu?

        - Afwachten.
        """)
    assert [(q.member, q.party) for q in d.questions] == [
        ("Veldhuyzen", "Lijst AV"), ("Krom", "PvdD"), ("Nieuwenhuis", "BIJ1")]


def test_answer_with_its_own_numbered_list(imp):
    d = imp("""
        Vragen raadsleden

        Lid Mangal (DENK)

        1. Welke stappen zet u?
           1. Eerst onderzoek.
           2. Dan een plan.
        2. En daarna?
           - Uitvoering.
        """)
    assert [(q.number, q.question) for q in d.questions] == [
        (1, "Welke stappen zet u?"), (2, "En daarna?")]
    assert line_texts(d.questions[0].answer) == ["Eerst onderzoek.", "Dan een plan."]


def test_markdown_headings_lists_and_table(imp):
    d = imp("""
        # Annotatie raadscommissie Mobiliteit, 12 maart 2025

        **Onderwerp:** Verkeersveiligheid rond scholen
        **Wethouder:** Melkert

        ## Kernboodschappen

        - Elke schoolomgeving wordt veilig.
          - Eerst de drukste scholen.

        ## Feiten en cijfers

        | Jaar | Ongevallen |
        |------|-----------|
        | 2023 | 112 |
        | 2024 | 98 |

        ## Vragen en antwoorden

        **Vraag 1 – CDA (lid Jansen):** Waarom niet alle scholen?

        - Het geld is beperkt.

        *Indien doorgevraagd:* de volgorde staat in de bijlage.
        """, name="annotatie.md")
    assert (d.meeting, d.date.isoformat(), d.title, d.portfolio_holder) == (
        "Raadscommissie Mobiliteit", "2025-03-12", "Verkeersveiligheid rond scholen",
        "wethouder Melkert")
    assert d.core_message[0].sub[0].text == "Eerst de drukste scholen."
    assert line_texts(d.facts) == ["Feiten en cijfers", "2023: Ongevallen: 112",
                                   "2024: Ongevallen: 98"]
    (q,) = d.questions
    assert asked(q) == (1, "Jansen", "CDA", "Waarom niet alle scholen?")
    assert line_texts(q.if_pressed) == ["de volgorde staat in de bijlage."]


def test_nothing_is_dropped_silently(imp):
    d = imp("""
        Annotatie over het parkeerbeleid

        Kernboodschap

        - Eerste lijn.

        Mogelijke Q&A's

        Zomaar een losse regel zonder vraag

        Lid Mangal (DENK)

        Waarom?

        - Daarom.
        """)
    assert [(u.line, u.text) for u in d.unrecognised] == [
        (9, "Zomaar een losse regel zonder vraag")]
    assert d.questions[0].question == "Waarom?"


def test_word_text_export_with_tabs_and_short_labels(imp):
    d = imp(
        "Annotatie commissie Zorg, 5 februari 2025\n\n"
        "Onderwerp:\tJeugdzorg wachtlijsten\nPortefeuillehouder:\twethouder De Jong\n\n"
        "Hoofdboodschap:\n\n•\tDe wachtlijsten dalen.\n\to\tIn Noord het snelst.\n"
        "•\tWe blijven investeren.\n\n"
        "Vragen\n\nV: Hoe lang is de wachttijd? (SP)\nA: Twaalf weken.\n\n"
        "Vraag (CDA): Wat doet u voor gezinnen?\nReactie: We bieden overbruggingszorg.\n"
        "Indien doorgevraagd naar de kosten: die vallen binnen het budget.\n\n"
        "3. Vraag van de VVD (lid Bakker): Waarom niet sneller?\n- Er is te weinig personeel.\n")
    assert (d.title, d.portfolio_holder, d.date.isoformat()) == (
        "Jeugdzorg wachtlijsten", "wethouder De Jong", "2025-02-05")
    assert d.core_message[0].text == "De wachtlijsten dalen."
    assert [s.text for s in d.core_message[0].sub] == ["In Noord het snelst."]
    assert d.facts == []
    assert [(q.member, q.party, q.question) for q in d.questions] == [
        (None, "SP", "Hoe lang is de wachttijd?"),
        (None, "CDA", "Wat doet u voor gezinnen?"),
        ("Bakker", "VVD", "Waarom niet sneller?"),
    ]
    assert line_texts(d.questions[0].answer) == ["Twaalf weken."]
    assert line_texts(d.questions[1].if_pressed) == ["Naar de kosten: die vallen binnen het budget."]
    assert sorted(q.number for q in d.questions) == [1, 2, 3]


def test_questions_as_headings_paragraphs_and_bullets(imp):
    d = imp("""
        # Annotatie: Evaluatie Sail 2025

        ## Vragen

        ### Waarom was het zo druk op het IJ?

        Het weer was goed.

        Er waren extra schepen.

        ### Wat kostte de inzet van de politie?

        € 4 miljoen, binnen de begroting.

        ## Reactieve lijnen

        - Waarom waren er geen extra pontjes?
          - Er waren er wel drie extra.
        - Komt Sail terug in 2030?
          - Daar besluit de raad over.

        ## Achtergrond

        Sail is eens per vijf jaar.
        """, name="sail.md")
    assert d.title == "Evaluatie Sail 2025"
    assert [(q.number, q.question, line_texts(q.answer)) for q in d.questions] == [
        (1, "Waarom was het zo druk op het IJ?", ["Het weer was goed.", "Er waren extra schepen."]),
        (2, "Wat kostte de inzet van de politie?", ["€ 4 miljoen, binnen de begroting."]),
        (3, "Waarom waren er geen extra pontjes?", ["Er waren er wel drie extra."]),
        (4, "Komt Sail terug in 2030?", ["Daar besluit de raad over."]),
    ]
    assert [t.title for t in d.themes] == ["Achtergrond"]


def test_sentences_that_mention_a_member_are_not_asker_lines(imp):
    d = imp("""
        Vragen raadsleden

        Lid van der Berg (VVD)

        Wat is de planning?

        Lid Mangal heeft hier eerder ook naar gevraagd.

        Fractie is akkoord met de planning.
        """)
    (q,) = d.questions
    assert (q.member, q.party) == ("Van der Berg", "VVD")
    assert line_texts(q.answer) == ["Lid Mangal heeft hier eerder ook naar gevraagd.",
                                    "Fractie is akkoord met de planning."]


def test_windows_text_exports(tmp_path, registers):
    path = tmp_path / "oud.txt"
    path.write_bytes("Annotatie over het caf\u00e9beleid\r\n\r\nKernboodschap\r\n\r\n"
                     "- Het caf\u00e9 blijft open \u2013 tot 1 uur.\r\n".encode("cp1252"))
    d = import_file(path, registers).dossier
    assert d.title == "Annotatie over het caf\u00e9beleid"
    assert line_texts(d.core_message) == ["Het caf\u00e9 blijft open \u2013 tot 1 uur."]
    path.write_bytes("\ufeffAnnotatie met BOM\n\nKernboodschap\n\n- Een lijn.\n".encode("utf-8"))
    assert import_file(path, registers).dossier.title == "Annotatie met BOM"


def test_a_second_title_is_kept_in_the_note(imp):
    d = imp("""
        # Annotatie parkeren

        Onderwerp: Parkeerbeleid binnenstad
        Agendapunt 7: Evaluatie vergunningen

        Kernboodschap

        - Een lijn.
        """, name="titel.md")
    assert (d.title, d.agenda_item) == ("Parkeerbeleid binnenstad", "7")
    assert d.note == "Annotatie parkeren\n\nEvaluatie vergunningen"


def test_a_ground_cited_in_text_is_not_a_redaction(imp):
    d = imp("""
        Kernboodschap

        - Geheimhouding op grond van artikel 5.1 lid 2 sub i van de Woo.
        """)
    assert d.redactions == []
    assert line_texts(d.core_message) == [
        "Geheimhouding op grond van artikel 5.1 lid 2 sub i van de Woo."]


@pytest.mark.parametrize("stamp, level, note", [
    ("Intern – niet verspreiden", "intern", True),
    ("STRIKT GEHEIM", "geheim", False),
    ("Niet openbaar", "vertrouwelijk", False),
    ("Vertrouwelijk (tot de commissie)", "vertrouwelijk", True),
])
def test_classification_stamp_lines(imp, stamp, level, note):
    d = imp(f"""
        Onderwerp: Parkeren in de binnenstad

        Kernboodschap

        - Een lijn.

        {stamp}

        Achtergrond

        - Openbaar vervoer blijft de norm.
        """)
    assert d.classification.value == level
    assert line_texts(d.themes[0].lines) == ["Openbaar vervoer blijft de norm."]
    assert (d.note == stamp) is note


@pytest.mark.parametrize("line, iso", [
    ("Embargo tot dinsdag 4 februari 2025 10.00 uur", "2025-02-04T10:00:00+01:00"),
    ("Openbaar na 12 maart 2025, 17.00 uur", "2025-03-12T17:00:00+01:00"),
    ("Embargo: 3 feb. 2025 om 9.30 uur", "2025-02-03T09:30:00+01:00"),
    ("Niet openbaar vóór 5-3-2025", "2025-03-05T00:00:00+01:00"),
])
def test_embargo_phrasings(imp, line, iso):
    d = imp(f"""
        Onderwerp: Begroting 2026
        Datum: 3 februari 2025
        {line}

        Kernboodschap

        - Een lijn.
        """)
    assert d.embargo_until.isoformat() == iso


def test_running_headers_and_page_numbers_of_a_pdf_export(imp):
    d = imp("""
        Annotatie commissie WB – Huisvesting statushouders
        Onderwerp: Huisvesting statushouders

        Kernboodschap

        - We halen de taakstelling in 2025.
        - Daarvoor zijn 1.200 extra woningen nodig, vooral

        Annotatie commissie WB – Huisvesting statushouders
        Pagina 1 van 2
        \f
        in de bestaande voorraad.

        Vragen

        Fractie VVD

        Waarom zoveel?

        - Dat is de wettelijke taakstelling.

        Annotatie commissie WB – Huisvesting statushouders
        Pagina 2 van 2
        """)
    assert line_texts(d.core_message) == [
        "We halen de taakstelling in 2025.",
        "Daarvoor zijn 1.200 extra woningen nodig, vooral in de bestaande voorraad."]
    assert [(q.party, q.question) for q in d.questions] == [("VVD", "Waarom zoveel?")]
    assert line_texts(d.questions[0].answer) == ["Dat is de wettelijke taakstelling."]
    header = "Annotatie commissie WB – Huisvesting statushouders"  # the first page's too
    assert [u.text for u in d.unrecognised] == [header, header, "Pagina 1 van 2", header,
                                                "Pagina 2 van 2"]
    assert d.title == "Huisvesting statushouders"


def test_repeated_lines_within_a_page_are_content(imp):
    d = imp("""
        Kernboodschap

        - Zuidoost
        - We werken samen.

        Vragen

        Lid Mangal (DENK)

        Hoe gaat het in Zuidoost?

        - Zuidoost
        - We werken samen.
        """)
    assert line_texts(d.core_message) == ["Zuidoost", "We werken samen."]
    assert line_texts(d.questions[0].answer) == ["Zuidoost", "We werken samen."]
    assert d.unrecognised == []


@pytest.mark.parametrize("who, member, party", [
    ("de VVD-fractie", None, "VVD"),
    ("mevrouw Kat (SP)", "Kat", "SP"),
    ("de heer Ceder (ChristenUnie)", "Ceder", "ChristenUnie"),
    ("lid J. de Vries (SP)", "De Vries", "SP"),
    ("GroenLinks-fractie (lid Ernsting)", "Ernsting", "GL"),
])
def test_asker_spellings(imp, who, member, party):
    d = imp(f"""
        Vragen

        {who}

        Waarom nu?

        - Omdat het kan.
        """)
    assert [(q.member, q.party) for q in d.questions] == [(member, party)]


@pytest.mark.parametrize("heading", ["Spreekpunten", "Lijn van de wethouder",
                                     "Boodschap in het kort", "Kernboodschap voor de wethouder"])
def test_more_core_message_headings(imp, heading):
    d = imp(f"""
        Onderwerp: Iets

        {heading}

        - Eerste lijn.
        """)
    assert line_texts(d.core_message) == ["Eerste lijn."]


@pytest.mark.parametrize("label, pressed", [
    ("Indien gevraagd:", True), ("Als er gevraagd wordt naar de kosten:", True),
    ("Voorgesteld antwoord:", False), ("Antwoord burgemeester:", False),
])
def test_answer_and_if_asked_labels(imp, label, pressed):
    d = imp(f"""
        Vragen

        Vraag 1 (VVD): Wat kost het?

        {label}

        - Niets.
        """)
    (q,) = d.questions
    assert line_texts(q.if_pressed if pressed else q.answer)[-1] == "Niets."


@pytest.mark.parametrize("note", ["Ter info: het college besluit in mei.",
                                  "Let wel: dit is nog niet openbaar.",
                                  "Interne noot: afgestemd met de burgemeester."])
def test_note_prefixes(imp, note):
    d = imp(f"""
        Vragen

        Lid Mangal (DENK)

        Wat is de planning?

        - Mei.

        {note}
        """)
    assert d.questions[0].note == note
    assert line_texts(d.questions[0].answer) == ["Mei."]


def test_label_on_its_own_line_gives_the_role(imp):
    d = imp("""
        Onderwerp:
        Parkeren

        Wethouder:
        Van der Horst

        Kernboodschap

        - Een lijn.
        """)
    assert (d.title, d.portfolio_holder) == ("Parkeren", "wethouder Van der Horst")


def test_sub_lettered_question_numbers(imp):
    d = imp("""
        Vragen

        Vraag 1a (VVD): Wat kost het?
        Antwoord: Niets.

        Vraag 1b (VVD): En later?
        Antwoord: Ook niets.
        """)
    assert [q.question for q in d.questions] == ["Wat kost het?", "En later?"]
    assert [q.number for q in d.questions] == [1, 2]
