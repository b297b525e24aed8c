"""Broken and odd input: never a traceback. Readable text imports (whatever its encoding,
line endings or invisible characters); unreadable input is a Dutch error naming the file."""

from __future__ import annotations

import random
import time
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from briefing.cli import main
from briefing.importing import ReadError, import_file
from briefing.model import load_knowledge
from briefing.model.dossier import Dossier, line_texts
from briefing.model.serialize import dossier_to_yaml
from briefing.model.yamlsource import parse_yaml
from tests.conftest import BUNDLED_KB

HERE = Path(__file__).parent
SOURCES = sorted((HERE / "seeds").glob("*.txt")) + sorted((HERE / "unseen").glob("*.txt")) + \
    sorted((HERE / "unseen").glob("*.md"))


@pytest.fixture(scope="module")
def registers():
    return load_knowledge(BUNDLED_KB).registers


def _import_or_read_error(path: Path, registers) -> Dossier | None:
    """The dossier (valid, writable YAML) or None for a ReadError; anything else fails."""
    try:
        dossier = import_file(path, registers).dossier
    except ReadError as exc:
        assert path.name in str(exc)
        return None
    data, _ = parse_yaml(path.with_suffix(".yaml"), dossier_to_yaml(dossier))
    return Dossier.model_validate(data)


def _mutations(seed: int, count: int):
    rng = random.Random(seed)
    alphabet = ("abcdefghij klmnop\n\n-•o*>1.2)[]():;?!€5.1, 2, e\t\u00a0\u200b“”‘’#|–—"
                "ABCDEFG")
    for _ in range(count):
        data = rng.choice(SOURCES).read_bytes()
        lines = data.split(b"\n")
        kind = rng.choice(["truncate", "drop", "shuffle", "random", "bytes", "join", "crlf"])
        if kind == "truncate":
            data = data[:rng.randrange(1, len(data))]
        elif kind == "drop":
            data = b"\n".join(line for line in lines if rng.random() > 0.3)
        elif kind == "shuffle":
            rng.shuffle(lines)
            data = b"\n".join(lines)
        elif kind == "random":
            data = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 2000))).encode()
        elif kind == "bytes":
            changed = bytearray(data)
            for _ in range(rng.randrange(1, 40)):
                changed[rng.randrange(len(changed))] = rng.randrange(256)
            data = bytes(changed)
        elif kind == "join":
            data = b" ".join(lines)
        else:
            data = data.replace(b"\n", b"\r\n")
        yield kind, data


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_mutated_annotaties_import_or_fail_cleanly(tmp_path, registers, seed):
    for index, (kind, data) in enumerate(_mutations(seed, 25)):
        path = tmp_path / f"stuk{index}{'.md' if index % 3 == 0 else '.txt'}"
        path.write_bytes(data)
        _import_or_read_error(path, registers)


@pytest.mark.parametrize("name, data", [
    ("woorden.txt", "woord " * 100_000),
    ("haakjes.txt", "(" * 50_000 + "a"),
    ("blokhaken.txt", "[" * 30_000 + "PM: x" + "]" * 30_000),
    ("punten.txt", "Vraag 1 " + "." * 100_000),
    ("sterren.txt", "**" * 50_000 + "x"),
    ("woo.txt", "5.1, 2, e " * 20_000),
    ("datums.txt", "3 februari 2025 " * 20_000),
    ("spaties.txt", "a" + " " * 100_000 + "b\nc" + " " * 100_000 + "d\n"),
    ("tabs.txt", "a\t" * 20_000 + "\n" + "b\t" * 20_000),
    ("vraag.txt", "Vraag van " + "x" * 50_000 + ":\n"),
    ("lid.txt", "Lid " + "A " * 10_000 + "(VVD)\n"),
])
def test_huge_lines_take_no_quadratic_time(tmp_path, registers, name, data):
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    # CPU time of this process, not the wall clock: other work on the machine does not count,
    # and a quadratic path on these inputs would take minutes, not the second it takes now.
    start = time.process_time()
    _import_or_read_error(path, registers)
    assert time.process_time() - start < 5


def test_windows_line_endings_tabs_and_invisible_characters(tmp_path, registers):
    path = tmp_path / "windows.txt"
    path.write_bytes(("Onderwerp:\tParkeren\u00a0binnenstad\r\n\r\nKernboodschap\r\n\r\n"
                      "-\t\u200bDe tarieven\u00ad stijgen \u201cbeperkt\u201d.\r\n"
                      "\t-\tAlleen in Centrum.\r\n").encode("utf-8"))
    dossier = import_file(path, registers).dossier
    assert dossier.title == "Parkeren binnenstad"
    assert dossier.core_message[0].text == "De tarieven stijgen \u201cbeperkt\u201d."
    assert [s.text for s in dossier.core_message[0].sub] == ["Alleen in Centrum."]


