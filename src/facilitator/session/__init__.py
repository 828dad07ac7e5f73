"""Starting, resuming, ending and discarding sessions, without Textual."""
