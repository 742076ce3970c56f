"""The Textual app: screens, widgets and styles. The only sub-package that imports Textual."""
