"""What the review's follow-ups view decides and says, without the screen: the change a key
makes, the owner's name as typed, the rows listed, and the sentences (shared with
`sessions followups done`, `reopen` and `owner`)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from facilitator.journal import changes
from facilitator.review.followup_change import FollowupChanges, after, owner_name, toggled
from facilitator.review.queries import Followup
from facilitator.views import review_words as words

OPEN = Followup("2027-01-05-1900-tuesday-0003", 1.0, "Tuesday", "e7", "ask \x1b[31mthe union",
                "Ana")  # fmt: skip
DONE = Followup("2027-01-05-1900-tuesday-0003", 2.0, "Tuesday", "e5", "send it", None, True)


def test_the_key_closes_an_open_one_and_reopens_a_done_one() -> None:
    assert (toggled(OPEN), toggled(DONE)) == ("done", "reopen")


def test_what_a_change_leaves_and_when_it_changes_nothing() -> None:
    assert after(OPEN, "done") == Followup(*[getattr(OPEN, k) for k in ("session", "at", "group",
                                           "id", "text", "owner")], done=True)  # fmt: skip
    assert after(DONE, "reopen") is not None and not after(DONE, "reopen").done  # type: ignore[union-attr]
    assert after(OPEN, "reopen") is None and after(DONE, "done") is None
    assert after(OPEN, "owner", "Ana") is None
    assert after(OPEN, "owner", "Dee").owner == "Dee"  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        after(OPEN, "owner", None)


def test_the_owner_typed_loses_control_characters_and_empty_is_nothing() -> None:
    assert owner_name("  De\x1b]52;c;e\x07e  ") == "De]52;c;ee"
    assert owner_name("\x9bDee\x7f") == "Dee"
    assert owner_name("   ") is None and owner_name("") is None and owner_name(None) is None


def test_listed_rows_keep_the_ones_changed_here() -> None:
    both = [OPEN, DONE]
    assert words.listed(both, every=False, kept=set()) == [OPEN]
    assert words.listed(both, every=False, kept={DONE.ref}) == both  # just closed: reopenable
    assert words.listed(both, every=True, kept=set()) == both


def test_a_done_one_is_marked_and_words_never_carry_escapes() -> None:
    assert words.followup_words(DONE) == f"{words.DONE_MARK} send it"
    assert words.followup_words(OPEN) == "ask [31mthe union"


def test_status_counts_open_and_done_ones() -> None:
    assert words.followups_status([OPEN], every=False) == (
        "1 open follow-up · enter: open its session"
    )
    assert words.followups_status([OPEN, DONE], every=True) == (
        "1 open follow-up · 1 done · enter: open its session")  # fmt: skip
    assert words.followups_status([], every=False) == "No open follow-ups."
    assert words.followups_status([], every=True) == "No follow-ups."
    assert words.followups_title(True) != words.followups_title(False) == "Open follow-ups"


def test_the_sentences_of_a_change() -> None:
    short = OPEN.short
    assert words.followup_changed(OPEN, "done") == f"Done: ask [31mthe union ({short})"
    assert words.followup_changed(DONE, "reopen") == f"Open again: send it ({DONE.short})"
    assert words.followup_changed(OPEN, "owner", "Dee").startswith("Now Dee's: ask")
    assert words.followup_unchanged(DONE, "done").startswith("Already done: send it")
    assert words.followup_unchanged(OPEN, "reopen").startswith("Already open: ask")
    assert words.followup_unchanged(OPEN, "owner", "Ana").startswith("Already Ana's: ask")
    failed = OSError(28, "No space left on device", "/data/followups/x.jsonl")
    assert words.followup_not_changed(failed) == (
        "Not changed: it could not be written (No space left on device (/data/followups/x.jsonl))."
    )
    assert words.followup_not_changed(FileExistsError()) == (
        "Not changed: it could not be written (FileExistsError).")  # fmt: skip


def test_the_owner_field_asks_about_the_follow_up_and_offers_known_names() -> None:
    assert "ask [31mthe union" in words.owner_question(OPEN)
    assert "\x1b" not in words.owner_question(OPEN)
    assert words.owner_placeholder()
    long = Followup("s", 0, "G", "e", "call " * 40, "Ana")
    assert len(words.owner_question(long)) < len("call " * 40) and "…" in words.owner_question(long)
    assert words.owner_choices([OPEN, DONE, Followup("s", 0, "G", "e", "t", "ana"),
                                Followup("s", 0, "G", "f", "t", "Bo")]) == ["Ana", "Bo"]  # fmt: skip


def test_one_run_writes_one_file_per_folder_each_change_fsynced(data_dir: Path) -> None:
    times = iter([100.0, 160.0])
    run = FollowupChanges(lambda: next(times))
    assert run.write(OPEN, "done").done
    assert run.write(DONE, "owner", "Bo").owner == "Bo"
    assert run.write(OPEN, "owner", "Ana") is OPEN  # nothing to change: nothing written
    run.close()
    [written] = (data_dir / "followups").iterdir()
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert "-19700101T000140Z-" in written.name
    found = list(changes.read(written, []))
    assert found == [changes.Change(100.0, OPEN.ref, "done"),
                     changes.Change(160.0, DONE.ref, "owner", "Bo")]  # fmt: skip
