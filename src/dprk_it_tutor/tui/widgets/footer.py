"""The footer of every screen: Textual's own, rebuilt only when its keys themselves change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


class Footer(TextualFooter):
    """Textual's Footer rebuilds every key it shows on each "bindings changed" signal, and a
    screen sends several at once: when it is shown, when focus moves, when an action is enabled
    or disabled. At start-up that was five rebuilds in a row, a sixth of the time to the first
    screen, and a rebuild (mounting and styling a dozen widgets) was a fifth of the time a quiz
    took to show the verdict on an answer.

    Here a burst of signals gives one update, made once the messages already waiting have been
    handled, with the bindings as they are then: in time for the frame that shows what changed
    them (made after that frame, as it once was, the keys changed a frame later, and the verdict
    on an answer looked finished only then). When only some keys became usable or unusable, as
    after most key presses, the keys shown are greyed out or lit again in place; the footer is
    rebuilt only when the keys themselves (which, their names, their order) are different.
    """

    _update_pending = False
    _keys_shown: tuple[object, ...] | None = None  # what the keys were last built from
    _enabled_shown: dict[str, bool] | None = None  # whether each action was usable, by action

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            # Textual builds the keys on the first "bindings changed" signal, which comes after
            # the screen has been laid out and painted: the keys were mounted then, and the
            # screen laid out and painted twice more. Built here they are in the first layout.
            try:
                self._keys_shown, self._enabled_shown = self._what_is_shown()
            except NoMatches:
                return  # a screen's check_action asked for a widget not mounted yet: wait
            self.set_reactive(TextualFooter._bindings_ready, True)
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        # As Textual's own method (textual/widgets/_footer.py), but scheduling at most one
        # update at a time.
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._update_pending:
            self._update_pending = True
            self.call_later(self._update_keys)

    async def _update_keys(self) -> None:
        self._update_pending = False  # a change from now on needs an update of its own
        if not self.is_attached:
            return  # its screen was closed in the meantime
        keys_shown, enabled = self._what_is_shown()
        if keys_shown != self._keys_shown:
            self._keys_shown, self._enabled_shown = keys_shown, enabled
            await self.recompose()
        elif enabled != self._enabled_shown:
            self._enabled_shown = enabled
            for key in self.query(FooterKey):
                usable = enabled.get(key.action, True)
                # The two things compose() sets from "enabled": the greyed-out look, and
                # whether a click presses the key or rings the bell.
                key._disabled = not usable
                key.set_class(not usable, "-disabled")

    def _what_is_shown(self) -> tuple[tuple[object, ...], dict[str, bool]]:
        """What compose() reads of the screen's bindings: the keys, then whether each action is
        usable. compose() shows one key per action, made from its first binding shown, and the
        command palette's key, whether its binding is "shown" or not. Bindings not shown (most
        of a focused widget's own) are left out: focus moving on changes nothing here."""
        bindings = self.screen.active_bindings
        shown = [active for active in bindings.values() if active.binding.show]
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None:
            shown.append(palette)
        keys_shown = (
            self.show_command_palette,
            self.compact,
            *(
                (binding.key, binding.action, binding.description, binding.key_display,
                 binding.group, binding.tooltip, tooltip)
                for _, binding, _, tooltip in shown
            ),
        )  # fmt: skip
        enabled: dict[str, bool] = {}
        for _, binding, usable, _ in shown:
            enabled.setdefault(binding.action, usable)
        return keys_shown, enabled
