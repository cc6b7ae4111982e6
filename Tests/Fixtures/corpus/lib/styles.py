"""The four house styles: how each prints its header block, page furniture and closing
sections, and how it numbers the body. Each returns the truth of what it printed."""

import io

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Cm, Pt, RGBColor

from . import markup, wordxml
from .body import BodyWriter, Numberer, item_marker, number_blocks

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WELSH_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref",
                "Tachwedd", "Rhagfyr"]

NUMBERING = {
    "county": {"sections": True, "paragraphs": "1.1", "count": "section", "items": "(a)", "recommendations": "(a)"},
    "city": {"sections": True, "paragraphs": "1.1", "count": "section", "items": "a)", "recommendations": "1."},
    "combined": {"sections": False, "paragraphs": "1.", "count": "document", "items": "a)", "recommendations": "1)"},
    "welsh": {"sections": True, "paragraphs": "1.1", "count": "section", "items": "(i)", "recommendations": "(a)"},
}
LAYOUTS = {"county": "county-2025", "city": "city-committee-report", "combined": "combined-authority",
           "welsh": "welsh-council"}


def long_date(iso, months=MONTHS):
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {months[month - 1]} {year}"


def person_text(person, order):
    name, role = person
    if not name:
        return role
    return f"{name}, {role}" if order == "name-role" else f"{role}, {name}"


