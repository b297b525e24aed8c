"""Word annotaties for the unseen-layout fixtures, built with python-docx the way advisers'
files look: header tables, heading styles or only bold lines, Word list styles, question
tables. Each builder writes one .docx; its expected result sits next to this file."""

from __future__ import annotations

from pathlib import Path

import docx


def _bold(document, text, style=None, italic=False):
    paragraph = document.add_paragraph(style=style)
    run = paragraph.add_run(text)
    run.bold = True
    run.italic = italic or None
    return paragraph


def _italic(document, text):
    paragraph = document.add_paragraph()
    paragraph.add_run(text).italic = True
    return paragraph


def _table(document, rows):
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    return table


def sport(path: Path) -> None:
    """A header table, heading styles, 'Hoofdlijnen', party headings (Heading 2) with
    automatically numbered questions and 'List Bullet 2' answers, an empty party."""
    d = docx.Document()
    _table(d, [("Onderwerp", "Sportaccommodatieplan 2025-2030: zwembaden en sporthallen"),
               ("Commissie", "Zorg, Jeugdzorg en Sport"),
               ("Datum", "3-2-2025"),
               ("Agendapunt", "11"),
               ("Portefeuillehouder", "Wethouder Kukenheim"),
               ("Classificatie", "Vertrouwelijk"),
               ("Opsteller", "5.1, 2, e")])
    d.add_heading("Hoofdlijnen", level=1)
    d.add_paragraph("Amsterdam groeit, maar het aantal zwembaden en sporthallen groeit niet mee.",
                    style="List Bullet")
    d.add_paragraph("Met dit plan bouwen we tot 2030 twee nieuwe zwembaden en vier sporthallen.",
                    style="List Bullet")
    d.add_paragraph("Het Mirandabad en het Sloterparkbad krijgen voorrang.", style="List Bullet 2")
    d.add_paragraph("De investering van € 310 miljoen is gedekt in de begroting.",
                    style="List Bullet")
    d.add_heading("Achtergrond", level=1)
    d.add_paragraph("In 2019 stelde de raad de Sportvisie vast. Daarin is afgesproken dat iedere "
                    "Amsterdammer binnen vijftien minuten fietsen een zwembad kan bereiken.")
    d.add_heading("Cijfers", level=2)
    _table(d, [("Accommodatie", "Aantal", "Bezetting"),
               ("Zwembaden", "13", "94%"),
               ("Sporthallen", "41", "88%")])
    d.add_heading("Mogelijke vragen", level=1)
    d.add_heading("VVD", level=2)
    d.add_paragraph("Waarom wordt het Mirandabad niet eerder gerenoveerd?", style="List Number")
    d.add_paragraph("De renovatie is technisch complex: het bad blijft tijdens de bouw deels "
                    "open.", style="List Bullet 2")
    d.add_paragraph("De aanbesteding start in het najaar.", style="List Bullet 2")
    _italic(d, "Als wordt doorgevraagd:")
    d.add_paragraph("Een tijdelijk bad kost circa € 12 miljoen en is daarom niet gekozen.",
                    style="List Bullet 2")
    d.add_heading("Partij voor de Dieren", level=2)
    d.add_paragraph("Worden de nieuwe zwembaden energieneutraal?", style="List Number")
    d.add_paragraph("Ja, alle nieuwe accommodaties worden gasloos en energieneutraal gebouwd.",
                    style="List Bullet 2")
    d.add_paragraph("[Gevoelig: de exploitant van het Sloterparkbad heeft een klacht ingediend]")
    d.add_heading("BIJ1 – lid Nanhoe", level=2)
    d.add_paragraph("Blijven de tarieven betaalbaar voor mensen met een Stadspas?",
                    style="List Number")
    d.add_paragraph("Ja. Stadspashouders krijgen 50 procent korting op alle zwembadtarieven.",
                    style="List Bullet 2")
    d.add_paragraph("De tarieven stijgen in 2025 niet meer dan de inflatie.", style="List Bullet 2")
    d.add_heading("CDA", level=2)
    d.add_paragraph("…")
    d.save(path)


