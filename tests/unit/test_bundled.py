"""The bundled library: every file valid, schema and loader in agreement, timelines right."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from facilitator import catalog, paths
from facilitator.cli.main import main
from facilitator.formats.agenda import load_agenda
from facilitator.formats.deck import load_deck
from facilitator.formats.problems import FormatError
from tests.unit.test_agenda_invalid import CASES

AGENDAS = sorted(paths.bundled_agendas().glob("*.yaml"))
DECKS = sorted(paths.bundled_decks().glob("*.yaml"))
IDS = {"mutual-support-150", "case-clinic", "enquiring-presentation",
       "enquiring-short-presentations", "enquiring-article", "enquiring-open", "open-meetup",
       "full-moon-call", "new-moon-call", "home-group"}  # fmt: skip


def schema(name: str) -> dict:
    return json.loads((paths.schemas() / f"{name}.schema.json").read_text())


def test_the_library_is_complete() -> None:
    assert {p.stem for p in AGENDAS} >= IDS
    assert {p.stem for p in DECKS} >= {"jasette", "jasette-fr", "open-meetup", "check-in",
                                       "check-out", "open-meetup-fr"}  # fmt: skip
    sizes = {d.id: len(d.questions) for d in (load_deck(str(p)) for p in DECKS)}
    assert sizes["jasette"] >= 60
    for language in ("fr", "de", "es", "it"):
        assert sizes[f"jasette-{language}"] >= 40, language
    for name in ("check-in", "check-out", "check-in-fr", "check-out-fr"):
        assert sizes[name] >= 30, name


@pytest.mark.parametrize("path", AGENDAS, ids=lambda p: p.stem)
def test_bundled_agenda_is_valid_and_matches_schema(path: Path) -> None:
    agenda = load_agenda(str(path), catalog.deck_ids())
    assert agenda.id == path.stem
    assert path.read_text().startswith(
        "# yaml-language-server: $schema=../schemas/agenda.schema.json\n"
    )
    jsonschema.validate(yaml.safe_load(path.read_text()), schema("agenda"))
    assert agenda.items[-1].protected and any(i.flexible for i in agenda.items)


@pytest.mark.parametrize("path", DECKS, ids=lambda p: p.stem)
def test_bundled_deck_is_valid_and_matches_schema(path: Path) -> None:
    deck = load_deck(str(path))
    assert deck.id == path.stem
    assert path.read_text().startswith(
        "# yaml-language-server: $schema=../schemas/deck.schema.json\n"
    )
    jsonschema.validate(yaml.safe_load(path.read_text()), schema("deck"))


# Invalid files the schema can judge (rules about roles, decks, YAML itself are the loader's).
SCHEMA_CASES = [c for c in CASES if c[0] in {
    "unknown-top-key", "unknown-item-key", "unknown-far-key", "missing-title", "blank-title",
    "missing-items", "empty-items", "items-not-list", "item-not-mapping", "item-no-title",
    "no-minutes", "bool-minutes", "text-minutes", "zero-minutes", "negative-minutes",
    "bad-kind", "per-person-not-round", "min-without-flexible", "flexible-and-protected",
    "flexible-not-bool", "group-size-fraction", "bad-record", "bad-when", "bad-language",
    "top-is-list", "minutes-over-a-day", "minutes-1e20", "minutes-1e308", "per-person-1e300",
    "min-minutes-over-a-day", "group-size-huge", "bad-split", "split-round", "who-empty-list",
    "show-unknown", "brings-unknown", "question-not-text",
}]  # fmt: skip


@pytest.mark.parametrize("case", SCHEMA_CASES, ids=lambda c: c[0])
def test_schema_and_loader_agree_on_invalid_files(tmp_path: Path, case: tuple) -> None:
    name, text = case[0], case[1]
    path = tmp_path / f"{name}.yaml"
    path.write_text(text)
    with pytest.raises(FormatError):
        load_agenda(str(path), catalog.deck_ids())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(text), schema("agenda"))


def test_show_prints_the_context_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["agendas", "show", "mutual-support-150", "--newcomer"]) == 0
    out = capsys.readouterr().out
    starts = ["T0 ", "T0+2'", "T0+4'", "T0+15'", "T0+40'", "T0+145'"]
    rows = [line for line in out.splitlines() if line.startswith("│")]
    assert [r.split("│")[3].strip() for r in rows] == [s.strip() for s in starts]
    assert "ends at T0+150'" in out
    assert main(["agendas", "show", "mutual-support-150"]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith("│")]
    assert [r.split("│")[5].strip() for r in rows] == ["2", "11", "25", "107", "5"]
    assert "ends at T0+150'" in out


def test_show_with_clock_and_participants(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["agendas", "show", "case-clinic", "--at", "19:00", "--participants", "5"]) == 0
    out = capsys.readouterr().out
    assert "19:00" in out


def test_user_agenda_shadows_bundled_and_listing_says_so(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["agendas", "new", "Our evening", "--from", "home-group"]) == 0
    target = data_dir / "agendas" / "our-evening.yaml"
    assert load_agenda(str(target), catalog.deck_ids()).title == "Our evening"
    copy = data_dir / "agendas" / "home-group.yaml"
    copy.write_text(target.read_text().replace("id: our-evening", "id: home-group"))
    capsys.readouterr()
    assert main(["agendas", "list"]) == 0
    out = capsys.readouterr().out
    assert "replaces bundled" in out and "our-evening" in out
    assert catalog.find_agenda("home-group").origin == "user"


def test_edit_reopens_until_valid_and_never_leaves_an_invalid_file(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    script = tmp_path / "editor.sh"
    script.write_text("#!/bin/sh\necho 'oops: [' >> \"$1\"\n")
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    assert main(["agendas", "edit", "home-group"]) == 1  # not a tty: gives up, nothing saved
    assert not (data_dir / "agendas" / "home-group.yaml").exists()
    assert "YAML syntax" in capsys.readouterr().err
    good = tmp_path / "good.sh"
    good.write_text("#!/bin/sh\nsed -i 's/^title: .*/title: Ours/' \"$1\"\n")
    good.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(good))
    assert main(["agendas", "edit", "home-group"]) == 0
    assert catalog.find_agenda("home-group").title == "Ours"


def test_listing_cache_follows_changes_to_agendas_and_decks(data_dir: Path) -> None:
    from facilitator.catalog_cache import agenda_summaries

    (data_dir / "question_decks").mkdir(parents=True)
    deck = data_dir / "question_decks" / "ours.yaml"
    deck.write_text("title: Ours\nquestions: [one?]\n")
    (data_dir / "agendas").mkdir(parents=True)
    agenda = data_dir / "agendas" / "mine.yaml"
    agenda.write_text("title: Mine\nitems:\n  - title: A\n    minutes: 5\n    deck: ours\n")
    mine = {s.id: s for s in agenda_summaries()}["mine"]
    assert (mine.title, mine.minutes) == ("Mine", 5)
    agenda.write_text("title: Mine again\nitems:\n  - title: A\n    minutes: 7\n    deck: ours\n")
    assert {s.id: s for s in agenda_summaries()}["mine"].minutes == 7
    deck.unlink()
    assert {s.id: s for s in agenda_summaries()}["mine"].minutes is None  # now invalid


def test_show_warns_when_the_group_size_does_not_fit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["agendas", "show", "mutual-support-150", "--participants", "4"]) == 0
    assert "Note: This agenda is meant for 6–12 people; you have 4." in capsys.readouterr().err
    assert main(["agendas", "show", "mutual-support-150", "--participants", "8"]) == 0
    assert capsys.readouterr().err == ""


def test_files_with_errors_are_listed_by_title_and_marked(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    (data_dir / "agendas").mkdir(parents=True)
    (data_dir / "agendas" / "ours.yaml").write_text("title: Our evening\nitems: [unclosed\n")
    (data_dir / "question_decks").mkdir(parents=True)
    (data_dir / "question_decks" / "mine.yaml").write_text("title: My questions\nquestions: 3\n")
    capsys.readouterr()
    assert main(["agendas", "list"]) == 0
    assert "Our evening (has errors)" in capsys.readouterr().out
    assert main(["decks", "list"]) == 0
    assert "My questions (has errors)" in capsys.readouterr().out


def test_several_roles_a_set_question_and_session_content_load_as_the_schema_says(
    tmp_path: Path,
) -> None:
    from facilitator.meeting.agenda_data import agenda_from_data, agenda_to_data

    text = (
        "title: T\nroles: [coach, timekeeper]\nbrings: [question, supporting]\nitems:\n"
        "  - title: Mirror\n    kind: round\n    minutes: 8\n    who: [coach, timekeeper]\n"
        "    question: What did you notice?\n    show: question\n"
        "  - title: Open\n    minutes: 5\n    who: coach\n    show: [question, supporting]\n"
    )
    path = tmp_path / "t.yaml"
    path.write_text(text)
    jsonschema.validate(yaml.safe_load(text), schema("agenda"))
    agenda = load_agenda(str(path), catalog.deck_ids())
    mirror, open_ = agenda.items
    assert mirror.who_roles == ("coach", "timekeeper") and open_.who_roles == ("coach",)
    assert mirror.question == "What did you notice?" and mirror.show == ("question",)
    assert open_.show == ("question", "supporting") and agenda.brings == ("question", "supporting")
    kept = agenda_from_data(agenda_to_data(agenda))  # as a journal keeps it
    assert kept.items == agenda.items and kept.brings == agenda.brings


def test_list_and_show_give_a_per_person_agendas_length_for_the_people(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["agendas", "list"]) == 0
    rows = {line.split("│")[1].strip(): line.split("│")[3].strip()
            for line in capsys.readouterr().out.splitlines() if line.startswith("│")}  # fmt: skip
    assert rows["open-meetup"] == "99 for 6: 9 over its 90"  # 3 + 2 + 2 + 2 minutes each
    assert rows["mutual-support-150"] == "150" and rows["home-group"] == "71 for 3"
    assert main(["agendas", "list", "--participants", "7"]) == 0
    assert "108 for 7: 18 over its 90" in capsys.readouterr().out
    assert main(["agendas", "show", "open-meetup", "--newcomer"]) == 0
    assert "ends at T0+99': 99 min for 6: 9 over its 90" in capsys.readouterr().out


@pytest.mark.parametrize("written", ["off", '"off"', "'off'", "false", "no"])
def test_an_item_off_the_record_loads_as_the_schema_says(tmp_path: Path, written: str) -> None:
    from facilitator.meeting.agenda_data import agenda_from_data, agenda_to_data

    text = (
        "title: T\nitems:\n  - title: Demining\n    minutes: 2\n    record: " + written + "\n"
        "  - title: Core\n    minutes: 5\n    record: notes\n  - title: Open\n    minutes: 5\n"
    )
    path = tmp_path / "t.yaml"
    path.write_text(text)
    jsonschema.validate(yaml.safe_load(text), schema("agenda"))
    off, notes, plain = load_agenda(str(path), catalog.deck_ids()).items
    assert off.off_record and off.record is None
    assert not notes.off_record and notes.record == "notes"
    assert not plain.off_record and plain.record is None  # an old file loads as it did
    assert agenda_from_data(agenda_to_data(load_agenda(str(path)))).items[0].off_record


def test_the_bundled_demining_items_are_off_the_record() -> None:
    for path in AGENDAS:
        if path.stem.startswith("mutual-support-150"):
            demining = load_agenda(str(path), catalog.deck_ids()).items[1]
            assert demining.off_record and demining.minutes == 2, path.name