def new_document(margins_cm=2.0, font="Arial"):
    """An A4 document with the council's body font and plain black headings."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(margins_cm)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)
    normal = document.styles["Normal"]
    wordxml.style_font(normal, font, 11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.08
    for name, size, italic in (("Heading 1", 12, False), ("Heading 2", 11, True)):
        style = document.styles[name]
        wordxml.style_font(style, font, size, bold=True, color="000000")
        style.font.italic = italic
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    for name in ("Header", "Footer", "Table Grid"):
        wordxml.style_font(document.styles[name], font, 9 if name != "Table Grid" else 10)
    return document


def footer_lines(section, lines):
    """Footer paragraphs: each a list of pieces, text or ("PAGE"|"NUMPAGES"), with an alignment."""
    footer = section.footer
    first = True
    for alignment, pieces, bold in lines:
        paragraph = footer.paragraphs[0] if first else footer.add_paragraph()
        first = False
        paragraph.alignment = alignment
        paragraph.paragraph_format.space_after = Pt(0)
        for piece in pieces:
            if piece in ("PAGE", "NUMPAGES"):
                wordxml.add_simple_field(paragraph, piece, "1")
            else:
                run = paragraph.add_run(piece)
                run.bold = bold
                run.font.size = Pt(9)


class Style:
    """What every house style shares: the body writer, header truth and closing sections."""
    name = None
    word_lists = True
    heading_caps = False
    paragraph_indent = 1134
    item_indent = 1701

    def __init__(self, paper):
        self.paper = paper
        self.numbering = NUMBERING[self.name]
        self.document = self.setup()
        self.ctx = markup.Context(self.document)
        self.writer = BodyWriter(self.document, self.ctx, self.numbering, word_lists=self.word_lists,
                                 heading_caps=self.heading_caps, paragraph_indent=self.paragraph_indent,
                                 item_indent=self.item_indent)

    # Header block --------------------------------------------------------------------------
    def value_text(self, row):
        """A header row's value as printed (without the label)."""
        if row.key == "by":
            return "\n".join(person_text(p, self.paper.people_order) for p in row.value)
        if row.key == "date":
            return long_date(row.value)
        if row.key == "to" and row.date:
            return f"{row.value} – {long_date(row.date)}"
        if isinstance(row.value, list):
            return "\n".join(row.value)
        return row.value

    def header_truth(self):
        header, fields = {}, []
        for row in self.paper.rows:
            if row.key == "by":
                header["by"] = [{"name": name, "role": role} for name, role in row.value]
            elif row.key == "fields":
                fields.append({"label": row.label.rstrip(":").strip(), "value": markup.plain(row.value)})
            elif row.key == "recommendation":
                header["recommendation"] = [markup.plain(item) for item in row.value]
            else:
                header[row.key] = markup.plain(row.value) if row.key != "date" else row.value
            if row.date:
                header["date"] = row.date
        if fields:
            header["fields"] = fields
        return header

    def recommendation_items(self, container, items, num_id=None, typed=None, indent=1134, boxed=False):
        """The recommendation list, numbered by Word (num_id) or typed (typed = item style)."""
        for index, item in enumerate(items):
            paragraph = container.add_paragraph()
            if num_id:
                wordxml.set_numbering(paragraph, num_id, 0)
            else:
                paragraph.paragraph_format.left_indent = Pt(indent / 20)
                paragraph.paragraph_format.first_line_indent = Pt(-567 / 20)
                paragraph.paragraph_format.tab_stops.add_tab_stop(Pt(indent / 20))
                paragraph.add_run(item_marker(typed, index) + "\t")
            markup.render(paragraph, item, self.ctx)
            paragraph.paragraph_format.space_after = Pt(3)
            if boxed:
                wordxml.box_paragraph(paragraph)
                paragraph.paragraph_format.tab_stops.add_tab_stop(Pt(567 / 20))

    def recommendation_list(self, formats=("lowerLetter", "(%1)"), left=1134):
        return self.writer.numbering.add([(formats[0], formats[1], left, 567, False)])

    def row(self, key):
        return next((row for row in self.paper.rows if row.key == key), None)

    # Closing sections ----------------------------------------------------------------------
    def closing_heading(self, text):
        number = self.writer.numberer.heading(1)
        paragraph = self.document.add_paragraph(style="Heading 1")
        if number and self.word_lists:
            wordxml.set_numbering(paragraph, self.writer.list_id, 0)
        elif number:
            self.writer._typed(paragraph, number, self.paragraph_indent)
        paragraph.add_run(text.upper() if self.heading_caps else text)

    def contact_lines(self, contacts, labels=("", "Tel: ", "Email: ")):
        for contact in contacts:
            lines = [f"{contact.name}, {contact.role}", labels[1] + contact.phone, labels[2] + contact.email]
            for index, line in enumerate(lines):
                paragraph = self.document.add_paragraph()
                paragraph.paragraph_format.space_after = Pt(0 if index < len(lines) - 1 else 8)
                paragraph.add_run(line)

    # The whole paper ------------------------------------------------------------------------
    def build(self):
        self.furniture_setup()
        self.header_block()
        _, refs = number_blocks(self.paper.body, Numberer(self.numbering["sections"], self.numbering["paragraphs"],
                                                           self.numbering["count"], self.numbering["items"]))
        body = self.writer.write(self.paper.body, refs)
        self.closing()
        self.ctx.footnotes.attach(self.document)
        if self.ctx.features.deletions:
            wordxml.hide_tracked_deletions(self.document)
        return self.document, body

    def numbering_truth(self):
        truth = {"sections": self.numbering["sections"], "paragraphs": self.numbering["paragraphs"],
                 "count": self.numbering["count"]}
        if any(b.__class__.__name__ == "L" for b in self.paper.body):
            truth["items"] = [self.numbering["items"]]
        rec = self.row("recommendation")
        if rec and len(rec.value) > 1:
            truth["recommendations"] = self.numbering["recommendations"]
        return truth

    def furniture(self, pages):
        raise NotImplementedError


