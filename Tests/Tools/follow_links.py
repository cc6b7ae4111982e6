"""Follows every link annotation of a PDF, read with pikepdf and poppler's pdftotext (both
independent of Quire): where it goes (a page, by its label and the y it lands at, or a URI),
the words printed under it, its /Contents, and the structure element that holds it with the
text that element reads. Prints JSON, one entry per annotation, in page order.
Usage: follow_links.py FILE.pdf"""
import html
import json
import re
import subprocess
import sys

import pikepdf


def words_by_page(path):
    """Each page's words with their boxes (top-left origin, points), from pdftotext -bbox."""
    xhtml = subprocess.run(["pdftotext", "-bbox", path, "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", xhtml, re.S):
        words = []
        for x0, y0, x1, y1, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page):
            words.append((float(x0), float(y0), float(x1), float(y1), html.unescape(word)))
        pages.append(words)
    return pages


def destination(pdf, annotation):
    """(page index, y from the top of that page) of an internal link, or None."""
    dest = annotation.get("/Dest")
    action = annotation.get("/A")
    if dest is None and action is not None and action.get("/S") == "/GoTo":
        dest = action.get("/D")
    if dest is None:
        return None
    if isinstance(dest, (pikepdf.String, pikepdf.Name)):
        return "named"
    target = dest[0]
    for index, page in enumerate(pdf.pages):
        if page.obj.objgen == target.objgen:
            height = float(page.mediabox[3]) - float(page.mediabox[1])
            top = dest[3] if len(dest) > 3 and dest[1] == "/XYZ" else None
            return index, (height - float(top)) if top is not None else 0.0
    return "not a page"


def parent_tree(pdf):
    """/StructParent key → element, from the structure tree's number tree (flat or nested)."""
    out = {}

    def walk(node):
        nums = node.get("/Nums")
        if nums is not None:
            for i in range(0, len(nums) - 1, 2):
                out[int(nums[i])] = nums[i + 1]
        for kid in node.get("/Kids", []):
            walk(kid)

    root = pdf.Root.get("/StructTreeRoot")
    if root is not None and "/ParentTree" in root:
        walk(root.ParentTree)
    return out


def element_mcids(element):
    """(page objgen, MCID) of the marked content an element holds, its descendants' included."""
    out = []
    kids = element.get("/K")
    kids = [] if kids is None else list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    page = element.get("/Pg")
    for kid in kids:
        if isinstance(kid, int):
            out.append((page.objgen if page is not None else None, int(kid)))
        elif isinstance(kid, pikepdf.Dictionary):
            if kid.get("/Type") == "/MCR":
                pg = kid.get("/Pg", page)
                out.append((pg.objgen if pg is not None else None, int(kid.MCID)))
            elif kid.get("/Type") != "/OBJR":
                out += element_mcids(kid)
    return out


def marked_text(pdf):
    """(page objgen, MCID) → the text shown inside that marked-content sequence."""
    out = {}
    for page in pdf.pages:
        stack = []
        for operands, operator in pikepdf.parse_content_stream(page):
            name = str(operator)
            if name == "BDC":
                props = operands[1]
                mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                stack.append(int(mcid) if mcid is not None else None)
            elif name == "BMC":
                stack.append(None)
            elif name == "EMC" and stack:
                stack.pop()
            elif name in ("Tj", "TJ", "'", '"') and stack and stack[-1] is not None:
                out.setdefault((page.obj.objgen, stack[-1]), 0)
                out[(page.obj.objgen, stack[-1])] += 1
    return out


def main(path):
    pdf = pikepdf.open(path)
    words = words_by_page(path)
    labels = [str(page.label) for page in pdf.pages]
    parents = parent_tree(pdf)
    shown = marked_text(pdf)
    links = []
    for index, page in enumerate(pdf.pages):
        height = float(page.mediabox[3]) - float(page.mediabox[1])
        for annotation in page.get("/Annots", []):
            if annotation.get("/Subtype") != "/Link":
                continue
            x0, y0, x1, y1 = (float(v) for v in annotation.Rect)
            top, bottom = height - y1, height - y0
            under = [w for (wx0, wy0, wx1, wy1, w) in words[index]
                     if x0 - 1 <= (wx0 + wx1) / 2 <= x1 + 1 and top - 1 <= (wy0 + wy1) / 2 <= bottom + 1]
            entry = {"page": index, "label": labels[index], "text": " ".join(under), "contents": str(annotation.get("/Contents", ""))}
            dest = destination(pdf, annotation)
            if isinstance(dest, tuple):
                entry["target_page"], entry["target_y"] = dest
                entry["target_label"] = labels[dest[0]]
                entry["target_text"] = " ".join(w[4] for w in words[dest[0]])
            elif dest is not None:
                entry["target_error"] = dest
            action = annotation.get("/A")
            if action is not None and action.get("/S") == "/URI":
                entry["uri"] = str(action.URI)
            element = parents.get(int(annotation.StructParent)) if "/StructParent" in annotation else None
            if element is not None:
                entry["role"] = str(element.get("/S"))[1:]
                parent = element.get("/P")
                entry["parent_role"] = str(parent.get("/S"))[1:] if parent is not None and "/S" in parent else None
                entry["text_runs"] = sum(shown.get(ref, 0) for ref in element_mcids(element))
            links.append(entry)
    print(json.dumps(links))


if __name__ == "__main__":
    main(sys.argv[1])
