"""The HTML export printed by a real headless Chromium: classification and embargo on every page.

Skips (with the reason) when chromium or pdftotext is missing; scripts/check_print.sh installs
both and runs this test with BRIEFING_REQUIRE_CHROMIUM=1, which turns the skip into a failure."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from maintain_helpers import dossier_yaml

from briefing.maintain.export import export, to_html
from briefing.model import load_knowledge

NOW = datetime(2026, 11, 23, 12, 0)
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _tool(names: tuple[str, ...]) -> str | None:
    return next((path for name in names if (path := shutil.which(name))), None)


CHROMIUM = os.environ.get("BRIEFING_CHROMIUM") or _tool(CHROMIUM_NAMES)
PDFTOTEXT = _tool(("pdftotext",))


@pytest.fixture(autouse=True)
def _need_tools():
    missing = [name for name, path in (("chromium", CHROMIUM), ("pdftotext (poppler-utils)", PDFTOTEXT))
               if not path]
    if missing:
        reason = (f"{' en '.join(missing)} niet gevonden: de afdruktest in een echte browser is "
                  "overgeslagen; draai scripts/check_print.sh om ze te installeren en de test te doen")
        if os.environ.get("BRIEFING_REQUIRE_CHROMIUM"):
            pytest.fail(reason)
        pytest.skip(reason)


def print_to_pdf(html_path: Path, tmp_path: Path) -> Path:
    pdf = tmp_path / (html_path.stem + ".pdf")
    profile = tmp_path / "chromium-profiel"
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", "--no-pdf-header-footer",
               f"--print-to-pdf={pdf}", html_path.resolve().as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert pdf.is_file() and pdf.stat().st_size > 0, result.stderr[-2000:]
    return pdf


def pages_text(pdf: Path) -> list[str]:
    text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def test_every_printed_page_carries_classification_and_embargo(bundled_kb, tmp_path):
    kb = load_knowledge(bundled_kb)
    html_path = tmp_path / "voordracht.html"
    export(kb, "voordracht-bestuursopdracht-id-2024-2028", "html", out=html_path, now=NOW)
    pages = pages_text(print_to_pdf(html_path, tmp_path))
    assert len(pages) >= 3  # long enough to prove the repetition
    for number, page in enumerate(pages, 1):
        # Header and footer: the marking twice on each page.
        assert page.count("GEHEIM · EMBARGO TOT 23 OKTOBER 2024 17:00") == 2, f"pagina {number}"
        assert re.search(rf"\b{number}\s*/\s*{len(pages)}\s*$", page), f"paginanummer {number}"
    assert "Instemmen met de Bestuursopdracht Inclusie en Diversiteit" in pages[0]


def test_long_dossier_prints_with_marking_on_every_page(bundled_kb, tmp_path):
    kb = load_knowledge(bundled_kb)
    html_path = tmp_path / "fkd.html"
    export(kb, "fkd-vervolgstappen-onderzoeken", "html", out=html_path, now=NOW)
    pages = pages_text(print_to_pdf(html_path, tmp_path))
    assert len(pages) >= 8
    assert all(page.count("OPENBAAR") == 2 for page in pages)
    text = "\n".join(pages)
    # All questions made it onto paper, grouped by member.
    assert all(f"Vraag {n}." in text for n in range(1, 17))
    assert text.find("Namane (PvdA)") < text.find("Vraag 9.") < text.find("Schmitt (D66)")


def test_hostile_text_prints_as_text(make_kb, tmp_path):
    kb = make_kb({"a.yaml": dossier_yaml(questions="""\
        - nummer: 1
          raadslid: Namane
          vraag: "<script>document.body.innerHTML='GEHACKT'</script> Werkt het?"
          antwoord: ["<b>Ja</b> & nee"]
        """, body="classificatie: vertrouwelijk\n")})
    html_path = tmp_path / "vijandig.html"
    html_path.write_text(to_html(kb.dossiers[0], kb.registers, NOW), encoding="utf-8")
    [page] = pages_text(print_to_pdf(html_path, tmp_path))
    assert "<script>document.body.innerHTML='GEHACKT'</script> Werkt het?" in page
    assert "<b>Ja</b> & nee" in page
    assert page.count("VERTROUWELIJK") == 2
