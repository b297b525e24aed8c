"""Writing a variant into a dossier file changes nothing but the inserted lines."""

from __future__ import annotations

import difflib

import pytest
import yaml

from briefing.learn.yamledit import Addition, EditError, add_variants
from tests.learn.conftest import only_insertions
from tests.conftest import BUNDLED_KB

# Written the way people write YAML by hand: comments, quotes, `~`, a wrapped plain scalar,
# a folded block, lists indented two ways, a flow list, and no `varianten` at all.
HAND_WRITTEN = """\
# Annotatie commissie WV, met de hand bijgewerkt.
id: wv-fietsparkeren
titel: 'Fietsparkeren rond het Centraal Station'
datum: 2024-10-03
agendapunt: "7"
gevraagd_besluit: ~
status: vastgesteld
kernboodschap:
- We bouwen er 4.000 plekken bij.   # bron: raadsbrief juni
- >
  De nieuwe stalling gaat in 2025 open,
  een jaar later dan gepland.

vragen:
  # --- eerste ronde ---
  - nummer: 1
    raadslid: Veldhuyzen
    vraag: Waarom is de stalling onder het IJ
      vertraagd?
    varianten:
      - {raadslid: Kreuger, fractie: JA21, vraag: "Wanneer gaat de stalling open?"}
    antwoord:
      - De aannemer stuitte op oude funderingen.   # zie memo
    notitie: ~

  - nummer: 2
    vraag: "Hoeveel fietsen worden er per jaar weggehaald?"
    antwoord:
    - In 2023 zijn 71.000 fietsen verwijderd.
  - nummer: 3
    vraag: |
      Wat kost een plek
      in de nieuwe stalling?
    varianten: []   # nog geen
    antwoord: ['De eerste 24 uur zijn gratis.', daarna 1,35 euro per dag]
  - nummer: 4
    vraag: Wanneer is de stalling klaar?
    varianten: [{vraag: klaar wanneer}]
    antwoord: [Q3 2025]
  - nummer: 5
    vraag: Wie betaalt de vertraging?
    varianten:
    antwoord: [de aannemer]
"""


def variants_of(text: str, index: int) -> list:
    return yaml.safe_load(text)["vragen"][index].get("varianten")


def test_appends_to_a_block_list_in_its_indentation():
    new = add_variants(HAND_WRITTEN, [Addition(0, "stalling IJ te laat", member="Mangal")])
    assert only_insertions(HAND_WRITTEN, new) == [
        "      - raadslid: Mangal\n", "        vraag: stalling IJ te laat\n"]
    assert variants_of(new, 0)[-1] == {"raadslid": "Mangal", "vraag": "stalling IJ te laat"}


def test_adds_the_key_after_the_question_when_missing_in_the_files_list_style():
    new = add_variants(HAND_WRITTEN, [Addition(1, "fietsen weggehaald per jaar")])
    # This question writes its lists without indentation (`antwoord:` then `- ...`): so do we.
    assert only_insertions(HAND_WRITTEN, new) == [
        "    varianten:\n", "    - vraag: fietsen weggehaald per jaar\n"]
    assert new.index("varianten:\n    - vraag: fietsen") > new.index("weggehaald?\"")
    assert variants_of(new, 1) == [{"vraag": "fietsen weggehaald per jaar"}]


def test_empty_flow_list_becomes_a_block_list_and_the_comment_stays():
    new = add_variants(HAND_WRITTEN, [Addition(2, "prijs fietsplek: per dag?")])
    inserted = only_insertions(HAND_WRITTEN, new, replaced_ok=1)
    assert inserted == ["    varianten:   # nog geen\n",
                        "      - vraag: 'prijs fietsplek: per dag?'\n"]
    assert variants_of(new, 2) == [{"vraag": "prijs fietsplek: per dag?"}]


def test_non_empty_flow_list_gets_the_entry_inside():
    new = add_variants(HAND_WRITTEN, [Addition(3, "oplevering stalling, wanneer")])
    assert only_insertions(HAND_WRITTEN, new, replaced_ok=1) == [
        "    varianten: [{vraag: klaar wanneer}, {vraag: 'oplevering stalling, wanneer'}]\n"]


def test_empty_key_gets_its_list():
    new = add_variants(HAND_WRITTEN, [Addition(4, "wie draait op voor de kosten")])
    assert only_insertions(HAND_WRITTEN, new) == ["      - vraag: wie draait op voor de kosten\n"]
    assert variants_of(new, 4) == [{"vraag": "wie draait op voor de kosten"}]


