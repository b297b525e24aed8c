"""Word annotaties, generated here with python-docx: heading styles, list styles and levels,
automatic numbering, bold questions, tables (facts, and a question-and-answer table)."""

from __future__ import annotations

import docx
import pytest

from briefing.importing import ReadError, import_file
from briefing.model import load_knowledge
from briefing.model.dossier import line_texts
from tests.conftest import BUNDLED_KB


@pytest.fixture(scope="module")
def registers():
    return load_knowledge(BUNDLED_KB).registers


def _bold(document, text, style=None):
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(text).bold = True
    return paragraph


@pytest.fixture
def annotatie(tmp_path):
    d = docx.Document()
    d.add_paragraph("Annotatie commissie FKD 7 november 2024", style="Title")
    d.add_paragraph("Onderwerp: Bestuursopdracht Inclusie en Diversiteit")
    d.add_paragraph("Portefeuillehouder: wethouder Van Buren")
    d.add_paragraph("Vertrouwelijk")
    d.add_heading("Kernboodschap", level=1)
    d.add_paragraph("We maken werk van inclusie.", style="List Bullet")
    d.add_paragraph("Eerst bij WPI.", style="List Bullet 2")
    d.add_paragraph("Daarna overal.", style="List Bullet 2")
    d.add_paragraph("Het kost tijd.", style="List Bullet")
    d.add_heading("Achtergrond", level=1)
    d.add_paragraph("De raad vroeg om een update.")
    d.add_heading("Cijfers", level=2)
    table = d.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate([("Onderwerp", "Aantal"), ("Meldingen 2023", "120"),
                                ("Meldingen 2024", "150")]):
        table.cell(r, 0).text = a
        table.cell(r, 1).text = b
    d.add_heading("Vragen raadsleden", level=1)
    _bold(d, "Lid Mangal (DENK)")
    _bold(d, "Kan ik de brochure krijgen?", style="List Number")
    d.add_paragraph("Ja, zie de bijlage.", style="List Bullet")
    _bold(d, "Wanneer komt het rapport?", style="List Number")
    d.add_paragraph("Na de zomer.", style="List Bullet")
    d.add_paragraph("Eerst de concepttekst.", style="List Bullet 2")
    d.add_paragraph("Indien doorgevraagd:")
    d.add_paragraph("We houden de raad op de hoogte.", style="List Bullet")
    _bold(d, "Fractie Partij voor de Dieren – raadslid Krom")
    _bold(d, "Wat doet u met de signalen?")
    d.add_paragraph("[Gevoelig: niet ingaan op casussen]")
    d.add_paragraph("We nemen ze serieus.", style="List Bullet")
    path = tmp_path / "annotatie.docx"
    d.save(path)
    return path


def test_word_annotatie(annotatie, registers):
    d = import_file(annotatie, registers).dossier
    assert (d.title, d.meeting, d.date.isoformat(), d.portfolio_holder) == (
        "Bestuursopdracht Inclusie en Diversiteit", "Commissie FKD", "2024-11-07",
        "wethouder Van Buren")
    assert d.classification.value == "vertrouwelijk"
    # List Bullet 2 is one level deeper than List Bullet.
    assert [line.text for line in d.core_message] == ["We maken werk van inclusie.",
                                                      "Het kost tijd."]
    assert [s.text for s in d.core_message[0].sub] == ["Eerst bij WPI.", "Daarna overal."]
    assert [t.title for t in d.themes] == ["Achtergrond"]
    assert line_texts(d.facts) == ["Cijfers", "Meldingen 2023: Aantal: 120",
                                   "Meldingen 2024: Aantal: 150"]
    # Automatic numbering gives the question numbers.
    assert [(q.number, q.member, q.party, q.question) for q in d.questions] == [
        (1, "Mangal", "DENK", "Kan ik de brochure krijgen?"),
        (2, "Mangal", "DENK", "Wanneer komt het rapport?"),
        (3, "Krom", "PvdD", "Wat doet u met de signalen?"),
    ]
    q2 = d.questions[1]
    assert q2.answer[0].text == "Na de zomer."
    assert [s.text for s in q2.answer[0].sub] == ["Eerst de concepttekst."]
    assert line_texts(q2.if_pressed) == ["We houden de raad op de hoogte."]
    assert d.questions[2].note == "Gevoelig: niet ingaan op casussen"
    assert d.unrecognised == []


