"""What each screen shows, as plain data built from the domain: no Textual here."""