def test_several_questions_and_variants_in_one_edit():
    additions = [Addition(0, "a b"), Addition(2, "c d"), Addition(2, "e f"), Addition(1, "g h")]
    new = add_variants(HAND_WRITTEN, additions)
    only_insertions(HAND_WRITTEN, new, replaced_ok=1)
    assert [v["vraag"] for v in variants_of(new, 2)] == ["c d", "e f"]
    assert variants_of(new, 0)[-1] == {"vraag": "a b"}
    assert variants_of(new, 1) == [{"vraag": "g h"}]


@pytest.mark.parametrize("text", [
    "een vraag: met dubbele punt", "# geen commentaar", "'aanhalingstekens' en \"meer\"",
    "- begint als lijst", "[haken] {accolades}", "ja", "null", "123", "@Mangal", "émoji ✓ 😀",
    "tab\there", "a: b # c",
])
def test_any_text_is_quoted_as_needed(text):
    new = add_variants(HAND_WRITTEN, [Addition(1, text), Addition(3, text)])
    assert variants_of(new, 1) == [{"vraag": text}]
    assert variants_of(new, 3)[-1] == {"vraag": text}


def test_crlf_file_keeps_crlf_and_a_bom_is_not_ours_to_touch():
    crlf = HAND_WRITTEN.replace("\n", "\r\n")
    new = add_variants(crlf, [Addition(1, "fietsen weg"), Addition(2, "kosten plek")])
    assert "\n" not in new.replace("\r\n", "")
    assert only_insertions(crlf, new, replaced_ok=1)


def test_file_without_final_newline():
    text = "titel: t\nvragen:\n  - vraag: Wat nu?\n    varianten: []"
    new = add_variants(text, [Addition(0, "en nu")])
    assert new == "titel: t\nvragen:\n  - vraag: Wat nu?\n    varianten:\n      - vraag: en nu\n"
    text = "titel: t\nvragen:\n  - vraag: Wat nu?"
    assert add_variants(text, [Addition(0, "en nu")]).endswith(
        "  - vraag: Wat nu?\n    varianten:\n      - vraag: en nu\n")


def test_refuses_what_it_cannot_do_safely():
    with pytest.raises(EditError, match="staat niet"):
        add_variants(HAND_WRITTEN, [Addition(9, "x y")])
    with pytest.raises(EditError, match="geen lijst"):
        add_variants("vragen:\n  - vraag: a\n    varianten: tekst\n", [Addition(0, "x y")])
    with pytest.raises(EditError, match="blokvorm"):
        add_variants("vragen: [{vraag: a}]\n", [Addition(0, "x y")])
    with pytest.raises(EditError, match="geen lijst 'vragen'"):
        add_variants("titel: t\n", [Addition(0, "x y")])


BUNDLED = [path for path in sorted((BUNDLED_KB / "dossiers").glob("*.yaml"))
           if yaml.safe_load(path.read_text("utf-8")).get("vragen")]


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_bundled_dossiers_keep_every_other_byte(path):
    """A variant for every question of every bundled dossier: the file is the old file plus the
    inserted lines (and `varianten: []` lines that became `varianten:`), nothing else."""
    old = path.read_bytes().decode("utf-8")
    count = len(yaml.safe_load(old)["vragen"])
    additions = [Addition(i, f"geleerde variant {i}: nummer {i}") for i in range(count)]
    new = add_variants(old, additions)
    matcher = difflib.SequenceMatcher(a=old.splitlines(True), b=new.splitlines(True),
                                      autojunk=False)
    kept = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            kept += old.splitlines(True)[i1:i2]
        elif tag == "replace":
            assert all(line.strip() == "varianten: []" for line in old.splitlines(True)[i1:i2])
        else:
            assert tag == "insert"
    removed = [line for line in old.splitlines(True) if line.strip() == "varianten: []"]
    assert len(kept) + len(removed) == len(old.splitlines())
    data = yaml.safe_load(new)
    for index, question in enumerate(data["vragen"]):
        assert question["varianten"][-1] == {"vraag": f"geleerde variant {index}: nummer {index}"}


def test_hand_edited_fixture_keeps_every_other_byte():
    """The sample that a YAML round-trip (ruamel.yaml) rewrites in 17 lines or more
    (scripts/measure_roundtrip.py): here only lines are added, in LF and in CRLF."""
    from pathlib import Path

    old = (Path(__file__).parent / "fixtures" / "handwerk.yaml").read_text("utf-8")
    for text in (old, old.replace("\n", "\r\n")):
        additions = [Addition(i, f"variant {i}") for i in range(3)]
        new = add_variants(text, additions)
        inserted = only_insertions(text, new, replaced_ok=1)
        assert [line.strip() for line in inserted if "variant " in line] == [
            "- vraag: variant 0", "- vraag: variant 1", "- vraag: variant 2"]
