"""What every full screen of the app shares."""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class TutorScreen(Screen):
    """A screen that is not styled twice when it is first shown.

    Textual styles each widget as it is mounted, then, when the new screen is shown, styles the
    whole screen again (``ScreenResume.refresh_styles``) in case the app's CSS changed while it
    was hidden. Just mounted, nothing can have changed: that second pass was a tenth of the time
    the dashboard took to open. Later showings still restyle.
    """

    _shown_before = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler, which reads the flag; a subclass's on_screen_resume
        # still runs before both (Textual calls one handler per class, subclass first).
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False