class County(Style):
    """A county's cover report: a label | value grid, a boxed Summary and Recommendation(s)
    panel, "1." sections with "1.1" paragraphs and "(a)" items from Word's multi-level list,
    OFFICIAL and "Page X of Y" in the footer."""
    name = "county"

    def setup(self):
        return new_document(2.0)

    def furniture_setup(self):
        footer_lines(self.document.sections[0], [
            (WD_ALIGN_PARAGRAPH.CENTER, ["OFFICIAL"], True),
            (WD_ALIGN_PARAGRAPH.RIGHT, ["Page ", "PAGE", " of ", "NUMPAGES"], False)])

    def furniture(self, pages):
        return ["OFFICIAL"] + [f"Page {n} of {pages}" for n in range(1, pages + 1)]

    def header_block(self):
        grid_rows = [row for row in self.paper.rows if row.key not in ("summary", "recommendation")]
        table = self.document.add_table(rows=len(grid_rows), cols=2)
        wordxml.table_borders(table, val="nil")
        for r, row in enumerate(grid_rows):
            label, value = table.cell(r, 0), table.cell(r, 1)
            label.paragraphs[0].add_run(row.label).bold = True
            for index, line in enumerate(self.value_text(row).split("\n")):
                paragraph = value.paragraphs[0] if index == 0 else value.add_paragraph()
                markup.render(paragraph, line, self.ctx)
            for cell in (label, value):
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.space_after = Pt(4)
        wordxml.table_widths(table, [int(4.6 * 567), int(12.4 * 567)])
        self.document.add_paragraph().paragraph_format.space_after = Pt(0)
        self.panel()

    def panel(self):
        summary, rec = self.row("summary"), self.row("recommendation")
        if self.paper.boxed_table:
            table = self.document.add_table(rows=1, cols=1)
            wordxml.table_borders(table, val="single", size=12, color="404040", inside=False)
            cell = table.cell(0, 0)
            wordxml.shade_cell(cell, "EDEDED")
            wordxml.table_widths(table, [int(17.0 * 567)])
            container, boxed = cell, False
            first = cell.paragraphs[0]
        else:
            container, boxed, first = self.document, True, self.document.add_paragraph()
        first.add_run(summary.label + " ").bold = True
        markup.render(first, summary.value, self.ctx)
        if boxed:
            wordxml.box_paragraph(first)
        heading = container.add_paragraph()
        heading.add_run(rec.label).bold = True
        if boxed:
            wordxml.box_paragraph(heading)
        if self.paper.lead_in:
            lead = container.add_paragraph(self.paper.lead_in)
            if boxed:
                wordxml.box_paragraph(lead)
        # In a bordered panel the items keep the panel's indents (the number at the margin, the
        # text at a tab), or the border would break round them.
        num_id = self.recommendation_list(left=567 if not boxed else 0) if not boxed else \
            self.writer.numbering.add([("lowerLetter", "(%1)", 0, 0, False)])
        self.recommendation_items(container, rec.value, num_id=num_id, boxed=boxed)
        self.document.add_paragraph().paragraph_format.space_after = Pt(0)

    def closing(self):
        if self.paper.background:
            self.closing_heading("Background Documents")
            for doc in self.paper.background:
                paragraph = self.document.add_paragraph()
                wordxml.set_numbering(paragraph, self.writer.bullets_id, 0)
                markup.render(paragraph, doc, self.ctx)
        if self.paper.contacts:
            self.closing_heading("Contact details")
            contacts = self.paper.contacts
            table = self.document.add_table(rows=5, cols=len(contacts))
            wordxml.table_borders(table, val="nil")
            for col, contact in enumerate(contacts):
                lines = [contact.heading, contact.name, contact.role, contact.phone, contact.email]
                for r, line in enumerate(lines):
                    paragraph = table.cell(r, col).paragraphs[0]
                    paragraph.paragraph_format.space_after = Pt(0)
                    paragraph.add_run(line).bold = r == 0
            wordxml.table_widths(table, [int(8.5 * 567)] * len(contacts))


