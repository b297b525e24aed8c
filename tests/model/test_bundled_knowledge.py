"""The bundled knowledge base holds the seeds faithfully (spot checks by content)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from briefing.model import load_knowledge
from briefing.model.dossier import line_texts
from briefing.model.knowledge import is_under_embargo


@pytest.fixture(scope="module")
def kb():
    from tests.conftest import BUNDLED_KB

    return load_knowledge(BUNDLED_KB)


def _by_source(kb, prefix):
    return next(d for d in kb.dossiers if (d.source or "").startswith(prefix))


def _all_text(dossier) -> str:
    parts = [dossier.title, dossier.note or "", dossier.requested_decision or ""]
    parts += line_texts(dossier.core_message) + line_texts(dossier.facts)
    for theme in dossier.themes:
        parts += [theme.title, *line_texts(theme.lines)]
    for q in dossier.questions:
        parts += [q.question, q.note or "", *line_texts(q.answer), *line_texts(q.if_pressed)]
        parts += [v.question for v in q.variants]
    return "\n".join(parts)


def test_bundled_knowledge_is_clean(kb):
    assert [str(p) for p in kb.problems] == []
    assert len(kb.dossiers) == 5
    assert all(d.status.value == "vastgesteld" for d in kb.dossiers)


def test_seed_001_questions_members_and_answers(kb):
    dossier = _by_source(kb, "001_")
    assert dossier.meeting == "Raadscommissie FKD"
    assert dossier.agenda_item == "4"
    assert len(dossier.questions) == 16
    askers = {q.number: (q.member, q.party) for q in dossier.questions}
    assert askers[1] == ("Mangal", "DENK") and askers[8] == ("Mangal", "DENK")
    assert askers[9] == ("Namane", "PvdA") and askers[14] == ("Namane", "PvdA")
    assert askers[15] == ("Schmitt", "D66")
    assert askers[16] == ("Garmy", "Volt")
    q9 = next(q for q in dossier.questions if q.number == 9)
    assert "streefcijfers" in q9.question
    assert line_texts(q9.answer)[0] == "Nee, dit alleen zal niet voldoende zijn."
    q10 = next(q for q in dossier.questions if q.number == 10)
    assert q10.note and "doorstroom en doorgroei" in q10.note
    assert not any("interpretern" in t for t in line_texts(q10.answer))
    q2 = next(q for q in dossier.questions if q.number == 2)
    assert "We zetten de informatie voor 1 juni online" in line_texts(q2.answer)
    assert "*" not in q2.question


def test_seed_001_page_break_is_joined(kb):
    dossier = _by_source(kb, "001_")
    q5 = next(q for q in dossier.questions if q.number == 5)
    assert any("(voorheen medewerkerswaarderingsonderzoek) is uitgevoerd" in t
               for t in line_texts(q5.answer))


def test_seed_001_nested_lines_keep_their_structure(kb):
    dossier = _by_source(kb, "001_")
    theme = next(t for t in dossier.themes if t.title == "Update vervolgstappen onderzoeken")
    parent = next(line for line in theme.lines if line.text.startswith("Er zijn drie externe"))
    assert [s.text for s in parent.sub] == [
        "Zij zullen meedenken over dit vraagstuk.",
        "Zij versterken het bestaande netwerk van interne vertrouwenspersonen",
    ]


def test_seed_002_questions_and_variants(kb):
    dossier = _by_source(kb, "002_")
    assert dossier.date.isoformat() == "2024-09-18"
    assert len(dossier.questions) == 5
    q1 = dossier.questions[0]
    assert kb.registers.party(q1.party).short == "PvdD"
    assert q1.variants[0].member == "Kreuger"
    assert "Wist de wethouder van deze gevallen" in q1.variants[0].question
    q2 = dossier.questions[1]
    assert "BI gaat altijd eerst bij een melding met de melder in gesprek." in line_texts(q2.answer)[3]
    assert dossier.questions[4].member == "Van Pijpen"


def test_seed_000_open_parties_and_core_message(kb):
    dossier = _by_source(kb, "000_")
    assert dossier.open_parties == ["GL", "VVD", "D66"]
    assert dossier.questions == []
    assert any("Binnen WPI wordt al gewerkt aan inclusie en diversiteit" in t
               for t in line_texts(dossier.core_message))
    assert dossier.open_points, "PM lines are kept as open points"


def test_seed_004_classification_and_embargo(kb):
    dossier = _by_source(kb, "004_")
    assert dossier.classification.value == "geheim"
    until = dossier.embargo_until.astimezone(timezone.utc)
    assert until == datetime(2024, 10, 23, 15, 0, tzinfo=timezone.utc)  # 17:00 CEST
    assert is_under_embargo(dossier, now=datetime(2024, 10, 23, 14, 0, tzinfo=timezone.utc))
    assert not is_under_embargo(dossier, now=datetime(2024, 10, 24, tzinfo=timezone.utc))
    assert "zijn 45 afgerond, 24 lopen" in _all_text(dossier)


def test_seed_003_is_internal(kb):
    dossier = _by_source(kb, "003_")
    assert dossier.classification.value == "intern"
    assert "kunnen gebruikmaken van een facilitator" in _all_text(dossier)


def test_no_redaction_marks_in_content(kb):
    for dossier in kb.dossiers:
        assert "5.1, 2, e" not in _all_text(dossier), dossier.id


def test_registers_cover_every_member_and_party(kb):
    reg = kb.registers
    for dossier, question in kb.questions():
        for member, party in [(question.member, question.party),
                              *((v.member, v.party) for v in question.variants)]:
            assert member is None or reg.member(member), member
            assert party is None or reg.party(party), party
    assert reg.member("Veldhuijzen") is reg.member("Veldhuyzen")
    assert reg.party("Partij voor de Dieren") is reg.party("pvdd")
    assert reg.meaning("BI") == "Bureau Integriteit"
