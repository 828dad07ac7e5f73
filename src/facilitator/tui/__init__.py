"""The Textual layer: a small App, screens and widgets. Domain code lives elsewhere."""