class City(Style):
    """A city council's report: the logo top right in the page header, run-in header lines
    with the label in capitals and the value in colour, typed "1." / "1.1" numbers under
    capitalised headings, bold run-in leads, OFFICIAL in the footer."""
    name = "city"
    word_lists = False
    heading_caps = True
    VALUE_COLOUR = "1F4E79"

    def setup(self):
        return new_document(2.2)

    def furniture_setup(self):
        section = self.document.sections[0]
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = header.add_run()
        run.add_picture(io.BytesIO(self.paper.logo), width=Cm(4.2))
        wordxml.picture_alt_in(run._r, self.paper.logo_alt, "Council logo")
        footer_lines(section, [(WD_ALIGN_PARAGRAPH.CENTER, ["OFFICIAL"], True),
                               (WD_ALIGN_PARAGRAPH.RIGHT, ["PAGE"], False)])

    def furniture(self, pages):
        return ["OFFICIAL"] + [str(n) for n in range(1, pages + 1)]

    def run_in_line(self, label, value_markup=None, space_after=4):
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(4.5))
        paragraph.paragraph_format.left_indent = Cm(4.5)
        paragraph.paragraph_format.first_line_indent = Cm(-4.5)
        paragraph.paragraph_format.space_after = Pt(space_after)
        run = paragraph.add_run(label)
        run.bold = True
        if value_markup is not None:
            paragraph.add_run("\t")
            markup.render(paragraph, value_markup, self.ctx, color=self.VALUE_COLOUR, bold=True)
        return paragraph

    def header_block(self):
        for row in self.paper.rows:
            if row.key == "recommendation":
                continue
            lines = self.value_text(row).split("\n")
            paragraph = self.run_in_line(row.label, lines[0])
            for line in lines[1:]:
                paragraph.add_run().add_break()
                markup.render(paragraph, line, self.ctx, color=self.VALUE_COLOUR, bold=True)
        rec = self.row("recommendation")
        self.run_in_line(rec.label, space_after=4).paragraph_format.space_before = Pt(8)
        if self.paper.lead_in:
            self.document.add_paragraph(self.paper.lead_in)
        self.recommendation_items(self.document, rec.value, typed=self.numbering["recommendations"], indent=1134)
        rule = self.document.add_paragraph()
        ppr = rule._p.get_or_add_pPr()
        wordxml.insert_ordered(ppr, wordxml.borders("pBdr", sides=("bottom",), size=12, color=self.VALUE_COLOUR),
                               wordxml.PPR_ORDER)

    def closing(self):
        if self.paper.background:
            self.run_in_line("BACKGROUND PAPERS:", self.paper.background[0]).paragraph_format.space_before = Pt(12)
            for doc in self.paper.background[1:]:
                p = self.document.add_paragraph()
                p.paragraph_format.left_indent = Cm(4.5)
                markup.render(p, doc, self.ctx, color=self.VALUE_COLOUR, bold=True)
        for contact in self.paper.contacts:
            self.run_in_line("CONTACT OFFICER:", f"{contact.name}, {contact.role}").paragraph_format.space_before = Pt(8)
            for line in (f"Tel: {contact.phone}", f"Email: {contact.email}"):
                p = self.document.add_paragraph()
                p.paragraph_format.left_indent = Cm(4.5)
                p.paragraph_format.space_after = Pt(2)
                p.add_run(line).font.color.rgb = RGBColor.from_string(self.VALUE_COLOUR)


class Combined(Style):
    """A combined authority's report: capitalised labels wrapped over two lines in a
    borderless two-column block, "Purpose of Report" and "Recommendations" with "1)" items,
    unnumbered headings and one paragraph count "1." … through the whole report."""
    name = "combined"
    paragraph_indent = 567
    item_indent = 1134

    def setup(self):
        return new_document(2.5)

    def furniture_setup(self):
        footer_lines(self.document.sections[0], [(WD_ALIGN_PARAGRAPH.CENTER, ["PAGE"], False)])

    def furniture(self, pages):
        return [str(n) for n in range(1, pages + 1)]

    def header_block(self):
        grid_rows = [row for row in self.paper.rows if row.key not in ("summary", "recommendation")]
        table = self.document.add_table(rows=len(grid_rows), cols=2)
        wordxml.table_borders(table, val="nil")
        for r, row in enumerate(grid_rows):
            label = table.cell(r, 0).paragraphs[0]
            label.add_run(row.label).bold = True
            for index, line in enumerate(self.value_text(row).split("\n")):
                cell = table.cell(r, 1)
                paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                markup.render(paragraph, line, self.ctx, bold=True)
            for col in (0, 1):
                for paragraph in table.cell(r, col).paragraphs:
                    paragraph.paragraph_format.space_after = Pt(10)
        # A narrow label column, as these templates have: "RESPONSIBLE OFFICER:" wraps.
        wordxml.table_widths(table, [int(3.6 * 567), int(12.4 * 567)])
        summary, rec = self.row("summary"), self.row("recommendation")
        self.document.add_paragraph(summary.label, style="Heading 1")
        markup.render(self.document.add_paragraph(), summary.value, self.ctx)
        self.document.add_paragraph(rec.label, style="Heading 1")
        if self.paper.lead_in:
            self.document.add_paragraph(self.paper.lead_in)
        self.recommendation_items(self.document, rec.value,
                                  num_id=self.recommendation_list(("decimal", "%1)"), left=1134))

    def closing(self):
        if self.paper.background:
            self.document.add_paragraph("Background Documents", style="Heading 1")
            for doc in self.paper.background:
                markup.render(self.document.add_paragraph(), doc, self.ctx)
        if self.paper.contacts:
            self.document.add_paragraph("Contact Officers", style="Heading 1")
            for contact in self.paper.contacts:
                for index, (label, value) in enumerate((("Name:", contact.name), ("Job Title:", contact.role),
                                                        ("Telephone:", contact.phone), ("Email:", contact.email))):
                    p = self.document.add_paragraph()
                    p.paragraph_format.tab_stops.add_tab_stop(Cm(3.0))
                    p.paragraph_format.space_after = Pt(0 if index < 3 else 8)
                    p.add_run(label + "\t").bold = True
                    p.add_run(value)


