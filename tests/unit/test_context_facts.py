"""Every bundled agenda checked against the facts its source gives.

tests/fixtures/context.md is a copy of the project's shared notes on the groups
(../shared/context.md, outside the repository, so that a clean clone runs this): copy it again
when those notes change. The facts (timings, roles, group sizes, what each format ends with) are
parsed from its tables and lists; only the mapping of the source's formats to agenda ids below is
written by hand. Translated twins get the same facts, their roles read by position as the
original's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from facilitator import catalog, paths
from facilitator.formats.agenda import Agenda, load_agenda

CONTEXT = (Path(__file__).parents[1] / "fixtures" / "context.md").read_text()

# The hand-written part: which bundled agenda follows which format of the source.
MUTUAL_SUPPORT = "mutual-support-150"  # section 1, the proposed meeting's table
ENQUIRING = ["enquiring-presentation", "enquiring-short-presentations", "enquiring-article",
             "enquiring-open"]  # section 2, the four Enquiring Conversation formats, in order  # fmt: skip
OPEN_MEETUP = "open-meetup"  # section 2, the four underpinning questions
CASE_CLINIC = "case-clinic"  # section 3, Case Clinic
GATHERING = "gathering"  # section 3, the Gatherings
FULL_MOON = "full-moon-call"  # section 3, the other full moons: Case Clinic for one member
NEW_MOON = "new-moon-call"  # section 3, new moons: holding the container
HOME_GROUP = "home-group"  # section 3, Home Groups
MAPPED = {MUTUAL_SUPPORT, *ENQUIRING, OPEN_MEETUP, CASE_CLINIC, GATHERING, FULL_MOON, NEW_MOON,
          HOME_GROUP}  # fmt: skip

LOADED = {a.id: a for a in (load_agenda(str(p), catalog.deck_ids())
                            for p in sorted(paths.bundled_agendas().glob("*.yaml")))}  # fmt: skip


# ---- reading the Markdown -------------------------------------------------------------------


def section(heading: str, text: str = CONTEXT) -> str:
    """The first heading that starts with ``heading`` and the text under it, up to the next
    heading of the same or a higher level."""
    found = re.search(rf"^(#+) {re.escape(heading)}.*$", text, re.MULTILINE)
    assert found, f"no heading '{heading}' in context.md"
    level = len(found.group(1))
    end = re.compile(rf"^#{{1,{level}}} ", re.MULTILINE).search(text, found.end())
    return text[found.start() : end.start() if end else len(text)]


def table(text: str) -> list[dict[str, str]]:
    """The rows of the first Markdown table in ``text``, as {column: cell}."""
    lines = [line.strip().strip("|") for line in text.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].split("|")]
    return [dict(zip(header, (c.strip() for c in line.split("|")), strict=True))
            for line in lines[2:]]  # fmt: skip


def numbered(text: str, after: str) -> list[str]:
    """The numbered list that follows ``after``, each entry with its wrapped lines joined."""
    start = text.index(after)
    entries: list[str] = []
    indent = 0
    for line in text[start:].splitlines()[1:]:
        entry = re.match(r"^(\s*)\d+\. (.*)", line)
        if entry:
            indent = len(entry.group(1))
            entries.append(entry.group(2))
        elif entries and line.strip() and len(line) - len(line.lstrip()) > indent:
            entries[-1] += " " + line.strip()
        elif entries:
            break
    return entries


def find(pattern: str, text: str) -> str:
    """The first group of ``pattern`` in ``text``."""
    found = re.search(pattern, text)
    assert found, f"context.md no longer says {pattern!r}"
    return found.group(1)


def plain(text: str) -> str:
    return text.replace("**", "")


def number_range(text: str) -> tuple[int, int]:
    """'6 to 12', '3–6', '3 or 4' -> (low, high)."""
    found = re.fullmatch(r"(\d+)\s*(?:to|–|-|or)\s*(\d+)", text.strip())
    assert found, f"not a range: {text!r}"
    return int(found.group(1)), int(found.group(2))


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def at(start: str) -> int:
    """'T0' -> 0, 'T0+15' -> 15."""
    found = re.fullmatch(r"T0(?:\+(\d+))?", start.strip())
    assert found, f"not a time from T0: {start!r}"
    return int(found.group(1) or 0)


# ---- the facts ------------------------------------------------------------------------------

MSG = section("1. ")
MSG_TABLE = table(section("The proposed", MSG))
MSG_TOTAL = int(find(r"proposed (\d+)-minute meeting", MSG))
MSG_SIZE = number_range(find(r"\*\*(\d+ to \d+) people\*\*", MSG))

FORUM = section("2. ")
ENQUIRING_FORMATS = numbered(FORUM, "Four formats:")
ENQUIRING_HOST = find(r"volunteer \*\*(\w+)\*\*", FORUM)
ENQUIRING_END = find(r"Towards the end, time is spent on \*\*([^*]+)\*\*", FORUM)
MEETUP_QUESTIONS = numbered(FORUM, "four underpinning questions")
MEETUP_FRAME = " ".join(find(r"They frame: ([^\n]+(?:\n  [^\n]+)*)", FORUM).split())

MICRO = section("3. ")
CONGREGATION_SIZE = number_range(find(r"\((\d+–\d+) people", MICRO))
HOME_GROUP_SIZE = number_range(find(r"\*\*Home Group\*\* of \*\*(\d+–\d+) people", MICRO))
FULL_MOON_PEERS = number_range(find(r"helped by \*\*(\d+ or \d+) peers\*\*", MICRO))
INWARD = " ".join(find(r"inward-facing work: ([^)]+)\)", MICRO).split())

CLINIC = " ".join(section("Case Clinic", MICRO).split())
CLINIC_ROLES = re.findall(r"\*\*([^*]+)\*\* \(", CLINIC.split("Roles:")[1])
CLINIC_COACHES = number_range(find(r"\*\*coaches\*\* \((\d+–\d+) peers", CLINIC))
CLINIC_TOTAL = int(find(r"a typical (\d+)-minute run", CLINIC))


@dataclass(frozen=True)
class Step:
    """One step of the Case Clinic's typical run: 'mirroring, each coach in turn (about 2 each)'."""

    name: str  # "mirroring"
    detail: str  # ", each coach in turn"
    low: int
    high: int
    each: bool  # minutes per coach