def test_mixed_encodings_read_per_line(tmp_path, registers):
    path = tmp_path / "gemengd.txt"
    path.write_bytes("Kernboodschap\n\n- Eerste – café\n".encode("utf-8") +
                     "- Tweede – café “x”\n".encode("cp1252"))
    dossier = import_file(path, registers).dossier
    assert line_texts(dossier.core_message) == ["Eerste – café", "Tweede – café “x”"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_text(tmp_path, registers, encoding):
    path = tmp_path / "unicode.txt"
    path.write_bytes("Kernboodschap\r\n\r\n- Een café-regel.\r\n".encode(encoding))
    assert line_texts(import_file(path, registers).dossier.core_message) == ["Een café-regel."]


def test_stray_control_characters_are_noise(tmp_path, registers):
    path = tmp_path / "stuurtekens.txt"
    path.write_bytes(b"Kernboodschap\n\n- Een \x01regel\x0bmet zachte breuk.\n")
    assert line_texts(import_file(path, registers).dossier.core_message) == [
        "Een regel met zachte breuk."]


@pytest.mark.parametrize("name, content, message", [
    ("rapport.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    ("verkeerd.txt", b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), ".docx"),
    ("ruis.md", bytes(random.Random(7).randrange(256) for _ in range(4000)), "tekst"),
    ("bom.txt", b"\xef\xbb\xbf", "geen tekst"),
    ("onzichtbaar.txt", "\u200b\u00a0 \n\u2060".encode(), "geen tekst"),
])
def test_unreadable_text_is_a_dutch_error_with_exit_1(kb_copy, tmp_path, capsys, name, content,
                                                       message):
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["import", str(path), "--out", str(kb_copy)]) == 1
    err = capsys.readouterr().err
    assert name in err and message in err and "Traceback" not in err


def _word(tmp_path, name, build) -> Path:
    document = docx.Document()
    build(document)
    path = tmp_path / name
    document.save(path)
    return path


def test_word_without_paragraphs(tmp_path, registers):
    path = _word(tmp_path, "leeg.docx", lambda d: None)
    with pytest.raises(ReadError, match="leeg.docx: geen tekst"):
        import_file(path, registers)


def test_word_with_only_a_table(tmp_path, registers):
    def build(d):
        table = d.add_table(rows=3, cols=2)
        for r, (a, b) in enumerate([("Onderwerp", "Kademuren"), ("Datum", "3 feb. 2025"),
                                    ("Toelichting", "De eerste kademuur is hersteld.")]):
            table.cell(r, 0).text = a
            table.cell(r, 1).text = b
    dossier = import_file(_word(tmp_path, "tabel.docx", build), registers).dossier
    assert (dossier.title, dossier.date.isoformat()) == ("Kademuren", "2025-02-03")
    assert line_texts(dossier.facts) == ["Toelichting: De eerste kademuur is hersteld."]


def test_word_content_controls_tracked_changes_links_and_nested_tables(tmp_path, registers):
    def build(d):
        body = d.element.body
        d.add_paragraph("Onderwerp: Kademuren")
        blocks = [
            f'<w:sdt {nsdecls("w")}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Kernboodschap'
            '</w:t></w:r></w:p><w:p><w:r><w:t>Tekst in een invulveld.</w:t></w:r></w:p>'
            '</w:sdtContent></w:sdt>',
            f'<w:p {nsdecls("w")}><w:ins w:id="1" w:author="x" w:date="2025-01-01T00:00:00Z">'
            '<w:r><w:t>Ingevoegd bij wijzigingen bijhouden.</w:t></w:r></w:ins><w:del w:id="2" '
            'w:author="x" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>Geschrapt.</w:delText>'
            '</w:r></w:del></w:p>',
            f'<w:p {nsdecls("w", "r")}><w:hyperlink r:id="rId99"><w:r><w:t>Een link als tekst.'
            '</w:t></w:r></w:hyperlink></w:p>',
        ]
        for xml in blocks:
            body.insert(len(body) - 1, parse_xml(xml))
        d.add_heading("Feiten", level=1)
        inner = d.add_table(rows=1, cols=1).cell(0, 0).add_table(rows=1, cols=2)
        inner.cell(0, 0).text = "Kademuren"
        inner.cell(0, 1).text = "200 km"
        d.sections[0].header.paragraphs[0].text = "VERTROUWELIJK"
    dossier = import_file(_word(tmp_path, "velden.docx", build), registers).dossier
    assert line_texts(dossier.core_message) == [
        "Tekst in een invulveld.", "Ingevoegd bij wijzigingen bijhouden.", "Een link als tekst."]
    assert "Kademuren | 200 km" in line_texts(dossier.facts)
    assert dossier.classification.value == "vertrouwelijk"
    assert [u.text for u in dossier.unrecognised] == ["VERTROUWELIJK"]
    assert "Geschrapt" not in str(dossier.model_dump())