class Welsh(Style):
    """A Welsh council's report: "Agenda Item No." top right, bilingual labels in a grid, the
    date in English beside its Welsh form (a DOCPROPERTY field), "Report of the …" as the
    by-line, decimal numbering with "(i)" items, a "Background Papers" closing section."""
    name = "welsh"
    COUNCIL = "Nant-y-Ffin County Borough Council / Cyngor Bwrdeistref Sirol Nant-y-Ffin"

    def setup(self):
        return new_document(2.2)

    def furniture_setup(self):
        section = self.document.sections[0]
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = header.add_run(self.COUNCIL)
        run.font.size = Pt(9)
        run.italic = True
        footer_lines(section, [(WD_ALIGN_PARAGRAPH.CENTER, ["Page ", "PAGE", " | Tudalen ", "PAGE"], False)])

    def furniture(self, pages):
        return [self.COUNCIL] + [f"Page {n} | Tudalen {n}" for n in range(1, pages + 1)]

    def header_block(self):
        item = next(row for row in self.paper.rows if row.label.startswith("Agenda Item"))
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run(f"{item.label} {item.value}").bold = True
        grid_rows = [row for row in self.paper.rows if row is not item and row.key != "by"]
        table = self.document.add_table(rows=len(grid_rows), cols=2)
        table.style = self.document.styles["Table Grid"]
        rec_id = self.recommendation_list(("lowerLetter", "(%1)"), left=567)
        for r, row in enumerate(grid_rows):
            label, value = table.cell(r, 0), table.cell(r, 1)
            label.paragraphs[0].add_run(row.label).bold = True
            wordxml.shade_cell(label, "E2EFD9")
            first = value.paragraphs[0]
            if row.key == "date":
                first.add_run(long_date(row.value) + " / ")
                wordxml.add_complex_field(first, 'DOCPROPERTY "DyddiadCyfarfod" \\* MERGEFORMAT',
                                          long_date(row.value, WELSH_MONTHS))
            elif row.key == "recommendation":
                if self.paper.lead_in:
                    first.add_run(self.paper.lead_in)
                    items_in = value
                else:
                    items_in = value
                for index, text in enumerate(row.value):
                    p = first if (index == 0 and not self.paper.lead_in) else items_in.add_paragraph()
                    wordxml.set_numbering(p, rec_id, 0)
                    markup.render(p, text, self.ctx)
            else:
                markup.render(first, self.value_text(row), self.ctx)
            for cell in (label, value):
                for p in cell.paragraphs:
                    p.paragraph_format.space_after = Pt(3)
        wordxml.table_widths(table, [int(5.0 * 567), int(11.6 * 567)])
        by = self.row("by")
        byline = self.document.add_paragraph()
        byline.paragraph_format.space_before = Pt(12)
        byline.add_run("Report of the " + person_text(by.value[0], "name-role")).bold = True

    def closing(self):
        if self.paper.background:
            self.document.add_paragraph("Background Papers", style="Heading 1")
            for doc in self.paper.background:
                markup.render(self.document.add_paragraph(), doc, self.ctx)
        for contact in self.paper.contacts:
            p = self.document.add_paragraph()
            p.paragraph_format.space_before = Pt(8)
            p.add_run("Contact Officer / Swyddog Cyswllt: ").bold = True
            p.add_run(f"{contact.name}, {contact.role}")
            p.paragraph_format.space_after = Pt(0)
            self.document.add_paragraph(f"Tel: {contact.phone}").paragraph_format.space_after = Pt(0)
            self.document.add_paragraph(f"Email: {contact.email}")


STYLES = {"county": County, "city": City, "combined": Combined, "welsh": Welsh}
