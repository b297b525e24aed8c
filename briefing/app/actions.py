"""One table of every action of the live desk: key bindings, the command palette (ctrl+p) and
the F1 help are all derived from it, so an action cannot be reachable by key but missing from
the help or the palette (tests/app/test_action_table.py walks it).

Modelled on Harlequin's actions.py: a stable id maps to what runs, where, and how it is named.
`scope` says which widget runs the action:

- "app": the app; "main": the main screen; "input": the question input;
- "lines": every selectable list (answer cards and the spiekbriefje); "card": an answer card;
- "pins": the spiekbriefje's list of pinned lines.

Function keys have a ctrl alternative because laptop keyboards and some terminals make F-keys
awkward; no key relies on ctrl+enter, alt or ctrl+b (tmux's prefix), which often never arrive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding

Scope = Literal["app", "main", "input", "lines", "card", "pins"]


@dataclass(frozen=True)
class Action:
    id: str
    scope: Scope
    action: str                    # the Textual action, with arguments: "cursor(1)"
    keys: str                      # Textual keys, comma-separated; "" = palette only
    help: str                      # the F1 line (Dutch)
    palette: str | None            # the palette's name for it (Dutch); None = not in it
    footer: str = ""               # short label (footer, key tooltips)
    show: bool = False             # listed in the footer
    key_display: str | None = None
    help_keys: str | None = None   # how F1 writes the keys ("F5 / ctrl+r"); default: keys
    priority: bool = False
    system: bool = False           # Textual plumbing: a key, but no palette entry
    per_key: bool = False          # keys "1,2,...": one binding per key, action(key)


ACTIONS: tuple[Action, ...] = (
    # --- everywhere ----------------------------------------------------------------------
    Action("app.help", "app", "help", "f1", "deze hulp", "Hulp: alle toetsen",
           footer="Hulp", show=True, key_display="F1", help_keys="F1"),
    Action("app.command_palette", "app", "command_palette", "ctrl+p",
           "opdrachtenpalet: elke opdracht, ook dossier kiezen", None, footer="Opdrachten",
           priority=True,
           system=True),
    Action("app.choose_dossier", "app", "choose_dossier", "f5,ctrl+r",
           "actief dossier kiezen (dat dossier komt bovenaan)", "Dossier kiezen…",
           key_display="F5", help_keys="F5 / ctrl+r"),
    Action("app.toggle_concept", "app", "toggle_concept", "f4,ctrl+t",
           "conceptteksten tonen of verbergen", "Concept tonen/verbergen",
           key_display="F4", help_keys="F4 / ctrl+t"),
    Action("main.toggle_core", "main", "toggle_core", "f2,ctrl+o",
           "kernboodschap van het dossier tonen of verbergen", "Kernboodschap tonen/verbergen",
           key_display="F2", help_keys="F2 / ctrl+o"),
    Action("main.toggle_cheatsheet", "main", "toggle_cheatsheet", "f3,ctrl+l",
           "spiekbriefje tonen, kiezen of verbergen", "Spiekbriefje tonen/verbergen",
           footer="Spiekbriefje", show=True, key_display="F3", help_keys="F3 / ctrl+l"),
    Action("main.save_cheatsheet", "main", "save_cheatsheet", "ctrl+s",
           "spiekbriefje opslaan als Markdown (met de markering van geheime regels)",
           "Spiekbriefje opslaan als Markdown", priority=True),
    Action("main.focus_input", "main", "focus_input", "escape", "terug naar de invoer",
           "Terug naar de invoer", help_keys="esc"),
    Action("app.quit", "app", "quit", "ctrl+q",
           "afsluiten (gesprek en spiekbriefje blijven bewaard voor de volgende start)",
           "Afsluiten", priority=True),
    Action("app.help_quit", "app", "help_quit", "ctrl+c",
           "op een kaart: kopiëren; elders: uitleg hoe u afsluit", None, system=True,
           help_keys="ctrl+c"),
    Action("main.new_meeting", "main", "new_meeting", "",
           "gesprek, spiekbriefje en actief dossier wissen", "Nieuwe vergadering"),
    Action("app.show_problems", "app", "show_problems", "",
           "fouten en waarschuwingen met bestand en regel", "Kennisbank: meldingen"),
    Action("app.reload", "app", "reload_knowledge", "",
           "kennisbank opnieuw inlezen (gebeurt ook vanzelf na opslaan)",
           "Kennisbank opnieuw inlezen"),
    Action("app.practice", "app", "practice", "",
           "oefenronde met de vragen van het actieve dossier (of alle)", "Oefenronde starten"),
    Action("app.theme_dark", "app", "theme('donker')", "", "donkere kleuren", "Thema: donker"),
    Action("app.theme_light", "app", "theme('licht')", "", "lichte kleuren", "Thema: licht"),
    Action("app.theme_terminal", "app", "theme('terminal')", "",
           "de kleuren van uw terminal (donkere achtergrond)", "Thema: terminalkleuren"),
    Action("app.theme_terminal_light", "app", "theme('terminal-licht')", "",
           "de kleuren van uw terminal (lichte achtergrond)", "Thema: terminalkleuren licht"),
    # --- in the question input ------------------------------------------------------------
    Action("input.submit", "input", "submit", "enter,ctrl+j",
           "beste antwoord in het gesprek zetten", "Vraag in het gesprek zetten",
           footer="In gesprek", show=True, key_display="⏎", help_keys="enter / ctrl+j"),
    Action("input.to_conversation", "input", "to_conversation", "up",
           "naar het laatste antwoord in het gesprek", "Naar het laatste antwoord",
           help_keys="↑"),
    # --- selectable lines: answer cards and the spiekbriefje ---------------------------------
    Action("lines.previous", "lines", "cursor(-1)", "up",
           "vorige regel (loopt door naar de vorige kaart)", "Vorige regel", help_keys="↑"),
    Action("lines.next", "lines", "cursor(1)", "down",
           "volgende regel (loopt door naar de volgende kaart)", "Volgende regel",
           footer="Regel", show=True, key_display="↑↓", help_keys="↓"),
    Action("lines.first", "lines", "cursor_to(0)", "home", "eerste regel", "Eerste regel"),
    Action("lines.last", "lines", "cursor_to(-1)", "end", "laatste regel", "Laatste regel"),
    # --- on an answer card ----------------------------------------------------------------
    Action("card.copy_line", "card", "copy_line", "enter,ctrl+c",
           "geselecteerde regel kopiëren (met markering als het dossier niet openbaar is)",
           "Regel kopiëren", footer="Kopieer", show=True, key_display="⏎",
           help_keys="enter / ctrl+c"),
    Action("card.copy_card", "card", "copy_card", "ctrl+a",
           "hele kaart kopiëren (vraag, regels, doorvragen, bron; zonder notitie)",
           "Kaart kopiëren", footer="Kaart", show=True),
    Action("card.pin", "card", "pin", "space", "regel vastpinnen op het spiekbriefje",
           "Regel vastpinnen op spiekbriefje", footer="Pin", show=True, key_display="spatie",
           help_keys="spatie"),
    Action("card.alternative", "card", "alternative", "1,2,3,4,5,6,7,8,9",
           "ander antwoord openen", "Ander antwoord…", footer="Ander", show=True, key_display="1-9",
           help_keys="1-9", per_key=True),
    Action("card.first_answer", "card", "alternative(0)", "0", "terug naar het eerste antwoord",
           "Terug naar het eerste antwoord"),
    # --- on the spiekbriefje --------------------------------------------------------------
    Action("pins.up", "pins", "move(-1)", "shift+up,ctrl+up", "regel omhoog verplaatsen",
           "Spiekbriefje: gekozen regel omhoog", help_keys="shift+↑, ctrl+↑"),
    Action("pins.down", "pins", "move(1)", "shift+down,ctrl+down", "regel omlaag verplaatsen",
           "Spiekbriefje: gekozen regel omlaag", footer="Verplaats", show=True, key_display="shift+↑↓",
           help_keys="shift+↓, ctrl+↓"),
    Action("pins.remove", "pins", "remove", "delete,backspace", "regel weghalen",
           "Spiekbriefje: gekozen regel weghalen", footer="Weghalen", show=True, key_display="del",
           help_keys="delete / backspace"),
    Action("pins.copy", "pins", "copy", "enter,ctrl+c", "regel kopiëren (met markering)",
           "Spiekbriefje: gekozen regel kopiëren", footer="Kopieer", show=True, key_display="⏎",
           help_keys="enter / ctrl+c"),
    Action("pins.clear", "pins", "clear", "ctrl+x", "spiekbriefje wissen (met bevestiging)",
           "Spiekbriefje wissen", footer="Wissen", show=True),
)

BY_ID: dict[str, Action] = {a.id: a for a in ACTIONS}

# Rows of the F1 help that are not actions: things the adviser types.
HELP_EXTRAS: dict[str, list[tuple[str, str]]] = {
    "input": [
        ("typen", "de beste antwoorden verschijnen meteen"),
        ("@Mangal, @DENK", "alleen vragen van dit raadslid of deze fractie"),
        ("en de kosten?", "korte vervolgvraag: zoekt verder op het vorige onderwerp"),
    ],
    "card": [("letters", "gaan direct naar de invoer: gewoon verder typen")],
}

HELP_SECTIONS_BY_SCOPE: tuple[tuple[str, tuple[Scope, ...]], ...] = (
    ("Overal", ("app", "main")),
    ("In de invoer", ("input",)),
    ("Op een antwoordkaart", ("lines", "card")),
    ("Op het spiekbriefje", ("pins",)),
)

HELP_NOTES = [
    "Kopiëren werkt via de terminal (OSC 52). Waar dat niet kan, staat de tekst ook in "
    "klembord.txt in de gegevensmap van briefing (tot u afsluit), en wordt pbcopy, wl-copy, "
    "xclip of tmux gebruikt als die er zijn. Tekst uit een dossier dat niet openbaar is, krijgt "
    "zijn markering mee, zoals [GEHEIM].",
    "Zekerheid laag betekent: geen voorbereid antwoord gevonden. Geef zo'n regel niet door "
    "zonder te controleren.",
    "Gesprek, spiekbriefje en actief dossier blijven bewaard als u afsluit; ctrl+p → "
    "\"Nieuwe vergadering\" begint opnieuw.",
    "Wijzigingen in de kennisbank worden vanzelf ingelezen. Een kapot bestand houdt zijn "
    "vorige goede versie; de statusregel toont bestand en regel.",
]


def help_keys(action: Action) -> str:
    if action.help_keys:
        return action.help_keys
    return " / ".join(action.keys.split(","))


def help_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """The F1 help: per section (key, text) rows, from the table and HELP_EXTRAS."""
    out = []
    for title, scopes in HELP_SECTIONS_BY_SCOPE:
        rows: list[tuple[str, str]] = []
        for scope in scopes:
            rows += [(help_keys(a), a.help) for a in ACTIONS
                     if a.scope == scope and a.keys]
            rows += HELP_EXTRAS.get(scope, [])
        if title == "Op het spiekbriefje":
            rows.insert(0, ("↑ ↓", "regel kiezen"))
        out.append((title, rows))
    palette_only = [(a.palette or a.id, a.help) for a in ACTIONS if not a.keys and a.palette]
    out.append(("Alleen in het opdrachtenpalet (ctrl+p)", palette_only))
    return out


def bindings(scope: Scope) -> list[Binding]:
    """The Textual bindings of one scope, with the table's id on each."""
    out: list[Binding] = []
    for action in ACTIONS:
        if action.scope != scope or not action.keys:
            continue
        if action.per_key:
            for n, key in enumerate(action.keys.split(",")):
                out.append(Binding(key, f"{action.action}({key})", action.footer or action.help,
                                   show=action.show and n == 0,
                                   key_display=action.key_display if n == 0 else None,
                                   priority=action.priority, id=f"{action.id}.{key}",
                                   tooltip=action.help))
            continue
        out.append(Binding(action.keys, action.action, action.footer or action.help,
                           show=action.show, key_display=action.key_display,
                           priority=action.priority, tooltip=action.help, id=action.id,
                           system=action.system))
    return out


def action_for_binding(binding_id: str | None) -> Action | None:
    """The table entry a binding was made from (per-key bindings carry '.KEY')."""
    if not binding_id:
        return None
    if binding_id in BY_ID:
        return BY_ID[binding_id]
    base, _, _ = binding_id.rpartition(".")
    return BY_ID.get(base)
