"""The meeting-run model: state rebuilt from events, with no Textual import."""
