"""Pydantic models of one dossier (one annotatie). YAML keys are Dutch; attributes English."""

from __future__ import annotations

import re
import datetime as dt
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Status(str, Enum):
    CONCEPT = "concept"
    VASTGESTELD = "vastgesteld"


class Kind(str, Enum):
    """What kind of document a dossier was made from (shown so the desk can say where a line
    comes from)."""

    ANNOTATIE = "annotatie"
    BEANTWOORDING = "beantwoording"
    QA_LIJST = "qa-lijst"
    KAMERVRAGEN = "kamervragen"
    VRAGEN = "vragen"


class Classification(str, Enum):
    OPENBAAR = "openbaar"
    INTERN = "intern"
    VERTROUWELIJK = "vertrouwelijk"
    GEHEIM = "geheim"


class _Model(BaseModel):
    # Unknown keys are errors (with a suggestion); numbers in text fields become text.
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
    )


class Line(_Model):
    """One answer line, optionally with nested sub-lines. In YAML: a string or {tekst, sub}."""

    text: str = Field(alias="tekst")
    sub: list[Line] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"tekst": value}
        return value

    def flatten(self, depth: int = 0) -> list[tuple[int, str]]:
        """This line and all sub-lines in reading order, with their nesting depth."""
        out = [(depth, self.text)]
        for child in self.sub:
            out.extend(child.flatten(depth + 1))
        return out

    def to_data(self) -> str | dict[str, Any]:
        if not self.sub:
            return self.text
        return {"tekst": self.text, "sub": [s.to_data() for s in self.sub]}


def flatten_lines(lines: list[Line]) -> list[tuple[int, str]]:
    """All lines and sub-lines in reading order, with depth."""
    out: list[tuple[int, str]] = []
    for line in lines:
        out.extend(line.flatten())
    return out


def line_texts(lines: list[Line]) -> list[str]:
    return [text for _, text in flatten_lines(lines)]


class Theme(_Model):
    title: str = Field(alias="titel")
    lines: list[Line] = Field(default_factory=list, alias="regels")


class Variant(_Model):
    member: str | None = Field(default=None, alias="raadslid")
    party: str | None = Field(default=None, alias="fractie")
    question: str = Field(alias="vraag")


# Question numbers are small; a bound keeps a pasted 5,000-digit "number" from reaching code
# that prints it (Python refuses to turn an int of more than 4,300 digits into text).
MAX_NUMBER = 999_999


class Question(_Model):
    number: int | None = Field(default=None, alias="nummer", ge=0, le=MAX_NUMBER)
    id: str | None = None
    member: str | None = Field(default=None, alias="raadslid")
    party: str | None = Field(default=None, alias="fractie")
    question: str = Field(alias="vraag")
    variants: list[Variant] = Field(default_factory=list, alias="varianten")
    answer: list[Line] = Field(default_factory=list, alias="antwoord")
    if_pressed: list[Line] = Field(default_factory=list, alias="doorvragen")
    note: str | None = Field(default=None, alias="notitie")
    status: Status = Status.VASTGESTELD


class SourceLine(_Model):
    """A source line the importer could not place, kept so nothing is lost."""

    line: int | None = Field(default=None, alias="regel", ge=0, le=10**9)
    text: str = Field(alias="tekst")


class Dossier(_Model):
    id: str | None = None
    title: str = Field(alias="titel")
    meeting: str | None = Field(default=None, alias="vergadering")
    date: dt.date | None = Field(default=None, alias="datum")
    agenda_item: str | None = Field(default=None, alias="agendapunt")
    portfolio_holder: str | None = Field(default=None, alias="portefeuillehouder")
    requested_decision: str | None = Field(default=None, alias="gevraagd_besluit")
    status: Status = Status.CONCEPT
    kind: Kind | None = Field(default=None, alias="soort")
    classification: Classification = Field(default=Classification.OPENBAAR, alias="classificatie")
    embargo_until: dt.datetime | None = Field(default=None, alias="embargo_tot")
    source: str | None = Field(default=None, alias="bron")
    note: str | None = Field(default=None, alias="notitie")
    core_message: list[Line] = Field(default_factory=list, alias="kernboodschap")
    themes: list[Theme] = Field(default_factory=list, alias="themas")
    questions: list[Question] = Field(default_factory=list, alias="vragen")
    open_parties: list[str] = Field(default_factory=list, alias="open_fracties")
    open_points: list[str] = Field(default_factory=list, alias="open_punten")
    redactions: list[str] = Field(default_factory=list, alias="redacties")
    facts: list[Line] = Field(default_factory=list, alias="feiten")
    unrecognised: list[SourceLine] = Field(default_factory=list, alias="onherkend")

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", value):
            raise ValueError(
                "een id bevat alleen letters, cijfers, '-', '_' en '.', zonder spaties"
            )
        return value

    def question_id(self, question: Question) -> str:
        """A stable id for a question: survives edits to its wording and answer."""
        if question.id:
            return f"{self.id}/{question.id}"
        if question.number is not None:
            return f"{self.id}/vraag-{question.number}"
        return f"{self.id}/vraag-{slug(question.question)[:60]}"

    def line_count(self) -> int:
        """Lines and sub-lines of core message, facts, themes, answers and if-pressed."""
        lines = len(flatten_lines(self.core_message)) + len(flatten_lines(self.facts))
        lines += sum(len(flatten_lines(t.lines)) for t in self.themes)
        for question in self.questions:
            lines += len(flatten_lines(question.answer)) + len(flatten_lines(question.if_pressed))
        return lines

    def to_data(self) -> dict[str, Any]:
        """The dossier as plain data with the YAML keys, in the documented order."""
        from briefing.model.serialize import dossier_to_data

        return dossier_to_data(self)


def slug(text: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
