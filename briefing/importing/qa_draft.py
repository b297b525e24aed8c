"""Questions while they are read (the open question, asker groups), and the finished
Question models: askers resolved, variants sharing a question's text, numbers filled in."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.importing import events as ev
from briefing.importing.drafts import AskerGroup, DraftQuestion, Segment
from briefing.importing.names import Asker, Names
from briefing.importing.text import tidy
from briefing.model.dossier import Question, Status, Variant


@dataclass
class QaDraft:
    questions: list[DraftQuestion] = field(default_factory=list)
    question: DraftQuestion | None = None
    group: AskerGroup | None = None
    groups: list[AskerGroup] = field(default_factory=list)
    level: int | None = None              # heading level of the questions section
    default_asker: Asker | None = None    # who asks the document's questions, if it says

    def apply(self, event: ev.Event) -> bool:
        handler = _HANDLERS.get(type(event))
        if handler is None:
            return False
        handler(self, event)
        return True

    def close_question(self) -> None:
        if self.question is not None:
            self.questions.append(self.question)
            self.question = None

    def close_group(self) -> None:
        if self.group is not None:
            self.groups.append(self.group)
            self.group = None

    def leave(self) -> None:
        self.close_question()
        self.close_group()

    def group_asker(self) -> Asker:
        if self.group is not None and self.group.askers:
            return self.group.askers[0]
        return Asker()

    # --- events ----------------------------------------------------------------------------

    def _open(self, event: ev.OpenQuestion) -> None:
        self.close_question()
        question = DraftQuestion(event.number, event.line)
        self.question = question
        if self.group is not None:
            self.group.questions += 1
        question.by_label = event.by_label
        question.item_level = event.item_level
        question.segments.extend(event.segments)
        if event.answering:
            question.state = "answer"

    def _table_question(self, event: ev.TableQuestion) -> None:
        self.questions.append(event.draft)

    def _add_askers(self, event: ev.AddAskers) -> None:
        if self.question is not None:
            self.question.segments.extend(Segment(asker) for asker in event.askers)

    def _ask_text(self, event: ev.AskText) -> None:
        question = self.question
        if not question.segments:
            question.segments.append(Segment(event.default))
        if event.text:
            question.segments[-1].text.append(event.text)
        question.segments.extend(Segment(asker) for asker in event.also)

    def _asker_line(self, event: ev.AskerLine) -> None:
        self.leave()
        self.group = AskerGroup(list(event.askers), event.line)

    def _template_item(self, event: ev.TemplateItem) -> None:
        if self.group is not None:
            self.group.template_items += 1

    def _answer_label(self, event: ev.AnswerLabel) -> None:
        question = self.question
        question.state = "answer"
        question.answer.close()
        if event.rest:
            question.answer.add(event.rest, -1)

    def _pressed_label(self, event: ev.PressedLabel) -> None:
        question = self.question
        question.state = "pressed"
        question.pressed.close()
        if event.text:
            question.pressed.add(event.text, -1)

    def _note(self, event: ev.QuestionNote) -> None:
        self.question.notes.append(event.text)

    def _answering(self, event: ev.Answering) -> None:
        if self.question.state == "ask":
            self.question.state = "answer"

    def _answer_line(self, event: ev.AnswerLine) -> None:
        question = self.question
        target = question.pressed if question.state == "pressed" else question.answer
        if event.mode == "item":
            if event.number is not None:
                question.answer_numbers.append(event.number)
            target.add(event.text, event.level)
        elif event.mode == "label":
            target.add(event.text, -1)
        else:
            target.close()
            target.add(event.text, event.level)
            if not event.text.endswith(":"):
                target.close()

    # --- the result ------------------------------------------------------------------------

    def finish(self, names: Names, notes: list[str], unrecognised: list[tuple[int, str]],
               block_text) -> list[Question]:
        out: list[Question] = []
        for draft in self.questions:
            if self.default_asker is not None:
                for segment in draft.segments:
                    if not (segment.asker.member or segment.asker.party):
                        segment.asker = self.default_asker
            segments = [s for s in draft.segments if s.text or s.asker.member or s.asker.party]
            if not segments or not any(s.text for s in segments):
                if draft.answer.roots:
                    text = "(vraag niet gevonden)"
                    segments = segments or [Segment(Asker())]
                    segments[0].text = [text]
                    notes.append(f"regel {draft.line}: een antwoord zonder vraagtekst")
                else:
                    unrecognised.append((draft.line, block_text(draft.line)))
                    continue
            # Askers without their own text share the question of the asker after them.
            texts = [" ".join(s.text) for s in segments]
            for index in range(len(texts) - 2, -1, -1):
                if not texts[index]:
                    texts[index] = texts[index + 1]
            for index in range(1, len(texts)):
                if not texts[index]:
                    texts[index] = texts[index - 1]
            askers = [names.resolve(s.asker) for s in segments]
            main, *rest = list(zip(askers, texts))
            out.append(Question(
                number=draft.number,
                member=main[0].member,
                party=main[0].party,
                question=_question_text(main[1]),
                variants=[Variant(member=a.member, party=a.party, question=_question_text(t))
                          for a, t in rest],
                answer=draft.answer.lines(),
                if_pressed=draft.pressed.lines(),
                note="\n".join(draft.notes) or None,
                status=Status.CONCEPT,
            ))
        _number(out, notes)
        return out

    def open_parties(self, names: Names) -> list[str]:
        """Parties in the asker set-up with no question under them yet."""
        parties: list[str] = []
        for group in self.groups:
            if group.questions == 0:
                asker = names.resolve(group.askers[0])
                label = asker.party or asker.member
                if label and label not in parties:
                    parties.append(label)
        return parties


def _number(out: list[Question], notes: list[str]) -> None:
    numbers = [q.number for q in out if q.number is not None]
    if len(numbers) != len(set(numbers)):
        notes.append("vraagnummers kwamen dubbel voor (per fractie opnieuw genummerd?); "
                     "de vragen zijn doorlopend genummerd")
        for index, question in enumerate(out, start=1):
            question.number = index
        return
    # Unnumbered questions follow the one before them, skipping numbers in use.
    used, current = set(numbers), 0
    for question in out:
        if question.number is not None:
            current = question.number
            continue
        current += 1
        while current in used:
            current += 1
        question.number = current
        used.add(current)


def _question_text(text: str) -> str:
    return tidy(text).strip().strip("*").strip() or "(vraag niet gevonden)"


_HANDLERS = {
    ev.OpenQuestion: QaDraft._open,
    ev.TableQuestion: QaDraft._table_question,
    ev.AddAskers: QaDraft._add_askers,
    ev.AskText: QaDraft._ask_text,
    ev.AskerLine: QaDraft._asker_line,
    ev.TemplateItem: QaDraft._template_item,
    ev.AnswerLabel: QaDraft._answer_label,
    ev.PressedLabel: QaDraft._pressed_label,
    ev.QuestionNote: QaDraft._note,
    ev.Answering: QaDraft._answering,
    ev.AnswerLine: QaDraft._answer_line,
}
