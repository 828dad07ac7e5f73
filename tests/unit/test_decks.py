"""Drawing questions a group has not had: no repeats, least recently asked next, per group."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from facilitator import catalog
from facilitator.cli.main import main
from facilitator.clock import FakeClock
from facilitator.decks.drawer import Drawer
from facilitator.decks.history import History
from facilitator.formats.agenda import Agenda, Item
from facilitator.journal.record import render
from facilitator.journal.store import start_session
from facilitator.meeting.meeting import Meeting, creation_event
from tests.factories import replayed as replayed_from

ICE = Agenda(id="ice", title="Ice", items=(Item("Jasette", minutes=25, kind="round",
                                                deck="jasette"),))  # fmt: skip
THREE_WEEKS = 21 * 24 * 3600.0


def one_session(group: str, clock: FakeClock, number: int, redraw: bool = False) -> str:
    first = creation_event(
        ICE, session=f"{group}-{number:04}", group=group, participants=["Ana", "Bo"], t=clock.now()
    )
    handle, m = start_session(first, clock)
    drawer = Drawer(group, session=first.session, rng=random.Random(number))
    m.toggle()
    deck, question = drawer.draw("jasette", m.state)
    assert question is not None
    if redraw:
        m.record_draw(deck.id, question.text)
        m.record_skip(question.text)
        deck, question = drawer.draw("jasette", m.state)
        assert question is not None
    m.record_draw(deck.id, question.text)
    m.end()
    handle.close()
    return question.text


def test_two_hundred_sessions_never_repeat_before_the_deck_is_exhausted() -> None:
    deck = catalog.find_deck("jasette")
    size = len(deck.questions)
    assert size >= 60
    clock = FakeClock()
    asked: list[str] = []
    for number in range(200):
        asked.append(one_session("Tuesday", clock, number))
        clock.advance(THREE_WEEKS)
    for lap in range(200 // size):
        chunk = asked[lap * size : (lap + 1) * size]
        assert len(set(chunk)) == size, f"a repeat within lap {lap}"
    # After exhaustion: least recently asked first, so every lap repeats the first lap's order.
    for position in range(size, 200):
        assert asked[position] == asked[position - size]


def test_skipped_questions_count_as_not_asked() -> None:
    clock = FakeClock()
    skipped_and_kept = []
    for number in range(5):
        skipped_and_kept.append(one_session("G", clock, number, redraw=True))
        clock.advance(THREE_WEEKS)
    from facilitator.decks.history import group_history

    history = group_history("G")
    assert set(history.asked) == set(skipped_and_kept)


def test_groups_sharing_a_data_directory_have_independent_histories() -> None:
    clock = FakeClock()
    a = [one_session("Alpha", clock, n) for n in range(10)]
    b = [one_session("Beta", clock, n) for n in range(10)]
    assert a == b  # same seeds, no influence from the other group's history


def test_retired_questions_never_come_back() -> None:
    clock = FakeClock()
    first = creation_event(ICE, session="r1", group="G", participants=["Ana"], t=clock.now())
    handle, m = start_session(first, clock)
    deck = catalog.find_deck("jasette")
    m.record_retire("jasette", deck.questions[0].text)
    m.end()
    handle.close()
    drawer = Drawer("G", rng=random.Random(1))
    seen = set()
    for _ in range(len(deck.questions) - 1):
        m2_first = creation_event(ICE, session="x", group="G", participants=["Ana"], t=clock.now())
        from facilitator.meeting.meeting import Meeting

        m2 = Meeting.create(m2_first, clock)
        m2.state.retired = sorted(seen)
        _, q = drawer.draw("jasette", m2.state)
        assert q is not None and q.text != deck.questions[0].text
        seen.add(q.text)


def test_draw_is_in_journal_and_record() -> None:
    clock = FakeClock()
    first = creation_event(ICE, session="j1", group="G", participants=["Ana"], t=clock.now())
    handle, m = start_session(first, clock)
    m.toggle()
    m.record_draw("jasette", "First?")
    m.record_skip("First?")
    m.record_draw("jasette", "Second?")
    m.end()
    handle.close()
    journal = (Path(handle.writer.path)).read_text()
    assert '"type":"question_drawn"' in journal and '"type":"question_skipped"' in journal
    text = render(m.state, clock.now())
    assert "First? — skipped" in text
    assert "- Jasette: Second?" in text


def test_language_picks_the_french_deck() -> None:
    assert catalog.find_deck("jasette", "fr").id == "jasette-fr"
    assert catalog.find_deck("jasette", "fr-CA").id == "jasette-fr"
    assert catalog.find_deck("jasette", "en").id == "jasette"
    assert catalog.find_deck("check-in", "fr").id == "check-in-fr"
    assert catalog.find_deck("check-in", "pt").id == "check-in"  # no Portuguese deck: English


def test_cli_draw_is_reproducible_and_filters_by_tag(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["decks", "draw", "jasette", "--seed", "7", "--tag", "deep"]) == 0
    first = capsys.readouterr().out
    assert main(["decks", "draw", "jasette", "--seed", "7", "--tag", "deep"]) == 0
    assert capsys.readouterr().out == first
    deck = catalog.find_deck("jasette")
    assert "deep" in next(q.tags for q in deck.questions if q.text == first.strip())
    assert main(["decks", "draw", "jasette", "--tag", "no-such-tag"]) == 1


def test_user_decks_shadow_and_validate(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["decks", "new", "Our questions"]) == 0
    assert catalog.find_deck("our-questions").origin == "user"
    assert main(["decks", "validate", str(data_dir / "question_decks" / "our-questions.yaml")]) == 0
    bad = data_dir / "question_decks" / "jasette.yaml"
    bad.write_text("title: Mine\nquestions:\n  - ''\n")
    assert main(["decks", "validate", str(bad)]) == 1
    assert f"{bad}:3:5: a question must not be blank" in capsys.readouterr().err


def test_a_question_set_aside_for_the_alternative_was_not_asked() -> None:
    from facilitator.clock import FakeClock
    from tests.factories import meeting

    m = meeting(clock=FakeClock())
    m.toggle()
    m.next_item()
    m.next_item()  # the ice breaker
    m.record_draw("jasette", "What shaped you?")
    m.toggle_alternative()
    assert [d.skipped for d in m.run.draws] == [True]
    assert "What shaped you? — set aside for the alternative" in render(m.state, m.now())


@pytest.mark.parametrize("back", [False, True])
def test_the_question_comes_back_with_the_alternative_given_up(back: bool) -> None:
    """v then v again: the question on screen is the one drawn, and it was asked; a question
    skipped with r before stays skipped."""
    from facilitator.decks.history import group_history

    clock = FakeClock()
    first = creation_event(ICE2, session="v", group="G", participants=["Ana"], t=clock.now())
    handle, m = start_session(first, clock)
    m.toggle()
    m.record_draw("jasette", "Not this one?")
    m.record_skip("Not this one?")  # r
    m.record_draw("jasette", "What shaped you?")
    m.toggle_alternative()
    if back:
        m.toggle_alternative()
    m.end()
    handle.close(ended=True)
    shaped = next(d for d in m.run.draws if d.text == "What shaped you?")
    assert shaped.skipped is not back
    assert [d.text for d in m.run.draws if d.skipped and not d.aside] == ["Not this one?"]
    asked = group_history("G").asked
    assert ("What shaped you?" in asked) is back and "Not this one?" not in asked
    from facilitator.review.sessiontext import sections

    shown = dict(sections(m.state, m.now(), 80))
    assert ("— set aside for the alternative" in str(shown["Questions drawn"])) is not back
    replayed = replayed_from(handle.writer.path, clock)
    assert [(d.skipped, d.aside) for d in replayed.run.draws] == [
        (d.skipped, d.aside) for d in m.run.draws
    ]


def test_a_round_longer_than_its_questions_repeats_the_one_asked_longest_ago() -> None:
    """Eight people, five questions with the tag: the sixth person gets the first question
    again, the seventh the second, never the one just asked."""
    deck = catalog.find_deck("open-meetup")
    pool = [q.text for q in deck.questions if "q2" in q.tags]
    assert len(pool) == 5
    m, clock, drawer = _meeting_and_drawer()
    drawn = [_draw_and_ask(m, clock, drawer, "q2") for _ in range(8)]
    assert sorted(drawn[:5]) == sorted(pool)
    assert drawn[5:] == drawn[:3]


def test_once_a_tag_is_used_up_a_question_set_aside_earlier_comes_first_but_not_at_once() -> None:
    m, clock, drawer = _meeting_and_drawer()
    drawn = [_draw_and_ask(m, clock, drawer, "q2") for _ in range(5)]
    m.record_skip(drawn[3])  # set aside (the person had another question instead)
    _, again = drawer.draw("open-meetup", m.state, tags=["q2"])
    # Not the one just set aside, but the one asked longest ago.
    assert again is not None and again.text == drawn[0]
    m.record_skip(drawn[4])
    m.next_item()  # on another item, the question set aside earlier is the one not yet asked
    _, later = drawer.draw("open-meetup", m.state, tags=["q2"])
    assert later is not None and later.text in (drawn[3], drawn[4])


def _meeting_and_drawer() -> tuple[Meeting, FakeClock, Drawer]:
    clock = FakeClock()
    first = creation_event(ICE2, session="s", group="G", participants=["Ana"], t=clock.now())
    m = Meeting.create(first, clock)
    m.toggle()
    return m, clock, Drawer("G", rng=random.Random(3), history=History())


def _draw_and_ask(m: Meeting, clock: FakeClock, drawer: Drawer, tag: str) -> str:
    _, question = drawer.draw("open-meetup", m.state, tags=[tag])
    assert question is not None
    m.record_draw("open-meetup", question.text)
    clock.advance(60)
    return question.text


ICE2 = Agenda(id="ice2", title="Ice", items=(Item("One", minutes=25), Item("Two", minutes=25)))
