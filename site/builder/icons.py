"""The app's icons, drawn at build time (no binary files in the repository).

Two overlapping circles, two people attuned, on the app's teal: a PNG writer in plain Python
(zlib + struct) makes the 192 and 512 px icons the web app manifest asks for, plus a maskable
one whose drawing stays inside the safe zone, and an SVG favicon.
"""
import struct
import zlib

TEAL = (47, 93, 98)
CREAM = (251, 248, 244)
SOFT = (140, 199, 201)

SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="14" fill="#2f5d62"/>
<circle cx="25" cy="32" r="13" fill="none" stroke="#fbf8f4" stroke-width="4"/>
<circle cx="39" cy="32" r="13" fill="none" stroke="#8cc7c9" stroke-width="4"/>
</svg>
"""


def png(width, height, rows):
    """PNG bytes from rows of (r, g, b) pixels."""
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in rows)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def draw(size, scale):
    """Rings of radius `scale`*size/5 around two centres; anti-aliased by distance."""
    r = scale * size / 5
    stroke = max(2.0, size / 28)
    centres = ((size / 2 - r * 0.55, size / 2, CREAM), (size / 2 + r * 0.55, size / 2, SOFT))
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            colour = TEAL
            for cx, cy, ring in centres:
                d = abs(((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2) ** 0.5 - r)
                cover = max(0.0, min(1.0, stroke / 2 - d + 0.5))
                if cover > 0:
                    colour = tuple(round(c * (1 - cover) + k * cover) for c, k in zip(colour, ring, strict=True))
            row.append(colour)
        rows.append(row)
    return png(size, size, rows)


def write(dist):
    """Write the icons into dist/icons/; returns their paths relative to dist."""
    folder = dist / "icons"
    folder.mkdir(exist_ok=True)
    files = {"icon-192.png": draw(192, 1.0), "icon-512.png": draw(512, 1.0),
             "maskable-512.png": draw(512, 0.72), "icon.svg": SVG.encode()}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return ["icons/" + name for name in files]
