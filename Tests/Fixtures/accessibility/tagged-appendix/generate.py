#!/usr/bin/env python3
"""Writes the tagged appendix of the accessibility pack as a council makes one: a Word
document (python-docx: headings in Word's heading styles, a figures table whose first row is
a repeated header row, a bulleted list) exported by LibreOffice headless as a tagged PDF.
Commits both, so the tests need no LibreOffice.

Needs LibreOffice and python-docx (bash scripts/corpus-tools.sh).
Usage: python3 Tests/Fixtures/accessibility/tagged-appendix/generate.py
"""

import datetime
import io
import os
import shutil
import subprocess
import tempfile
import zipfile

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = os.path.dirname(os.path.abspath(__file__))
TAGGED_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
FIXED_TIME = datetime.datetime(2025, 1, 6, 9, 0, 0)
TITLE = "Capital programme 2025/26: schemes by service"

SCHEMES = [
    ("Service", "Scheme", "Budget £000", "Forecast £000", "Variance £000"),
    ("Highways", "A229 junction improvements", "6,887", "6,887", "0"),
    ("Highways", "Footway renewal programme", "2,150", "2,310", "160"),
    ("Schools", "Basic need: new primary places", "12,400", "11,950", "(450)"),
    ("Schools", "Modernisation programme", "3,200", "3,200", "0"),
    ("Adult social care", "Extra care housing, Ashford", "4,750", "4,980", "230"),
    ("Libraries", "Self-service kiosks", "310", "295", "(15)"),
    ("Waste", "Household waste centre, Dover", "1,820", "1,820", "0"),
]


def header_row(row):
    """Marks a table row as Word's repeated header row (w:tblHeader)."""
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def write_docx(path):
    document = Document()
    document.styles["Normal"].font.name = "Liberation Sans"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(TITLE, level=1)
    document.add_paragraph(
        "This appendix lists the capital schemes in the 2025/26 programme by service, with the "
        "budget approved by County Council in February 2025, the forecast at the end of "
        "September and the variance between them. Figures in brackets are underspends.")
    document.add_heading("Schemes and forecasts", level=2)
    table = document.add_table(rows=0, cols=len(SCHEMES[0]))
    table.style = "Table Grid"
    for index, values in enumerate(SCHEMES):
        row = table.add_row()
        for cell, value in zip(row.cells, values):
            cell.text = value
            if index == 0:
                cell.paragraphs[0].runs[0].bold = True
        if index == 0:
            header_row(row)
    document.add_heading("Risks to delivery", level=2)
    for text in ("Contractor prices for highways work rose by 6% in the year.",
                 "Two school schemes depend on planning decisions due in December.",
                 "The extra care scheme shares a site with a housing partner."):
        document.add_paragraph(text, style="List Bullet")
    document.add_paragraph(
        "The programme is reviewed each quarter by the Capital Programme Board; the next "
        "review is in January 2026.")
    props = document.core_properties
    props.title, props.author, props.last_modified_by = TITLE, "Finance", "Finance"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    props.language = "en-GB"
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))


def main():
    docx = os.path.join(HERE, "capital-programme.docx")
    write_docx(docx)
    with tempfile.TemporaryDirectory(prefix="quire-tagged-") as work:
        profile = "file://" + os.path.join(work, "profile")
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
                        "--convert-to", TAGGED_FILTER, "--outdir", work, docx],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
        shutil.move(os.path.join(work, "capital-programme.pdf"), os.path.join(HERE, "capital-programme.pdf"))


if __name__ == "__main__":
    main()