def test_word_question_table(tmp_path, registers):
    d = docx.Document()
    d.add_heading("Annotatie raadsvragen over parkeren", level=1)
    table = d.add_table(rows=3, cols=4)
    rows = [("Nr", "Fractie", "Vraag", "Antwoord"),
            ("1", "VVD", "Waarom nu?", "Omdat het moet.\nDe raad vroeg erom."),
            ("2", "Veldhuijzen", "En de kosten?", "Binnen budget.")]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    path = tmp_path / "tabel.docx"
    d.save(path)
    dossier = import_file(path, registers).dossier
    assert [(q.number, q.member, q.party, q.question) for q in dossier.questions] == [
        (1, None, "VVD", "Waarom nu?"), (2, "Veldhuyzen", "Lijst AV", "En de kosten?")]
    assert line_texts(dossier.questions[0].answer) == ["Omdat het moet.", "De raad vroeg erom."]


def test_word_numbering_restarts_per_list(tmp_path, registers):
    """Two separately numbered lists (Word restarts the second at 1) under two askers."""
    d = docx.Document()
    d.add_paragraph("Annotatie commissie WV 1 december 2024", style="Title")
    d.add_heading("Vragen raadsleden", level=1)
    _bold(d, "Lid Mangal (DENK)")
    d.add_paragraph("Eerste vraag?", style="List Number")
    d.add_paragraph("Antwoord een.", style="List Bullet")
    _bold(d, "Lid Namane (PvdA)")
    d.add_paragraph("Tweede vraag?", style="List Number")
    d.add_paragraph("Antwoord twee.", style="List Bullet")
    path = tmp_path / "nummers.docx"
    d.save(path)
    dossier = import_file(path, registers).dossier
    assert [(q.number, q.member) for q in dossier.questions] == [(1, "Mangal"), (2, "Namane")]


@pytest.mark.parametrize("content, message", [
    (b"", "leeg"),
    (b"dit is gewoon tekst", "geen geldig Word-bestand"),
    (b"PK\x03\x04kapot", "geen geldig Word-bestand"),
])
def test_broken_word_files(tmp_path, content, message):
    path = tmp_path / "kapot.docx"
    path.write_bytes(content)
    with pytest.raises(ReadError) as exc:
        import_file(path)
    assert message in str(exc.value) and "kapot.docx" in str(exc.value)


def test_zip_that_is_not_word(tmp_path):
    import zipfile

    path = tmp_path / "archief.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("iets.txt", "hallo")
    with pytest.raises(ReadError, match="geen Word-document"):
        import_file(path)


