"""Translated agendas keep their original's structure; translated decks are the ones drawn."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator import catalog, paths
from facilitator.cli.main import main
from facilitator.formats.agenda import load_agenda
from facilitator.formats.twins import differences

AGENDAS = {p.stem: load_agenda(str(p), catalog.deck_ids()) for p in
           sorted(paths.bundled_agendas().glob("*.yaml"))}  # fmt: skip
TWINS = sorted(a.id for a in AGENDAS.values() if a.translation_of)
ORIGINALS = sorted(a.id for a in AGENDAS.values() if not a.translation_of)
LANGUAGES = {"fr": ORIGINALS, **{lang: ["mutual-support-150", "case-clinic", "home-group"]
                                 for lang in ("de", "es", "it")}}  # fmt: skip
WANTED = [(agenda_id, lang) for lang, ids in LANGUAGES.items() for agenda_id in ids]


@pytest.mark.parametrize(("original", "language"), WANTED, ids=lambda v: str(v))
def test_each_language_has_its_twins(original: str, language: str) -> None:
    twin = AGENDAS.get(f"{original}-{language}")
    assert twin is not None, f"no {language} twin of {original}"
    assert (twin.translation_of, twin.language) == (original, language)
    assert twin.title != AGENDAS[original].title


@pytest.mark.parametrize("twin_id", TWINS)
def test_a_bundled_twin_has_its_originals_structure(twin_id: str) -> None:
    twin = AGENDAS[twin_id]
    assert twin.translation_of in ORIGINALS  # a twin of an original, not of another twin
    assert catalog.twin_problems(twin) == []
    # every text is its own: nothing left in English by mistake
    original = AGENDAS[twin.translation_of]
    for mine, theirs in zip(twin.items, original.items, strict=True):
        assert mine.guidance != theirs.guidance


@pytest.mark.parametrize("agenda_id", sorted(AGENDAS))
def test_an_agenda_draws_from_decks_in_its_own_language(agenda_id: str) -> None:
    agenda = AGENDAS[agenda_id]
    for item in agenda.items:
        if item.deck is None:
            continue
        deck = catalog.find_deck(item.deck, agenda.language)
        assert deck.language == agenda.language, f"{item.deck} in {agenda.language}"
        assert any(set(item.tags) <= set(q.tags) for q in deck.questions), item.title
    assert catalog.language_note(agenda, agenda.language) is None


CASE_CLINIC_FR = paths.bundled_agendas() / "case-clinic-fr.yaml"
_TEXT = CASE_CLINIC_FR.read_text(encoding="utf-8")
SILENCE = _TEXT[_TEXT.index("  - title: Silence\n") : _TEXT.index("  - title: Effet miroir")]


def _changed(tmp_path: Path, old: str, new: str) -> Path:
    text = CASE_CLINIC_FR.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "case-clinic-fr.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# (what changes, the text it replaces, by, where the problem is reported, what it says)
CHANGES = [
    ("minutes", "    minutes: 15\n", "    minutes: 14\n", (20, 14), "'minutes' is 14 here but 15"),
    ("off-record", "    minutes: 15\n", "    minutes: 15\n    record: off\n", (21, 13),
     "'record' is 'off' here but not set"),
    ("kind", "    kind: silence\n", "    kind: open\n", (28, 11), "'kind' is 'open' here but 'silence'"),
    ("flag", "    protected: true\n", "    protected: false\n", (49, 16), "'protected' is false"),
    ("flexible", "    flexible: true\n    min_minutes: 15\n", "", (38, 12), "'flexible' is false here but true"),
    ("newcomer", "    minutes: 4\n", "    minutes: 4\n    when: newcomer\n", (26, 11), "'when'"),
    ("role-order", "  - porteur de cas\n  - coach\n", "  - coach\n  - porteur de cas\n", (21, 10),
     "'who' is role 2 ('porteur de cas') here but role 1 ('case giver')"),
    ("role-count", "  - gardien du temps\n", "  - gardien du temps\n  - hôte\n", (12, 3),
     "'roles' lists 4 here but 3"),
    ("who-list", "who: [coach, gardien du temps]", "who: coach", (34, 10), "'who' is [] here"),
    ("question", "  - title: Silence\n", "  - title: Silence\n    question: Quoi ?\n", (28, 15),
     "'question' is a question of its own here but no question of its own"),
    ("size", "  max: 5\n", "  max: 6\n", (9, 3), "'group_size' is 4–6 here but 4–5"),
    ("deck", "    minutes: 4\n", "    minutes: 4\n    deck: check-in\n", (26, 11), "'deck'"),
    ("item-added", "  - title: Répartir les rôles\n    minutes: 2\n", "  - title: Répartir les rôles\n"
     "    minutes: 2\n  - title: En plus\n    minutes: 6\n", (18, 12), "item 2 (En plus) is not in"),
    ("item-left-out", SILENCE, "", (16, 3),
     "item 4 of 'case-clinic' (Stillness) is missing here"),
]  # fmt: skip


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c[0])
def test_a_structural_change_is_reported_where_it_is(tmp_path: Path, change: tuple) -> None:
    _name, old, new, (line, column), words = change
    path = _changed(tmp_path, old, new)
    twin = load_agenda(str(path), catalog.deck_ids())
    found = catalog.twin_problems(twin)
    assert any(words in p.message for p in found), found
    assert len(found) <= 3, found  # a change is named once, not in every item after it
    first = next(p for p in found if words in p.message)
    assert (first.line, first.column) == (line, column)


def test_words_may_change_freely(tmp_path: Path) -> None:
    path = _changed(tmp_path, "title: Silence\n", "title: Un moment de silence\n")
    renamed = (
        path.read_text().replace("coach\n", "accompagnant\n").replace("[coach,", "[accompagnant,")
    )
    path.write_text(renamed, encoding="utf-8")
    assert catalog.twin_problems(load_agenda(str(path), catalog.deck_ids())) == []


def test_the_twin_may_name_its_languages_deck(tmp_path: Path) -> None:
    text = (paths.bundled_agendas() / "mutual-support-150-fr.yaml").read_text(encoding="utf-8")
    path = tmp_path / "ours.yaml"
    for deck, ok in (("jasette-fr", True), ("jasette-de", False), ("check-in", False)):
        path.write_text(text.replace("deck: jasette\n", f"deck: {deck}\n"), encoding="utf-8")
        assert (catalog.twin_problems(load_agenda(str(path))) == []) is ok, deck


def test_validate_reports_a_difference_with_its_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _changed(tmp_path, "    minutes: 15\n", "    minutes: 14\n")
    assert main(["agendas", "validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:20:14: item 2 (Exposé de l'intention): 'minutes' is 14 here but 15 in " \
           "'case-clinic', the original" in err  # fmt: skip


def test_validate_says_a_twin_is_whole(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["agendas", "validate", str(CASE_CLINIC_FR)]) == 0
    assert "translates case-clinic" in capsys.readouterr().out


def test_validate_reports_an_original_it_cannot_find(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _changed(tmp_path, "translation_of: case-clinic\n", "translation_of: case-clinc\n")
    assert main(["agendas", "validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:6:17: 'translation_of' names no agenda called 'case-clinc'; did you mean " \
           "'case-clinic'?" in err  # fmt: skip


def test_an_agenda_cannot_translate_itself(tmp_path: Path) -> None:
    from facilitator.formats.problems import FormatError

    path = _changed(tmp_path, "translation_of: case-clinic\n", "translation_of: case-clinic-fr\n")
    with pytest.raises(FormatError, match="own id"):
        load_agenda(str(path))


def test_an_agenda_without_translation_of_is_no_twin() -> None:
    original = AGENDAS["case-clinic"]
    assert original.translation_of is None and catalog.twin_problems(original) == []
    assert differences(original, original) == []
