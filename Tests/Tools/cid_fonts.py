"""Reads every Type 2 CID font in a PDF with pikepdf and fontTools (independent of Quire's own
reader) and checks it against the fonts it was subset from, which is how Quire's finisher's
/CIDToGIDMap /Identity is known to be right: for every CID the font's /ToUnicode names, the
glyph that CID selects through the map must have the outline and advance of the original
font's glyph for that character. Prints JSON: per font, the map, whether the /CIDSet lists
exactly the program's glyphs, and each CID that fails.
Usage: cid_fonts.py FILE.pdf FONT.ttf..."""
import io
import json
import re
import sys

import pikepdf
from fontTools.ttLib import TTFont


def to_unicode(cmap_bytes):
    """CID → text, from the bfchar and bfrange sections of a ToUnicode CMap."""
    text = cmap_bytes.decode("latin-1")
    out = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, target in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            out[int(code, 16)] = bytes.fromhex(target).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for first, last, target in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            start = int(target, 16)
            for offset, code in enumerate(range(int(first, 16), int(last, 16) + 1)):
                out[code] = chr(start + offset)
    return out


def outline(font, glyph_name):
    """A glyph's points with composites resolved, and its advance: what it draws."""
    glyf = font["glyf"]
    coordinates, ends, _ = glyf[glyph_name].getCoordinates(glyf)
    return [tuple(point) for point in coordinates], list(ends), font["hmtx"][glyph_name][0]


def originals(paths):
    fonts = {}
    for path in paths:
        font = TTFont(path)
        fonts[font["name"].getDebugName(6)] = font  # the PostScript name, as /BaseFont gives it
    return fonts


def check(pdf, fonts):
    report = []
    seen = set()
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Subtype") != "/Type0" or obj.objgen in seen:
            continue
        seen.add(obj.objgen)
        cid_font = obj["/DescendantFonts"][0]
        if cid_font.get("/Subtype") != "/CIDFontType2":
            continue
        name = str(cid_font["/BaseFont"])[1:]
        original = fonts.get(name.split("+", 1)[-1])
        descriptor = cid_font["/FontDescriptor"]
        program = TTFont(io.BytesIO(descriptor["/FontFile2"].read_bytes()))
        order = program.getGlyphOrder()
        mapping = cid_font.get("/CIDToGIDMap")
        entry = {"font": name, "cid_to_gid": str(mapping) if mapping is not None else None, "glyphs": len(order), "failures": []}
        if "/CIDSet" in descriptor:
            bits = descriptor["/CIDSet"].read_bytes()
            listed = [cid for cid in range(len(bits) * 8) if bits[cid // 8] & (0x80 >> (cid % 8))]
            entry["cid_set_complete"] = listed == list(range(len(order)))
        else:
            entry["cid_set_complete"] = None
        if original is None:
            entry["failures"].append("no original font for " + name)
            report.append(entry)
            continue
        cmap = original.getBestCmap()
        for cid, text in sorted(to_unicode(obj["/ToUnicode"].read_bytes()).items()):
            if len(text) != 1 or ord(text) not in cmap:
                continue  # a ligature or a character the original lacks: nothing to compare with
            # Identity: the CID is the glyph index (no map written means the same, by default).
            if mapping is not None and mapping != "/Identity":
                entry["failures"].append(f"CID {cid}: a /CIDToGIDMap stream, not checked")
                continue
            if cid >= len(order) or outline(program, order[cid]) != outline(original, cmap[ord(text)]):
                entry["failures"].append(f"CID {cid} ({text!r}) does not draw {cmap[ord(text)]}")
        report.append(entry)
    return report


if __name__ == "__main__":
    print(json.dumps(check(pikepdf.open(sys.argv[1]), originals(sys.argv[2:]))))
