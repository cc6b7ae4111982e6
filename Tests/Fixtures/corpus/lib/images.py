"""Small PNGs drawn for the corpus (a council's logo, a bar chart), kept to a few KB: flat
colours, palette mode, no metadata, so regenerating gives the same bytes."""

import io

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"
FONT_REGULAR = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"


def _png(image):
    out = io.BytesIO()
    image.convert("P", palette=Image.ADAPTIVE, colors=16).save(out, format="PNG", optimize=True)
    return out.getvalue()


def logo(name_lines, colour=(31, 78, 121), accent=(242, 169, 0)):
    """A council's logo: a shield mark and the council's name beside it."""
    image = Image.new("RGB", (420, 120), "white")
    draw = ImageDraw.Draw(image)
    draw.polygon([(10, 10), (90, 10), (90, 70), (50, 110), (10, 70)], fill=colour)
    draw.polygon([(22, 24), (78, 24), (78, 64), (50, 92), (22, 64)], fill=accent)
    draw.rectangle([(45, 24), (55, 92)], fill=colour)
    font = ImageFont.truetype(FONT, 30)
    for index, line in enumerate(name_lines):
        draw.text((108, 14 + index * 36), line, fill=colour, font=font)
    return _png(image)


def bar_chart(title, labels, values, unit, colour=(31, 78, 121)):
    """A bar chart of `values`; the alt text in the paper says what it shows."""
    width, height = 640, 300
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT_REGULAR, 15)
    bold = ImageFont.truetype(FONT, 17)
    draw.text((20, 10), title, fill="black", font=bold)
    top, bottom, left = 50, height - 40, 60
    biggest = max(values)
    draw.line([(left, top), (left, bottom), (width - 20, bottom)], fill="black", width=2)
    slot = (width - 20 - left) / len(values)
    for index, (label, value) in enumerate(zip(labels, values)):
        x0 = left + index * slot + slot * 0.2
        x1 = left + (index + 1) * slot - slot * 0.2
        y0 = bottom - (bottom - top - 20) * value / biggest
        draw.rectangle([(x0, y0), (x1, bottom)], fill=colour)
        draw.text((x0, y0 - 20), f"{value:g}{unit}", fill="black", font=font)
        draw.text((x0, bottom + 8), label, fill="black", font=font)
    return _png(image)
