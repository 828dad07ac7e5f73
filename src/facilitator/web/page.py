"""The stage page: its HTML (filled with the frame at the time of the request, so it reads
without JavaScript too), its style sheet and its script (no framework: it opens the event
stream, and counts down on its own from the deadlines each event sends)."""

from __future__ import annotations

import json
from html import escape

from facilitator.views.stage import StageView

FIELDS = ("headline", "item", "digits", "cue", "speaker", "turn", "next", "question", "message")
LIVE = {"item", "speaker", "message"}  # read out by screen readers when they change


def html(view: StageView) -> str:
    data = view.as_data()
    parts = []
    for name in FIELDS:
        live = ' aria-live="polite"' if name in LIVE else ""
        hidden = "" if data[name] else " hidden"
        parts.append(f'<div id="{name}"{live}{hidden}>{escape(str(data[name]))}</div>')
    classes = " ".join(c for c, on in (("over", view.over), ("warning", view.warning)) if on)
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(view.language, quote=True)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        "<title>facilitator stage</title>"
        '<link rel="stylesheet" href="stage.css"></head>'
        f'<body class="{classes}"><main>'
        + "".join(parts)
        + '</main><script src="stage.js"></script></body></html>\n'
    )


CSS = """\
html, body { margin: 0; height: 100%; background: #000; color: #fff;
  font-family: system-ui, sans-serif; }
body.over { background: #fff; color: #000; }
main { min-height: 100%; display: flex; flex-direction: column; justify-content: center;
  align-items: center; text-align: center; padding: 2vmin; box-sizing: border-box; gap: 1vmin; }
[hidden] { display: none !important; }
#headline { font-size: max(1rem, 3vmin); opacity: .8; }
#item { font-size: max(1.4rem, 5vmin); font-weight: bold; }
#digits { font-size: min(30vw, 45vh); font-weight: bold; line-height: 1;
  font-variant-numeric: tabular-nums; font-family: ui-monospace, monospace; }
#cue { font-size: max(1.4rem, 5vmin); font-weight: bold; }
body.warning #cue { background: #fff; color: #000; padding: 0 .4em; }
#speaker, #turn { font-size: max(1.4rem, 5vmin); font-weight: bold; }
#next { font-size: max(1.1rem, 4vmin); }
#question { font-size: max(1.1rem, 4vmin); font-style: italic; max-width: 60em; white-space: pre-line; }
#message { font-size: max(1.2rem, 4.5vmin); font-weight: bold; border-top: .15em solid;
  padding-top: .3em; }
"""

JS = """\
"use strict";
(function () {
  var fields = FIELDS;
  var frame = null, received = 0, offset = 0;
  function mmss(seconds, countdown) {
    var total = Math.floor(Math.abs(seconds) + (countdown && seconds > 0 ? 0.999 : 0));
    var h = Math.floor(total / 3600), m = Math.floor(total % 3600 / 60), s = total % 60;
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return h ? h + ":" + two(m) + ":" + two(s) : two(m) + ":" + two(s);
  }
  function set(name, text) {
    var el = document.getElementById(name);
    if (el.textContent !== text) { el.textContent = text; }
    el.hidden = !text;
  }
  function draw() {
    if (!frame) { return; }
    var passed = Math.max(0, Date.now() / 1000 + offset - frame.at);
    var left = frame.moving ? frame.left - passed : frame.left;
    var over = left < 0 && frame.status !== "ready" && frame.status !== "ended";
    var shown = {};
    fields.forEach(function (name) { shown[name] = frame[name]; });
    if (!frame.waiting) { shown.digits = (over ? "+" : "") + mmss(left, true); }
    if (frame.turn_left !== null) {
      var turn = frame.turn_moving ? frame.turn_left - passed : frame.turn_left;
      shown.turn = (turn < 0 ? frame.turn_over_words : frame.turn_under)
        .replace("{time}", mmss(turn, turn >= 0));
    }
    fields.forEach(function (name) { set(name, shown[name]); });
    document.body.classList.toggle("over", over || (frame.over && !frame.moving));
  }
  var source = new EventSource("events");
  source.addEventListener("frame", function (event) {
    frame = JSON.parse(event.data);
    received = Date.now() / 1000;
    offset = frame.server_time - received;  /* the server's clock, as this device reads it */
    document.body.classList.toggle("warning", frame.warning);
    draw();
  });
  setInterval(draw, 250);
})();
""".replace("FIELDS", json.dumps(FIELDS), 1)
