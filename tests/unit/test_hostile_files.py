"""Files no reader may trip on: pipes, folders, unreadable and damaged files in the user's folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"


def cli(*args: str, data_dir: Path, timeout: float = 20) -> subprocess.CompletedProcess[bytes]:
    """``python -m facilitator ARGS --data-dir DIR`` in a child, its output as bytes."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "facilitator", "--data-dir", str(data_dir), *args],
        capture_output=True,
        env=env,
        timeout=timeout,
        check=False,
    )


@pytest.mark.parametrize("kind", ["agendas", "decks"])
def test_a_fifo_given_to_validate_is_refused_without_waiting(tmp_path: Path, kind: str) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result = cli(kind, "validate", str(fifo), data_dir=tmp_path / "data", timeout=10)
    assert result.returncode == 1
    assert f"{fifo}:1:1: not a regular file".encode() in result.stderr


def test_a_folder_given_to_the_loaders_is_a_problem(tmp_path: Path) -> None:
    from facilitator.formats.agenda import load_agenda
    from facilitator.formats.deck import load_deck
    from facilitator.formats.problems import FormatError

    folder = tmp_path / "x.yaml"
    folder.mkdir()
    for load in (load_agenda, load_deck):
        with pytest.raises(FormatError, match="not a regular file"):
            load(str(folder))


def unreadable_files(folder: Path) -> dict[str, str]:
    """Files no loader can read, in ``folder``: their stems and the words of their problem."""
    folder.mkdir(parents=True, exist_ok=True)
    os.mkfifo(folder / "pipe.yaml")
    (folder / "folder.yaml").mkdir()
    (folder / "latin1.yaml").write_bytes(b"title: Caf\xe9\n")
    (folder / "huge.yaml").write_bytes(b"title: Huge\n" + b"#" * (1024 * 1024) + b"\n")
    (folder / "dangling.yaml").symlink_to(folder / "nowhere.yaml")
    problems = {
        "pipe": "not a regular file",
        "folder": "not a regular file",
        "latin1": "not UTF-8",
        "huge": "over 1 MiB",
        "dangling": "cannot read the file",
    }
    if os.geteuid() != 0:  # root reads anything
        denied = folder / "denied.yaml"
        denied.write_text("title: Secret\n")
        denied.chmod(0)
        problems["denied"] = "Permission denied"
    return problems


def test_unreadable_files_in_the_users_folders_are_listed_with_their_problem(
    data_dir: Path,
) -> None:
    from facilitator import catalog
    from facilitator.catalog_cache import agenda_summaries

    agendas = unreadable_files(data_dir / "agendas")
    decks = unreadable_files(data_dir / "question_decks")
    entries = {e.id: e for e in catalog.agenda_entries() if e.origin == "user"}
    assert set(entries) == set(agendas)
    for stem, words in agendas.items():
        assert entries[stem].value is None
        assert any(words in p.message for p in entries[stem].problems), (stem, entries[stem])
    summaries = {s.id: s for s in agenda_summaries()}
    for _ in range(2):  # from the files, then from the cache
        summaries = {s.id: s for s in agenda_summaries()}
        assert all(summaries[stem].minutes is None for stem in agendas)
        assert summaries["mutual-support-150"].minutes == 150
    user_decks = {e.id: e for e in catalog.deck_entries() if e.origin == "user"}
    assert set(user_decks) == set(decks) and all(e.value is None for e in user_decks.values())
    assert catalog.find_agenda("mutual-support-150").origin == "bundled"
    assert catalog.find_deck("jasette").questions


def test_the_cli_lists_unreadable_files_and_works_for_the_rest(data_dir: Path) -> None:
    unreadable_files(data_dir / "agendas")
    unreadable_files(data_dir / "question_decks")
    for args in (["agendas", "list"], ["decks", "list"], ["agendas", "show", "mutual-support-150"]):
        result = cli(*args, data_dir=data_dir)
        assert result.returncode == 0, (args, result.stderr)
        assert b"Traceback" not in result.stderr
    listing = cli("agendas", "list", data_dir=data_dir).stdout.decode()
    assert "pipe.yaml (has errors)" in listing and "folder.yaml (has errors)" in listing


OSC_KEY = '"\\e]52;c;UFdORUQ=\\e\\\\": 1\n'  # a key that would write the clipboard (OSC 52)
EVIL = "evil\x1b]0;pwned\x07\x9b2J"  # retitles the window, then clears the screen (C1 CSI)


def no_controls(text: str | bytes) -> bool:
    raw = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
    shown = raw.decode("utf-8", "replace")
    return not any(ch in shown for ch in "\x1b\x07") and not any(
        0x80 <= ord(ch) <= 0x9F for ch in shown
    )