def test_word_header_table_bold_headings_and_list_levels(tmp_path, registers):
    """As many real files look: a header table, bold lines instead of heading styles, and
    'List Paragraph' items whose level sits in the paragraph's own numbering (ilvl)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    table = d.add_table(rows=4, cols=2)
    for r, (a, b) in enumerate([("Onderwerp", "Handhaving op het water"),
                                ("Commissie", "Mobiliteit, Openbare Ruimte en Water"),
                                ("Datum", "14 januari 2025"),
                                ("Portefeuillehouder", "wethouder Melkert")]):
        table.cell(r, 0).text = a
        table.cell(r, 1).text = b
    _bold(d, "Kernboodschap")

    def item(text, level):
        paragraph = d.add_paragraph(text, style="List Paragraph")
        num_pr = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", level), ("w:numId", 1)):
            node = OxmlElement(tag)
            node.set(qn("w:val"), str(value))
            num_pr.append(node)
        paragraph._p.get_or_add_pPr().append(num_pr)

    item("Het water moet veilig blijven.", 0)
    item("Meer boa's op het water.", 1)
    item("We werken samen met de politie.", 0)
    _bold(d, "Vragen")
    _bold(d, "Fractie GroenLinks – raadslid Ernsting")
    _bold(d, "Hoeveel boetes zijn er uitgeschreven?")
    d.add_paragraph("In 2024 waren dat er 1.200.")
    _bold(d, "En hoeveel boa's zijn er nu?")
    d.add_paragraph("Twaalf.")
    path = tmp_path / "water.docx"
    d.save(path)
    dossier = import_file(path, registers).dossier
    assert (dossier.title, dossier.meeting, dossier.date.isoformat(), dossier.portfolio_holder) == (
        "Handhaving op het water", "Commissie Mobiliteit, Openbare Ruimte en Water",
        "2025-01-14", "wethouder Melkert")
    assert [line.text for line in dossier.core_message] == [
        "Het water moet veilig blijven.", "We werken samen met de politie."]
    assert [s.text for s in dossier.core_message[0].sub] == ["Meer boa's op het water."]
    assert [(q.number, q.member, q.party, q.question) for q in dossier.questions] == [
        (1, "Ernsting", "GL", "Hoeveel boetes zijn er uitgeschreven?"),
        (2, "Ernsting", "GL", "En hoeveel boa's zijn er nu?")]
    assert line_texts(dossier.questions[0].answer) == ["In 2024 waren dat er 1.200."]


def test_word_question_table_without_column_heads(tmp_path, registers):
    d = docx.Document()
    d.add_heading("Mogelijke vragen", level=1)
    table = d.add_table(rows=2, cols=3)
    rows = [("VVD", "Waarom nu?", "Omdat het moet.\nDe raad vroeg erom."),
            ("D66 (lid Schmitt)", "En de kosten?", "Binnen budget.")]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    path = tmp_path / "zonder_koppen.docx"
    d.save(path)
    dossier = import_file(path, registers).dossier
    assert [(q.member, q.party, q.question) for q in dossier.questions] == [
        (None, "VVD", "Waarom nu?"), ("Schmitt", "D66", "En de kosten?")]
    assert line_texts(dossier.questions[0].answer) == ["Omdat het moet.", "De raad vroeg erom."]
    assert dossier.facts == []


def _deflate_bomb(path, unpacked_mib: int) -> None:
    """A .docx whose word/document.xml unpacks to unpacked_mib MiB of zeros: about 1 KB of
    deflate per MiB, so 1 GiB fits in 1.1 MB (built without compressing 1 GiB)."""
    import struct
    import zlib

    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b"\0" * 2**20) + compressor.flush(zlib.Z_FULL_FLUSH)
    data = block * unpacked_mib + compressor.flush(zlib.Z_FINISH)
    members = [(b"[Content_Types].xml", 0, b"<Types/>", 8, zlib.crc32(b"<Types/>")),
               (b"word/document.xml", 8, data, unpacked_mib * 2**20, 0)]
    out, central = bytearray(), bytearray()
    for name, method, body, size, crc in members:
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc,
                           len(body), size, len(name), 0) + name + body
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21,
                               crc, len(body), size, len(name), 0, 0, 0, 0, 0, offset) + name
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                                 len(central), len(out), 0)
    path.write_bytes(bytes(out))


def test_a_zip_bomb_is_refused_quickly_with_a_dutch_error(tmp_path, registers):
    """1.1 MB that unpacks to a 1 GiB document.xml: refused by its declared size, before
    anything is unpacked (CPU time, not wall clock: nothing of 1 GiB is touched)."""
    import time

    path = tmp_path / "bom.docx"
    _deflate_bomb(path, 1024)
    assert path.stat().st_size < 1_200_000
    start = time.process_time()
    with pytest.raises(ReadError, match=r"bom\.docx: het Word-bestand pakt uit tot 1\.024 MB"):
        import_file(path, registers)
    assert time.process_time() - start < 2


def test_an_archive_that_declares_less_than_it_holds_is_read_with_a_bound(tmp_path, registers):
    """The declared size is small but the data unpacks to more than the limit: the bounded
    read stops at the declared size, and the broken archive is refused, never parsed."""
    import zipfile

    path = tmp_path / "liegt.docx"
    _deflate_bomb(path, 8)
    raw = bytearray(path.read_bytes())
    for signature, at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # usize fields
        for start in [i for i in range(len(raw)) if raw.startswith(signature, i)][1:]:
            raw[start + at:start + at + 4] = (1024).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("word/document.xml").file_size == 1024
    with pytest.raises(ReadError, match="liegt.docx: Word-bestand is beschadigd"):
        import_file(path, registers)
