"""Questions: askers, question text, answers, 'if pressed' lines and adviser notes, in
all the layouts annotaties use; and the finished Question models."""

from __future__ import annotations

import re

from briefing.importing.drafts import AskerGroup, DraftQuestion, Segment
from briefing.importing.names import Asker
from briefing.importing.readers import Block
from briefing.importing.sections import section_name
from briefing.importing.text import has_words, tidy
from briefing.importing.vocabulary import (ANSWER, CORE, NOTE_BRACKETS, NOTE_PREFIX, PRESSED,
                                           SECTIONS, TEMPLATE, VRAAG, VRAAG_BARE, VRAAG_WHO,
                                           word_list)
from briefing.model.dossier import Question, Status, Variant


# 'Ook gevraagd door: GroenLinks', '(ook gevraagd door lid Bakker, CDA)', '(ook: CDA, lid Bakker)',
# 'Tevens gesteld door VVD': the same question from other askers (variants).
_ALSO = (r"(?:en\s+)?(?:ook|tevens|eveneens)(?:\s+(?:gevraagd|gesteld|ingebracht))?(?:\s+door)?"
         r"\s*:?\s*")
ALSO_LINE = re.compile(rf"^[(\[]?\s*{_ALSO}(?P<who>[^()\[\]]+?)\s*[)\]]?\s*\.?$", re.IGNORECASE)
ALSO_TRAILING = re.compile(rf"\s*[(\[]\s*{_ALSO}(?P<who>[^()\[\]]+?)\s*[)\]]\s*\.?$",
                           re.IGNORECASE)
# An asker named before the question: '(VVD) Waarom ...?', 'CDA (lid Bakker): Zijn ...?'.
ASKER_LEADING = re.compile(r"^(?:\((?P<paren>[^()]{2,60})\)|"
                           r"(?P<who>[^:?()]{2,40}(?:\([^()]{2,40}\))?)\s*:)\s+(?=\S)")
# An asker named after the question: 'Wat kost dit? (VVD, lid Bakker)'.
ASKER_TRAILING = re.compile(r"(?<=[?.])\s*(?:\((?P<who>[^()]{2,60})\)|"
                            r"\[(?P<square>[^\[\]]{2,60})\])\s*$")
# An adviser's remark at the end of an answer line: '... per wijk. [interne noot: ...]'.
NOTE_TRAILING = re.compile(r"\s*\[(?P<note>(?!\s*(?:zie|bijlage|bron|link|url|pm)\b)[^\[\]]+"
                           r"\s[^\[\]]+)\]\s*\.?$", re.IGNORECASE)
# 'Mocht doorgevraagd worden over X': the qualifier without its verb.
_QUALIFIER_VERB = re.compile(r"^(?:wordt|worden|is|zijn|er|nog)\s+", re.IGNORECASE)


