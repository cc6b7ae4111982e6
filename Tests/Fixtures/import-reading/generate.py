# Writes the reading fixtures made the way councils make their papers: a Word document
# (python-docx) converted to PDF by LibreOffice headless and to text by `pdftotext -layout`.
# The outputs (.docx, .pdf, .txt) are committed, so the tests need neither LibreOffice nor
# python-docx. Usage: python3 generate.py   (in this folder; needs soffice and pdftotext)
import subprocess
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt


def field(paragraph, instruction):
    """A Word field (PAGE, NUMPAGES) as its begin/instruction/end runs."""
    for kind, text in (("begin", None), (None, instruction), ("end", None)):
        run = paragraph.add_run()
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def widths(table, centimetres):
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, centimetres):
            cell.width = Cm(width)


def repeat_header(row):
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def hanging(paragraph, number, text, indent=1.27):
    paragraph.text = f"{number}\t{text}"
    paragraph.paragraph_format.left_indent = Cm(indent)
    paragraph.paragraph_format.first_line_indent = Cm(-indent)
    return paragraph


def city_paper():
    """A city council's paper: a borderless label grid with wrapped labels, an OFFICIAL
    footer and "Page N of M", a template mark in the header, decimal paragraphs with hanging
    numbers, bullets with "o" sub-bullets, a financial table with merged year headings and
    empty cells carried over a page break with its header row repeated, two-column contacts."""
    document = Document()
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = "Version January 2024"
    footer = section.footer.paragraphs[0]
    footer.text = "OFFICIAL"
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    numbers = section.footer.add_paragraph("Page ")
    numbers.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    field(numbers, "PAGE")
    numbers.add_run(" of ")
    field(numbers, "NUMPAGES")

    grid = document.add_table(rows=5, cols=2)
    rows = [
        ("REPORT TO:", "PARKS COMMITTEE"),
        ("DATE:", "4 JUNE 2025"),
        ("REPORT TITLE:", "TREE PLANTING PROGRAMME FOR THE NORTH AND SOUTH OF THE DISTRICT"),
        ("RESPONSIBLE OFFICER:", "DIRECTOR OF GREEN SPACES"),
        ("WARD(S):", "All"),
    ]
    for row, (label, value) in zip(grid.rows, rows):
        row.cells[0].text = label
        row.cells[1].text = value
    widths(grid, [3.2, 12.8])

    document.add_heading("Purpose of Report", level=2)
    document.add_paragraph("To set out the planting plan for the year and the budget that pays for it, "
                           "so that the committee can agree the programme before the planting season starts.")
    document.add_heading("1. Background", level=2)
    hanging(document.add_paragraph(), "1.1", "The council plants trees each winter in every ward of the district, "
            "using volunteers who are trained by the council's own staff and by partners including the Woodland Trust.")
    hanging(document.add_paragraph(), "1.2", "Planting is done between November and March, when the ground is soft "
            "and the young trees are dormant; a multi-agency group plans the sites.")
    document.add_paragraph("Schools take part in every ward", style="List Bullet")
    document.add_paragraph("Community groups adopt the new trees and water them through their first summer, "
                           "which is when most young trees are lost", style="List Bullet")
    document.add_paragraph("Watering rotas are kept by the parks team", style="List Bullet 2")
    document.add_paragraph("Volunteers are insured by the council", style="List Bullet")
    document.add_heading("2. Financial implications", level=2)
    hanging(document.add_paragraph(), "2.1", "The programme is funded from the capital budget shown in the table below, "
            "which sets the budget for each scheme against the spend so far.")

    table = document.add_table(rows=2, cols=5)
    table.style = "Table Grid"
    top, years = table.rows
    top.cells[0].text = "Scheme"
    top.cells[1].merge(top.cells[2]).text = "Budget £m"
    top.cells[3].merge(top.cells[4]).text = "Spend £m"
    for cell, text in zip(years.cells, ["", "2024/25", "2025/26", "2024/25", "2025/26"]):
        cell.text = text
    repeat_header(top)
    repeat_header(years)
    wards = ["North", "South", "East", "West", "Central", "Riverside", "Hillside", "Parkway", "Old Town", "Harbour"]
    for index in range(34):
        cells = table.add_row().cells
        ward = wards[index % len(wards)]
        values = [f"{ward} planting scheme {index + 1}", f"{1.2 + index / 10:.1f}", "" if index % 3 == 0 else f"({index % 7 + 0.5:.1f})",
                  f"{0.4 + index / 20:.2f}", "" if index % 4 == 1 else f"{index % 5 + 1}.0"]
        for cell, text in zip(cells, values):
            cell.text = text
    widths(table, [6.0, 2.5, 2.5, 2.5, 2.5])

    document.add_paragraph("The figures in brackets are savings against the budget agreed in February.")
    document.add_heading("3. Contact details", level=2)
    contacts = document.add_table(rows=1, cols=2)
    for cell, lines in zip(contacts.rows[0].cells, [
        ["Report Author:", "Jo Bloggs", "Tree Officer", "03000 111111", "jo.bloggs@example.gov.uk"],
        ["Relevant Director:", "Sam Sample", "Director of Green Spaces", "03000 222222", "sam.sample@example.gov.uk"],
    ]):
        cell.text = lines[0]
        for line in lines[1:]:
            paragraph = cell.add_paragraph(line)
            paragraph.paragraph_format.space_after = Pt(0)
        cell.paragraphs[0].paragraph_format.space_after = Pt(0)
    widths(contacts, [8, 8])
    return document


def county_paper():
    """A county council's paper: label rows set with a tab ("From:" and a value wrapped under
    it), justified body text numbered (1), (2) under numbered sections, lettered items,
    a page number alone in the footer, and a paragraph running on over a page break."""
    document = Document()
    section = document.sections[0]
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field(footer, "PAGE")
    section.header.paragraphs[0].text = "Cabinet – 4 June 2025"

    def label(name, value):
        paragraph = document.add_paragraph(f"{name}\t{value}")
        paragraph.paragraph_format.left_indent = Cm(3.5)
        paragraph.paragraph_format.first_line_indent = Cm(-3.5)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(3.5))
        return paragraph

    label("From:", "Alex Example, Cabinet Member for Parks, Leisure and Open Spaces, and Deputy Leader of the Council")
    label("To:", "Cabinet – 4 June 2025")
    label("Subject:", "Tree planting programme")
    label("Classification:", "Unrestricted")
    summary = document.add_paragraph("Summary: This report sets out the planting plan for the year.")
    document.add_paragraph("Recommendation(s):")
    document.add_paragraph("Cabinet is asked to:")
    document.add_paragraph("a)\tAPPROVE the plan; and")
    document.add_paragraph("b)\tNOTE the costs.")
    sentence = ("The council plants trees each winter in every ward of the county, using volunteers who are trained "
                "by the council's own staff and by partners including the Woodland Trust, the county wildlife trust "
                "and local schools; the programme is reviewed annually by the committee. ")
    for number, title in enumerate(["Introduction", "The programme", "Costs"], start=1):
        document.add_paragraph(f"{number}.\t{title}").runs[0].bold = True
        for paragraph_number, repeats in enumerate([1, 2, 4, 1], start=1):
            paragraph = document.add_paragraph(f"({paragraph_number})\t" + sentence * repeats)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return document


def write(document, name):
    document.save(f"{name}.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", f"{name}.docx"], check=True, capture_output=True)
    subprocess.run(["pdftotext", "-layout", f"{name}.pdf", f"{name}.txt"], check=True)


write(city_paper(), "city-paper")
write(county_paper(), "county-paper")
