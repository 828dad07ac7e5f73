"""Sessions and their set-up, without Textual: start, resume, end, discard; the set-up form."""
