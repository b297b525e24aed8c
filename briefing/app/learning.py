"""The app side of learning from meetings (issue 10 §4): the main screen posts `AnswerChosen`
when the adviser copies or pins from a card; the app hands it to `ChoiceHook.handle`, which turns
it into choices (briefing.learn.recorder, on the main thread: it reads the conversation) and
stores them in a thread worker when `keuzes_bijhouden` is on. Nothing here touches a widget."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from briefing.app.query import parse_query
from briefing.learn.recorder import ChoiceRecorder, record

if TYPE_CHECKING:
    from briefing.app.app import BriefingApp


class ChoiceHook:
    def __init__(self) -> None:
        self.recorder = ChoiceRecorder()

    def handle(self, app: BriefingApp, message: Any) -> None:
        try:
            exchanges = list(app.main.conversation.exchanges)
        except LookupError:
            return
        registers = app.kb.registers if app.kb else None

        def split(query: str) -> tuple[str, str | None, str | None]:
            parsed = parse_query(query, registers)
            return parsed.text, parsed.member, parsed.party

        choices = self.recorder.choices_for(
            exchanges, str(message.query), str(message.card_id), int(message.rank),
            str(message.action), when=app.now(), split_filters=split)
        if choices:
            app.run_worker(partial(_store, app, choices), thread=True, group="choices",
                           exit_on_error=False)


def _store(app: BriefingApp, choices: list) -> None:
    for problem in record(choices):  # checks the setting; never raises
        app.call_from_thread(app.notify, problem, title="Keuzes bijhouden",
                             severity="warning", markup=False)
