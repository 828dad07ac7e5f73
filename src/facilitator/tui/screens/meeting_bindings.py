"""The meeting screen's keys. Descriptions name each action in the footer and the command
palette; tooltips say what it does, in plain words, for the help screen and the palette."""

from __future__ import annotations

from textual.binding import Binding

from facilitator.i18n import N_

# The descriptions of keys 0 to 4, one per rating (the words of journal.record.MET_WORDS).
MET_KEYS = [N_("Expectations met: not at all"), N_("Expectations met: a little"),
            N_("Expectations met: partly"), N_("Expectations met: mostly"),
            N_("Expectations met: fully")]  # fmt: skip
MET_ACTIONS = [f"met({n})" for n in range(5)]

MEETING_BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    Binding("space", "start_pause", "Start/pause", tooltip=N_("start the meeting; pause; resume")),
    Binding("n", "next_item", "Next", tooltip=N_("end this item and go to the next one (in a "
            "round, says first who has not spoken yet and asks)")),
    Binding("p", "previous_item", "Previous item", show=False,
            tooltip=N_("go back to the previous item (it continues where it stopped)")),
    Binding("k", "skip_item", "Skip this item", show=False,
            tooltip=N_("skip this item and go to the next one (in a round, says first who "
            "has not spoken yet and asks)")),
    Binding("plus,equals_sign", "extend(1)", "+1 min", key_display="+",
            tooltip=N_("one more minute for this item")),
    Binding("minus", "extend(-1)", "-1 min", show=False, key_display="-",
            tooltip=N_("one minute less for this item")),
    Binding("s", "next_speaker", "Speaker", tooltip=N_("next speaker (in a round)")),
    Binding("b", "pass_speaker", "Speaker passes", show=False,
            tooltip=N_("this speaker passes for now: they get their turn at the end of the round")),
    Binding("o", "order", "Who speaks next", show=False,
            tooltip=N_("change the speaking order (on an item that is not a round: for the "
            "next round)")),
    Binding("h", "raise_hand", "Raise a hand", show=False,
            tooltip=N_("someone raises a hand: their name joins the queue (not in a round)")),
    Binding("H", "give_floor", "Give the floor", show=False,
            tooltip=N_("the next raised hand has the floor (no hand up: the speaker is done)")),
    Binding("j", "hands", "The raised hands", show=False,
            tooltip=N_("withdraw or move a hand; the progressive stack (first-time speakers "
            "first) on or off")),
    Binding("T", "split", "Split the time", show=False,
            tooltip=N_("share this item's time between people or topics ('Jo 30, Raf 15'); "
            "while slots run: the next slot, share again, or stop")),
    Binding("A", "airtime", "Airtime", show=False,
            tooltip=N_("who has spoken how long, in this item and the meeting (for you alone)")),
    Binding("a", "add_participant", "Add person", tooltip=N_("add a participant who just arrived")),
    Binding("l", "participant_leaves", "Someone leaves", show=False,
            tooltip=N_("a participant leaves (rounds re-divide the time)")),
    Binding("w", "roles", "Who holds which role", show=False,
            tooltip=N_("who holds which role (case giver, coaches, host...)")),
    Binding("e,enter", "write", "Write an entry", show=False, key_display="e", priority=True,
            tooltip=N_("write an entry (expectation, conclusion, note, follow-up, decision)")),
    Binding("f", "write_kind('followups')", "Write a follow-up", show=False, priority=True,
            tooltip=N_("write a follow-up on any item: who does what (a name and a colon "
            "first; without a name, the speaker's)")),
    Binding("D", "write_kind('decisions')", "Write a decision", show=False, priority=True,
            tooltip=N_("write a decision on any item (a name and a colon first say who takes it "
            "forward: it is then also an open follow-up)")),
    Binding("N", "write_kind('notes')", "Write a note", show=False, priority=True,
            tooltip=N_("write a note on any item")),
    Binding("escape", "leave_field", "Back to the meeting keys",
            tooltip=N_("leave the text field, keeping what is typed there")),
    *[Binding(str(n), action, description, show=False,
              tooltip=N_("in the conclusion: how far the speaker's expectations were met"))
      for n, (action, description) in enumerate(zip(MET_ACTIONS, MET_KEYS))],

    Binding("x", "share", "Mark to share", show=False,
            tooltip=N_("mark this item's last entry to share with other groups (or unmark it)")),
    Binding("E", "entries", "This item's entries", show=False,
            tooltip=N_("see, add, edit and remove this item's entries")),
    Binding("d", "draw", "Draw a question", show=False, tooltip=N_("draw a question")),
    Binding("r", "redraw", "Draw another question", show=False,
            tooltip=N_("draw another question (the first is kept as skipped, not asked)")),
    Binding("v", "alternative", "Alternative activity", show=False,
            tooltip=N_("switch to the item's alternative activity and back")),
    Binding("R", "retire", "Retire the question", show=False,
            tooltip=N_("retire the current question for this group: never again")),
    Binding("F", "followups", "Earlier follow-ups", show=False,
            tooltip=N_("follow-ups from earlier sessions: mark one done")),
    Binding("m", "message", "Message the room", show=False,
            tooltip=N_("a short message on the stage (facilitator stage), until the next one")),
    Binding("c", "copy_question", "Copy the question", show=False,
            tooltip=N_("copy the question drawn, to paste in the call's chat")),
    Binding("C", "copy_time", "Copy the item and time left", show=False,
            tooltip=N_("copy the item and its time left, to paste in the call's chat")),
    Binding("q", "end", "End",
            tooltip=N_("end the meeting (asks first: y or enter ends it, n or escape goes back)")),
    Binding("g", "guidance", "Read the whole guidance", show=False,
            tooltip=N_("read the item's whole guidance (the screen may cut it)")),
    Binding("question_mark", "help", "Help", key_display="?", tooltip=N_("this help")),
]  # fmt: skip
