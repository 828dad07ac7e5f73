"""The set-up screen's rules as plain values: SetupForm's notices, problems and the session."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from facilitator import catalog
from facilitator.clock import FakeClock, nearest_time_of_day
from facilitator.formats.agenda import Agenda, Item
from facilitator.groups import Group, save_group
from facilitator.meeting.events import Carried, SessionCreated, Slot
from facilitator.rhythm.parse import parse_rhythm
from facilitator.rhythm.rhythm import to_dict
from facilitator.session import setup_form
from facilitator.session.setup_form import Fields, GroupBook, Prefill, SetupForm

SIX = "Ana, Bo, Chen, Dee, Eli, Fay"
THIRTEEN = ", ".join(f"P{n}" for n in range(13))


@pytest.fixture(scope="module")
def ms150():  # type: ignore[no-untyped-def]
    return catalog.find_agenda("mutual-support-150")


@pytest.fixture(scope="module")
def clinic():  # type: ignore[no-untyped-def]
    return catalog.find_agenda("case-clinic")


def form(agenda, clock: FakeClock | None = None) -> SetupForm:  # type: ignore[no-untyped-def]
    return SetupForm(agenda, clock or FakeClock())  # 08:00 UTC


# -- notices -------------------------------------------------------------------------------------


def test_nothing_to_point_out_for_a_plain_meeting(ms150) -> None:  # type: ignore[no-untyped-def]
    fields = Fields(group="Moon", participants=SIX, start="08:30", language="fr")
    assert form(ms150).notices(fields) == []
    assert form(ms150).problems(fields) == []


@pytest.mark.parametrize(("people", "count"), [("Ana, Bo", 2), (THIRTEEN, 13)])
def test_a_group_outside_the_agendas_size_is_pointed_out(ms150, people: str, count: int) -> None:  # type: ignore[no-untyped-def]
    fields = Fields(participants=people)
    assert form(ms150).notices(fields) == [
        f"This agenda is meant for 6–12 people; you have {count}. You can still start."
    ]
    assert form(ms150).problems(fields) == []


def test_the_same_person_typed_twice_counts_once_and_is_pointed_out(ms150) -> None:  # type: ignore[no-untyped-def]
    fields = Fields(participants=SIX + ", ana, BO")
    assert form(ms150).people(fields) == ["Ana", "Bo", "Chen", "Dee", "Eli", "Fay"]
    assert form(ms150).notices(fields) == [
        "“Ana” is written 2 times (“Ana”, “ana”): kept once. If they are two people, tell them "
        "apart (“Ana B.”).",
        "“Bo” is written 2 times (“Bo”, “BO”): kept once. If they are two people, tell them "
        "apart (“Bo B.”).",
    ]


def test_no_participants_asks_for_them_without_a_size_note(ms150) -> None:  # type: ignore[no-untyped-def]
    assert form(ms150).notices(Fields()) == [
        "Add the participants: rounds are shared between them."
    ]


def test_a_planned_start_far_away_is_pointed_out_with_its_end(ms150) -> None:  # type: ignore[no-untyped-def]
    f = form(ms150)
    assert f.notices(Fields(participants=SIX, start="19:00")) == [
        "The planned start 19:00 is 11 h 00 min from now: the meeting would end at 21:30."
    ]
    assert f.notices(Fields(participants=SIX, start="03:00")) == [
        "The planned start 03:00 is 5 h 00 min ago: the meeting would end at 05:30."
    ]
    assert f.notices(Fields(participants=SIX, start="09:00")) == []  # an hour: no word


@pytest.mark.parametrize("start", ["7pm", "19", "25:00", "19:60", "tonight"])
def test_a_start_that_is_not_a_time_is_a_notice_and_a_problem(ms150, start: str) -> None:  # type: ignore[no-untyped-def]
    fields = Fields(participants=SIX, start=start)
    f = form(ms150)
    assert f.notices(fields) == ["The planned start should look like 19:00."]
    assert f.problems(fields) == ["The planned start should look like 19:00."]
    with pytest.raises(ValueError, match="should look like 19:00"):
        f.creation_event(fields)


def test_a_language_that_is_not_a_tag_is_a_notice_and_a_problem(ms150) -> None:  # type: ignore[no-untyped-def]
    fields = Fields(participants=SIX, language="23:30")
    words = "The question language should be a tag such as en, fr or pt-BR, not “23:30”."
    assert form(ms150).notices(fields) == [words]
    assert form(ms150).problems(fields) == [words]
    with pytest.raises(ValueError, match="should be a tag"):
        form(ms150).creation_event(fields)


def test_a_language_with_no_deck_is_a_notice_only(ms150) -> None:  # type: ignore[no-untyped-def]
    fields = Fields(participants=SIX, language="pt")
    assert form(ms150).notices(fields) == [
        "No question deck in “pt” for this agenda: questions come from jasette (en)."
    ]
    assert form(ms150).problems(fields) == []
    assert form(ms150).notices(Fields(participants=SIX, language="fr-CA")) == []


def test_a_rhythm_that_cannot_be_read_is_a_notice_and_a_problem(ms150) -> None:  # type: ignore[no-untyped-def]
    fields = Fields(participants=SIX, rhythm="sometimes maybe")
    (notice,) = form(ms150).notices(fields)
    assert notice.startswith("Rhythm: ") and "sometimes" in notice
    assert form(ms150).problems(fields) == [
        "The rhythm is not clear yet: fix it or empty the field."
    ]
    good = Fields(participants=SIX, rhythm="weekly on monday at 19:00")
    assert form(ms150).notices(good) == [] and form(ms150).problems(good) == []


def test_a_group_name_close_to_a_saved_one_is_likely_a_typo(ms150) -> None:  # type: ignore[no-untyped-def]
    save_group(Group("Tuesday circle", participants=["Ana"]))
    save_group(Group("Moon"))
    f = form(ms150)
    assert f.notices(Fields(group="Tuesday circel", participants=SIX)) == [
        "“Tuesday circel” would be a new group: did you mean “Tuesday circle”?"
    ]
    assert f.notices(Fields(group="  Moom ", participants=SIX)) == [
        "“Moom” would be a new group: did you mean “Moon”?"
    ]
    assert f.notices(Fields(group="tuesday CIRCLE", participants=SIX)) == []  # that group
    assert f.notices(Fields(group="Harbour", participants=SIX)) == []  # far from all
    assert f.problems(Fields(group="Tuesday circel", participants=SIX)) == []


def test_a_role_an_item_needs_that_nobody_holds_is_pointed_out(clinic) -> None:  # type: ignore[no-untyped-def]
    fields = Fields(participants="Ana, Bo, Chen, Dee")
    assert form(clinic).notices(fields) == [
        "Nobody holds the role case giver yet (needed for “Intention statement”).",
        "Nobody holds the role coach or timekeeper yet (needed for “Mirroring”).",
    ]
    held = Fields(participants="Ana, Bo, Chen, Dee", roles={"case giver": "Ana", "coach": "Bo"})
    assert form(clinic).notices(held) == [  # nobody keeps time: no item needs one
        "Chen and Dee would have no turn in “Mirroring” (no role): give the role coach or "
        "timekeeper to whoever should speak there."
    ]
    coaches = {"case giver": "Ana", "coach": "Bo, Chen, Dee"}
    assert form(clinic).notices(Fields(participants="Ana, Bo, Chen, Dee", roles=coaches)) == []


def test_a_person_whose_role_gives_no_turn_is_pointed_out() -> None:
    """A user's Case Clinic whose mirroring is for coaches alone: the separate timekeeper
    would silently have no turn."""
    items = (Item("Mirroring", 8, kind="round", who="coach"), Item("Close", 5, kind="round"))
    own = Agenda("own", "Own clinic", items, roles=("case giver", "coach", "timekeeper"))
    roles = {"case giver": "Ana", "coach": "Bo, Chen, Dee", "timekeeper": "Eli"}
    assert form(own).notices(Fields(participants="Ana, Bo, Chen, Dee, Eli", roles=roles)) == [
        "Ana would have no turn in “Mirroring” (only case giver): give the role coach to "
        "whoever should speak there.",
        "Eli would have no turn in “Mirroring” (only timekeeper): give the role coach to "
        "whoever should speak there.",
    ]


def test_a_name_in_a_role_close_to_a_participants_is_likely_a_typo(clinic) -> None:  # type: ignore[no-untyped-def]
    fields = Fields(
        participants="Ana, Bo, Chen, Dee",
        roles={"case giver": "Anna", "coach": "bo, Chen, Zed"},
    )
    assert form(clinic).notices(fields) == [
        "This agenda is meant for 4–5 people; you have 6. You can still start.",
        "Ana and Dee would have no turn in “Mirroring” (no role): give the role coach or "
        "timekeeper to whoever should speak there.",
        "“Anna” (case giver) is not among the participants: did you mean “Ana”?",
    ]
    assert form(clinic).people(fields) == ["Ana", "Bo", "Chen", "Dee", "Anna", "Zed"]


# -- the session ---------------------------------------------------------------------------------


def test_creation_event_gathers_people_from_roles_and_plans_the_start(clinic) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    f = form(clinic, clock)
    f.carried = [Carried("2027-01-08-moon/ab12", "send the article", "Bo")]
    fields = Fields(
        group="  Moon ",
        participants="Ana, Bo, Chen",
        roles={"case giver": "ana", "coach": "Bo, Chen, Dee"},
        start="08:30",
        language="fr",
        newcomer=True,
    )
    event = f.creation_event(fields)
    assert isinstance(event, SessionCreated)
    assert event.group == "Moon"
    assert re.fullmatch(r"2027-01-15-0800-moon-[0-9a-f]{4}", event.session)
    assert event.participants == ("Ana", "Bo", "Chen", "Dee")  # "ana" in a role is Ana
    assert event.roles == {"case giver": ("Ana",), "coach": ("Bo", "Chen", "Dee")}
    assert event.planned_start == nearest_time_of_day(clock.now(), 8, 30) == clock.now() + 1800
    assert event.language == "fr" and event.newcomer is True
    assert event.carried == (Carried("2027-01-08-moon/ab12", "send the article", "Bo"),)
    assert event.t == clock.now()
    # Mirroring is 2 minutes for each of the three coaches
    assert event.planned == (
        Slot(0.0, 2.0), Slot(2.0, 15.0), Slot(17.0, 4.0), Slot(21.0, 3.0),
        Slot(24.0, 6.0), Slot(30.0, 30.0), Slot(60.0, 8.0),
    )  # fmt: skip


def test_creation_event_without_a_start_or_a_language(ms150) -> None:  # type: ignore[no-untyped-def]
    event = form(ms150).creation_event(Fields(participants=SIX))
    assert event.planned_start is None
    assert event.language == "en"  # the agenda's
    assert event.group == "" and event.carried == ()
    assert re.fullmatch(r"2027-01-15-0800-meeting-[0-9a-f]{4}", event.session)
    assert [s.active for s in event.planned][0] is False  # the newcomer item is left out


@pytest.mark.parametrize(
    ("now", "typed", "expected"),
    [
        (dt.datetime(2026, 5, 12, 23, 55), "00:05", dt.datetime(2026, 5, 13, 0, 5)),
        (dt.datetime(2026, 5, 13, 1, 20), "23:40", dt.datetime(2026, 5, 12, 23, 40)),
        (dt.datetime(2026, 5, 12, 8, 0), "20:30", dt.datetime(2026, 5, 12, 20, 30)),
        (dt.datetime(2026, 5, 12, 8, 0), "7:30", dt.datetime(2026, 5, 12, 7, 30)),
        (dt.datetime(2026, 5, 12, 8, 0), "19h00", dt.datetime(2026, 5, 12, 19, 0)),
    ],
)
def test_the_planned_start_is_the_time_of_day_the_facilitator_means(
    ms150, now: dt.datetime, typed: str, expected: dt.datetime
) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(now.astimezone())
    f = form(ms150, clock)
    assert f.start_time(Fields(start=typed)) == expected.astimezone().timestamp()
    event = f.creation_event(Fields(participants=SIX, start=typed))
    assert event.planned_start == expected.astimezone().timestamp()


# -- what the group remembers --------------------------------------------------------------------


def test_prefill_from_a_saved_group(clinic) -> None:  # type: ignore[no-untyped-def]
    rhythm = to_dict(parse_rhythm(["weekly on monday at 19:00"], "case-clinic"))
    save_group(Group("Moon", participants=["Ana", "Bo"], language="fr", rhythm=rhythm,
                     roles={"coach": ["Bo", "Chen"], "chair": ["Ana"], "case giver": []}))  # fmt: skip
    prefill = form(clinic).prefill("moon")
    assert prefill == Prefill(
        participants="Ana, Bo",
        roles={"coach": "Bo, Chen"},  # only this agenda's roles, and only held ones
        language="fr",
        rhythm_hint="now: every week on Monday at 19:00 (agenda case-clinic) (type to change)",
    )


def test_prefill_of_an_unknown_group_is_empty(clinic) -> None:  # type: ignore[no-untyped-def]
    save_group(Group("Moon", participants=["Ana"]))
    assert form(clinic).prefill("Sun") == Prefill()


def test_a_saved_rhythm_that_cannot_be_read_gives_no_hint(clinic) -> None:  # type: ignore[no-untyped-def]
    save_group(Group("Moon", participants=["Ana"], rhythm={"kind": "whenever"}))
    assert form(clinic).prefill("Moon").rhythm_hint == ""


def test_the_groups_folder_is_read_once_per_form(ms150, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    save_group(Group("Tuesday circle"))
    calls = []
    real = setup_form.all_groups

    def counting() -> list[Group]:
        calls.append(1)
        return real()

    monkeypatch.setattr(setup_form, "all_groups", counting)
    f = form(ms150)
    assert calls == []  # not before it is needed
    typed = ""
    for letter in "Tuesday circel":
        typed += letter
        f.notices(Fields(group=typed, participants=SIX))
    assert f.notices(Fields(group=typed, participants=SIX))[0].endswith("“Tuesday circle”?")
    f.prefill("Tuesday circle")
    assert len(calls) == 1


def test_a_book_with_no_groups_is_not_read_again(ms150, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    calls = []
    monkeypatch.setattr(setup_form, "all_groups", lambda: calls.append(1) or [])
    f = form(ms150)
    for name in ("M", "Mo", "Moo", "Moon"):
        f.notices(Fields(group=name, participants=SIX))
        f.prefill(name)
    assert len(calls) == 1


def test_a_book_given_its_groups_never_reads_the_folder(
    ms150, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(setup_form, "all_groups", lambda: pytest.fail("read the folder"))
    book = GroupBook([Group("Moon", participants=["Ana", "Bo"])])
    f = SetupForm(ms150, FakeClock(), book)
    assert f.prefill("MOON").participants == "Ana, Bo"
    assert f.notices(Fields(group="Mooon", participants=SIX)) == [
        "“Mooon” would be a new group: did you mean “Moon”?"
    ]


def test_rounds_for_each_person_say_how_long_the_meeting_runs_for_those_here() -> None:
    clock = FakeClock(start=dt.datetime(2027, 1, 15, 18, 0).timestamp())
    f = form(catalog.find_agenda("open-meetup"), clock)
    seven = "Ana, Bo, Chen, Dee, Eli, Fay, Gil"
    assert f.notices(Fields(participants=seven, start="19:00")) == [
        "With 7 people this agenda runs 108 min, 18 more than its 90: it would end at 20:48."
    ]
    assert f.notices(Fields(participants="Ana, Bo, Chen, Dee, Eli")) == []  # 75 + 15: as written


def test_a_translated_agenda_keeps_its_language_and_the_groups_roles(clinic) -> None:  # type: ignore[no-untyped-def]
    save_group(Group("Moon", participants=["Ana", "Bo"], language="en",
                     roles={"case giver": ["Ana"], "coach": ["Bo", "Chen"]}))  # fmt: skip
    prefill = form(catalog.find_agenda("case-clinic-fr")).prefill("Moon")
    assert prefill.language == ""  # set-up keeps the agenda's fr
    assert prefill.roles == {"porteur de cas": "Ana", "coach": "Bo, Chen"}
    assert form(clinic).prefill("Moon").language == "en"


def test_the_rhythm_field_accepts_plain_words_and_previews_the_next_three_dates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Europe/Paris")
    clock = FakeClock(start=dt.datetime(2026, 12, 10, 12, 0, tzinfo=dt.timezone.utc))
    f = form(catalog.find_agenda("full-moon-call"), clock)
    fields = Fields(participants="Ana, Bo, Chen, Dee", rhythm="full moon at 19:30")
    assert f.rhythm_problem(fields) is None and f.problems(fields) == []
    # full moons 24 Dec 2026 01:28 UTC (the evening before), 22 Jan and 20 Feb 2027
    assert f.rhythm_preview(fields) == (
        "Next: Wed 23 Dec 19:30; Fri 22 Jan 2027 19:30; Sat 20 Feb 2027 19:30"
    )
    assert f.rhythm_preview(Fields(rhythm="every other tuesday at 18:00")).count(";") == 2
    assert f.rhythm_preview(Fields(rhythm="full moon at 25:00")) == ""  # not clear yet


def test_a_new_group_name_replaces_what_the_last_group_filled_in_not_what_was_typed() -> None:
    form = SetupForm(catalog.find_agenda("case-clinic"), FakeClock(), GroupBook([]))
    tuesday = Prefill("Ana, Bo", {"coach": "Bo"}, "fr")
    moon = Prefill("Chen, Dee", {}, "")
    filled = form.group_fields(tuesday)
    current = dict(filled)
    assert form.regroup(current, filled, moon) == {
        "participants": "Chen, Dee", "role-1": "", "language": "en"
    }  # fmt: skip
    current["participants"] = "Ana, Bo, Fay"  # typed by hand after Tuesday filled it in
    assert "participants" not in form.regroup(current, filled, moon)
    assert form.regroup({"participants": ""}, {}, moon)["participants"] == "Chen, Dee"