def test_problems_quote_a_bad_key_or_file_name_without_its_control_characters(
    tmp_path: Path,
) -> None:
    from facilitator.formats.agenda import load_agenda
    from facilitator.formats.problems import FormatError

    path = tmp_path / f"{EVIL}.yaml"
    path.write_text("title: T\n" + OSC_KEY + 'items:\n  - title: A\n    minutes: "\\e]2;x\\a"\n')
    with pytest.raises(FormatError) as caught:
        load_agenda(str(path))
    assert len(caught.value.problems) == 2
    for problem in caught.value.problems:
        assert no_controls(str(problem)), problem
    assert "unknown key ']52;c;UFdORUQ=\\'" in caught.value.problems[0].message


def test_file_names_with_control_characters_are_listed_clean(data_dir: Path) -> None:
    from facilitator import catalog

    folder = data_dir / "agendas"
    folder.mkdir(parents=True)
    (folder / f"{EVIL}.yaml").write_text("title: Fine\nitems:\n  - title: A\n    minutes: 5\n")
    (folder / f"{EVIL}2.yaml").write_text("items: 5\n")
    decks = data_dir / "question_decks"
    decks.mkdir(parents=True)
    (decks / f"{EVIL}.yaml").write_text("title: Ours\nquestions: [one?]\n")
    (decks / f"{EVIL}2.yaml").write_text("questions: 5\n")
    user = [e for e in catalog.agenda_entries() if e.origin == "user"]
    assert [e.id for e in user] == ["evil]0;pwned2J", "evil]0;pwned2J2"]
    assert all(no_controls(e.title + e.where) for e in user)
    for args in (
        ["agendas", "list"],
        ["decks", "list"],
        ["agendas", "validate", str(folder / f"{EVIL}2.yaml")],
    ):
        result = cli(*args, data_dir=data_dir)
        assert b"Traceback" not in result.stderr
        assert no_controls(result.stdout) and no_controls(result.stderr), (args, result)
    assert b"evil]0;pwned2J" in cli("agendas", "list", data_dir=data_dir).stdout


ITEM = "  - title: A\n    minutes: 5\n"
ROOT = Path(__file__).resolve().parents[2]


HOSTILE_AGENDAS: dict[str, str] = {
    "int-five": "title: T\nitems:\n  - title: A\n    minutes: !!int five\n",
    "float-abc": "title: T\nitems:\n  - title: A\n    minutes: !!float abc\n",
    "int-binary": "title: T\nitems:\n  - title: A\n    minutes: !!int 0b2\n",
    "int-fraction": "title: T\nitems:\n  - title: A\n    minutes: !!int 1.5\n",
    "bool-maybe": "title: T\nitems:\n" + ITEM + "    flexible: !!bool maybe\n",
    "digits": "title: T\nitems:\n  - title: A\n    minutes: " + "9" * 401 + "\n",
    "group-digits": "title: T\ngroup_size: {min: " + "9" * 401 + "}\nitems:\n" + ITEM,
    "e20": "title: T\nitems:\n  - title: A\n    minutes: 1.0e+20\n",
    "e308": "title: T\nitems:\n  - title: A\n    minutes: 1.0e+308\n",
    "e300": "title: T\nitems:\n  - title: A\n    kind: round\n    per_person: 1.0e+300\n",
    "osc-key": "title: T\n" + OSC_KEY + "items:\n" + ITEM,
    "osc-minutes": 'title: T\nitems:\n  - title: A\n    minutes: "\\e]2;pwned\\a"\n',
    "osc-title": 'title: "\\e]2;pwned\\a\\x9b2J ok"\nitems:\n' + ITEM,
    "raw-escape": "title: T\nitems:\n" + ITEM + "    guidance: a\x1b]0;x\x07b\n",
    "amplified": "title: T\nx: &g " + "w" * 300_000 + "\nitems:\n"
    + "".join(f"  - title: I{n}\n    minutes: 1\n    guidance: *g\n" for n in range(2500)),
    "long": "title: T\nitems:\n" + ITEM * 10_000,
    "deep": "title: T\nx: " + "[" * 5000 + "]" * 5000 + "\nitems:\n" + ITEM,
    "python-tag": "title: !!python/object/apply:os.system [echo pwned]\nitems:\n" + ITEM,
    "language": "title: T\nlanguage: 12\nitems:\n" + ITEM,
}  # fmt: skip
HOSTILE_DECKS: dict[str, str] = {
    "float-title": "title: !!float x\nquestions: [one?]\n",
    "language": "title: T\nlanguage: 12\nquestions: [one?]\n",
    "number": "title: T\nquestions:\n  - 42\n",
    "osc-key": "title: T\n" + OSC_KEY + "questions: [one?]\n",
    "osc-question": 'title: T\nquestions: ["\\e]52;c;UFdORUQ=\\a"]\n',
    "many": "title: T\nquestions:\n" + "".join(f"  - q{n}?\n" for n in range(6000)),
}


