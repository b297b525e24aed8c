"""The watched knowledge folder: reload after an edit, a broken file during a session, failures."""

from __future__ import annotations

import os

from textual.widgets import Static

from briefing.app.screens.dialogs import ProblemsScreen
from briefing.app.widgets.conversation import ExchangeView
from briefing.search.results import Result
from tests.app.conftest import ask, enter_text, ready, settle

FKD = "fkd-vervolgstappen-onderzoeken.yaml"
OLD_LINE = "Ja, zie de bijlage voor de brochure waarmee melders geïnformeerd worden."
NEW_LINE = "Ja, de nieuwe brochure voor melders staat sinds vandaag op SAM."


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    # Make sure the watcher sees a change even on file systems with coarse mtimes.
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


async def poll(pilot) -> None:
    """One tick of the watcher, then the reload it starts."""
    pilot.app.poll_knowledge()
    await settle(pilot)
    await settle(pilot)


def live_lines(app) -> str:
    return str(app.screen.query_one("#live-lines", Static).render())


def status(app) -> str:
    return str(app.screen.query_one("#status-kb", Static).render())


def notifications(app) -> list[str]:
    return list(app.said)


async def test_edited_yaml_is_reloaded_and_reindexed(build, kb_copy):
    app = build(kb_copy)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await ready(pilot)
        await enter_text(pilot, "brochure melders")
        assert OLD_LINE in live_lines(app)
        version = app.knowledge_version

        await poll(pilot)  # nothing changed: no reload
        assert app.knowledge_version == version

        edit(kb_copy / "dossiers" / FKD, OLD_LINE, NEW_LINE)
        await poll(pilot)
        assert app.knowledge_version == version + 1
        # The live matches were searched again on the new index.
        assert NEW_LINE in live_lines(app)
        assert any("Kennisbank opnieuw ingelezen" in n and FKD in n for n in notifications(app))
        await pilot.press("enter")
        await settle(pilot)
        card = app.screen.query_one(ExchangeView).card
        assert card.items()[0].text == NEW_LINE


async def test_broken_file_keeps_the_last_good_version(build, kb_copy):
    path = kb_copy / "dossiers" / FKD
    good = path.read_text(encoding="utf-8")
    app = build(kb_copy)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await ready(pilot)
        # Break the YAML in the middle of a session: an unclosed quote on line 3.
        lines = good.splitlines(keepends=True)
        lines[2] = 'titel: "kapot\n'
        path.write_text("".join(lines), encoding="utf-8")
        await poll(pilot)

        assert app.kb.errors, "the problem is known"
        problem = app.kb.errors[0]
        assert problem.path.name == FKD and problem.line is not None
        assert "fout" in status(app)
        assert any(FKD in n and f":{problem.line}" in n for n in notifications(app))
        # The last good version of the file is still searched.
        await enter_text(pilot, "brochure melders")
        assert OLD_LINE in live_lines(app)
        await ask(pilot, "brochure melders")
        assert app.screen.query_one(ExchangeView).card.items()[0].text == OLD_LINE

        # The problems screen says which file and line.
        await pilot.press("escape")
        await pilot.click("#status-kb")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        shown = " ".join(str(s.render()) for s in app.screen.query(".problem").results(Static))
        assert f"dossiers/{FKD}:{problem.line}" in shown
        await pilot.press("escape")

        # Fixed again: the error disappears.
        path.write_text(good, encoding="utf-8")
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 4_000_000_000))
        await poll(pilot)
        assert not app.kb.errors
        assert "fout" not in status(app)


class ExplodingEngine:
    """An engine whose search fails: the app must say so and keep running."""

    def search(self, query, options) -> list[Result]:
        raise RuntimeError("index kapot")

    def no_good_answer(self, results: list[Result]) -> bool:
        return not results


async def test_a_failing_search_becomes_a_notification(build):
    app = build(engine_factory=lambda kb: ExplodingEngine())
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await ready(pilot)
        await enter_text(pilot, "brochure")
        await pilot.press("enter")
        await settle(pilot)
        assert any("index kapot" in n for n in notifications(app))
        assert app.is_running
        # The question is back in the input (Enter retries), and the input still works.
        assert app.screen.query_one("#question").value == "brochure"
        await enter_text(pilot, " melders")
        assert app.screen.query_one("#question").value == "brochure melders"


async def test_an_engine_that_cannot_open_is_reported(build):
    def broken(kb):
        raise OSError("schijf vol")

    app = build(engine_factory=broken)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await settle(pilot)
        assert app.engine is None
        assert any("schijf vol" in n for n in notifications(app))
        await enter_text(pilot, "brochure")
        assert "niet beschikbaar" in str(app.screen.query_one("#live-status", Static).render())
        assert "niet geladen" in status(app)


async def test_a_vanished_folder_keeps_the_desk_working(build, kb_copy):
    app = build(kb_copy)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await ready(pilot)
        moved = kb_copy.with_name("elders")
        kb_copy.rename(moved)
        await poll(pilot)
        assert any("niet bereikbaar" in n for n in notifications(app))
        await enter_text(pilot, "brochure melders")
        assert OLD_LINE in live_lines(app)
        # Back again, edited meanwhile: picked up.
        moved.rename(kb_copy)
        edit(kb_copy / "dossiers" / FKD, OLD_LINE, NEW_LINE)
        await poll(pilot)
        assert NEW_LINE in live_lines(app)


async def test_an_error_in_a_handler_is_reported_and_the_desk_keeps_running(build, monkeypatch):
    import briefing.app.screens.main as main_module

    def broken(result):
        raise ValueError("kaarttekst kapot")

    monkeypatch.setattr(main_module, "card_text", broken)
    app = build(raise_errors=False)  # as in real use
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await ready(pilot)
        await ask(pilot, "brochure melders")
        await pilot.press("ctrl+a")
        await settle(pilot)
        assert any("kaarttekst kapot" in n for n in notifications(app))
        assert app.is_running
        await pilot.press("enter")  # the rest still works
        await settle(pilot)
        assert app.clipboard.startswith("Ja, zie de bijlage")


def test_yaml_errors_in_the_status_line_are_dutch(tmp_path):
    """What a broken file says in the status line and the notification is Dutch throughout."""
    from briefing.model.yamlsource import YamlFileError, parse_yaml

    broken = ["a:\n  b: 1\n c: 2\n", "a: b: c\n", "a:\n\tb: 1\n", 'a: "x" y\n',
              "a: [1, 2\nb: 3\n", "a: }\n", "%x\na: 1\n", "a: 1\n---\nb: 2\n", "a: `b\n"]
    for text in broken:
        try:
            parse_yaml(tmp_path / "x.yaml", text)
        except YamlFileError as error:
            message = str(error)
        else:
            raise AssertionError(f"no error for {text!r}")
        assert message.startswith("ongeldige YAML"), message
        for english in ("did not", "found", "expected", "not allowed", "while", "token"):
            assert english not in message, message
