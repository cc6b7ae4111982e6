#!/usr/bin/env python3
"""Writes the import test corpus: per paper a folder <id>/ with paper.docx (python-docx),
paper.pdf (LibreOffice headless, as councils publish), paper.txt (pdftotext -layout, form
feeds kept), truth.json (what the paper says, known because this program wrote it) and its
pictures. One paper is also exported as a tagged PDF (paper-tagged.pdf).

Needs LibreOffice, poppler-utils, python-docx and Pillow: bash scripts/corpus-tools.sh.
Usage: bash Tests/Fixtures/corpus/generate.sh [ID …]   (all papers when no id is given)
"""

import datetime
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from lib import papers_city, papers_combined, papers_county, papers_welsh  # noqa: E402
from lib.styles import LAYOUTS, STYLES  # noqa: E402

PAPERS = papers_county.PAPERS + papers_city.PAPERS + papers_combined.PAPERS + papers_welsh.PAPERS
FIXED_TIME = datetime.datetime(2025, 1, 6, 9, 0, 0)
TAGGED_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


def deterministic_docx(document, path, title):
    """Saves the document with fixed metadata and zip times, so a rerun gives the same bytes."""
    props = document.core_properties
    props.title, props.author, props.last_modified_by = title, "Democratic Services", "Democratic Services"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))


def soffice(arguments, workdir):
    """LibreOffice headless with a profile of its own (not the user's, not another run's)."""
    profile = "file://" + os.path.join(workdir, "profile")
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore"] + arguments
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


def export_pdfs(folders, tagged):
    """paper.docx → paper.pdf for every folder in one LibreOffice run; paper-tagged.pdf where asked."""
    with tempfile.TemporaryDirectory(prefix="quire-corpus-") as work:
        os.makedirs(os.path.join(work, "in"))
        for paper_id, folder in folders.items():
            shutil.copy(os.path.join(folder, "paper.docx"), os.path.join(work, "in", paper_id + ".docx"))
        inputs = sorted(os.path.join(work, "in", name) for name in os.listdir(os.path.join(work, "in")))
        soffice(["--convert-to", "pdf", "--outdir", os.path.join(work, "out")] + inputs, work)
        for paper_id, folder in folders.items():
            shutil.move(os.path.join(work, "out", paper_id + ".pdf"), os.path.join(folder, "paper.pdf"))
        for paper_id in tagged:
            soffice(["--convert-to", TAGGED_FILTER, "--outdir", os.path.join(work, "tagged"),
                     os.path.join(work, "in", paper_id + ".docx")], work)
            shutil.move(os.path.join(work, "tagged", paper_id + ".pdf"), os.path.join(folders[paper_id], "paper-tagged.pdf"))


def page_count(pdf):
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def squash(text):
    return " ".join(text.split())


def page_of(text, needle, start=0):
    """The page (0-based, by form feeds) where `needle` first appears at or after `start`,
    compared with whitespace squashed (pdftotext lays text out in columns)."""
    position = text.find(needle, start)
    if position < 0:
        return None, -1
    return text.count("\f", 0, position), position


def mark_tables_across_pages(body, text):
    """Sets each table's across_pages from where its caption and its last row fall in the PDF."""
    cursor = 0
    for block in body:
        if block["kind"] != "table":
            continue
        page, position = page_of(text, block["caption"], cursor)
        if page is None:
            raise SystemExit(f"caption {block['caption']!r} not found in paper.txt")
        last = next(cell["text"] for cell in block["rows"][-1] if cell and cell["text"])
        last_page, last_position = page_of(text, last, position)
        if last_page is None:
            raise SystemExit(f"last row {last!r} of {block['caption']!r} not found in paper.txt")
        block["across_pages"] = last_page != page
        cursor = last_position


def check_numbers(paper_id, body, text):
    """Every printed number in the truth is in the PDF's text just before its words: Word's
    list numbering printed what the generator computed."""
    flat = squash(text)
    for block in body:
        number = block.get("number")
        if not number:
            continue
        words = (block.get("run_in") or block["text"]).split()
        pattern = re.escape(number) + r"\s+" + re.escape(words[0])
        if not re.search(pattern, flat):
            raise SystemExit(f"{paper_id}: number {number!r} before {words[0]!r} not found in paper.txt")


def header_row_count(header):
    return sum(len(value) if key == "fields" else 1 for key, value in header.items())


def build(paper, folder):
    """Writes the .docx and pictures; returns the truth without its PDF-dependent parts."""
    style = STYLES[paper.style](paper)
    document, body = style.build()
    deterministic_docx(document, os.path.join(folder, "paper.docx"), style.header_truth().get("subject", paper.id))
    for block in paper.body:
        if block.__class__.__name__ == "Img":
            with open(os.path.join(folder, block.name), "wb") as out:
                out.write(block.png)
    if paper.logo:
        with open(os.path.join(folder, "logo.png"), "wb") as out:
            out.write(paper.logo)
    header = style.header_truth()
    truth = {"id": paper.id, "style": paper.style, "layout": LAYOUTS[paper.style], "header": header,
             "header_rows": header_row_count(header),
             "contacts": [{"name": c.name, "role": c.role, "phone": c.phone, "email": c.email} for c in paper.contacts],
             "background_documents": list(paper.background), "numbering": style.numbering_truth(), "body": body,
             "furniture": [], "word": style.ctx.features.as_json()}
    if paper.lead_in:
        truth["recommendation_lead_in"] = paper.lead_in
    return truth, style


def main(wanted):
    papers = [p for p in PAPERS if not wanted or p.id in wanted]
    folders, truths, styles = {}, {}, {}
    for paper in papers:
        folder = os.path.join(HERE, paper.id)
        if os.path.isdir(folder):
            shutil.rmtree(folder)
        os.makedirs(folder)
        folders[paper.id] = folder
        truths[paper.id], styles[paper.id] = build(paper, folder)
    export_pdfs(folders, [p.id for p in papers if p.tagged])
    for paper in papers:
        folder = folders[paper.id]
        pdf, txt = os.path.join(folder, "paper.pdf"), os.path.join(folder, "paper.txt")
        subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, txt], check=True)
        with open(txt, encoding="utf-8") as handle:
            text = handle.read()
        truth = truths[paper.id]
        mark_tables_across_pages(truth["body"], text)
        check_numbers(paper.id, truth["body"], text)
        truth["furniture"] = styles[paper.id].furniture(page_count(pdf))
        with open(os.path.join(folder, "truth.json"), "w", encoding="utf-8") as out:
            json.dump(truth, out, ensure_ascii=False, indent=1)
            out.write("\n")
        sizes = {name: os.path.getsize(os.path.join(folder, name)) for name in sorted(os.listdir(folder))}
        print(paper.id, page_count(pdf), "pages", " ".join(f"{n}={s // 1024}K" for n, s in sizes.items()))
    crossing = [t["id"] for t in truths.values() if any(b["kind"] == "table" and b["across_pages"] for b in t["body"])]
    if not wanted and not crossing:
        raise SystemExit("no table crosses a page break: lengthen the long table")
    print("tables across pages in:", ", ".join(crossing) or "none")


if __name__ == "__main__":
    main(sys.argv[1:])
