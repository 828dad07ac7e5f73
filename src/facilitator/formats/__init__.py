"""File formats: YAML loading with positions, agendas and question decks."""
