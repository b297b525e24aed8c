"""Command palette (ctrl+p): every action of the app, and the dossiers to make active."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from briefing.app.app import BriefingApp

Command = tuple[str, Callable[[], Any], str]


class _Commands(Provider):
    @property
    def briefing(self) -> BriefingApp:
        return self.app  # type: ignore[return-value]

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


def dossier_commands(app: BriefingApp) -> list[Command]:
    out: list[Command] = []
    if app.kb is None:
        return out
    for dossier in app.kb.dossiers:
        active = " (actief)" if dossier.id == app.active_dossier else ""
        when = f" · {dossier.date:%d-%m-%Y}" if dossier.date else ""
        out.append((f"Dossier: {dossier.title}{active}",
                    partial(app.set_active_dossier, dossier.id),
                    f"Maak dit dossier actief: zijn antwoorden komen bovenaan{when}"))
    if app.active_dossier:
        out.append(("Dossier: geen (alle dossiers even zwaar)",
                    partial(app.set_active_dossier, None), "Geen actief dossier meer"))
    return out


class DossierCommands(_Commands):
    """Only the dossiers (F5)."""

    def commands(self) -> list[Command]:
        return dossier_commands(self.briefing)


class BriefingCommands(_Commands):
    """All actions, in Dutch, plus the dossiers."""

    def commands(self) -> list[Command]:
        app = self.briefing
        try:
            main = app.main
        except LookupError:
            return []

        def card_action(name: str, argument: int = 0) -> Callable[[], Any]:
            async def run() -> None:
                await main.card_action(main.card_for_action(), name, argument)
            return run

        out: list[Command] = [
            ("Hulp: alle toetsen", app.action_help, "F1"),
            ("Dossier kiezen…", app.action_choose_dossier,
             "F5: het actieve dossier komt bovenaan"),
            ("Concept tonen" if not app.include_concept else "Alleen vastgesteld tonen",
             app.action_toggle_concept, "F4: conceptteksten tonen of verbergen"),
            ("Kernboodschap tonen/verbergen", main.action_toggle_core,
             "F2: de kernboodschap van het dossier naast het gesprek"),
            ("Spiekbriefje tonen/verbergen", main.action_toggle_cheatsheet,
             "F3: vastgepinde regels"),
            ("Spiekbriefje opslaan als Markdown", main.action_save_cheatsheet, "ctrl+s"),
            ("Spiekbriefje wissen", main.action_clear_cheatsheet, "Na bevestiging"),
            ("Regel kopiëren", card_action("copy_line"),
             "De geselecteerde regel van de kaart (enter op de kaart)"),
            ("Kaart kopiëren", card_action("copy_card"), "De hele kaart (ctrl+a op de kaart)"),
            ("Regel vastpinnen op spiekbriefje", card_action("pin"), "spatie op de kaart"),
            ("Volgende regel", card_action("next_line"), "↓ op de kaart"),
            ("Vorige regel", card_action("previous_line"), "↑ op de kaart"),
            ("Spiekbriefje: gekozen regel omhoog", partial(main.pin_action, "move", None, -1),
             "shift+↑ op het spiekbriefje"),
            ("Spiekbriefje: gekozen regel omlaag", partial(main.pin_action, "move", None, 1),
             "shift+↓ op het spiekbriefje"),
            ("Spiekbriefje: gekozen regel weghalen", partial(main.pin_action, "remove"),
             "delete op het spiekbriefje"),
            ("Spiekbriefje: gekozen regel kopiëren", partial(main.pin_action, "copy"),
             "enter op het spiekbriefje"),
            ("Naar het laatste antwoord", main.action_to_conversation, "↑ in de invoer"),
            ("Terug naar de invoer", main.action_focus_input, "esc"),
            ("Gesprek wissen", main.clear_conversation, "Begin met een leeg gesprek"),
            ("Kennisbank: meldingen", app.action_show_problems,
             "Fouten en waarschuwingen met bestand en regel"),
            ("Kennisbank opnieuw inlezen", app.action_reload, "Gebeurt ook vanzelf na opslaan"),
            ("Thema: donker", partial(app.set_theme, "donker"), "Donkere kleuren"),
            ("Thema: licht", partial(app.set_theme, "licht"), "Lichte kleuren"),
            ("Thema: terminalkleuren", partial(app.set_theme, "terminal"),
             "De kleuren van uw terminal (donkere achtergrond)"),
            ("Thema: terminalkleuren licht", partial(app.set_theme, "terminal-licht"),
             "De kleuren van uw terminal (lichte achtergrond)"),
            ("Afsluiten", app.action_quit, "ctrl+q"),
        ]
        last = main.conversation.last
        card = main.card_for_action()
        exchange = None
        if card is not None and 0 <= card.exchange_index < len(main.conversation.exchanges):
            exchange = main.conversation.exchanges[card.exchange_index]
        elif last is not None:
            exchange = last
        if exchange is not None:
            for number, result in exchange.alternatives:
                label = " ".join((result.question or result.title).split())
                out.append((f"Ander antwoord {number}: {label[:70]}",
                            card_action("alternative", number), "Toon dit antwoord op de kaart"))
        if app.practice_available():
            out.append(("Oefenronde starten", app.start_practice,
                        "Oefen de vragen van het actieve dossier (of alle)"))
        return out + dossier_commands(app)
