"""Command palette (ctrl+p): every action of the table in actions.py, plus what changes with
the meeting (the dossiers to make active, the other answers of a card).

The providers know the app only through the host interfaces (briefing.app.host), so this module
imports neither app.py nor the main screen."""

from __future__ import annotations

from functools import partial
from typing import Any, Callable, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from briefing.app.actions import ACTIONS
from briefing.app.host import DeskHost, PaletteHost

Command = tuple[str, Callable[[], Any], str]


class _Commands(Provider):
    @property
    def host(self) -> DeskHost:
        return cast(DeskHost, self.app)

    def commands(self) -> list[Command]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for name, callback, help_text in self.commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


def dossier_commands(host: Any) -> list[Command]:
    """One command per dossier F5 may offer (never one under embargo without --embargo)."""
    out: list[Command] = []
    for dossier in host.selectable_dossiers():
        active = " (actief)" if dossier.id == host.active_dossier else ""
        when = f" · {dossier.date:%d-%m-%Y}" if dossier.date else ""
        title = " ".join(dossier.title.split())
        out.append((f"Dossier: {title}{active}", partial(host.set_active_dossier, dossier.id),
                    f"Maak dit dossier actief: zijn antwoorden komen bovenaan{when}"))
    if host.active_dossier:
        out.append(("Dossier: geen (alle dossiers even zwaar)",
                    partial(host.set_active_dossier, None), "Geen actief dossier meer"))
    return out


class DossierCommands(_Commands):
    """Only the dossiers (F5)."""

    def commands(self) -> list[Command]:
        return dossier_commands(self.host)


class BriefingCommands(_Commands):
    """All actions of the table, in Dutch, plus the other answers and the dossiers."""

    def commands(self) -> list[Command]:
        screen = self.screen
        if not isinstance(screen, PaletteHost):
            return []
        out: list[Command] = []
        for action in ACTIONS:
            if action.palette is None or action.per_key:
                continue  # per-key actions are listed one by one in palette_extras
            keys = f"{action.help_keys or action.keys}: " if action.keys else ""
            out.append((action.palette, partial(screen.run_registered, action.id),
                        f"{keys}{action.help}"))
        return out + screen.palette_extras() + dossier_commands(self.host)