def _step(text: str) -> Step:
    found = re.fullmatch(r"(.+?)((?: by |, | with ).*)? \((about )?(\d+)(?:–(\d+))?( each)?\)",
                         text.strip())  # fmt: skip
    assert found, f"not a step: {text!r}"
    name, detail, _, low, high, each = found.groups()
    return Step(name, detail or "", int(low), int(high or low), bool(each))


CLINIC_STEPS = [_step(s) for s in find(r"run: (.*?)\.$", CLINIC).split("→")]


def test_the_source_reads_as_expected() -> None:
    """The parsing found what it looks for, spelled out here: a reworded context.md fails here
    first, and when its facts change, these change with them and the agendas must follow."""
    assert len(MSG_TABLE) == 6 and MSG_TOTAL == 150 and MSG_SIZE == (6, 12)
    assert len(ENQUIRING_FORMATS) == len(ENQUIRING) and ENQUIRING_HOST == "host"
    assert len(MEETUP_QUESTIONS) == 4 and "follow up" in ENQUIRING_END
    assert (CONGREGATION_SIZE, HOME_GROUP_SIZE, FULL_MOON_PEERS) == ((20, 40), (3, 6), (3, 4))
    assert CLINIC_ROLES == ["case giver", "coaches", "timekeeper"] and CLINIC_COACHES == (3, 4)
    assert len(CLINIC_STEPS) == 7 and CLINIC_STEPS[4] == Step("mirroring", ", each coach in turn",
                                                              2, 2, True)  # fmt: skip
    for row in MSG_TABLE:  # the table agrees with itself
        assert at(row["start"]) + int(row["minutes"]) == at(row["end"]), row["#"]
    assert at(MSG_TABLE[-1]["end"]) == MSG_TOTAL


def test_every_bundled_agenda_has_a_source_format() -> None:
    originals = {a.id for a in LOADED.values() if not a.translation_of}
    assert originals == MAPPED
    assert all(a.translation_of in MAPPED for a in LOADED.values() if a.translation_of)


# ---- the agendas ----------------------------------------------------------------------------


def in_original_roles(twin: Agenda, original: Agenda) -> Agenda:
    """A twin with its roles named as the original names them (by position)."""
    names = dict(zip(twin.roles, original.roles, strict=True))

    def role(name: str | None) -> str | None:
        return names.get(name, name) if name else name

    items = tuple(replace(i, who=role(i.who), who_also=tuple(names.get(r, r) for r in i.who_also),
                          first=role(i.first)) for i in twin.items)  # fmt: skip
    return replace(twin, roles=original.roles, items=items)


def versions(agenda_id: str) -> list[Agenda]:
    """The agenda and its translated twins (roles in the original's names)."""
    original = LOADED[agenda_id]
    twins = [
        in_original_roles(a, original) for a in LOADED.values() if a.translation_of == agenda_id
    ]
    return [original, *sorted(twins, key=lambda a: a.id)]


