"""Checks a PDF against the rules of PDF/UA-1 (ISO 14289-1) and PDF/A-2b (ISO 19005-2) that
apply to what Quire writes: tagged structure, fonts, annotations, metadata, colour. The
rules were chosen by reading veraPDF's published rule profiles (PDF_UA/PDFUA-1.xml and
PDF_A/PDFA-2B.xml in veraPDF/veraPDF-validation-profiles); each is implemented here anew on
pikepdf and fontTools, one function per clause, and named by that clause. Rules for features
Quire never writes (forms, media, optional content, signatures, embedded files, JavaScript)
are left out. Prints JSON: the rules checked and each failure as [clause, message].
Usage: validation_rules.py FILE.pdf [--pdfa]"""
import io
import json
import re
import sys

import pikepdf
from fontTools.ttLib import TTFont

STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
    "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody",
    "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu",
    "WT", "WP", "Figure", "Formula", "Form",
}
PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "BI"}


class Checker:
    def __init__(self, path, pdfa):
        self.path = path
        self.pdf = pikepdf.open(path)
        self.pdfa = pdfa
        self.failures = []
        self.checked = []
        root = self.pdf.Root
        tree = root.get("/StructTreeRoot")
        self.role_map = {str(k)[1:]: str(v)[1:] for k, v in (tree.get("/RoleMap", {}) if tree is not None else {}).items()}
        self.xmp = bytes(root.Metadata.read_bytes()).decode("utf-8", "replace") if "/Metadata" in root else ""

    def rule(self, clause, ok, message):
        self.checked.append(clause)
        if not ok:
            self.failures.append([clause, message])

    def standard(self, role):
        seen = set()
        while role not in STANDARD and role in self.role_map and role not in seen:
            seen.add(role)
            role = self.role_map[role]
        return role

    # MARK: - structure elements, depth first

    def elements(self):
        out = []
        seen = set()
        tree = self.pdf.Root.get("/StructTreeRoot")

        def walk(node, parent):
            kids = node.get("/K")
            kids = [] if kids is None else list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid and kid.objgen not in seen:
                    if kid.objgen != (0, 0):
                        seen.add(kid.objgen)
                    out.append((kid, parent))
                    walk(kid, kid)

        if tree is not None:
            walk(tree, tree)
        return out

    def kid_roles(self, element):
        kids = element.get("/K")
        kids = [] if kids is None else list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        return [self.standard(str(k.S)[1:]) for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k]

    # MARK: - PDF/UA-1

    def pdfua(self):
        root = self.pdf.Root
        self.rule("UA 5", re.search(r"pdfuaid:part(>|=\")1", self.xmp) is not None, "the XMP does not identify PDF/UA-1 (pdfuaid:part 1)")
        with open(self.path, "rb") as f:
            header = f.readline().strip()
        self.rule("UA 6.1", re.fullmatch(rb"%PDF-1\.[0-7]", header) is not None, f"header {header!r}")
        self.rule("UA 6.2", root.get("/MarkInfo", {}).get("/Marked") is True, "/MarkInfo /Marked is not true")
        self.rule("UA 7.1-4", root.get("/MarkInfo", {}).get("/Suspects") is not True, "/Suspects is true")
        self.rule("UA 7.1-8", "/Metadata" in root, "no catalog /Metadata")
        self.rule("UA 7.1-9", "<dc:title>" in self.xmp, "the XMP has no dc:title")
        self.rule("UA 7.1-10", root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is True, "DisplayDocTitle is not true")
        self.rule("UA 7.1-11", "/StructTreeRoot" in root, "no structure tree")
        lang = str(root.get("/Lang", ""))
        self.rule("UA 7.2-34", lang != "", "no /Lang in the catalog: the language of the text is not determined")
        self.rule("UA 7.2-29", re.fullmatch(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*", lang) is not None, f"/Lang {lang!r} is not a language tag")
        for source, target in self.role_map.items():
            self.rule("UA 7.1-7", source not in STANDARD, f"the standard type {source} is remapped to {target}")
        headings_h, headings_n, last_level = 0, 0, 0
        ids = {}
        for element, parent in self.elements():
            raw = str(element.S)[1:]
            role = self.standard(raw)
            where = f"{raw} element {element.objgen[0]}"
            self.rule("UA 7.1-12", "/P" in element, f"{where} has no /P")
            self.rule("UA 7.1-5", role in STANDARD, f"{where} is not mapped to a standard type")
            parent_role = self.standard(str(parent.get("/S", "/"))[1:]) if "/S" in parent else ""
            kids = self.kid_roles(element)
            if role == "Table":
                self.rule("UA 7.2-3", all(k in ("TR", "THead", "TBody", "TFoot", "Caption") for k in kids), f"{where} holds {kids}")
                self.rule("UA 7.2-16", "Caption" not in kids[1:-1], f"{where} has a Caption that is neither first nor last")
                self.rule("UA 7.2-39", kids.count("Caption") <= 1, f"{where} has more than one Caption")
                self.table_grid(element, where)
            if role == "TR":
                self.rule("UA 7.2-4", parent_role in ("Table", "THead", "TBody", "TFoot"), f"{where} is in {parent_role}")
                self.rule("UA 7.2-10", all(k in ("TH", "TD") for k in kids), f"{where} holds {kids}")
            if role in ("TH", "TD"):
                self.rule("UA 7.2-8/9", parent_role == "TR", f"{where} is in {parent_role}")
            if role == "TH":
                self.rule("UA 7.5", self.attribute(element, "/Table", "/Scope") is not None or "/ID" in element,
                          f"{where} has no /Scope (and no /ID for /Headers)")
            if role == "LI":
                self.rule("UA 7.2-17", parent_role == "L", f"{where} is in {parent_role}")
                self.rule("UA 7.2-20", all(k in ("Lbl", "LBody") for k in kids), f"{where} holds {kids}")
            if role == "LBody":
                self.rule("UA 7.2-18", parent_role == "LI", f"{where} is in {parent_role}")
            if role == "L":
                self.rule("UA 7.2-19", all(k in ("L", "LI", "Caption") for k in kids), f"{where} holds {kids}")
                self.rule("UA 7.2-40", "Caption" not in kids[1:], f"{where} has a Caption that is not its first kid")
            if role == "TOCI":
                self.rule("UA 7.2-26", parent_role == "TOC", f"{where} is in {parent_role}")
            if role == "TOC":
                self.rule("UA 7.2-27", all(k in ("TOC", "TOCI", "Caption") for k in kids), f"{where} holds {kids}")
            if role == "Figure":
                alt = str(element.get("/Alt", ""))
                self.rule("UA 7.3", alt != "" or "/ActualText" in element, f"{where} has no /Alt or /ActualText")
            if role == "Formula":
                self.rule("UA 7.7", "/Alt" in element or "/ActualText" in element, f"{where} has no /Alt")
            if role == "Note":
                note_id = bytes(element.get("/ID", b"")) if "/ID" in element else b""
                self.rule("UA 7.9-1", note_id != b"", f"{where} has no /ID")
                self.rule("UA 7.9-2", note_id not in ids, f"{where} repeats the /ID of another Note")
                ids[note_id] = True
            if role == "H":
                headings_h += 1
            if re.fullmatch(r"H[1-6]", role):
                headings_n += 1
                level = int(role[1])
                self.rule("UA 7.4.2", level <= last_level + 1, f"{where} follows an H{last_level}: a level is skipped")
                last_level = level
            self.rule("UA 7.4.4-1", kids.count("H") <= 1, f"{where} holds more than one H")
        self.rule("UA 7.4.4-2/3", headings_h == 0 or headings_n == 0, "both H and H1-H6 are used")
        self.content_tagging()
        for index, page in enumerate(self.pdf.pages):
            annotations = [a for a in page.get("/Annots", []) if isinstance(a, pikepdf.Dictionary)]
            if annotations:
                self.rule("UA 7.18.3", page.get("/Tabs") == "/S", f"page {index + 1} has annotations but no /Tabs /S")
            for annotation in annotations:
                subtype = str(annotation.get("/Subtype"))
                hidden = int(annotation.get("/F", 0)) & 2
                if hidden:
                    continue
                self.rule("UA 7.18.1-2", subtype == "/Widget" or str(annotation.get("/Contents", "")) != "",
                          f"a {subtype} annotation on page {index + 1} has no /Contents")
                element = self.struct_parent(annotation)
                role = self.standard(str(element.S)[1:]) if element is not None else None
                if subtype == "/Link":
                    self.rule("UA 7.18.5-1", role == "Link", f"a link annotation on page {index + 1} is held by {role}")
                elif subtype not in ("/Widget", "/PrinterMark", "/Popup"):
                    self.rule("UA 7.18.1-1", role == "Annot", f"a {subtype} annotation on page {index + 1} is held by {role}")
        for obj in self.pdf.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Form":
                self.rule("UA 7.20", "/Ref" not in obj, "a reference XObject")
        self.fonts(ua=True)

    def attribute(self, element, owner, key):
        attributes = element.get("/A")
        attributes = [] if attributes is None else list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]
        for entry in attributes:
            if isinstance(entry, pikepdf.Dictionary) and entry.get("/O") == owner and key in entry:
                return entry[key]
        return None

    def table_grid(self, table, where):
        """UA 7.2-41/42: every row covers the same number of columns, counting spans."""
        rows = []

        def collect(node):
            for kid in (node.get("/K") if isinstance(node.get("/K"), pikepdf.Array) else [node.get("/K")]):
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    role = self.standard(str(kid.S)[1:])
                    if role == "TR":
                        rows.append([c for c in (kid.K if isinstance(kid.get("/K"), pikepdf.Array) else [kid.get("/K")])
                                     if isinstance(c, pikepdf.Dictionary) and self.standard(str(c.get("/S", "/"))[1:]) in ("TH", "TD")])
                    elif role in ("THead", "TBody", "TFoot"):
                        collect(kid)

        collect(table)
        pending = {}  # column → rows still covered by a cell spanning down from above
        widths = []
        for cells in rows:
            width = sum(1 for rest in pending.values() if rest > 0)
            column = 0
            for cell in cells:
                while pending.get(column, 0) > 0:
                    column += 1
                span_columns = int(self.attribute(cell, "/Table", "/ColSpan") or 1)
                span_rows = int(self.attribute(cell, "/Table", "/RowSpan") or 1)
                for c in range(column, column + span_columns):
                    pending[c] = span_rows
                column += span_columns
                width += span_columns
            widths.append(width)
            pending = {c: rest - 1 for c, rest in pending.items() if rest - 1 > 0}
        self.rule("UA 7.2-42", len(set(widths)) <= 1, f"{where}: rows cover {widths} columns")

    def struct_parent(self, annotation):
        if "/StructParent" not in annotation:
            return None
        key = int(annotation.StructParent)
        tree = self.pdf.Root.StructTreeRoot.get("/ParentTree")
        stack = [tree] if tree is not None else []
        while stack:
            node = stack.pop()
            nums = node.get("/Nums", [])
            for i in range(0, len(nums) - 1, 2):
                if int(nums[i]) == key:
                    return nums[i + 1] if isinstance(nums[i + 1], pikepdf.Dictionary) else None
            stack += list(node.get("/Kids", []))
        return None

    def content_tagging(self):
        """UA 7.1-1/2/3: everything painted is tagged content or an artifact, never both."""
        for index, page in enumerate(self.pdf.pages):
            stack = []
            untagged = mixed = 0
            for operands, operator in pikepdf.parse_content_stream(page):
                name = str(operator)
                if name in ("BDC", "BMC"):
                    tag = str(operands[0])
                    tagged = name == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]
                    kind = "artifact" if tag == "/Artifact" else "tagged" if tagged else None
                    if kind and any(k and k != kind for k in stack):
                        mixed += 1
                    stack.append(kind)
                elif name == "EMC" and stack:
                    stack.pop()
                elif name in PAINTING and not any(stack):
                    untagged += 1
            self.rule("UA 7.1-3", untagged == 0, f"page {index + 1}: {untagged} painting operators neither tagged nor artifact")
            self.rule("UA 7.1-1/2", mixed == 0, f"page {index + 1}: {mixed} artifacts and tagged content nested in each other")

    # MARK: - fonts, both parts

    def fonts(self, ua):
        prefix = "UA 7.21" if ua else "A 6.2.11"
        seen = set()
        for obj in self.pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/Font" or obj.objgen in seen:
                continue
            seen.add(obj.objgen)
            subtype = str(obj.get("/Subtype"))
            name = str(obj.get("/BaseFont", "?"))
            if subtype == "/Type0":
                self.rule(prefix + ".7", "/ToUnicode" in obj or str(obj.get("/Encoding")) in ("/Identity-H", "/Identity-V") and "/ToUnicode" in obj,
                          f"{name} has no /ToUnicode")
                continue
            if subtype == "/Type3":
                continue
            descriptor = obj.get("/FontDescriptor")
            program = None
            if descriptor is not None:
                program = next((descriptor[k] for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in descriptor), None)
            self.rule(prefix + ".4.1", program is not None, f"{name} is not embedded")
            if subtype == "/CIDFontType2":
                self.rule(prefix + ".3.2", "/CIDToGIDMap" in obj, f"{name} has no /CIDToGIDMap")
                if program is not None and not ua:
                    self.cid_font(obj, descriptor, program, name)
            if subtype == "/TrueType" and program is not None and not ua:
                self.truetype(obj, descriptor, program, name)
            if subtype in ("/TrueType", "/Type1") and ua:
                self.rule("UA 7.21.7", "/ToUnicode" in obj or "/Encoding" in obj, f"{name}: no /ToUnicode and no encoding")

    def cid_font(self, font, descriptor, program, name):
        ttf = TTFont(io.BytesIO(program.read_bytes()))
        glyphs = ttf["maxp"].numGlyphs
        if "/CIDSet" in descriptor:
            bits = descriptor.CIDSet.read_bytes()
            listed = {cid for cid in range(len(bits) * 8) if bits[cid // 8] & (0x80 >> (cid % 8))}
            self.rule("A 6.2.11.4.2", listed == set(range(glyphs)), f"{name}: the /CIDSet lists {len(listed)} CIDs of {glyphs} glyphs")
        scale = 1000 / ttf["head"].unitsPerEm
        order = ttf.getGlyphOrder()
        w = list(font.get("/W", []))
        i = 0
        while i < len(w):
            first = int(w[i])
            if i + 1 < len(w) and isinstance(w[i + 1], pikepdf.Array):
                pairs = [(first + k, float(v)) for k, v in enumerate(w[i + 1])]
                i += 2
            else:
                pairs = [(cid, float(w[i + 2])) for cid in range(first, int(w[i + 1]) + 1)]
                i += 3
            for cid, width in pairs:
                advance = ttf["hmtx"][order[cid]][0] * scale if cid < glyphs else None
                self.rule("A 6.2.11.5", advance is not None and abs(advance - width) <= 1, f"{name}: CID {cid} is {width} wide in /W, {advance} in the program")

    def truetype(self, font, descriptor, program, name):
        ttf = TTFont(io.BytesIO(program.read_bytes()))
        symbolic = int(descriptor.get("/Flags", 0)) & 4
        tables = [(t.platformID, t.platEncID) for t in ttf["cmap"].tables] if "cmap" in ttf else []
        if symbolic:
            self.rule("A 6.2.11.6-3", "/Encoding" not in font, f"{name} is symbolic but has an /Encoding")
            self.rule("A 6.2.11.6-4", len(tables) == 1 or (3, 0) in tables, f"{name}: symbolic, cmap subtables {tables}")
        else:
            self.rule("A 6.2.11.6-1", (3, 1) in tables or (1, 0) in tables, f"{name}: non-symbolic without a (3,1) or (1,0) cmap")
            self.rule("A 6.2.11.6-2", str(font.get("/Encoding")) in ("/WinAnsiEncoding", "/MacRomanEncoding"), f"{name}: encoding {font.get('/Encoding')}")
        first = int(font.get("/FirstChar", 0))
        cmap = ttf.getBestCmap() or {}
        order = ttf.getGlyphOrder()
        scale = 1000 / ttf["head"].unitsPerEm
        for offset, width in enumerate(font.get("/Widths", [])):
            code = first + offset
            glyph = cmap.get(code) or (cmap.get(0xF000 + code) if symbolic else None)
            if glyph is None or float(width) == 0:
                continue
            advance = ttf["hmtx"][glyph][0] * scale
            self.rule("A 6.2.11.5", abs(advance - float(width)) <= 1, f"{name}: code {code} is {width} wide in /Widths, {advance} in the program")

    # MARK: - PDF/A-2b

    def pdfa2b(self):
        root, trailer = self.pdf.Root, self.pdf.trailer
        with open(self.path, "rb") as f:
            head = f.read(64)
        self.rule("A 6.1.2", re.match(rb"%PDF-1\.[0-7]\r?\n?%[\x80-\xff]{4}", head.replace(b"\r\n", b"\n")) is not None,
                  "the header is not followed by a comment of four bytes above 127")
        self.rule("A 6.1.3-1", "/ID" in trailer, "no /ID in the trailer")
        self.rule("A 6.1.3-2", "/Encrypt" not in trailer, "encrypted")
        for obj in self.pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                for key in ("/F", "/FFilter", "/FDecodeParms"):
                    self.rule("A 6.1.7", key not in obj, f"a stream with {key}")
                filters = obj.get("/Filter")
                filters = [] if filters is None else list(filters) if isinstance(filters, pikepdf.Array) else [filters]
                self.rule("A 6.1.7.2", "/LZWDecode" not in [str(f) for f in filters], "an LZW-compressed stream")
                if obj.get("/Subtype") == "/Image":
                    self.rule("A 6.2.8", obj.get("/Interpolate") is not True, "an image with /Interpolate true")
                    self.rule("A 6.2.8", "/Alternates" not in obj and "/OPI" not in obj, "an image with /Alternates or /OPI")
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/JavaScript":
                self.rule("A 6.5.1", False, "a JavaScript action")
        self.rule("A 6.6.2.1-1", "/Metadata" in root, "no catalog /Metadata")
        packet = re.search(r"<\?xpacket begin=[^>]*\?>", self.xmp)
        self.rule("A 6.6.2.1-2/3", packet is not None and "bytes=" not in packet.group(0) and "encoding=" not in packet.group(0),
                  "the xpacket header uses bytes= or encoding=")
        self.rule("A 6.6.4", re.search(r"pdfaid:part(>|=\")2", self.xmp) is not None and re.search(r"pdfaid:conformance(>|=\")B", self.xmp) is not None,
                  "the XMP does not identify PDF/A-2b")
        # 6.6.2.3.1: a property outside the predefined schemas needs an extension schema (pdfuaid here).
        if "pdfuaid:" in self.xmp:
            self.rule("A 6.6.2.3.1", "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>" in self.xmp
                      and "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in self.xmp and "<pdfaProperty:name>part</pdfaProperty:name>" in self.xmp,
                      "pdfuaid is used without an extension schema describing it")
            self.rule("A 6.6.2.3.3", re.search(r"<pdfaProperty:category>(internal|external)</pdfaProperty:category>", self.xmp) is not None
                      and "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>" in self.xmp, "the extension schema's property is incomplete")
        intents = [i for i in root.get("/OutputIntents", []) if i.get("/S") == "/GTS_PDFA1"]
        self.rule("A 6.2.3", len(intents) <= 1, "more than one PDF/A output intent")
        rgb_profile = bool(intents) and "/DestOutputProfile" in intents[0] and int(intents[0].DestOutputProfile.get("/N", 0)) == 3
        uses_rgb = any(b"rg" in page.Contents.read_bytes() or b"RG" in page.Contents.read_bytes()
                       for page in self.pdf.pages if isinstance(page.get("/Contents"), pikepdf.Stream))
        self.rule("A 6.2.4.3", not uses_rgb or rgb_profile, "DeviceRGB is used without an RGB output intent")
        for index, page in enumerate(self.pdf.pages):
            self.rule("A 6.5.2", "/AA" not in page, f"page {index + 1} has additional actions")
            for annotation in page.get("/Annots", []):
                subtype = str(annotation.get("/Subtype"))
                flags = int(annotation.get("/F", 0))
                self.rule("A 6.3.2", subtype == "/Popup" or (flags & 4 and not flags & (1 | 2 | 32 | 256)),
                          f"a {subtype} annotation on page {index + 1} with flags {flags}")
                self.rule("A 6.3.3", subtype in ("/Link", "/Popup") or "/AP" in annotation, f"a {subtype} annotation without an appearance")
                action = annotation.get("/A")
                if action is not None:
                    self.rule("A 6.5.1", str(action.get("/S")) in ("/GoTo", "/GoToR", "/URI", "/Named", "/Thread", "/GoToE", "/SubmitForm"),
                              f"a {action.get('/S')} action on page {index + 1}")
        self.rule("A 6.5.2", "/AA" not in root, "the catalog has additional actions")
        self.fonts(ua=False)


def main():
    path = sys.argv[1]
    checker = Checker(path, "--pdfa" in sys.argv)
    checker.pdfua()
    if checker.pdfa:
        checker.pdfa2b()
    print(json.dumps({"checked": sorted(set(checker.checked)), "failures": checker.failures}))


if __name__ == "__main__":
    main()