def financien(path: Path) -> None:
    """No styles at all: bold lines as headings, labels with tabs, 'Vraag N (party, lid X)'
    in bold, 'Antwoord' in bold, paragraph answers, an italic 'if pressed' label, a stamp with
    an embargo, Woo marks in a contact line."""
    d = docx.Document()
    _bold(d, "ANNOTATIE")
    d.add_paragraph("Onderwerp:\tVoorjaarsnota 2025")
    d.add_paragraph("Vergadering:\tCommissie Financiën, Kunst en Diversiteit, d.d. 17-04-2025")
    d.add_paragraph("Agendapunt:\t3")
    d.add_paragraph("Portefeuillehouder:\twethouder De Jong")
    d.add_paragraph("Behandelend ambtenaar:\t5.1.2e, Directie Financiën, 5.1.2e@amsterdam.nl")
    _bold(d, "STRIKT GEHEIM – embargo tot 17 april 2025, 15.00 uur")
    d.add_paragraph("")
    _bold(d, "Kernboodschap")
    d.add_paragraph("De begroting is structureel in evenwicht, maar de ruimte voor nieuw beleid is "
                    "beperkt.")
    d.add_paragraph("Het Rijk bezuinigt vanaf 2026 op het gemeentefonds. Voor Amsterdam scheelt "
                    "dat € 112 miljoen per jaar.")
    d.add_paragraph("We kiezen ervoor om te blijven investeren in wonen en bestaanszekerheid.")
    _bold(d, "Feiten en cijfers")
    _table(d, [("Post", "2025", "2026"),
               ("Tekort gemeentefonds", "€ 87 mln", "€ 112 mln"),
               ("Extra investering wonen", "€ 45 mln", "€ 60 mln")])
    _bold(d, "Vragen en antwoorden")
    _bold(d, "Vraag 1 (VVD, lid Van Dijk)")
    d.add_paragraph("Waarom stijgen de lokale lasten harder dan de inflatie?")
    _bold(d, "Antwoord")
    d.add_paragraph("De OZB stijgt met de inflatie. De afvalstoffenheffing stijgt harder omdat "
                    "de kosten van verwerking zijn gestegen.")
    d.add_paragraph("Voor huishoudens met een laag inkomen geldt kwijtschelding.")
    _italic(d, "Indien doorgevraagd:")
    d.add_paragraph("Een gemiddeld huishouden betaalt in 2025 € 38 meer aan lokale lasten.")
    _bold(d, "Vraag 2 (JA21, lid Kreuger)")
    d.add_paragraph("Kan de wethouder garanderen dat er niet wordt bezuinigd op de handhaving?")
    _bold(d, "Antwoord")
    d.add_paragraph("Nee, garanties geef ik niet. In deze Voorjaarsnota wordt niet bezuinigd op "
                    "handhaving.")
    d.add_paragraph("NB: de burgemeester heeft gevraagd dit antwoord met haar af te stemmen.")
    _bold(d, "Vraag 3 (PvdA)")
    d.add_paragraph("Ook gevraagd door: GroenLinks")
    d.add_paragraph("Wat betekent de korting op het gemeentefonds voor de armoederegelingen?")
    _bold(d, "Antwoord")
    d.add_paragraph("De armoederegelingen blijven volledig overeind.")
    d.save(path)


def armoede(path: Path) -> None:
    """A title style, a meeting line with a date, numbered core messages, a question table
    with party, member and 'if pressed' columns, an empty table, a 'Let op:' line."""
    d = docx.Document()
    d.add_paragraph("Annotatie Armoedebeleid: evaluatie Stadspas en Kindpakket", style="Title")
    d.add_paragraph("Raadscommissie WPA d.d. 03-02-2025")
    d.add_paragraph("Wethouder Moorman")
    d.add_table(rows=2, cols=2)  # an empty table left over from a template
    d.add_heading("Kernboodschappen", level=1)
    d.add_paragraph("Steeds meer Amsterdammers met een laag inkomen gebruiken de Stadspas.",
                    style="List Number")
    d.add_paragraph("Het Kindpakket bereikt nu 78 procent van de kinderen die er recht op "
                    "hebben.", style="List Number")
    d.add_paragraph("We gaan de aanvraag verder vereenvoudigen.", style="List Number")
    d.add_heading("Vragen en antwoorden", level=1)
    _table(d, [("Nr.", "Fractie", "Vraag", "Antwoord", "Indien doorgevraagd"),
               ("1", "GroenLinks", "Waarom bereikt het Kindpakket niet alle kinderen?",
                "Niet iedereen weet dat hij er recht op heeft.\nWe benaderen gezinnen nu actief "
                "via scholen.", "In 2025 schrijven we 9.000 gezinnen persoonlijk aan."),
               ("2", "VVD (lid Van Dijk)", "Wat kost de Stadspas per jaar?",
                "€ 24 miljoen, inclusief de uitvoering.", ""),
               ("3", "D66 / ook CDA", "Komt er een digitale Stadspas?",
                "Ja, vanaf het najaar staat de Stadspas ook in de app.", "")])
    d.add_heading("Achtergrond", level=1)
    d.add_paragraph("De evaluatie is uitgevoerd door het Verwey-Jonker Instituut.")
    d.add_paragraph("Let op: de cijfers over 2024 zijn nog voorlopig.")
    d.save(path)


BUILDERS = {
    "04_sport_word.docx": sport,
    "05_financien_word.docx": financien,
    "06_armoede_word.docx": armoede,
}


