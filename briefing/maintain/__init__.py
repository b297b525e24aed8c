"""Keeping the knowledge base healthy: lint rules, statistics, printable export, missed questions.

Core logic only: nothing here imports Textual. The CLI commands in briefing/commands/ call into
these modules."""
