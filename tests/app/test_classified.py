"""Classification travels with the text; embargoed dossiers stay out of F5 and F2; knowledge
text never brings terminal control sequences into a panel."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Static

from briefing.app.widgets.card import AnswerCard
from tests.app.conftest import ask, ready, settle, type_text

FIXTURES = Path(__file__).parent / "fixtures"
GEHEIM_ID = "voordracht-geheim-stadswarmte"
SECRET = "GEHEIMTEKST"


@pytest.fixture
def geheim_kb(tmp_path) -> Path:
    """The fixture knowledge base plus an invented geheim voordracht."""
    kb = tmp_path / "kb"
    shutil.copytree(FIXTURES / "kb", kb)
    shutil.copy(FIXTURES / "geheim" / f"{GEHEIM_ID}.yaml", kb / "dossiers")
    return kb


def set_embargo(kb: Path, value: str) -> None:
    path = kb / "dossiers" / f"{GEHEIM_ID}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("embargo_tot: null",
                                                             f"embargo_tot: {value}"),
                    encoding="utf-8")


def written_files() -> list[Path]:
    """Every file the app wrote under the isolated user folders (data, config, state). The
    search index cache is left out: it is the search engine's copy of the knowledge folder
    itself, not text the adviser took from it."""
    roots = [Path(os.environ[name]) for name in
             ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")]
    return [p for root in roots for p in root.rglob("*") if p.is_file()]


def unmarked_secret_lines(text: str) -> list[str]:
    """Lines holding classified text without the marking on the same line."""
    return [line for line in text.splitlines() if SECRET in line and "[GEHEIM" not in line]


async def test_copy_pin_and_save_from_a_geheim_dossier_carry_the_marking(build, geheim_kb,
                                                                        data_dir, tmp_path):
    # The app's data folder lives with the other user folders, so the scan sees all of it.
    data = Path(os.environ["XDG_DATA_HOME"]) / "briefing"
    app = build(geheim_kb, data_dir=data)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await ask(pilot, "kosten overname stadswarmtenet")
        card = app.focused
        assert isinstance(card, AnswerCard) and card.result.dossier_id == GEHEIM_ID
        await pilot.press("enter")                      # copy the line
        await settle(pilot)
        assert app.clipboard.startswith("[GEHEIM] ") and SECRET in app.clipboard
        await pilot.press("ctrl+a")                     # copy the whole card
        await settle(pilot)
        lines = app.clipboard.splitlines()
        assert lines[0] == "[GEHEIM]" and lines[-1] == "[GEHEIM]"
        await pilot.press("space", "down", "space")     # pin two lines
        await settle(pilot)
        pins = app.screen.cheatsheet.pins
        assert [p.marking for p in pins] == ["[GEHEIM]", "[GEHEIM]"]
        # The panel shows the marking per entry and in its title.
        shown = [str(s.render()) for s in app.screen.query("#pins .text").results(Static)]
        assert shown and all(s.startswith("[GEHEIM]") for s in shown)
        assert "[GEHEIM]" in str(app.screen.query_one("#cheatsheet-title", Static).render())
        await pilot.press("ctrl+s")                     # save the spiekbriefje
        await settle(pilot)

        files = written_files()
        names = {p.name for p in files}
        assert "klembord.txt" in names and "vergadering.json" in names
        saved = [p for p in files if p.suffix == ".md"]
        assert len(saved) == 1
        markdown = saved[0].read_text(encoding="utf-8")
        assert markdown.startswith("**[GEHEIM]**") and markdown.rstrip().endswith("**[GEHEIM]**")
        assert not unmarked_secret_lines(markdown), "each pinned line carries its marking"
        for path in files:
            text = path.read_text(encoding="utf-8", errors="replace")
            if SECRET in text:
                assert "[GEHEIM]" in text, f"{path} holds classified text without marking"
        stored = json.loads((data / "vergadering.json").read_text(encoding="utf-8"))
        assert stored["markering"] == "[GEHEIM]"
        assert all(p["markering"] == "[GEHEIM]" for p in stored["spiekbriefje"])
        await pilot.press("ctrl+q")
    # The clipboard file lasts a session only.
    assert not (data / "klembord.txt").exists()
    for path in written_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        assert SECRET not in text or "[GEHEIM]" in text, path


async def test_a_running_embargo_is_marked_on_copy(build, geheim_kb):
    set_embargo(geheim_kb, "2099-01-01T09:00:00+01:00")
    app = build(geheim_kb, embargo=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await ask(pilot, "kosten overname stadswarmtenet")
        await pilot.press("enter")
        await settle(pilot)
        assert app.clipboard.startswith("[GEHEIM · embargo tot 1 januari 2099 09:00] ")


async def test_an_embargoed_dossier_is_not_offered_by_f5_nor_shown_by_f2(build, geheim_kb):
    set_embargo(geheim_kb, "2099-01-01T09:00:00+01:00")
    app = build(geheim_kb)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        await settle(pilot)
        assert CommandPalette.is_open(app)
        await type_text(pilot, "stadswarmte")
        options = " ".join(str(o.prompt) for o in app.screen.query("OptionList").first().options)
        assert "stadswarmte" not in options.lower()
        await pilot.press("escape")
        await settle(pilot)
        # Even when asked for directly (a stored meeting, a script), it is refused.
        app.set_active_dossier(GEHEIM_ID)
        await settle(pilot)
        assert app.active_dossier is None
        await pilot.press("f2")
        await settle(pilot)
        core = " ".join(str(s.render()) for s in app.screen.query("#core Static").results())
        assert SECRET not in core

    app = build(geheim_kb, embargo=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.set_active_dossier(GEHEIM_ID)
        await settle(pilot)
        assert app.active_dossier == GEHEIM_ID
        await pilot.press("f2")
        await settle(pilot)
        core = " ".join(str(s.render()) for s in app.screen.query("#core Static").results())
        assert SECRET in core and "embargo tot" in core


async def test_control_sequences_in_knowledge_never_reach_a_panel(build, geheim_kb):
    path = geheim_kb / "dossiers" / f"{GEHEIM_ID}.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "- GEHEIMTEKST kern 1", '- "GEHEIMTEKST \\e]52;c;aGFsbG8=\\a\\e[2J\\e]8;;http://x\\e\\\\kern 1')
    text = text.replace("- GEHEIMTEKST regel 1",
                        '- "\\e[31mGEHEIMTEKST\\e[0m regel 1').replace(
        "410 miljoen euro.\n      - GEHEIMTEKST regel 2", '410 miljoen euro."\n      - GEHEIMTEKST regel 2')
    text = text.replace("kost 410 miljoen euro.\nthemas", 'kost 410 miljoen euro."\nthemas')
    path.write_text(text, encoding="utf-8")
    app = build(geheim_kb)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert not app.kb.errors, [p.message for p in app.kb.errors]
        await ask(pilot, "kosten overname stadswarmtenet")
        await pilot.press("f2")
        await settle(pilot)
        shown = [str(s.render()) for s in app.screen.query("Static").results()]
        assert any("kern 1" in s for s in shown) and any("regel 1" in s for s in shown)
        assert not any("\x1b" in s or "\x07" in s for s in shown)
        await pilot.press("enter")
        await settle(pilot)
        assert "\x1b" not in app.clipboard and "GEHEIMTEKST regel 1" in app.clipboard
