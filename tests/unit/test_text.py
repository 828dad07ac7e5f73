def test_ellipsize_counts_terminal_cells() -> None:
    from rich.cells import cell_len

    from facilitator.text import ellipsize

    assert ellipsize("short", 10) == "short"
    assert ellipsize("abcdef", 4) == "abc…"
    cut = ellipsize("会議の記録です", 6)  # each character takes two cells
    assert cut.endswith("…") and cell_len(cut) <= 6
    assert ellipsize("anything", 0) == ""


def test_language_tags() -> None:
    from facilitator.text import is_language_tag

    assert all(is_language_tag(t) for t in ("en", "fr", "pt-BR", "zh-Hant", "es-419", "gsw"))
    assert not any(
        is_language_tag(t) for t in ("", "23:30", "english please", "e", "é", "en-", "fr_FR")
    )


def test_names_drop_invisible_characters_and_compare_folded() -> None:
    from facilitator.text import clean_name, name_key, same_name, split_names

    invisible = ["A\u200bna", "A\u2060na", "A\u00adna", "\ufeffAna", "An\u200ea"]
    assert [clean_name(n) for n in invisible] == ["Ana"] * len(invisible)
    assert (
        clean_name("\u0645\u06cc\u200c\u0634\u0648\u062f") == "\u0645\u06cc\u200c\u0634\u0648\u062f"
    )
    assert same_name("Ana", "ana") and same_name("Ana", "A\u200bna") and same_name("Ａｎａ", "ana")
    assert same_name("Ana", "A\u200dna")  # a joiner is kept in the name, not in the comparison
    assert not same_name("Ana", "Anna")
    assert name_key("  Jo   Smith ") == "jo smith"
    assert split_names("Ana, A\u200bna, ana, A\u2060na, \ufeffAna, Bo") == ["Ana", "Bo"]