def each_version(*agenda_ids: str) -> pytest.MarkDecorator:
    cases = [a for agenda_id in agenda_ids for a in versions(agenda_id)]
    return pytest.mark.parametrize("agenda", cases, ids=lambda a: a.id)


def minutes(agenda: Agenda, speakers: int | None = None) -> float:
    return sum(i.nominal(speakers if i.per_person else None) for i in agenda.items)


# ---- 1. the cooperative's 150-minute meeting ------------------------------------------------


@each_version(MUTUAL_SUPPORT)
def test_the_150_minute_meeting_follows_its_table(agenda: Agenda) -> None:
    assert agenda.group_size == MSG_SIZE
    assert len(agenda.items) == len(MSG_TABLE)
    start = 0.0
    for row, item in zip(MSG_TABLE, agenda.items, strict=True):
        where = f"{agenda.id} item {row['#']}"
        assert at(row["start"]) == start, where
        assert item.minutes == int(row["minutes"]), where
        start += item.nominal(None)
        text = plain(row["item"])
        assert (item.when == "newcomer") == ("only when a new person has joined" in text), where
        if "every participant" in text:
            assert item.is_round, where
        if "Alternative:" in text:
            assert item.alternative, where
        if "answers the same question" in text:
            assert item.deck and item.draw == "group", where
        if agenda.language == "en":  # the title starts with the source's name for the item
            name = find(r"^\W*(\w+)", text)
            assert item.title.lower().startswith(name.lower()), where
    assert start == MSG_TOTAL == minutes(agenda)


@each_version(MUTUAL_SUPPORT)
def test_the_150_minute_meeting_ends_with_how_far_expectations_were_met(agenda: Agenda) -> None:
    last = plain(MSG_TABLE[-1]["item"])
    assert "how far their expectations were met" in last and "every participant" in last
    *before, end = agenda.items
    assert end.is_round and end.record == "conclusions"
    assert any(i.record == "expectations" for i in before)  # what the conclusion looks back on


# ---- 2. the forum: Enquiring Conversations and the Open MeetUp ------------------------------


def _presentation(agenda: Agenda) -> int | None:
    return next((n for n, i in enumerate(agenda.items) if "presentation" in i.title.lower()), None)


@pytest.mark.parametrize("number", range(len(ENQUIRING)), ids=ENQUIRING)
def test_an_enquiring_conversation_follows_its_format(number: int) -> None:
    text = plain(ENQUIRING_FORMATS[number])
    original = LOADED[ENQUIRING[number]]
    titles = [i.title.lower() for i in original.items]
    for agenda in versions(ENQUIRING[number]):
        assert ENQUIRING_HOST in agenda.roles, agenda.id
        assert agenda.items[-1].record == "followups", agenda.id  # whether people follow up
        assert agenda.items[-1].is_round, agenda.id  # each says whether they will
    presenting = _presentation(original)
    if "presentation" in text:  # the presentations come before the discussion
        assert presenting is not None
        discussions = [n for n, i in enumerate(original.items) if i.kind == "discussion"]
        assert "then" in text and any(n > presenting for n in discussions)
        for agenda in versions(original.id):
            shared = text.startswith("All or some participants")
            # several presenters: a round per person, shorter when some pass; one: a single slot
            assert agenda.items[presenting].is_round == shared, agenda.id
            assert (agenda.items[presenting].per_person is not None) == shared, agenda.id
    else:
        assert presenting is None
    if "read an article" in text:
        assert any("article" in t for t in titles)
    if "the author may join" in text:
        assert any("author" in t for t in titles)
    if "convening question" in text:
        assert "convening question" in titles[0]
        assert not any("article" in t for t in titles)  # "no source material"


def test_the_open_meetup_asks_the_four_questions_in_turn_and_in_order() -> None:
    agenda = LOADED[OPEN_MEETUP]
    asked = [i for i in agenda.items if i.question and i.is_round]
    assert len(asked) == len(MEETUP_QUESTIONS)
    for number, item in enumerate(asked):
        overlap = [len(words(item.question or "") & words(q)) / len(words(q))
                   for q in MEETUP_QUESTIONS]  # fmt: skip
        assert max(overlap) == overlap[number] >= 0.6, (item.title, overlap)
    opening = next(i for i in agenda.items if i.question and not i.is_round)
    assert agenda.items.index(opening) < agenda.items.index(asked[0])
    frame = [words(part) for part in plain(MEETUP_FRAME).rstrip(".").split(",")]
    assert all(part <= words(opening.question or "") for part in frame), frame
    for twin in versions(OPEN_MEETUP)[1:]:
        assert [n for n, i in enumerate(twin.items) if i.question and i.is_round] == [
            agenda.items.index(i) for i in asked
        ], twin.id


