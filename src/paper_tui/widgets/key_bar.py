"""The key bar: one line at the bottom naming the keys that work now, e.g. ``/ Find  t 繁/简``.

It shows the bindings marked ``show`` of the focused widget, its screen and the app, as Textual's
Footer does, but as one line of text in one widget: the Footer builds a widget per key, which
costs start-up time this reader does not have to spare. It follows focus through the screen's
``bindings_updated_signal``. Keys are not clickable; nothing here needs the mouse.
"""

from __future__ import annotations

from typing import Final

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

_KEY_STYLE: Final = "bold $footer-key-foreground"
_PALETTE_HINT: Final = "palette"


class KeyBar(Static):
    """The keys that matter now, as one line of text."""

    def on_mount(self) -> None:
        """Follow the screen's bindings as focus moves."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen:
            return
        parts: list[Content] = []
        actions: set[str] = set()
        palette = None
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if key == self.app.COMMAND_PALETTE_BINDING:
                palette = binding
                continue
            if not binding.show or not active.enabled or binding.action in actions:
                continue
            actions.add(binding.action)
            keys = Content.styled(self.app.get_key_display(binding), _KEY_STYLE)
            parts.append(keys + Content(" " + binding.description))
        line = Content(" ") + Content("  ").join(parts)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            hint = Content.styled(self.app.get_key_display(palette), _KEY_STYLE)
            hint = hint + Content(" " + _PALETTE_HINT + " ")
            room = self.size.width - line.cell_length - hint.cell_length
            if room > 0:
                line = line + Content(" " * room) + hint
        self.update(line)

    def on_resize(self) -> None:
        """Place the palette hint at the right edge again."""
        self._bindings_changed(self.screen)
