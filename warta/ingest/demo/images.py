"""The demo photo pool: ~40 flat illustrations drawn with Pillow.

Every demo article points at one of these files, so a million articles still share
forty pictures. They are drawn once, deterministically, into a folder under
``settings.VAR_DIR`` and reused by later runs; a file already on disk is never redrawn.

Each picture is a small scene (a city skyline at dusk, volcanoes, the sea with a
fishing boat, rice terraces, a stadium at night, a domed parliament building) or an
abstract composition, drawn at twice the size and scaled down for smooth edges.
"""

import os
import random
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1200, 675
SCALE = 2  # draw at 2x and downsample: cheap anti-aliasing for polygons and circles
JPEG_QUALITY = 85
POOL_SEED = 2020  # the pool is the same for every article seed

RGB = tuple[int, int, int]

# Sky colours, top to horizon, for five times of day.
SKIES: dict[str, tuple[RGB, RGB]] = {
    "fajar": ((64, 86, 161), (250, 190, 140)),
    "siang": ((58, 140, 214), (190, 226, 246)),
    "senja": ((84, 56, 120), (252, 146, 86)),
    "malam": ((14, 22, 54), (52, 66, 120)),
    "mendung": ((120, 134, 150), (206, 212, 218)),
}
TIMES = tuple(SKIES)


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _gradient(size: tuple[int, int], top: RGB, bottom: RGB) -> Image.Image:
    """A vertical gradient: a 256-step ramp stretched over the area."""
    mask = Image.linear_gradient("L").resize(size, Image.BILINEAR)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _ridge(rng: random.Random, w: int, base: int, amp: int, steps: int) -> list[tuple]:
    """A jagged horizon line from left to right, closed along the bottom edge."""
    points = [(0, base + rng.randint(-amp, amp))]
    for i in range(1, steps + 1):
        points.append((w * i // steps, base + rng.randint(-amp, amp)))
    return [*points, (w, HEIGHT * SCALE), (0, HEIGHT * SCALE)]


def _sky(time: str) -> Image.Image:
    top, bottom = SKIES[time]
    return _gradient((WIDTH * SCALE, HEIGHT * SCALE), top, bottom)


def _sun(draw: ImageDraw.ImageDraw, x: int, y: int, r: int, time: str) -> None:
    colour = (250, 244, 220) if time == "malam" else (255, 214, 120)
    if time == "mendung":
        return
    draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)


def paint_skyline(rng: random.Random, time: str) -> Image.Image:
    """Jakarta-ish skyline: towers with lit windows and a monument with a flame."""
    image = _sky(time)
    draw = ImageDraw.Draw(image)
    w, h = image.size
    _sun(draw, rng.randint(w // 5, 4 * w // 5), rng.randint(h // 6, h // 3), 90, time)
    night = time in {"malam", "senja"}
    for layer, shade in enumerate((0.35, 0.6, 0.85)):
        colour = _mix(SKIES[time][1], (20, 24, 40), shade)
        x = rng.randint(-80, 0)
        while x < w:
            bw = rng.randint(90, 220)
            top = h - rng.randint(300, 1000 - layer * 200)
            draw.rectangle((x, top, x + bw, h), fill=colour)
            if layer == 2:
                lit = (255, 220, 120) if night else _mix(colour, (200, 220, 240), 0.35)
                for wy in range(top + 30, h - 40, 44):
                    for wx in range(x + 16, x + bw - 24, 34):
                        if rng.random() < (0.45 if night else 0.8):
                            draw.rectangle((wx, wy, wx + 16, wy + 22), fill=lit)
            x += bw + rng.randint(6, 40)
    # The monument: a tall obelisk on a plinth with a golden flame.
    mx = rng.randint(w // 4, 3 * w // 4)
    base = _mix(SKIES[time][1], (20, 24, 40), 0.7)
    draw.rectangle((mx - 120, h - 160, mx + 120, h), fill=base)
    draw.polygon(
        [(mx - 34, h - 160), (mx + 34, h - 160), (mx + 18, h - 980), (mx - 18, h - 980)], fill=base
    )
    draw.ellipse((mx - 26, h - 1050, mx + 26, h - 970), fill=(240, 190, 60))
    return image


def paint_volcanoes(rng: random.Random, time: str) -> Image.Image:
    """Layered volcanoes fading into haze, the classic Javanese landscape."""
    image = _sky(time)
    draw = ImageDraw.Draw(image)
    w, h = image.size
    _sun(draw, rng.randint(w // 4, 3 * w // 4), rng.randint(h // 5, h // 3), 110, time)
    far = SKIES[time][1]
    for i, shade in enumerate((0.25, 0.45)):
        peak_x = rng.randint(w // 5, 4 * w // 5)
        peak_y = rng.randint(h // 4, h // 2) + i * 120
        colour = _mix(far, (40, 70, 90), shade)
        draw.polygon(
            [(peak_x - 900, h), (peak_x - 70, peak_y), (peak_x + 70, peak_y), (peak_x + 900, h)],
            fill=colour,
        )
    greens = [(70, 120, 80), (46, 96, 62), (28, 70, 46)]
    for i, green in enumerate(greens):
        tint = _mix(green, far, 0.35 - i * 0.12)
        draw.polygon(_ridge(rng, w, int(h * (0.68 + i * 0.1)), 40, 12), fill=tint)
    return image


def paint_sea(rng: random.Random, time: str) -> Image.Image:
    """Open sea, an island on the horizon and a fishing boat with a sail."""
    w, h = WIDTH * SCALE, HEIGHT * SCALE
    horizon = int(h * rng.uniform(0.52, 0.62))
    image = _sky(time)
    top, bottom = SKIES[time]
    sea = _gradient(
        (w, h - horizon), _mix(bottom, (20, 80, 120), 0.55), _mix(top, (8, 30, 60), 0.6)
    )
    image.paste(sea, (0, horizon))
    draw = ImageDraw.Draw(image)
    sx = rng.randint(w // 4, 3 * w // 4)
    _sun(draw, sx, horizon - 160, 100, time)
    glint = _mix(bottom, (255, 240, 200), 0.5)
    for row in range(12):
        y = horizon + 20 + row * 34
        half = 160 - row * 9
        draw.rectangle((sx - half, y, sx + half, y + 8), fill=glint)
    island = _mix(bottom, (30, 60, 50), 0.6)
    ix = rng.randint(0, w // 2)
    draw.ellipse((ix, horizon - 70, ix + rng.randint(400, 800), horizon + 70), fill=island)
    image.paste(sea.crop((0, 0, w, 80)), (0, horizon))
    bx, by = rng.randint(w // 5, 3 * w // 5), horizon + rng.randint(200, 420)
    hull = (40, 30, 30)
    draw.polygon([(bx, by), (bx + 360, by), (bx + 300, by + 60), (bx + 50, by + 60)], fill=hull)
    draw.rectangle((bx + 170, by - 300, bx + 180, by), fill=hull)
    sail = _mix((230, 90, 60), bottom, 0.2)
    draw.polygon([(bx + 186, by - 290), (bx + 186, by - 20), (bx + 340, by - 20)], fill=sail)
    return image


def paint_terraces(rng: random.Random, time: str) -> Image.Image:
    """Rice terraces in curved bands with coconut palms against the sky."""
    image = _sky(time)
    draw = ImageDraw.Draw(image)
    w, h = image.size
    _sun(draw, rng.randint(w // 5, 4 * w // 5), rng.randint(h // 8, h // 4), 80, time)
    start = int(h * 0.38)
    for band in range(9):
        t = band / 8
        green = _mix((170, 205, 90), (40, 110, 50), t)
        y = start + band * (h - start) // 9
        bulge = rng.randint(60, 160)
        edge = _mix(green, (30, 60, 30), 0.35)
        draw.ellipse(
            (-w // 2, y, w + w // 2, y + 2 * bulge + (h - start) // 5),
            fill=green,
            outline=edge,
            width=8,
        )
        draw.rectangle((0, min(y + bulge, h), w, h), fill=green)
    trunk = (60, 50, 40)
    for _ in range(rng.randint(2, 4)):
        px, py = rng.randint(0, w), rng.randint(int(h * 0.35), int(h * 0.55))
        draw.line([(px, py + 520), (px + rng.randint(-60, 60), py)], fill=trunk, width=22)
        for angle in range(8):
            dx = (angle - 3.5) * 70
            tip = (px + dx * 1.2, py + abs(dx) * 0.5 + 60)
            draw.polygon(
                [(px, py - 10), (px + dx * 0.6, py - 40), tip, (px, py + 20)], fill=(34, 70, 40)
            )
    return image


def paint_bokeh(rng: random.Random, time: str) -> Image.Image:
    """City lights out of focus: soft translucent circles on a gradient."""
    top, bottom = SKIES[time]
    image = _gradient((WIDTH * SCALE, HEIGHT * SCALE), _mix(top, (10, 10, 30), 0.4), bottom)
    # The lights are drawn small, blurred and scaled up: soft edges at a fraction of the cost.
    w, h = image.size[0] // 4, image.size[1] // 4
    overlay = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    lights = [(255, 200, 110), (255, 150, 120), (140, 200, 255), (255, 240, 200)]
    for _ in range(70):
        r = rng.randint(8, 42)
        x, y = rng.randint(-r, w + r), rng.randint(-r, h + r)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*rng.choice(lights), rng.randint(40, 120)))
    overlay = overlay.filter(ImageFilter.GaussianBlur(1.5)).resize(image.size, Image.BILINEAR)
    return Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")


def paint_stadium(rng: random.Random, time: str) -> Image.Image:
    """A football pitch under floodlights, seen from the stand."""
    image = _sky("malam" if time in {"malam", "senja"} else time)
    draw = ImageDraw.Draw(image)
    w, h = image.size
    stand_top = int(h * 0.3)
    draw.rectangle((0, stand_top, w, int(h * 0.5)), fill=(60, 50, 70))
    crowd = [(200, 60, 60), (240, 240, 240), (230, 180, 60), (70, 90, 160)]
    for y in range(stand_top + 10, int(h * 0.5) - 10, 22):
        for x in range(rng.randint(0, 20), w, 26):
            if rng.random() < 0.7:
                draw.ellipse((x, y, x + 14, y + 14), fill=rng.choice(crowd))
    pitch_top = int(h * 0.5)
    for i in range(10):
        y0 = pitch_top + i * (h - pitch_top) // 10
        green = (52, 140, 66) if i % 2 else (64, 156, 76)
        draw.rectangle((0, y0, w, y0 + (h - pitch_top) // 10 + 1), fill=green)
    line = (235, 245, 235)
    draw.line([(200, pitch_top + 60), (w - 200, pitch_top + 60)], fill=line, width=8)
    draw.line([(w // 2, pitch_top + 60), (w // 2, h)], fill=line, width=8)
    draw.ellipse((w // 2 - 260, h - 420, w // 2 + 260, h - 40), outline=line, width=8)
    for x in (120, w - 160):
        draw.rectangle((x, 60, x + 40, stand_top), fill=(90, 90, 100))
        draw.rectangle((x - 60, 30, x + 100, 110), fill=(255, 250, 220))
    return image


def paint_parliament(rng: random.Random, time: str) -> Image.Image:
    """A domed assembly building with columns and a wide stair, flag on a pole."""
    image = _sky(time)
    draw = ImageDraw.Draw(image)
    w, h = image.size
    _sun(draw, rng.randint(w // 8, w // 3), rng.randint(h // 8, h // 4), 70, time)
    wall = _mix((236, 230, 214), SKIES[time][1], 0.25)
    shadow = _mix(wall, (60, 60, 70), 0.35)
    dome = _mix((70, 140, 120), SKIES[time][0], 0.2)
    cx, ground = w // 2 + rng.randint(-200, 200), int(h * 0.82)
    draw.rectangle((0, ground, w, h), fill=_mix((120, 150, 90), SKIES[time][1], 0.2))
    draw.chord((cx - 620, ground - 900, cx + 620, ground - 260), 180, 360, fill=dome)
    draw.rectangle((cx - 700, ground - 600, cx + 700, ground - 560), fill=shadow)
    for col in range(-6, 7):
        x = cx + col * 105
        draw.rectangle((x - 24, ground - 560, x + 24, ground - 120), fill=wall)
    draw.rectangle((cx - 760, ground - 120, cx + 760, ground), fill=shadow)
    for step in range(5):
        draw.rectangle(
            (
                cx - 760 - step * 40,
                ground - 96 + step * 24,
                cx + 760 + step * 40,
                ground - 80 + step * 24,
            ),
            fill=wall,
        )
    px = cx + 900
    draw.rectangle((px, ground - 800, px + 12, ground), fill=(90, 90, 90))
    draw.rectangle((px + 12, ground - 800, px + 230, ground - 730), fill=(206, 32, 41))
    draw.rectangle((px + 12, ground - 730, px + 230, ground - 660), fill=(250, 250, 250))
    return image


def paint_stripes(rng: random.Random, time: str) -> Image.Image:
    """An abstract 'ilustrasi' cover: bold diagonal bands and a disc."""
    top, bottom = SKIES[time]
    image = _gradient((WIDTH * SCALE, HEIGHT * SCALE), bottom, top)
    draw = ImageDraw.Draw(image)
    w, h = image.size
    accents = [(230, 80, 70), (245, 180, 60), (40, 150, 140), (250, 246, 236), (30, 50, 90)]
    rng.shuffle(accents)
    x = -h
    for colour in accents * 2:
        band = rng.randint(140, 380)
        draw.polygon([(x, h), (x + band, h), (x + band + h, 0), (x + h, 0)], fill=colour)
        x += band + rng.randint(80, 300)
    r = rng.randint(180, 320)
    cx, cy = rng.randint(r, w - r), rng.randint(r, h - r)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=accents[0], outline=accents[3], width=24)
    return image


PAINTERS: dict[str, Callable[[random.Random, str], Image.Image]] = {
    "kota": paint_skyline,
    "gunung": paint_volcanoes,
    "laut": paint_sea,
    "sawah": paint_terraces,
    "cahaya": paint_bokeh,
    "stadion": paint_stadium,
    "gedung": paint_parliament,
    "ilustrasi": paint_stripes,
}


def pool_names() -> list[str]:
    """File names of the pool, in a fixed order: ``<scene>-<time of day>.jpg``."""
    return [f"{scene}-{time}.jpg" for scene in PAINTERS for time in TIMES]


def ensure_image_pool(directory: Path) -> list[Path]:
    """Draw whichever pool pictures are missing from ``directory``; return all their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, name in enumerate(pool_names()):
        path = directory / name
        if not path.exists():
            scene, time = name.removesuffix(".jpg").split("-")
            # Each picture has its own seeded generator, so one can be redrawn alone.
            picture = PAINTERS[scene](random.Random(POOL_SEED * 1000 + index), time)
            picture = picture.reduce(SCALE)  # a box filter is all 2x supersampling needs
            # Named per process: two `warta demo` runs may draw the pool at once.
            partial = path.with_suffix(f".{os.getpid()}.part")
            picture.save(partial, "JPEG", quality=JPEG_QUALITY, optimize=True)
            partial.replace(path)  # never leave a half-written picture under the real name
        paths.append(path)
    return paths
