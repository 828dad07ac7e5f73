"""Set-up's rhythm field: what each keystroke costs (the notices and the preview of the next
three dates, as the screen works them out on every change), typing "full moon at 19:30" and
"every other tuesday at 18:00" one character at a time. Target: under 50 ms a keystroke."""

from __future__ import annotations

import statistics
import time

PHRASES = ("full moon at 19:30", "every other tuesday at 18:00", "new moon")


def keystrokes() -> tuple[float, float, float, int]:
    """Median, p90 and slowest seconds a keystroke, with the first (cold) one; and how many."""
    from facilitator import catalog
    from facilitator.clock import SystemClock
    from facilitator.groups import Group
    from facilitator.session.setup_form import Fields, GroupBook, SetupForm

    book = GroupBook([Group("Congregation", participants=["Ana", "Bo", "Chen", "Dee"])])
    form = SetupForm(catalog.find_agenda("full-moon-call"), SystemClock(), book)
    fields = Fields(group="Congregation", participants="Ana, Bo, Chen, Dee")
    times = []
    for phrase in PHRASES:
        for end in range(1, len(phrase) + 1):
            fields.rhythm = phrase[:end]
            started = time.perf_counter()
            form.notices(fields)
            form.rhythm_preview(fields)
            times.append(time.perf_counter() - started)
    ordered = sorted(times)
    p90 = ordered[int(len(ordered) * 0.9)]
    return statistics.median(times), p90, max(times), len(times)


def run() -> None:
    median, p90, slowest, count = keystrokes()
    print("\n## Set-up's rhythm preview (per keystroke: notices + next three dates)")
    print(f"{count} keystrokes   median {median * 1000:6.2f} ms   p90 {p90 * 1000:6.2f} ms   "
          f"slowest {slowest * 1000:6.2f} ms (target < 50 ms; the screen loads the moon tables "
          f"in a worker before the first keystroke)")  # fmt: skip


if __name__ == "__main__":
    run()
