"""The saved agenda summaries Home lists in its first frame: used only while every file is as
it was when they were saved."""

from __future__ import annotations

import os
from pathlib import Path

from facilitator import paths
from facilitator.catalog_cache import agenda_summaries, fresh_summaries


def own_agenda(data_dir: Path, title: str = "Our evening") -> Path:
    folder = paths.user_agendas()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ours.yaml"
    path.write_text(f"title: {title}\nitems:\n  - title: Talk\n    minutes: 30\n")
    return path


def test_nothing_is_listed_before_the_summaries_are_saved(data_dir: Path) -> None:
    assert fresh_summaries() is None
    assert fresh_summaries() is None  # looking does not save them


def test_saved_summaries_are_what_reading_the_files_gives(data_dir: Path) -> None:
    own_agenda(data_dir)
    read = agenda_summaries()
    assert fresh_summaries() == read
    assert any(s.title == "Our evening" and s.origin == "user" for s in read)


def test_a_changed_added_or_removed_file_makes_them_stale(data_dir: Path) -> None:
    path = own_agenda(data_dir)
    agenda_summaries()
    path.write_text(path.read_text().replace("Our evening", "Our long evening"))
    os.utime(path, ns=(1, 1))  # another time, whatever the clock's granularity
    assert fresh_summaries() is None
    agenda_summaries()
    assert fresh_summaries() is not None
    (path.parent / "more.yaml").write_text("title: More\nitems:\n  - title: A\n    minutes: 5\n")
    assert fresh_summaries() is None
    agenda_summaries()
    (path.parent / "more.yaml").unlink()
    assert fresh_summaries() is None


def test_run_finds_its_agenda_from_the_summaries_without_parsing_the_others(
    data_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from facilitator import catalog

    path = own_agenda(data_dir)
    (path.parent / "theirs.yaml").write_text(
        "title: Theirs\nitems:\n  - title: A\n    minutes: 5\n"
    )
    agenda_summaries()
    read: list[str] = []
    real = catalog.load_agenda

    def counted(path: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        read.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(catalog, "load_agenda", counted)
    assert catalog.find_agenda("ours").title == "Our evening"
    assert read == ["ours.yaml"]  # not theirs, nor any bundled agenda
    path.write_text(path.read_text().replace("Our evening", "Our late evening"))
    os.utime(path, ns=(2, 2))
    assert catalog.find_agenda("ours").title == "Our late evening"  # stale: all are looked at
    assert "theirs.yaml" in read
