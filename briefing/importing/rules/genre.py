"""The kind of document (the dossier's `soort`), judged from the whole text before its
structure is read, by how each genre presents itself:

- kamervragen: the Aanhangsel Handelingen, 'Vragen van het lid X (P) aan de Minister ...',
  'Vraag N' / 'Antwoord N';
- beantwoording: the college's answers (a raadsinformatiebrief or letter whose subject is
  the 'Beantwoording' of questions, or numbered questions with 'Antwoord:' under them);
- vragen: incoming questions without answers ('Schriftelijke vragen' with 'Indiener(s)', 'de
  volgende schriftelijke vragen');
- qa-lijst: a list of questions with answers for a technical session or committee;
- annotatie: the adviser's own genre, and everything else.

The builder may still correct it at the end: questions without any answer are 'vragen'."""

from __future__ import annotations

import re

from briefing.importing.blocks import Block

KINDS = ("annotatie", "beantwoording", "qa-lijst", "kamervragen", "vragen")

_KAMERVRAGEN = re.compile(
    r"(?i)aanhangsel\s+(?:van\s+)?de\s+handelingen|tweede\s+kamer\s+der\s+staten|"
    r"^vragen\s+van\s+(?:het\s+lid|de\s+leden)\b.{0,120}?\baan\s+de\s+(?:minister|staatssecretaris)")
_ANSWERED = re.compile(r"(?i)^(?:beantwoording\b|antwoord\s+van\s+(?:de\s+)?minister|"
                       r"(?:het\s+college|wij|ik)\s+(?:kan|kunnen)\s+de\s+(?:gestelde\s+)?vragen\b|"
                       r"onderstaand\s+treft\s+\w\s+de\s+beantwoording|"
                       r"hieronder\s+geef\s+ik\s+antwoord|bij\s+deze\s+ontvangt\s+\w\s+de\s+antwoorden)")
_SUBJECT_ANSWERED = re.compile(r"(?i)^(?:onderwerp\s*:?\s*)?beantwoording\b")
_INCOMING = re.compile(r"(?i)^(?:indiener(?:\(s\)|s)?\b|de\s+volgende\s+schriftelijke\s+vragen|"
                       r".*\bstelt\s+ondergetekende\b.*\bde\s+volgende\s+(?:schriftelijke\s+)?vragen)")
_ANNOTATIE = re.compile(r"(?i)^(?:concept[- ]?)?annotatie\b|^kernboodschap|^hoofdboodschap")
_NUMBERED_ANSWER = re.compile(r"(?i)^antwoord\s+\d+\b")
_ANSWER_LABEL = re.compile(r"(?i)^antwoord\s*\d*\s*:?")
# A question in a list: numbered in any style ('1.', '2-', '12:', '3 ') or after a bullet.
QUESTION_NUMBER = re.compile(r"^\(?(?P<n>\d{1,2})\s*(?:[.):\-–]\s*|\s+)(?=[A-Z“\"'‘(«])")


def is_question_text(text: str) -> bool:
    return "?" in text


def detect(blocks: list[Block]) -> str:
    texts = [b.text for b in blocks if b.kind != "table" and b.text]
    head = texts[:25]
    if any(_ANNOTATIE.match(t) for t in head[:12]):
        return "annotatie"  # an annotatie may well prepare answers to 'Vraag 1' ...
    if any(_KAMERVRAGEN.search(t) for t in head) or \
            sum(1 for t in texts if _NUMBERED_ANSWER.match(t)) >= 2:
        return "kamervragen"
    numbered = sum(1 for b in blocks if _numbered_question(b))
    answered = any(_ANSWERED.match(t) or _SUBJECT_ANSWERED.match(t) for t in head) or \
        sum(1 for t in texts if _ANSWER_LABEL.match(t)) >= 2
    incoming = any(_INCOMING.match(t) for t in texts)
    if answered and (numbered or any(_SUBJECT_ANSWERED.match(t) for t in head)):
        return "beantwoording"
    if incoming and numbered:
        return "vragen"
    questions = sum(1 for b in blocks if b.kind in ("para", "item") and is_question_text(b.text)
                    and len(b.text.split()) >= 4)
    if questions >= 3 and any(t.lower().startswith("vragen") for t in head[:3]):
        return "qa-lijst"
    return "annotatie"


def _numbered_question(block: Block) -> bool:
    if block.kind == "item" and block.marker == "number":
        return is_question_text(block.text)
    return block.kind == "para" and bool(QUESTION_NUMBER.match(block.text)) and \
        is_question_text(block.text)
