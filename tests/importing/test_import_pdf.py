"""PDF in: a document printed to PDF imports like its text; running headers and page
numbers are page furniture; a scan goes through OCR when it is installed, and otherwise the
message says what to install."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.importing import ReadError, import_file
from briefing.model import load_knowledge
from tests.conftest import BUNDLED_KB
from tests.importing.pdf_fixtures import write_pdf

SEEDS = Path(__file__).parent / "seeds"
REAL = Path(__file__).parent / "real" / "shared"


@pytest.fixture(scope="module")
def registers():
    return load_knowledge(BUNDLED_KB).registers


def _without_source(dossier) -> dict:
    """The dossier without its source name and its unrecognised lines (a printed page has
    its header and page number there)."""
    data = dossier.to_data()
    data.pop("bron")
    data.pop("onherkend", None)
    return data


def test_a_seed_printed_to_pdf_imports_like_its_text(tmp_path, registers):
    text = SEEDS / "003_cbc8a36b420c7eb6.txt"
    pdf = write_pdf(text.read_text(encoding="utf-8"), tmp_path / "annotatie.pdf")
    from_text = import_file(text, registers).dossier
    from_pdf = import_file(pdf, registers).dossier
    assert _without_source(from_pdf) == _without_source(from_text)
    assert from_pdf.source == "annotatie.pdf"
    assert {u.text for u in from_pdf.unrecognised} - {u.text for u in from_text.unrecognised} \
        == {"Gemeente Amsterdam", "Pagina 1 van 3", "Pagina 2 van 3", "Pagina 3 van 3"}


@pytest.mark.parametrize("word_gaps", [False, True], ids=["spaties", "woordgaten"])
def test_a_letter_printed_to_pdf_keeps_its_questions_and_answers(tmp_path, registers,
                                                                  word_gaps):
    """Also when the PDF places every word on its own and spaces are only gaps."""
    text = REAL / "real_04.txt"
    pdf = write_pdf(text.read_text(encoding="utf-8"), tmp_path / "real_04.pdf",
                    word_gaps=word_gaps)
    from_text = import_file(text, registers).dossier
    from_pdf = import_file(pdf, registers).dossier
    assert [q.question for q in from_pdf.questions] == [q.question for q in from_text.questions]
    assert [q.answer for q in from_pdf.questions] == [q.answer for q in from_text.questions]
    assert (from_pdf.title, from_pdf.date) == (from_text.title, from_text.date)


def test_running_headers_and_page_numbers_are_furniture_not_content(tmp_path, registers):
    pdf = write_pdf((SEEDS / "001_ef05b96a5bae04e0.txt").read_text(encoding="utf-8"),
                    tmp_path / "z.pdf", header="Directie Inclusie · Annotatie")
    dossier = import_file(pdf, registers).dossier
    content = str(dossier.model_dump(exclude={"unrecognised", "source"}))
    assert "Pagina 2 van" not in content and "Directie Inclusie" not in content
    unrecognised = [item.text for item in dossier.unrecognised]
    assert "Pagina 2 van 11" in unrecognised and "Directie Inclusie · Annotatie" in unrecognised


def test_a_broken_pdf_gives_a_dutch_error(tmp_path, registers):
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF")
    with pytest.raises(ReadError, match="kapot.pdf: "):
        import_file(path, registers)


def _scan(tmp_path: Path) -> Path:
    """A PDF with only a picture of text: a printed letter rendered to an image."""
    text = "\n".join((REAL / "real_04.txt").read_text(encoding="utf-8").splitlines()[:30])
    printed = write_pdf(text, tmp_path / "print.pdf")
    scan = tmp_path / "scan.pdf"
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfimage24",
                    "-r200", f"-sOutputFile={scan}", str(printed)], check=True, timeout=120,
                   capture_output=True)
    return scan


def test_a_scan_without_ocr_installed_says_what_to_install(tmp_path, registers, monkeypatch):
    path = tmp_path / "scan.pdf"
    write_pdf("", path)  # pages without any text: what a scan looks like to a reader
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ReadError, match=r"scan.pdf: deze PDF heeft geen tekstlaag \(een scan\); "
                                        r"installeer OCR .*sudo apt-get install ocrmypdf "
                                        r"tesseract-ocr-nld"):
        import_file(path, registers)


def _ocr_ready() -> str | None:
    """Why the OCR test cannot run here, or None when it can."""
    missing = [tool for tool in ("ocrmypdf", "tesseract", "gs") if not shutil.which(tool)]
    if missing:
        return (f"OCR-test overgeslagen: {', '.join(missing)} niet gevonden; installeer "
                "ocrmypdf tesseract-ocr-nld (Debian: apt-get install ocrmypdf tesseract-ocr-nld)")
    languages = subprocess.run(["tesseract", "--list-langs"], capture_output=True,
                               text=True).stdout.split()
    if "nld" not in languages:
        return "OCR-test overgeslagen: Tesseract mist de Nederlandse taaldata (tesseract-ocr-nld)"
    return None


@pytest.mark.skipif(_ocr_ready() is not None, reason=str(_ocr_ready()))
def test_a_scanned_pdf_imports_through_ocr(tmp_path, registers):
    dossier = import_file(_scan(tmp_path), registers).dossier
    assert dossier.date is not None and dossier.date.isoformat() == "2023-10-31"
    text = str(dossier.model_dump()).lower()
    assert "fatbikes" in text and "ijmker" in text