# ---- 3. Microsolidarity ---------------------------------------------------------------------


@each_version(GATHERING, HOME_GROUP, FULL_MOON, NEW_MOON)
def test_a_congregations_agenda_has_its_group_size_and_welcomes_newcomers_at_gatherings(
    agenda: Agenda,
) -> None:
    original = agenda.translation_of or agenda.id
    size = {GATHERING: CONGREGATION_SIZE, HOME_GROUP: HOME_GROUP_SIZE,
            FULL_MOON: (1 + FULL_MOON_PEERS[0], 1 + FULL_MOON_PEERS[1]), NEW_MOON: None}  # fmt: skip
    assert agenda.group_size == size[original]
    assert "new people join only there" in MICRO
    welcomes = any(i.when == "newcomer" for i in agenda.items)
    assert welcomes == (original == GATHERING)


def test_the_new_moon_call_holds_the_inward_facing_work() -> None:
    titles = " ".join(i.title.lower() for i in LOADED[NEW_MOON].items)
    kinds = [part.split(" ", 1)[-1] for part in re.split(r", (?:or )?", INWARD)]  # "policy work"
    assert kinds == ["dialogue", "policy work", "operations"]
    assert all(kind in titles for kind in kinds), kinds
    assert "decisions are finalised by consent" in plain(MICRO)
    for agenda_id in (NEW_MOON, GATHERING):  # deliberation on the day, decisions later
        deciding = [i for i in LOADED[agenda_id].items if i.record == "decisions"]
        assert deciding and all("consent" in (i.guidance or "") for i in deciding), agenda_id


# ---- Case Clinic ----------------------------------------------------------------------------


def _roles() -> tuple[str, ...]:
    return tuple(re.sub(r"es$", "", r) if r.endswith("ches") else r for r in CLINIC_ROLES)


def _steps(agenda: Agenda) -> list[int]:
    """The items of ``agenda`` that hold the Case Clinic's steps, in order."""
    found: list[int] = []
    for step in CLINIC_STEPS:
        after = found[-1] + 1 if found else 0
        matching = [n for n, i in enumerate(agenda.items)
                    if n >= after and words(step.name) <= words(i.title)]  # fmt: skip
        assert matching, f"{agenda.id}: no item for '{step.name}' after item {after}"
        found.append(matching[0])
    return found


@each_version(CASE_CLINIC, FULL_MOON)
def test_a_case_clinic_has_its_roles_steps_and_the_way_each_step_is_held(agenda: Agenda) -> None:
    case_giver, coach, timekeeper = _roles()
    assert agenda.roles == (case_giver, coach, timekeeper)
    coaches = CLINIC_COACHES if agenda.id.startswith(CASE_CLINIC) else FULL_MOON_PEERS
    assert agenda.group_size == (1 + coaches[0], 1 + coaches[1])  # the timekeeper coaches too
    original = LOADED[agenda.translation_of or agenda.id]
    for step, number in zip(CLINIC_STEPS, _steps(original), strict=True):
        item = agenda.items[number]
        where = f"{agenda.id}: {step.name}"
        if step.detail.startswith(" by the "):
            assert item.who_roles == (step.detail.removeprefix(" by the "),), where
        if "each coach in turn" in step.detail:  # the timekeeper is one of the coaches
            assert item.is_round and item.who_roles == (coach, timekeeper), where
        if step.detail.startswith(", ") and " first" in step.detail:
            assert item.is_round and item.first == step.detail[2:].split(" first")[0], where
        if "with everyone" in step.detail:
            assert item.kind == "discussion" and not item.who_roles, where
        if step.each:
            assert item.per_person == step.low, where
            assert item.minutes == step.low * coaches[1], where  # planned for the most coaches


@each_version(CASE_CLINIC)
def test_the_case_clinic_keeps_the_published_timings(agenda: Agenda) -> None:
    steps = _steps(LOADED[CASE_CLINIC])
    assert steps == list(range(len(agenda.items)))  # the steps and nothing else
    for step, item in zip(CLINIC_STEPS, agenda.items, strict=True):
        given = (item.per_person or 0) if step.each else (item.minutes or 0)
        assert step.low <= given <= step.high, f"{agenda.id}: {step.name} {given}"
    assert minutes(agenda, CLINIC_COACHES[1]) == CLINIC_TOTAL  # the typical run, four coaches


def test_twins_are_checked_in_their_originals_role_names() -> None:
    twin = next(a for a in versions(CASE_CLINIC) if a.language == "fr")
    assert LOADED["case-clinic-fr"].roles[0] != twin.roles[0] == "case giver"
    assert twin.items[1].who == "case giver"
