"""What start-up imports: nothing of the formats, the meeting, journals, rhythms or YAML before
Home's first frame, and no subcommand's module for ``--version`` or ``--help``.

Each check runs in a fresh interpreter, so what other tests imported does not count.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import facilitator

HEAVY = ("facilitator.formats", "facilitator.meeting", "facilitator.journal",
         "facilitator.rhythm", "yaml")  # fmt: skip
SUBCOMMANDS = ("run", "agendas", "decks", "sessions", "review", "calendar", "groups")


def _loaded(code: str) -> list[str]:
    """The modules loaded after running ``code`` in a new interpreter."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    src = str(Path(facilitator.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=60, check=True)  # fmt: skip
    return json.loads(done.stdout.splitlines()[-1])


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if m in HEAVY or m.startswith(tuple(h + "." for h in HEAVY))]


def test_home_screen_imports_nothing_heavy() -> None:
    assert _heavy(_loaded("import facilitator.tui.screens.home")) == []


def test_the_command_line_module_imports_nothing_heavy() -> None:
    modules = _loaded("import facilitator.cli.main")
    assert _heavy(modules) == []
    assert [
        m for m in modules if m.startswith("facilitator.cli.") and m != "facilitator.cli.main"
    ] == []


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_import_no_subcommand_module(flag: str) -> None:
    code = (
        "import contextlib, io\n"
        "from facilitator.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main([{flag!r}])"
    )  # fmt: skip
    modules = _loaded(code)
    assert _heavy(modules) == []
    assert [
        m for m in modules if m.startswith("facilitator.cli.") and m != "facilitator.cli.main"
    ] == []
    assert not any(m == "textual" or m.startswith("textual.") for m in modules)


def test_a_subcommand_imports_its_own_module_only() -> None:
    code = (
        "import contextlib, io\n"
        "from facilitator.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['decks', '--help'])"
    )  # fmt: skip
    subcommands = {f"facilitator.cli.{name}" for name in SUBCOMMANDS}
    assert subcommands & set(_loaded(code)) == {"facilitator.cli.decks"}


def test_the_run_command_parser_imports_nothing_heavy() -> None:
    """`facilitator run`'s parser is built before its meeting starts; only launching the app
    (tui/launch.py) may read agendas."""
    code = (
        "import contextlib, io\n"
        "from facilitator.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['run', '--help'])"
    )  # fmt: skip
    modules = _loaded(code)
    assert _heavy(modules) == []
    assert "facilitator.catalog" not in modules and "facilitator.cli.agendas" not in modules


def test_the_app_and_its_launcher_import_nothing_heavy() -> None:
    """The App and tui/launch.py load the session service, the catalogue and what they need
    only when a meeting or an agenda is asked for, not for Home's first frame."""
    modules = _loaded("import facilitator.tui.app, facilitator.tui.launch")
    assert _heavy(modules) == []
    assert "facilitator.session.service" not in modules and "facilitator.catalog" not in modules
