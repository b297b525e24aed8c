"""The loader on valid, broken and hostile files: Dutch problems with file and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.model import load_knowledge
from briefing.model.serialize import dossier_to_yaml

VALID = """\
titel: Testdossier
status: vastgesteld
kernboodschap:
  - Eerste regel
vragen:
  - nummer: 1
    raadslid: Mangal
    fractie: DENK
    vraag: Hoe staat het ervoor?
    antwoord:
      - Goed.
      - tekst: Met details
        sub: [Detail een]
"""


def write_kb(root: Path, dossiers: dict[str, str | bytes]) -> Path:
    (root / "dossiers").mkdir(parents=True)
    (root / "raadsleden.yaml").write_text("- {naam: Mangal, fractie: DENK, aliassen: []}\n")
    (root / "fracties.yaml").write_text("- {naam: DENK, afkortingen: []}\n")
    (root / "afkortingen.yaml").write_text("- {afkorting: BI, betekenis: Bureau Integriteit}\n")
    for name, content in dossiers.items():
        path = root / "dossiers" / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def messages(kb) -> list[str]:
    return [p.format() for p in kb.problems]


def test_valid_dossier_loads_with_default_id(tmp_path):
    kb = load_knowledge(write_kb(tmp_path, {"test-dossier.yaml": VALID}))
    assert messages(kb) == []
    dossier = kb.dossiers[0]
    assert dossier.id == "test-dossier"
    assert [t for _, t in dossier.questions[0].answer[1].flatten()] == ["Met details", "Detail een"]
    assert kb.stats()["vragen"] == 1


def test_syntax_error_names_file_and_line(tmp_path):
    broken = "titel: Test\nvragen:\n  - vraag: Waarom: hierom\n    antwoord: [a\n"
    kb = load_knowledge(write_kb(tmp_path, {"kapot.yaml": broken, "goed.yaml": VALID}))
    (problem,) = kb.errors
    assert problem.path.name == "kapot.yaml"
    assert problem.line is not None and problem.line >= 3
    assert "ongeldige YAML" in problem.message
    # one bad file never takes the rest down
    assert [d.id for d in kb.dossiers] == ["goed"]


def test_wrong_type_and_unknown_key_with_suggestion(tmp_path):
    bad = VALID.replace("    antwoord:", "    antwoordd:").replace("nummer: 1", "nummer: een")
    kb = load_knowledge(write_kb(tmp_path, {"fout.yaml": bad}))
    text = "\n".join(messages(kb))
    assert "fout.yaml:6:" in text and "geheel getal" in text
    assert "fout.yaml:10:" in text and "onbekende sleutel 'antwoordd'; bedoelde u 'antwoord'?" in text
    assert kb.dossiers == []


def test_missing_title_and_bad_status(tmp_path):
    bad = VALID.replace("titel: Testdossier\n", "").replace("status: vastgesteld", "status: klaar")
    kb = load_knowledge(write_kb(tmp_path, {"a.yaml": bad}))
    text = "\n".join(messages(kb))
    assert "verplichte sleutel 'titel' ontbreekt" in text
    assert "a.yaml:1: fout: status: ongeldige waarde 'klaar'" in text


def test_all_problems_reported_at_once(tmp_path):
    kb = load_knowledge(write_kb(tmp_path, {
        "a.yaml": VALID.replace("nummer: 1", "nummer: x"),
        "b.yaml": "titel: [niet, goed\n",
        "c.yaml": VALID.replace("vraag: Hoe", "vraagg: Hoe"),
    }))
    assert {p.path.name for p in kb.errors} == {"a.yaml", "b.yaml", "c.yaml"}


def test_duplicate_id_is_an_error(tmp_path):
    kb = load_knowledge(write_kb(tmp_path, {
        "a.yaml": "id: zelfde\n" + VALID, "b.yaml": "id: zelfde\n" + VALID}))
    (problem,) = kb.errors
    assert problem.path.name == "b.yaml" and problem.line == 1
    assert "dubbele id 'zelfde'" in problem.message
    assert len(kb.dossiers) == 1


def test_duplicate_key_is_an_error(tmp_path):
    kb = load_knowledge(write_kb(tmp_path, {"a.yaml": VALID + "titel: Nog een titel\n"}))
    (problem,) = kb.errors
    assert problem.line == 14 and "sleutel 'titel' staat dubbel (ook op regel 1)" in problem.message


def test_unknown_member_and_party_are_warnings_with_suggestion(tmp_path):
    doc = VALID.replace("raadslid: Mangal", "raadslid: Mangall").replace("fractie: DENK", "fractie: DENKK")
    kb = load_knowledge(write_kb(tmp_path, {"a.yaml": doc}))
    assert kb.errors == []
    text = "\n".join(messages(kb))
    assert "a.yaml:7: waarschuwing: raadslid 'Mangall' staat niet in raadsleden.yaml; bedoelde u 'Mangal'?" in text
    assert "fractie 'DENKK' staat niet in fracties.yaml; bedoelde u 'DENK'?" in text


def test_python_tag_is_refused_and_never_executed(tmp_path):
    marker = tmp_path / "gehackt"
    hostile = f'titel: !!python/object/apply:os.system ["touch {marker}"]\n'
    kb = load_knowledge(write_kb(tmp_path / "kb", {"a.yaml": hostile}))
    (problem,) = kb.errors
    assert problem.line == 1 and "onveilige of onbekende YAML-tag '!!python/object/apply:os.system'" in problem.message
    assert not marker.exists()


@pytest.mark.parametrize("content, expected", [
    ("", "bestand is leeg"),
    ("# alleen commentaar\n\n", "bestand is leeg"),
    (b"titel: caf\xe9\n", "geen geldige UTF-8-tekst"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "geen geldige UTF-8-tekst"),
    ("- gewoon\n- een lijst\n", "een dossier moet een mapping zijn"),
    ("a: &x [*x]\n", "verwijzingen met &anker en *alias worden niet ondersteund"),
    ("a: &x lol\nb: [*x, *x]\n", "verwijzingen met &anker"),
])
def test_unreadable_files_get_a_clear_message(tmp_path, content, expected):
    kb = load_knowledge(write_kb(tmp_path, {"a.yaml": content}))
    (problem,) = kb.errors
    assert problem.path.name == "a.yaml"
    assert expected in problem.message


def test_huge_file_is_refused_without_reading_it(tmp_path):
    root = write_kb(tmp_path, {})
    with open(root / "dossiers" / "groot.yaml", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    kb = load_knowledge(root)
    (problem,) = kb.errors
    assert "te groot (50.0 MB" in problem.message


def test_broken_file_keeps_last_good_version(tmp_path):
    root = write_kb(tmp_path, {"a.yaml": VALID})
    first = load_knowledge(root)
    (root / "dossiers" / "a.yaml").write_text(VALID + "  - kapot: [\n")
    second = load_knowledge(root, previous=first)
    assert [d.title for d in second.dossiers] == ["Testdossier"]
    assert any("vorige goede versie blijft in gebruik" in p.message for p in second.warnings)
    assert second.errors, "the breakage itself is still reported"


def test_serialized_dossier_round_trips(tmp_path, bundled_kb):
    kb = load_knowledge(bundled_kb)
    for dossier in kb.dossiers:
        text = dossier_to_yaml(dossier)
        path = tmp_path / "kb" / "dossiers" / f"{dossier.id}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    again = load_knowledge(tmp_path / "kb")
    assert [p for p in again.problems if p.is_error] == []
    assert {d.id: d for d in again.dossiers} == {d.id: d for d in kb.dossiers}


def test_check_command_summary_and_exit_codes(tmp_path, bundled_kb, capsys):
    assert main(["check", str(bundled_kb)]) == 0
    out = capsys.readouterr().out
    assert "5 dossiers, 21 vragen" in out and "in orde" in out
    root = write_kb(tmp_path, {"a.yaml": "titel: [kapot\n"})
    assert main(["check", str(root)]) == 1
    captured = capsys.readouterr()
    assert "a.yaml:" in captured.out and "Traceback" not in captured.out + captured.err
