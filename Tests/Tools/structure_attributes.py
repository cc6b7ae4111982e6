"""Reads, with pikepdf, what the accessibility tests check of structure attributes and text:
each list's /ListNumbering, each figure's and table's /BBox (with whether it lies inside its
page, /Pg, and holds the element's marked content), row-scoped header cells, and the bytes
each marked-content sequence shows (for the words' separating spaces). Prints JSON.
Usage: structure_attributes.py FILE.pdf"""
import json
import sys

import pikepdf


def owners(element):
    attributes = element.get("/A")
    if attributes is None:
        return []
    return list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]


def attribute(element, owner, key):
    for entry in owners(element):
        if isinstance(entry, pikepdf.Dictionary) and entry.get("/O") == owner and key in entry:
            return entry[key]
    return None


def shown_bytes(pdf):
    """(page index, MCID) → the bytes of the strings shown in that marked-content sequence."""
    out = {}
    for index, page in enumerate(pdf.pages):
        stack = []
        for operands, operator in pikepdf.parse_content_stream(page):
            name = str(operator)
            if name == "BDC":
                props = operands[1]
                mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                stack.append(int(mcid) if mcid is not None else (stack[-1] if stack else None))
            elif name == "BMC":
                stack.append(stack[-1] if stack else None)
            elif name == "EMC" and stack:
                stack.pop()
            elif name in ("Tj", "TJ") and stack and stack[-1] is not None:
                parts = operands[0] if name == "TJ" else [operands[0]]
                data = b"".join(bytes(p) for p in parts if isinstance(p, pikepdf.String))
                out[(index, stack[-1])] = out.get((index, stack[-1]), b"") + data
    return out


def main(path):
    pdf = pikepdf.open(path)
    pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    report = {"lists": [], "boxes": [], "row_headers": 0, "headings": []}
    shown = shown_bytes(pdf)
    seen = set()

    def walk(element):
        if not isinstance(element, pikepdf.Dictionary) or element.objgen in seen:
            return
        seen.add(element.objgen)
        role = str(element.get("/S", ""))[1:]
        if role == "L":
            numbering = attribute(element, "/List", "/ListNumbering")
            report["lists"].append(str(numbering)[1:] if numbering is not None else None)
        if role in ("Figure", "Table"):
            box = attribute(element, "/Layout", "/BBox")
            entry = {"role": role, "box": [float(v) for v in box] if box is not None else None}
            page = element.get("/Pg")
            if page is not None and box is not None:
                media = pdf.pages[pages[page.objgen]].mediabox
                entry["page"] = pages[page.objgen]
                entry["inside"] = all(float(media[0]) - 1 <= float(box[i]) <= float(media[2]) + 1 for i in (0, 2)) and \
                    all(float(media[1]) - 1 <= float(box[i]) <= float(media[3]) + 1 for i in (1, 3)) and box[0] < box[2] and box[1] < box[3]
            report["boxes"].append(entry)
        if role == "TH" and attribute(element, "/Table", "/Scope") == "/Row":
            report["row_headers"] += 1
        kids = element.get("/K")
        kids = [] if kids is None else list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        if role in ("H1", "H2", "H3"):
            page = element.get("/Pg")
            text = b""
            for kid in kids:
                if isinstance(kid, int) and page is not None:
                    text += shown.get((pages[page.objgen], int(kid)), b"")
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    pg = kid.get("/Pg", page)
                    text += shown.get((pages[pg.objgen], int(kid.MCID)), b"")
            report["headings"].append(text.decode("latin-1"))
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                walk(kid)

    walk(pdf.Root.StructTreeRoot)
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1])
