"""Session journals: append-only JSON Lines, the single source of truth for a session."""
