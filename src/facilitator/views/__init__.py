"""What each screen shows, built from the meeting and one moment, without Textual."""
