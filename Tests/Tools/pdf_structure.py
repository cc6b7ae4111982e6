"""Reads a PDF with pikepdf (qpdf's Python binding, independent of Quire's own reader) and
prints, as JSON, what the accessibility and archival tests check: catalog entries, the
structure tree in depth-first order (role, alt text, scope, a merged cell's spans, how many marked-content
sequences), artifact counts, XMP identification, output intents and fonts."""
import json
import re
import sys

import pikepdf


def walk(element, depth, out, seen):
    if not isinstance(element, pikepdf.Dictionary) or element.objgen in seen:
        return
    if element.objgen != (0, 0):
        seen.add(element.objgen)
    kids = element.get("/K")
    if kids is None:
        kids = []
    elif not isinstance(kids, pikepdf.Array):
        kids = [kids]
    mcids = 0
    children = []
    for kid in kids:
        if isinstance(kid, int):
            mcids += 1
        elif isinstance(kid, pikepdf.Dictionary):
            if kid.get("/Type") == "/MCR":
                mcids += 1
            elif kid.get("/Type") == "/OBJR":
                pass
            else:
                children.append(kid)
    entry = {"depth": depth, "role": str(element.get("/S"))[1:], "mcids": mcids}
    if "/Alt" in element:
        entry["alt"] = str(element["/Alt"])
    if "/ID" in element:
        entry["id"] = str(element["/ID"])
    attributes = element.get("/A")
    if isinstance(attributes, pikepdf.Dictionary) and "/Scope" in attributes:
        entry["scope"] = str(attributes["/Scope"])[1:]
    if isinstance(attributes, pikepdf.Dictionary):
        for key, name in (("/RowSpan", "rowspan"), ("/ColSpan", "colspan")):
            if key in attributes:
                entry[name] = int(attributes[key])
    out.append(entry)
    for child in children:
        walk(child, depth + 1, out, seen)


PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "BI"}


def marked_content(pdf):
    """Artifact sequences, and painting operators outside any marked content."""
    artifacts = unmarked = 0
    for page in pdf.pages:
        depth = 0
        for operands, operator in pikepdf.parse_content_stream(page):
            name = str(operator)
            if name in ("BDC", "BMC"):
                depth += 1
                if operands and str(operands[0]) == "/Artifact":
                    artifacts += 1
            elif name == "EMC":
                depth -= 1
            elif depth == 0 and name in PAINTING:
                unmarked += 1
    return artifacts, unmarked


def fonts(pdf):
    found = {}
    for page in pdf.pages:
        resources = page.obj.get("/Resources", {})
        for name, font in resources.get("/Font", {}).items():
            descriptor = font.get("/FontDescriptor")
            if "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get("/FontDescriptor")
            embedded = descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return found


def main(path):
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        tree = []
        if "/StructTreeRoot" in root:
            top = root.StructTreeRoot.get("/K")
            for kid in (top if isinstance(top, pikepdf.Array) else [top]):
                walk(kid, 0, tree, set())
        xmp = bytes(root.Metadata.read_bytes()).decode("utf-8") if "/Metadata" in root else ""
        part = re.search(r"<pdfaid:part>(\d)</pdfaid:part>", xmp)
        conformance = re.search(r"<pdfaid:conformance>(\w)</pdfaid:conformance>", xmp)
        title = re.search(r'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">(.*?)</rdf:li>', xmp)
        intents = [
            {"subtype": str(i.get("/S")), "profile_components": int(i.DestOutputProfile.get("/N", 0)) if "/DestOutputProfile" in i else 0}
            for i in root.get("/OutputIntents", [])
        ]
        labels = []
        if "/PageLabels" in root:
            nums = root.PageLabels.Nums
            labels = [{"start": int(nums[i]), "style": str(nums[i + 1].get("/S", ""))} for i in range(0, len(nums), 2)]
        artifact_count, unmarked = marked_content(pdf)
        report = {
            "marked": bool(root.get("/MarkInfo", {}).get("/Marked", False)),
            "lang": str(root.get("/Lang", "")),
            "display_doc_title": bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)),
            "info_title": str(pdf.docinfo.get("/Title", "")),
            "xmp_title": title.group(1) if title else None,
            "pdfa": (part.group(1) + conformance.group(1)) if part and conformance else None,
            "pdfua": (re.search(r"<pdfuaid:part>(\d)</pdfuaid:part>", xmp) or [None, None])[1],
            "pdfua_described": "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>" in xmp,
            "output_intents": intents,
            "encrypted": pdf.is_encrypted,
            "id": [bytes(x).hex() for x in pdf.trailer.get("/ID", [])],
            "page_labels": labels,
            "tree": tree,
            "artifacts": artifact_count,
            "unmarked": unmarked,
            "fonts": fonts(pdf),
            "interpolated_images": sum(
                1 for page in pdf.pages for _, image in page.get_images().items() if bool(image.get("/Interpolate", False))
            ),
        }
    json.dump(report, sys.stdout, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
