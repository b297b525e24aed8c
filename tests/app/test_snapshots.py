"""SVG snapshots (pytest-textual-snapshot) at fixed sizes, on a fixed test knowledge base.

Regenerate after an intended change with `pytest tests/app/test_snapshots.py --snapshot-update`
and look at the SVGs under tests/app/__snapshots__/ before committing them."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import ask, enter_text, ready, settle

FIXTURE_KB = Path(__file__).parent / "fixtures" / "kb"


class TestMainScreen:
    def test_live_matches_while_typing(self, build, snap_compare):
        async def run_before(pilot):
            await ready(pilot)
            await enter_text(pilot, "wachttijd schulden jongeren")

        assert snap_compare(build(FIXTURE_KB), terminal_size=(100, 32), run_before=run_before)

    def test_second_question_at_the_top_at_80x24(self, build, snap_compare):
        """After Enter on a second question: it stands at the top, the first turn folded."""
        async def run_before(pilot):
            await ready(pilot)
            await ask(pilot, "wat kost het inloopspreekuur")
            await pilot.press("escape")
            await ask(pilot, "wachttijd schulden jongeren")

        assert snap_compare(build(FIXTURE_KB), terminal_size=(80, 24), run_before=run_before)

    def test_small_terminal(self, build, snap_compare):
        async def run_before(pilot):
            await ready(pilot)
            await ask(pilot, "wachttijd schulden")

        assert snap_compare(build(FIXTURE_KB), terminal_size=(80, 24), run_before=run_before)


class TestCard:
    def test_card_with_nested_lines_and_doorvragen(self, build, snap_compare):
        async def run_before(pilot):
            await ready(pilot)
            await ask(pilot, "wachttijd schulden jongeren")
            await pilot.press("down")
            await settle(pilot)

        assert snap_compare(build(FIXTURE_KB), terminal_size=(100, 40), run_before=run_before)

    def test_card_in_light_theme_with_spiekbriefje(self, build, snap_compare):
        async def run_before(pilot):
            await ready(pilot)
            await ask(pilot, "wat kost het inloopspreekuur")
            await pilot.press("space")
            await settle(pilot)

        app = build(FIXTURE_KB, theme="licht")
        assert snap_compare(app, terminal_size=(120, 32), run_before=run_before)

    def test_no_prepared_answer(self, build, snap_compare):
        async def run_before(pilot):
            await ready(pilot)
            await ask(pilot, "fietsparkeren centraal station jongeren")

        assert snap_compare(build(FIXTURE_KB), terminal_size=(100, 32), run_before=run_before)

    def test_nothing_found(self, build, snap_compare):
        async def run_before(pilot):
            await ready(pilot)
            await ask(pilot, "zwembad openingstijden")
            await pilot.press("escape")
            await enter_text(pilot, "zwembad")

        assert snap_compare(build(FIXTURE_KB), terminal_size=(80, 24), run_before=run_before)


class TestHelp:
    def test_help_screen(self, build, snap_compare):
        async def run_before(pilot):
            await ready(pilot)
            await pilot.press("f1")
            await settle(pilot)

        assert snap_compare(build(FIXTURE_KB), terminal_size=(100, 40), run_before=run_before)
