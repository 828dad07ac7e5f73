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
