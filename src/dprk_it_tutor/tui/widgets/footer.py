"""The footer of every screen: Textual's own, rebuilt once for a burst of binding changes."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Textual's Footer rebuilds every key it shows on each "bindings changed" signal, and a
    screen sends several at once: when it is shown, when focus moves, when an action is enabled
    or disabled. At start-up that was five rebuilds in a row, a sixth of the time to the first
    screen. Here a burst of signals gives one rebuild, made after the next refresh with the
    bindings as they are then, and none at all when what the footer would show is unchanged.
    """

    _rebuild_pending = False
    _shown: tuple[object, ...] | None = None  # what the keys were last built from

    def bindings_changed(self, screen: Screen) -> None:
        # As Textual's own method (textual/widgets/_footer.py), but scheduling at most one
        # rebuild at a time.
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False  # a change from now on needs a rebuild of its own
        if not self.is_attached:
            return  # its screen was closed in the meantime
        shown = self._what_is_shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def _what_is_shown(self) -> tuple[object, ...]:
        """Everything of the screen's bindings that compose() reads."""
        return (
            self.show_command_palette,
            self.compact,
            *(
                (binding.key, binding.action, binding.description, binding.key_display,
                 binding.show, binding.group, binding.tooltip, enabled, tooltip)
                for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            ),
        )  # fmt: skip
