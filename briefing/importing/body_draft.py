"""The body while it is read: the core message, themes (a heading straight after a heading
is its parent) and fact lines from tables and header lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.importing import events as ev
from briefing.importing.drafts import DraftTheme, Lines
from briefing.model.registers import fold


@dataclass
class BodyDraft:
    core: Lines = field(default_factory=Lines)
    themes: list[DraftTheme] = field(default_factory=list)
    theme: DraftTheme | None = None
    parent: tuple[str, int | None] | None = None
    facts: Lines = field(default_factory=Lines)

    def open_theme(self, title: str, level: int | None) -> None:
        current = self.theme
        if current is not None and current.blocks == 0 and current.title != "Algemeen":
            # A heading straight after a heading: the first is the parent ('Voortgang
            # WPI/Zuidoost' -> 'WPI'). With levels, only a deeper heading is a child.
            if level is None or current.level is None or level > current.level:
                self.themes.remove(current)
                self.parent = (current.title, current.level)
        elif self.parent is not None:
            parent_title, parent_level = self.parent
            if level is not None and parent_level is not None:
                if level <= parent_level:
                    self.parent = None
            elif not (fold(title) and re.search(rf"(?<![a-z]){re.escape(fold(title))}(?![a-z])",
                                                fold(parent_title))):
                self.parent = None
        full = f"{self.parent[0]} – {title}" if self.parent else title
        self.theme = DraftTheme(full, level)
        self.themes.append(self.theme)

    def theme_lines(self) -> Lines:
        """The open theme's lines ('Algemeen' when text comes before any heading)."""
        if self.theme is None:
            self.open_theme("Algemeen", None)
        self.theme.blocks += 1
        return self.theme.lines

    def placeholder(self) -> None:
        if self.theme is not None:
            self.theme.blocks += 1

    def table_start(self, in_header: bool) -> None:
        """A table under a heading with nothing else: the heading names the table's rows
        ('Documenten' + table); they become facts under it, not a theme."""
        group = None
        if not in_header and self.theme is not None and self.theme.blocks == 0 \
                and not self.theme.lines.roots:
            group = self.theme.title
            self.theme.blocks += 1
            self.themes.remove(self.theme)
            self.theme = None
            self.parent = None
        elif self.theme is not None:
            self.theme.blocks += 1
        self.facts.close()
        if group is not None:
            self.facts.add(group, -1)

    @staticmethod
    def add_line(target: Lines, event: ev.ContentLine) -> None:
        if event.item:
            target.add(event.text, event.level)
        else:
            target.close()
            target.add(event.text, 0)
            target.close()

    def fact(self, event: ev.Fact) -> None:
        self.facts.add(event.text, event.level)

    def amend_fact(self, event: ev.FactAmend) -> None:
        node = self.facts.stack[-1][1] if self.facts.stack else None
        if node is not None:
            node.text = f"{node.text} ({event.suffix})"
        else:
            self.facts.add(event.suffix, 0)
