"""When a group meets next: moon phases, meeting rhythms and calendar export (no UI code)."""
