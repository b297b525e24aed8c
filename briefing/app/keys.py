"""Every key of the app, in Dutch, in one place: the help screen (F1) and docs/app.md use it.

Function keys have a ctrl alternative because laptop keyboards and some terminals make F-keys
awkward; no key relies on ctrl+enter, alt or ctrl+b (tmux's prefix), which often never arrive.
Plain Python (no Textual)."""

from __future__ import annotations

HELP_SECTIONS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Overal", [
        ("F1", "deze hulp"),
        ("ctrl+p", "opdrachtenpalet: elke opdracht, ook dossier kiezen"),
        ("F5 / ctrl+r", "actief dossier kiezen (dat dossier komt bovenaan)"),
        ("F4 / ctrl+t", "conceptteksten tonen of verbergen"),
        ("F2 / ctrl+o", "kernboodschap van het dossier tonen of verbergen"),
        ("F3 / ctrl+l", "spiekbriefje tonen, kiezen of verbergen"),
        ("ctrl+s", "spiekbriefje opslaan als Markdown"),
        ("esc", "terug naar de invoer"),
        ("ctrl+q", "afsluiten"),
    ]),
    ("In de invoer", [
        ("typen", "de beste antwoorden verschijnen meteen"),
        ("enter / ctrl+j", "beste antwoord in het gesprek zetten"),
        ("@Mangal, @DENK", "alleen vragen van dit raadslid of deze fractie"),
        ("en de kosten?", "korte vervolgvraag: zoekt verder op het vorige onderwerp"),
        ("↑", "naar het laatste antwoord in het gesprek"),
    ]),
    ("Op een antwoordkaart", [
        ("↑ ↓", "vorige of volgende regel (ook naar de vorige of volgende kaart)"),
        ("home / end", "eerste of laatste regel"),
        ("enter / ctrl+c", "geselecteerde regel kopiëren"),
        ("ctrl+a", "hele kaart kopiëren"),
        ("spatie", "regel vastpinnen op het spiekbriefje"),
        ("1-9", "ander antwoord openen"),
        ("0", "terug naar het eerste antwoord"),
        ("letters", "gaan direct naar de invoer: gewoon verder typen"),
    ]),
    ("Op het spiekbriefje", [
        ("↑ ↓", "regel kiezen"),
        ("shift+↑↓, ctrl+↑↓", "regel verplaatsen"),
        ("delete / backspace", "regel weghalen"),
        ("enter / ctrl+c", "regel kopiëren"),
        ("ctrl+x", "spiekbriefje wissen (met bevestiging)"),
    ]),
]

HELP_NOTES = [
    "Kopiëren werkt via de terminal (OSC 52). Waar dat niet kan, staat de tekst ook in "
    "klembord.txt in de gegevensmap van briefing, en wordt pbcopy, wl-copy, xclip of tmux "
    "gebruikt als die er zijn.",
    "Zekerheid laag betekent: geen voorbereid antwoord gevonden. Geef zo'n regel niet door "
    "zonder te controleren.",
    "Wijzigingen in de kennisbank worden vanzelf ingelezen. Een kapot bestand houdt zijn "
    "vorige goede versie; de statusregel toont bestand en regel.",
]