class QuestionsMixin:
    # --- questions ----------------------------------------------------------------------

    def _starts_question(self, block: Block) -> bool:
        if block.kind not in ("para", "heading", "item"):
            return False
        if VRAAG.match(block.text):
            return True
        if VRAAG_BARE.match(block.text) and (block.kind != "item" or _labelled_item(block.text)):
            return True
        who = VRAAG_WHO.match(block.text)
        return bool(who and block.kind != "item" and self.names.parse_askers(who.group("who")))

    def _asker_header(self, block: Block) -> bool:
        """'Lid Mangal (DENK)', 'Fractie GL – raadslid Jansen': a strong asker line."""
        if block.kind not in ("para", "heading") and not (block.kind == "item" and block.bold):
            return False
        text = block.text
        if not re.match(r"^(?:vragen\s+(?:van\s+)?)?(?:het\s+|de\s+)?(?:raads)?lid\b|^fractie\b",
                        text, re.IGNORECASE):
            return False
        return self.names.parse_askers(text) is not None

    def _ends_qa(self, block: Block, heading) -> bool:
        title, level = heading
        if block.kind == "heading" and (self.qa_level is None or (level or 0) <= self.qa_level):
            return not self.names.parse_askers(title)
        name = section_name(title)
        if SECTIONS.match(name) or CORE.match(name):
            return True
        return False

    def _leave_qa(self) -> None:
        self._close_question()
        self._close_group()

    def _close_question(self) -> None:
        if self.question is not None:
            self.questions.append(self.question)
            self.question = None

    def _close_group(self) -> None:
        if self.group is not None:
            self.groups.append(self.group)
            self.group = None

    def _new_question(self, number: int | None, block: Block) -> DraftQuestion:
        self._close_question()
        question = DraftQuestion(number, block.line)
        self.question = question
        if self.group is not None:
            self.group.questions += 1
        return question

    def _qa(self, i: int, heading) -> int:
        block = self.blocks[i]
        text = block.text
        self._use(block)
        question = self.question

        # 'Vraag 2:', 'Vraag 5 *Van Pijpen*', 'Vraag 3 (VVD, lid Bakker): tekst'
        match = VRAAG.match(text) or (VRAAG_BARE.match(text) if block.kind != "item"
                                      or _labelled_item(text) else None)
        who = VRAAG_WHO.match(text) if not match and block.kind != "item" else None
        if who and not self.names.parse_askers(who.group("who")):
            who = None
        if match or who:
            groups = (match or who).groupdict()
            number = int(groups["n"]) if groups.get("n") else None
            question = self._new_question(number, block)
            question.by_label = True
            if groups.get("who"):
                self._with_askers(question, _unwrap(groups["who"]), groups["rest"].strip())
            else:
                self._question_line(question, groups["rest"].strip())
            return i + 1

        # 'Antwoord:'
        match = ANSWER.match(text)
        if match and question is not None and (block.kind != "item" or match.group("rest")):
            question.state = "answer"
            question.answer.close()
            if match.group("rest"):
                question.answer.add(match.group("rest").strip(), -1)
            return i + 1

        # 'Indien doorgevraagd:', 'Als wordt doorgevraagd over X: tekst'
        match = PRESSED.match(text)
        if match and question is not None:
            question.state = "pressed"
            question.pressed.close()
            qualifier = _QUALIFIER_VERB.sub("", (match.group("qual") or "").strip(" ,"))
            rest = (match.group("rest") or "").strip()
            if qualifier and len(word_list(qualifier)) >= 2:
                label = qualifier[:1].upper() + qualifier[1:]
                question.pressed.add(f"{label}: {rest}" if rest else f"{label}:", -1)
            elif rest:
                question.pressed.add(rest, -1)
            return i + 1

        # '[We interpreteren deze vraag als ...]': a note for the adviser, never read out.
        match = NOTE_BRACKETS.match(text)
        if match and question is not None:
            question.notes.append(match.group("note").strip())
            return i + 1
        if question is not None and NOTE_PREFIX.match(text) and block.kind in ("para", "item"):
            question.notes.append(text)
            return i + 1

        # 'Ook gevraagd door: GroenLinks': more askers of the same question.
        match = ALSO_LINE.match(text)
        if match and question is not None and block.kind in ("para", "heading", "item"):
            askers = self.names.parse_askers(match.group("who"), force=True)
            if askers:
                question.segments.extend(Segment(asker) for asker in askers)
                return i + 1

        # Asker lines: inside 'Vraag N' they add an asker; elsewhere they open a group.
        askers = None
        if block.kind in ("para", "heading") or (block.kind == "item" and block.bold
                                                 and block.marker == "bullet"):
            askers = self.names.parse_askers(text)
        if askers:
            if question is not None and question.state == "ask" and self._in_vraag_block():
                for asker in askers:
                    question.segments.append(Segment(asker))
                return i + 1
            self._close_question()
            self._close_group()
            self.group = AskerGroup(askers, block.line)
            return i + 1

        # Numbered questions under an asker ('- 1. Kan ik ...?**', '6. Klopt het ...?').
        if block.kind == "item" and block.marker == "number" and block.number is not None:
            if not has_words(re.sub(r"\d", "", text)) or TEMPLATE.match(text):
                if self.group is not None:
                    self.group.template_items += 1
                return i + 1
            if self._numbered_question(block):
                question = self._new_question(block.number, block)
                who = VRAAG_WHO.match(text) or re.match(
                    r"^(?P<who>\([^()]{2,60}\)|[^:?]{2,40}):\s*(?P<rest>.+)$", text)
                askers = self.names.parse_askers(_unwrap(who.group("who"))) if who else None
                if askers:
                    self._with_askers(question, _unwrap(who.group("who")), who.group("rest"))
                else:
                    self._first_text(question, text)
                return i + 1

        # '- Waarom ...?' with deeper bullets as its answer.
        if block.kind == "item" and text.endswith("?") and block.marker == "bullet" and (
                (question is None and self._followed_by_deeper(i)) or (
                    question is not None and question.item_level is not None
                    and block.level <= question.item_level)):
            question = self._new_question(None, block)
            question.item_level = block.level
            self._first_text(question, text)
            question.state = "answer"
            return i + 1

        if question is None:
            if block.kind in ("para", "heading") or block.bold:
                if self.group is not None or text.endswith("?") or block.bold:
                    if TEMPLATE.match(text):
                        self._unrecognised_text(block)
                        return i + 1
                    question = self._new_question(None, block)
                    self._first_text(question, text)
                    return i + 1
            self._unrecognised_text(block)
            return i + 1

        # A new unnumbered question under the same asker: a question mark or bold, after an answer.
        if block.kind in ("para", "heading") and (text.endswith("?") or block.bold) and \
                question.state != "ask" and len(question.answer) and not self._in_vraag_block() \
                and (question.number is None or block.bold) and question.item_level is None:
            question = self._new_question(None, block)
            self._first_text(question, text)
            return i + 1

        if question.state == "ask":
            asked = next((" ".join(seg.text) for seg in reversed(question.segments)
                          if seg.text), "")
            if block.kind == "para" and asked.endswith("?") and not text.endswith("?") \
                    and not ALSO_LINE.match(text):
                question.state = "answer"  # 'Vraag 3: ...?' then a plain line: the answer
            elif block.kind == "para" and not (heading is not None and self._followed_by_items(i)
                                               and question.has_text):
                if not question.segments:
                    question.segments.append(Segment(self._group_asker()))
                text, also = self._split_also(text)
                if text:
                    question.segments[-1].text.append(text)
                question.segments.extend(Segment(asker) for asker in also)
                return i + 1
            question.state = "answer"
        target = question.pressed if question.state == "pressed" else question.answer
        note = NOTE_TRAILING.search(text)
        if note:
            question.notes.append(note.group("note").strip())
            text = text[:note.start()].rstrip()
        if block.kind == "item":
            if block.marker == "number" and block.number is not None:
                question.answer_numbers.append(block.number)
            target.add(text, block.level)
        elif heading is not None and len(word_list(heading[0])) <= 4 and self._followed_by_items(i):
            target.add(heading[0] if not text.endswith(":") else text, -1)
        else:
            target.close()
            target.add(text, -1 if text.endswith(":") and self._followed_by_items(i) else 0)
            if not text.endswith(":"):
                target.close()
        return i + 1

    def _unrecognised_text(self, block: Block) -> None:
        self.unrecognised.append((block.line, block.text))

    def _question_line(self, question: DraftQuestion, rest: str) -> None:
        """The rest of a 'Vraag N' line: askers, question text, or both."""
        rest = rest.strip().strip("*").strip()
        rest = re.sub(r"^(?:van|namens)\s+(?:de\s+|het\s+)?", "", rest)  # 'van de VVD: ...'
        rest, also = self._split_also(rest)
        if not rest:
            question.segments.extend(Segment(asker) for asker in also)
            return
        text = rest
        askers = None
        paren = re.match(r"^\((?P<who>[^()]+)\)\s*[:.\-–]?\s*(?P<text>.*)$", rest)
        colon = re.match(r"^(?P<who>[^:?]{2,60}):\s*(?P<text>.*)$", rest)
        trailing = re.match(r"^(?P<text>.+?[?.])\s*\((?P<who>[^()]+)\)$", rest)
        if trailing and self.names.parse_askers(trailing.group("who")):
            askers = self.names.parse_askers(trailing.group("who"))
            text = trailing.group("text")
        elif paren:
            askers = self.names.parse_askers(paren.group("who"), force=True)
            text = paren.group("text") if askers else rest
        elif colon and self.names.parse_askers(colon.group("who"), force=True):
            askers = self.names.parse_askers(colon.group("who"), force=True)
            text = colon.group("text")
        elif not rest.endswith("?") and self.names.parse_askers(rest, force=True):
            askers = self.names.parse_askers(rest, force=True)
            text = ""
        for asker in askers or [self._group_asker()]:
            question.segments.append(Segment(asker))
        if text:
            question.segments[0].text.append(text)
        question.segments.extend(Segment(asker) for asker in also)

    def _with_askers(self, question: DraftQuestion, who: str, text: str) -> None:
        askers = self.names.parse_askers(who, force=True) or [self._group_asker()]
        for asker in askers:
            question.segments.append(Segment(asker))
        text, also = self._split_also(text.strip())
        if text:
            question.segments[0].text.append(text)
        question.segments.extend(Segment(asker) for asker in also)

    def _first_text(self, question: DraftQuestion, text: str) -> None:
        """The opening text of a question without a 'Vraag N' label: the group's asker, or
        the asker named after it ('... ? (VVD)'), and the askers of '(ook: CDA)'."""
        text, also = self._split_also(text)
        named, text = self._named_asker(text)
        askers = named or [self._group_asker()]
        question.segments.append(Segment(askers[0], [text] if text else []))
        question.segments.extend(Segment(asker) for asker in askers[1:] + also)

    def _named_asker(self, text: str) -> tuple[list[Asker] | None, str]:
        """Askers written with the question: '(VVD) Waarom ...?', 'CDA (lid Bakker): Zijn
        ...?', 'Wat kost dit? (VVD)'. Only names the registers or the genre know count."""
        for pattern in (ASKER_LEADING, ASKER_TRAILING):
            match = pattern.search(text)
            if match:
                groups = match.groupdict()
                named = self.names.parse_askers(groups.get("paren") or groups.get("square") or
                                                groups["who"])
                rest = (text[:match.start()] + text[match.end():]).strip()
                if named and has_words(rest):
                    return named, rest
        return None, text

    def _split_also(self, text: str) -> tuple[str, list[Asker]]:
        """'Waarom ...? (ook gevraagd door JA21)' -> ('Waarom ...?', [JA21])."""
        match = ALSO_TRAILING.search(text)
        if match:
            askers = self.names.parse_askers(match.group("who"), force=True)
            if askers:
                return text[:match.start()].rstrip(), askers
        return text, []

    def _in_vraag_block(self) -> bool:
        """The current question was opened by a 'Vraag N' line (askers may follow it)."""
        return self.question is not None and self.question.by_label

    def _block_text(self, line: int) -> str:
        for block in self.blocks:
            if block.lines and block.lines[0] == line:
                return block.text
        return ""

    def _group_asker(self) -> Asker:
        if self.group is not None and self.group.askers:
            return self.group.askers[0]
        return Asker()

    def _numbered_question(self, block: Block) -> bool:
        question = self.question
        last = question.number if question is not None else (
            self.questions[-1].number if self.questions else None)
        fresh_group = self.group is not None and self.group.questions == 0
        if question is not None and question.state != "ask" and question.answer_numbers \
                and question.answer_numbers[-1] + 1 == block.number and not fresh_group:
            return False  # the answer's own numbered list goes on ('1. ...', '2. ...')
        if fresh_group:
            return True
        if last is None:
            return self.section == "qa"
        return block.number == last + 1

    def _followed_by_deeper(self, i: int) -> bool:
        following = self._next_content(i)
        return following is not None and self.blocks[following].kind == "item" and \
            self.blocks[following].level > self.blocks[i].level

    def _followed_by_items(self, i: int) -> bool:
        following = self._next_content(i)
        return following is not None and self.blocks[following].kind == "item"

    def _questions(self) -> list[Question]:
        out: list[Question] = []
        for draft in self.questions:
            segments = [s for s in draft.segments if s.text or s.asker.member or s.asker.party]
            if not segments or not any(s.text for s in segments):
                if draft.answer.roots:
                    text = "(vraag niet gevonden)"
                    segments = segments or [Segment(Asker())]
                    segments[0].text = [text]
                    self.notes.append(f"regel {draft.line}: een antwoord zonder vraagtekst")
                else:
                    self.unrecognised.append((draft.line, self._block_text(draft.line)))
                    continue
            # Askers without their own text share the question of the asker after them.
            texts = [" ".join(s.text) for s in segments]
            for index in range(len(texts) - 2, -1, -1):
                if not texts[index]:
                    texts[index] = texts[index + 1]
            for index in range(1, len(texts)):
                if not texts[index]:
                    texts[index] = texts[index - 1]
            askers = [self.names.resolve(s.asker) for s in segments]
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
        numbers = [q.number for q in out if q.number is not None]
        if len(numbers) != len(set(numbers)):
            self.notes.append("vraagnummers kwamen dubbel voor (per fractie opnieuw genummerd?); "
                              "de vragen zijn doorlopend genummerd")
            for index, question in enumerate(out, start=1):
                question.number = index
        else:
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
        return out


def _labelled_item(text: str) -> bool:
    """'- Vraag: ...' as a list item; not '- V. d. Berg' or '- Q3 cijfers'."""
    return bool(re.match(r"(?i)^vraag\s*(?:\([^()]*\))?\s*:", text))


def _unwrap(text: str) -> str:
    """'(VVD, lid Bakker)' -> 'VVD, lid Bakker'; other text unchanged."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        return text[1:-1].strip()
    return text



def _question_text(text: str) -> str:
    return tidy(text).strip().strip("*").strip() or "(vraag niet gevonden)"

