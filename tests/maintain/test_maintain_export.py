"""`briefing export` on the bundled knowledge base: order, grouping, marking, escaping, files."""

from __future__ import annotations

import json
import re
from datetime import datetime

import pytest
from maintain_helpers import dossier_yaml

from briefing.cli import main
from briefing.maintain.export import ExportError, export, question_groups, to_html, to_markdown
from briefing.model import load_knowledge

NOW = datetime(2026, 11, 23, 12, 0)


@pytest.fixture(scope="module")
def kb():
    from tests.conftest import BUNDLED_KB

    return load_knowledge(BUNDLED_KB)


def positions(text: str, *needles: str) -> list[int]:
    found = [text.find(n) for n in needles]
    assert -1 not in found, [n for n, i in zip(needles, found) if i == -1]
    return found


def test_markdown_follows_the_usual_order(kb):
    text = export(kb, "fkd-vervolgstappen-onderzoeken", "md", now=NOW)
    order = positions(text, "**OPENBAAR**", "# Tussentijdse raadsbrief update vervolgstappen",
                      "**Vergadering:** Raadscommissie FKD", "## Gevraagd besluit", "## Kernboodschap",
                      "## Thema's", "### Update vervolgstappen onderzoeken", "## Vragen per raadslid")
    assert order == sorted(order)
    assert text.rstrip().splitlines()[-2] == "**OPENBAAR**  "  # marking again at the end
    assert "Het meldpunt is beschikbaar voor alle medewerkers" in text
    assert "  - Dit is onderdeel van de leiderschapstrajecten" in text  # sub-lines nested


def test_questions_are_grouped_by_member_in_order_of_appearance(kb):
    dossier = kb.dossier("fkd-vervolgstappen-onderzoeken")
    groups = question_groups(dossier, kb.registers)
    assert [g.title for g in groups] == ["Mangal (DENK)", "Namane (PvdA)", "Schmitt (D66)", "Garmy (Volt)"]
    assert sum(len(g.items) for g in groups) == 16
    text = to_markdown(dossier, kb.registers, NOW)
    namane, schmitt = positions(text, "### Namane (PvdA)", "### Schmitt (D66)")
    question_9 = text.find("**Vraag 9.**")
    assert namane < question_9 < schmitt


def test_party_groups_variants_and_open_parties(kb):
    text = export(kb, "raad-2024-09-18-paroolartikel", "md", now=NOW)
    assert "### Fractie Partij voor de Dieren" in text
    assert "*Ook gesteld door Kreuger (Ja21):* Wist de wethouder van deze gevallen" in text
    motie = export(kb, "motie-780", "html", now=NOW)
    assert "Notitie (niet voorlezen): Geagendeerd op verzoek van raadslid Perdok" in motie
    assert "<h3>Nog geen antwoorden voorbereid</h3><p>GL, VVD, D66</p>" in motie


def test_html_marks_classification_and_embargo_in_header_and_footer(kb):
    page = export(kb, "voordracht-bestuursopdracht-id-2024-2028", "html", now=NOW)
    marking = "GEHEIM · EMBARGO TOT 23 OKTOBER 2024 17:00"
    assert f'<div class="kop" role="banner">{marking}</div>' in page
    assert f'<div class="voet" role="contentinfo">{marking}<br>' in page
    # The print CSS repeats them on every page.
    assert re.search(r"@media print\s*\{[^}]*\}?.*\.kop \{ position: fixed; top: 0", page, re.S)
    assert ".voet { position: fixed; bottom: 0" in page


def test_html_is_self_contained(kb):
    page = export(kb, "fkd-vervolgstappen-onderzoeken", "html", now=NOW)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    for external in ("http://", "https://", " src=", "<link", "@import", "<script"):
        assert external not in page


def test_embargo_is_refused_without_consent(kb):
    before = datetime(2024, 10, 23, 9, 0)
    with pytest.raises(ExportError, match="onder embargo tot 23 oktober 2024 17:00"):
        export(kb, "voordracht", "html", now=before)
    assert "GEHEIM" in export(kb, "voordracht", "html", now=before, embargo=True)


HOSTILE = "<script>alert('x')</script> & \"quotes\" **vet** [link](http://evil)"


def test_all_content_is_escaped(make_kb):
    hostile = json.dumps(HOSTILE)  # a JSON string is a valid YAML scalar
    text = dossier_yaml(f"gevraagd_besluit: {hostile}\nkernboodschap:\n  - {hostile}\n",
                        title="'<img src=x onerror=alert(1)>'", questions=f"""\
        - nummer: 1
          raadslid: '<b>Namane</b>'
          vraag: {hostile}
          antwoord: [{hostile}]
          notitie: {hostile}
        """)
    kb = make_kb({"a.yaml": text})
    dossier = kb.dossiers[0]
    page = to_html(dossier, kb.registers, NOW)
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    md = to_markdown(dossier, kb.registers, NOW)
    assert "\\<script\\>" in md and "\\*\\*vet\\*\\*" in md and "\\[link\\](http://evil)" in md
    assert "<script>" not in md


def test_out_file_is_written_atomically_and_never_overwritten(kb, tmp_path):
    out = tmp_path / "annotatie.html"
    out.write_text("eigen werk", encoding="utf-8")
    with pytest.raises(ExportError, match="bestaat al; gebruik --force"):
        export(kb, "fkd", "html", out=out, now=NOW)
    assert out.read_text(encoding="utf-8") == "eigen werk"
    export(kb, "fkd", "html", out=out, force=True, now=NOW)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annotatie.html"]  # no temp files left


def test_cli_format_from_extension_stdout_and_errors(bundled_kb, tmp_path, capsys):
    out = tmp_path / "motie.md"
    assert main(["export", "motie-780", "--kb", str(bundled_kb), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("**OPENBAAR**")
    assert main(["--kb", str(bundled_kb), "export", "motie-780"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    assert main(["export", "bestaat-niet", "--kb", str(bundled_kb)]) == 1
    err = capsys.readouterr().err
    assert "geen dossier 'bestaat-niet'" in err and "fkd-vervolgstappen-onderzoeken" in err
    assert main(["export", "inclusie", "--kb", str(bundled_kb)]) == 1  # in several titles
    assert "past op meer dossiers" in capsys.readouterr().err
    assert main(["export", "motie-780", "--kb", str(bundled_kb), "--out", str(out)]) == 1
    assert "bestaat al" in capsys.readouterr().err