def havens(path: Path) -> None:
    """Held out: numbered Heading styles, a Vraag/Antwoord table without a party column
    (the party in the question cell), 'Indien doorgevraagd:' inside the answer cell, a
    'Kernpunten' list typed with '-' in plain paragraphs."""
    d = docx.Document()
    d.add_paragraph("Annotatie", style="Title")
    d.add_paragraph("Onderwerp: Havenvisie 2025-2035")
    d.add_paragraph("Datum: 11-03-2025")
    d.add_paragraph("Commissie: Economische Zaken")
    d.add_paragraph("Wethouder: Meliani")
    d.add_heading("1. Kernpunten", level=1)
    d.add_paragraph("- De haven blijft, maar wordt kleiner en schoner.")
    d.add_paragraph("- De kolenoverslag stopt uiterlijk in 2030.")
    d.add_paragraph("- Vrijkomende ruimte gaat naar circulaire bedrijven en woningbouw.")
    d.add_heading("2. Vragen en antwoorden", level=1)
    _table(d, [("Vraag", "Antwoord"),
               ("(VVD) Wat betekent dit voor de werkgelegenheid?",
                "Er verdwijnen ongeveer 600 banen in de kolenoverslag.\nEr komen naar "
                "verwachting 1.500 banen in de circulaire economie bij.\nIndien doorgevraagd: "
                "met de vakbonden is een van-werk-naar-werkregeling afgesproken."),
               ("(GroenLinks) Kan de kolenoverslag niet eerder stoppen?",
                "Nee, de contracten lopen tot 2030.")])
    d.add_heading("3. Achtergrond", level=1)
    d.add_paragraph("De vorige havenvisie dateert van 2008.")
    d.save(path)


BUILDERS["14_havens_word.docx"] = havens


def toerisme(path: Path) -> None:
    """Held out (round 2): a Subtitle with the meeting, questions as Heading 3 lines
    'Party: question?', answers as plain paragraphs and symbol-font bullets typed in the
    text, 'Bij doorvragen' as a Heading 4, the classification only in the page header."""
    d = docx.Document()
    d.add_paragraph("Annotatie Aanpak toeristische overlast", style="Title")
    d.add_paragraph("Commissie Economie en Cultuur – 12 maart 2025", style="Subtitle")
    d.add_paragraph("Portefeuillehouder: burgemeester Halsema")
    d.sections[0].header.paragraphs[0].text = "Intern"
    d.add_heading("Kernboodschap", level=1)
    d.add_paragraph("\uf0b7\tHet aantal toeristische overnachtingen blijft onder de 20 miljoen.")
    d.add_paragraph("\uf0b7\tDe campagne 'Stay Away' heeft het aantal Britse feestgangers "
                    "verminderd.")
    d.add_heading("Vragen en antwoorden", level=1)
    d.add_heading("PvdA: Komt er een beddenstop voor hotels in heel de stad?", level=3)
    d.add_paragraph("Er geldt al een hotelstop in de hele stad. Nieuwe hotels komen er alleen "
                    "als er elders een hotel sluit.")
    d.add_heading("Bij doorvragen", level=4)
    d.add_paragraph("De raad besluit in het najaar over een verlenging van de hotelstop.")
    d.add_heading("JA21: Waarom worden riviercruises geweerd?", level=3)
    d.add_paragraph("Het aantal cruiseschepen wordt in stappen verminderd, omdat ze veel "
                    "drukte en uitstoot in de binnenstad veroorzaken.")
    d.save(path)


BUILDERS["17_toerisme_word.docx"] = toerisme


def afval(path: Path) -> None:
    """Held out (round 3): a question table with an 'Indien doorgevraagd' column and a
    'Fractie / lid' column, an empty answer (PM), a facts table with a total row, bold
    'Kernboodschap' with Word bullets, 'Strikt vertrouwelijk' in the first line."""
    d = docx.Document()
    _bold(d, "Strikt vertrouwelijk")
    _bold(d, "Annotatie commissie Klimaat en Energie, 17 april 2025")
    d.add_paragraph("Onderwerp: Nieuwe afvalinzameling in Oost")
    d.add_paragraph("Portefeuillehouder: wethouder Pels")
    _bold(d, "Kernboodschap")
    d.add_paragraph("Vanaf september haalt de gemeente in Oost restafval nog eens per twee "
                    "weken op.", style="List Bullet")
    d.add_paragraph("Daardoor scheiden bewoners meer afval aan de bron.", style="List Bullet")
    _bold(d, "Cijfers")
    _table(d, [("Stadsdeel", "Restafval 2024 (kg p.p.)"),
               ("Oost", "241"),
               ("Amsterdam totaal", "265")])
    _bold(d, "Vragen")
    _table(d, [("Fractie / lid", "Vraag", "Antwoord", "Indien doorgevraagd"),
               ("VVD / Van Dijk", "Leidt dit niet tot meer zwerfafval?",
                "In de proefwijken nam het zwerfafval niet toe.",
                "De handhaving wordt de eerste drie maanden verdubbeld."),
               ("SP", "Wat doet u voor ouderen die niet naar de container kunnen lopen?",
                "PM: regeling met de corporaties volgt", "")])
    d.save(path)


BUILDERS["20_afval_word.docx"] = afval
