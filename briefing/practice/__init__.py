"""Mock question rounds: selection, spaced repetition, coverage marking, progress, export.

Core logic only: nothing here imports Textual (the app's screen lives in briefing/app/)."""