def hostile_data_dir(data_dir: Path) -> None:
    """Every hostile file of issue 14 at once, in the user's agenda and deck folders."""
    for folder, files in (("agendas", HOSTILE_AGENDAS), ("question_decks", HOSTILE_DECKS)):
        unreadable_files(data_dir / folder)
        for stem, text in files.items():
            (data_dir / folder / f"{stem}.yaml").write_text(text, encoding="utf-8")
        (data_dir / folder / f"{EVIL}.yaml").write_text("title: Named badly\n" + OSC_KEY)


def test_every_hostile_file_together_leaves_the_app_working_and_the_terminal_clean(
    data_dir: Path,
) -> None:
    from facilitator import catalog
    from facilitator.catalog_cache import agenda_summaries

    hostile_data_dir(data_dir)
    user = {e.id: e for e in catalog.agenda_entries() if e.origin == "user"}
    assert set(HOSTILE_AGENDAS) <= set(user)
    assert user["osc-title"].title == "]2;pwned2J ok"  # valid once cleaned
    refused = set(HOSTILE_AGENDAS) - {"osc-title"}
    assert all(user[stem].value is None and user[stem].problems for stem in refused)
    assert all(no_controls(str(p)) for e in user.values() for p in e.problems)
    assert {s.id: s for s in agenda_summaries()}["mutual-support-150"].minutes == 150
    assert catalog.find_agenda("mutual-support-150").origin == "bundled"
    runs = [
        ["agendas", "list"],
        ["decks", "list"],
        ["agendas", "show", "mutual-support-150"],
        ["agendas", "show", "mutual-support-150", "--at", "19:00"],
        ["agendas", "validate", *sorted(str(p) for p in (data_dir / "agendas").iterdir())],
        ["decks", "validate", *sorted(str(p) for p in (data_dir / "question_decks").iterdir())],
    ]
    for args in runs:
        result = cli(*args, data_dir=data_dir, timeout=60)
        assert result.returncode == (1 if "validate" in args else 0), (args[:2], result.stderr)
        assert b"Traceback" not in result.stderr, result.stderr.decode()[-2000:]
        assert no_controls(result.stdout) and no_controls(result.stderr), args[:2]
    listing = cli("agendas", "list", data_dir=data_dir).stdout.decode()
    assert "mutual-support-150" in listing and "int-five" in listing


@pytest.mark.parametrize(
    ("title", "guessed"),
    [
        ("!!float x", "broken.yaml"),  # not text: the file's name
        ("!!int five", "broken.yaml"),
        ("!!bool maybe", "broken.yaml"),
        ("*nowhere", "*nowhere"),  # not YAML on its own: the words as typed
        ("!!python/name:os.system", "!!python/name:os.system"),
    ],
)
def test_the_title_of_a_broken_file_is_guessed_without_raising(
    tmp_path: Path, title: str, guessed: str
) -> None:
    from facilitator.catalog import guess_title

    path = tmp_path / "broken.yaml"
    path.write_text(f"title: {title}\nquestions: 5\n")
    assert guess_title(path) == guessed
    path.write_text("title: 'Our # evening' # a comment\n")
    assert guess_title(path) == "Our # evening"


def test_home_under_a_pty_sends_no_sequence_from_the_hostile_files(data_dir: Path) -> None:
    """What reaches the terminal, as bytes: Home draws (escape sequences of its own), but no
    clipboard write (OSC 52), window title (OSC 2) or C1 control from the files."""
    import os
    import pty
    import select
    import signal
    import sys
    import time

    hostile_data_dir(data_dir)
    env = {**os.environ, "FACILITATOR_DATA_DIR": str(data_dir), "TERM": "xterm-256color",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}  # fmt: skip
    pid, fd = pty.fork()
    if pid == 0:  # the child: facilitator, full-screen, on the pty
        os.execve(sys.executable, [sys.executable, "-m", "facilitator"], env)
    out = b""
    deadline = time.monotonic() + 15
    try:
        while time.monotonic() < deadline and b"Mutual support meeting" not in out:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    out += os.read(fd, 65536)
                except OSError:
                    break
        settle = time.monotonic() + 1.0  # the panels drawn after the list
        while time.monotonic() < settle:
            if select.select([fd], [], [], 0.1)[0]:
                out += os.read(fd, 65536)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    assert b"Mutual support meeting" in out
    assert b"\x1b]52" not in out and b"\x1b]2;" not in out and b"UFdORUQ" not in out
    assert b"\x1b]0;pwned" not in out
    assert not any(0x80 <= ord(c) <= 0x9F for c in out.decode("utf-8", "replace"))  # C1
