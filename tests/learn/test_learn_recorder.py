"""From a copy or pin in the desk to stored choices (the app's part is in test_learn_app)."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.learn.recorder import ChoiceRecorder, card_mark, choices_enabled, record
from briefing.learn.store import load_choices
from tests.learn.conftest import WHEN, choice


@dataclass
class Card:
    card_id: str
    certainty: str = "middel"
    question: str | None = "Een voorbereide vraag?"
    title: str = "Een voorbereide vraag?"


@dataclass
class Exchange:
    query: str
    results: list = field(default_factory=list)
    no_answer: bool = False
    context: str | None = None


def cards(*ids: str) -> list[Card]:
    return [Card(card_id) for card_id in ids]


def split(query: str):
    words = [w for w in query.split() if not w.startswith("@")]
    member = "Mangal" if "@Mangal" in query else None
    return " ".join(words), member, None


def test_choice_of_an_alternative():
    exchanges = [Exchange("wat kost het", cards("a/vraag-1", "a/vraag-2", "b/vraag-7"))]
    [made] = ChoiceRecorder().choices_for(exchanges, "wat kost het", "b/vraag-7", 2, "copy",
                                          when=WHEN)
    assert (made.query, made.card_id, made.rank, made.action, made.via) == (
        "wat kost het", "b/vraag-7", 2, "copy", "keuze")
    assert made.certainty == "middel" and made.card_mark == card_mark("Een voorbereide vraag?")


def test_one_choice_per_question_and_card_in_a_session():
    recorder = ChoiceRecorder()
    exchanges = [Exchange("wat kost het", cards("a/vraag-1", "b/vraag-7"))]
    assert recorder.choices_for(exchanges, "wat kost het", "b/vraag-7", 1, "copy")
    assert recorder.choices_for(exchanges, "wat kost het", "b/vraag-7", 1, "pin") == []
    assert recorder.choices_for(exchanges, "wat kost het", "a/vraag-1", 0, "copy")


def test_filters_are_split_off_and_kept_as_the_asker():
    exchanges = [Exchange("@Mangal brochure melders", cards("a/vraag-1", "b/vraag-7"))]
    [made] = ChoiceRecorder().choices_for(exchanges, "@Mangal brochure melders", "b/vraag-7",
                                          1, "pin", split_filters=split)
    assert (made.query, made.member) == ("brochure melders", "Mangal")


def test_follow_ups_and_filter_only_questions_are_not_choices():
    exchanges = [Exchange("en de kosten?", cards("a/vraag-1"), context="brochure"),
                 Exchange("@Mangal", cards("a/vraag-1"))]
    recorder = ChoiceRecorder()
    assert recorder.choices_for(exchanges, "en de kosten?", "a/vraag-1", 0, "copy") == []
    assert recorder.choices_for(exchanges, "@Mangal", "a/vraag-1", 0, "copy",
                                split_filters=split) == []


def test_the_missed_question_before_counts_too():
    exchanges = [
        Exchange("hoe vaak wordt er gemeld", cards("x/thema-1", "b/vraag-7"), no_answer=True),
        Exchange("aantal meldingen bureau integriteit", cards("b/vraag-7")),
    ]
    made = ChoiceRecorder().choices_for(exchanges, "aantal meldingen bureau integriteit",
                                        "b/vraag-7", 0, "copy")
    assert [(c.query, c.via, c.rank, c.no_answer) for c in made] == [
        ("aantal meldingen bureau integriteit", "keuze", 0, False),
        ("hoe vaak wordt er gemeld", "gemist", 1, True)]


def test_a_missed_question_that_was_answered_itself_is_not_linked():
    exchanges = [Exchange("vraag een", cards("a/vraag-1"), no_answer=True),
                 Exchange("vraag twee", cards("b/vraag-7"))]
    recorder = ChoiceRecorder()
    recorder.choices_for(exchanges, "vraag een", "a/vraag-1", 0, "copy")
    made = recorder.choices_for(exchanges, "vraag twee", "b/vraag-7", 0, "copy")
    assert [c.via for c in made] == ["keuze"]


def test_a_message_that_matches_no_exchange_is_ignored():
    exchanges = [Exchange("vraag", cards("a/vraag-1"))]
    recorder = ChoiceRecorder()
    assert recorder.choices_for(exchanges, "andere vraag", "a/vraag-1", 0, "copy") == []
    assert recorder.choices_for(exchanges, "vraag", "a/vraag-1", 5, "copy") == []
    assert recorder.choices_for([], "vraag", "a/vraag-1", 0, "copy") == []


def test_nothing_is_stored_unless_switched_on():
    assert choices_enabled() is False
    assert record([choice()]) == []
    assert load_choices().choices == []


def test_stored_when_switched_on(recording_on):
    assert choices_enabled() is True
    assert record([choice()]) == []
    assert load_choices().choices == [choice()]


def test_record_never_raises(recording_on, monkeypatch):
    def boom(_):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr("briefing.learn.recorder.add_choices", boom)
    assert record([choice()]) == ["Keuze niet bewaard: Permission denied"]
