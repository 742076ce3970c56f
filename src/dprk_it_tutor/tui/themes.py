"""The high-contrast theme, and remembering each learner's theme.

Textual's own themes soften text to 87% and muted text to 60% of the foreground, and mark the
cursor in the primary colour; for low vision that is too faint. This theme is pure white on pure
black, with the cursor and focus in black on yellow, so nothing depends on a subtle shade.
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST_NAME = "high-contrast"
DEFAULT_THEME = "textual-dark"

HIGH_CONTRAST = Theme(
    name=HIGH_CONTRAST_NAME,
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFB000",
    error="#FF6060",
    success="#00FF60",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#FFFFFF",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        "text": "#FFFFFF",
        "text-muted": "#FFFFFF",
        "text-disabled": "#C0C0C0",
        "foreground-muted": "#FFFFFF",
        "primary-background": "#000000",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-foreground": "#000000",
        "block-cursor-blurred-background": "#FFFFFF",
        "block-cursor-blurred-text-style": "none",
        "block-hover-background": "#303030",
        "border": "#FFFF00",
        "border-blurred": "#FFFFFF",
        "surface-active": "#000000",
        "footer-foreground": "#FFFFFF",
        "footer-background": "#000000",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "input-cursor-background": "#FFFF00",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#FFFF00",
        "input-selection-foreground": "#000000",
        "link-color": "#00FFFF",
        "link-color-hover": "#000000",
        "link-background-hover": "#00FFFF",
        "button-foreground": "#FFFFFF",
        "button-focus-text-style": "bold reverse",
        "scrollbar": "#FFFFFF",
        "scrollbar-hover": "#FFFF00",
        "scrollbar-active": "#FFFF00",
        "scrollbar-background": "#000000",
        "screen-selection-background": "#FFFF00",
        "screen-selection-foreground": "#000000",
    },
)
