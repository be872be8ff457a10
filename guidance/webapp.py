"""Installable: the web app manifest and its icons, made at build time from the partnership's data
(decision docs/decisions/0016-offline.md).

The icons are the partnership's short name (e.g. "NSCP") in white on the site's primary colour,
the colour the theme's header is drawn in, read from Material's own palette so that the icon, the
browser's title bar and the header agree. Drawn with Pillow in its own font (no font file to
ship, no request to another site), and the same bytes for the same data: builds stay reproducible.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

__all__ = ["ICONS", "MANIFEST", "icon_png", "manifest", "primary_colour"]

MANIFEST = "manifest.webmanifest"
# (file, size in px, purpose): "maskable" icons keep their words inside the middle 80%, which
# every platform's mask leaves whole; "any" icons are drawn with rounded corners.
ICONS = [
    ("assets/guidance/icon-192.png", 192, "any"),
    ("assets/guidance/icon-512.png", 512, "any"),
    ("assets/guidance/icon-maskable-512.png", 512, "maskable"),
    ("assets/guidance/apple-touch-icon.png", 180, "apple"),  # iOS masks it itself
]
DEFAULT_COLOUR = "#4051b5"  # Material's indigo, its default primary colour
BACKGROUND = "#ffffff"
_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def primary_colour(theme_dir: Path | None, palette: object) -> str:
    """The header's colour: Material's ``--md-primary-fg-color`` for the palette's primary in
    mkdocs.yml (its first scheme's, if several), or Material's default."""
    first = palette[0] if isinstance(palette, list) and palette else palette
    name = first.get("primary", "indigo") if isinstance(first, dict) else "indigo"
    for css in sorted(theme_dir.glob("assets/stylesheets/palette.*.min.css")) if theme_dir else []:
        rule = re.search(r"\[data-md-color-primary=" + re.escape(str(name).replace(" ", "-")) +
                         r"\]\{[^}]*--md-primary-fg-color:(#[0-9a-fA-F]{6})", css.read_text(encoding="utf-8"))
        if rule:
            return rule.group(1).lower()
    return DEFAULT_COLOUR


def manifest(name: str, short_name: str, description: str, colour: str) -> str:
    """What a browser reads to install the site: relative addresses, so it works below a folder."""
    icons = [{"src": path, "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
             for path, size, purpose in ICONS if purpose != "apple"]
    return json.dumps({
        "id": "./", "name": name, "short_name": short_name, "description": description,
        "lang": "en-GB", "dir": "ltr", "start_url": "./", "scope": "./", "display": "standalone",
        "theme_color": colour, "background_color": BACKGROUND, "icons": icons,
    }, indent=2, ensure_ascii=False)


def icon_png(letters: str, size: int, purpose: str, colour: str) -> bytes:
    """A square PNG: ``letters`` (up to four) centred in white on ``colour``."""
    if not _HEX.fullmatch(colour):
        raise ValueError(f"expected a colour written #rrggbb, got '{colour}'")
    fill = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0) if purpose == "any" else (*fill, 255))
    draw = ImageDraw.Draw(image)
    if purpose == "any":
        draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=(*fill, 255))
    text = "".join(ch for ch in letters if not ch.isspace())[:4] or "?"
    room = size * (0.56 if purpose == "maskable" else 0.74)  # the words' widest
    font = ImageFont.load_default(size=100)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    scale = min(room / (right - left), size * 0.42 / (bottom - top))
    font = ImageFont.load_default(size=max(8, int(100 * scale)))
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    draw.text(((size - (right - left)) / 2 - left, (size - (bottom - top)) / 2 - top), text, font=font, fill="white")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
