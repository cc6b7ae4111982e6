"""The body of a paper: numbers each block as its house style prints them, draws headings,
paragraphs, lists, bullets, tables and pictures in Word, and gives each block's truth."""

import io

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from . import markup, wordxml
from .model import B, H, Img, L, P, T

ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
BULLET_MARKERS = ["•", "o", "–"]


def item_marker(style, index):
    """The printed label of item `index` (0-based) in the item style "(a)", "a)", "(i)", "1)", "1."."""
    letter, roman, number = chr(ord("a") + index), ROMAN[index], str(index + 1)
    return {"(a)": f"({letter})", "a)": f"{letter})", "a.": f"{letter}.", "(i)": f"({roman})", "i)": f"{roman})",
            "(1)": f"({number})", "1)": f"{number})", "1.": f"{number}."}[style]


class Numberer:
    """The printed numbers of a style: sections "1." (or none), paragraphs "1.1" within a
    section or "1." through the report, items in `items` style."""

    def __init__(self, sections, paragraphs, count, items):
        self.sections, self.paragraphs, self.count, self.items = sections, paragraphs, count, items
        self.section, self.paragraph = 0, 0

    def heading(self, level):
        if level != 1 or not self.sections:
            return None
        self.section += 1
        if self.count == "section":
            self.paragraph = 0
        return f"{self.section}."

    def next_paragraph(self):
        self.paragraph += 1
        if self.paragraphs == "1.1":
            return f"{self.section}.{self.paragraph}"
        return f"{self.paragraph}."


def number_blocks(blocks, numberer):
    """Each block with its printed numbers, and the number of every keyed paragraph."""
    numbered, keys = [], {}
    for block in blocks:
        if isinstance(block, H):
            numbered.append((block, numberer.heading(block.level)))
        elif isinstance(block, P) and block.numbered:
            number = numberer.next_paragraph()
            if block.key:
                keys[block.key] = number
            numbered.append((block, number))
        else:
            numbered.append((block, None))
    return numbered, keys


class BodyWriter:
    """Draws body blocks in one house style. `word_lists` says whether numbers come from Word's
    list numbering (numbering.xml, as most templates) or are typed with a tab (as some
    councils' templates do); `levels` gives the list levels of headings, paragraphs, items."""

    def __init__(self, document, ctx, numbering_style, word_lists=True, heading_caps=False,
                 paragraph_indent=1134, item_indent=1701, bullet_indent=1701):
        self.document, self.ctx, self.style = document, ctx, numbering_style
        self.word_lists, self.heading_caps = word_lists, heading_caps
        self.paragraph_indent, self.item_indent, self.bullet_indent = paragraph_indent, item_indent, bullet_indent
        self.numbering = wordxml.Numbering(document)
        self.bullets_id = self.numbering.add([
            ("bullet", BULLET_MARKERS[0], bullet_indent, 357, False),
            ("bullet", BULLET_MARKERS[1], bullet_indent + 567, 357, False),
            ("bullet", BULLET_MARKERS[2], bullet_indent + 1134, 357, False)])
        self.list_id = None
        self.table_count = 0
        if word_lists:
            self.list_id = self.numbering.add(self._levels())

    def _levels(self):
        formats = {"(a)": ("lowerLetter", "({n})"), "a)": ("lowerLetter", "{n})"), "(i)": ("lowerRoman", "({n})"),
                   "1)": ("decimal", "{n})")}
        fmt, text = formats[self.style["items"]]
        if self.style["sections"]:
            return [("decimal", "%1.", self.paragraph_indent, self.paragraph_indent, True),
                    ("decimal", "%1.%2", self.paragraph_indent, self.paragraph_indent, False),
                    (fmt, text.format(n="%3"), self.item_indent, 567, False)]
        return [("decimal", "%1.", self.paragraph_indent, self.paragraph_indent, False),
                (fmt, text.format(n="%2"), self.item_indent, 567, False)]

    def _level(self, kind):
        order = ["heading", "paragraph", "item"] if self.style["sections"] else ["paragraph", "item"]
        return order.index(kind)

    def _typed(self, paragraph, number, indent):
        paragraph.paragraph_format.left_indent = wordxml.Pt(indent / 20)
        paragraph.paragraph_format.first_line_indent = wordxml.Pt(-indent / 20)
        paragraph.paragraph_format.tab_stops.add_tab_stop(wordxml.Pt(indent / 20))
        paragraph.add_run(number + "\t")

    def write(self, blocks, refs):
        """Draws every block; returns their truth."""
        truth = []
        numberer = self.numberer = Numberer(self.style["sections"], self.style["paragraphs"], self.style["count"], self.style["items"])
        numbered, _ = number_blocks(blocks, numberer)
        for block, number in numbered:
            if isinstance(block, H):
                truth.append(self.heading(block, number))
            elif isinstance(block, P):
                truth.append(self.paragraph(block, number, refs))
            elif isinstance(block, L):
                truth.append(self.ordered(block, refs))
            elif isinstance(block, B):
                truth.append(self.bullets(block, refs))
            elif isinstance(block, T):
                truth.append(self.table(block))
            elif isinstance(block, Img):
                truth.append(self.image(block))
        return truth

    def heading(self, block, number):
        text = block.text.upper() if self.heading_caps and block.level == 1 else block.text
        paragraph = self.document.add_paragraph(style="Heading 1" if block.level == 1 else "Heading 2")
        if number and self.word_lists:
            wordxml.set_numbering(paragraph, self.list_id, self._level("heading"))
        elif number:
            self._typed(paragraph, number, self.paragraph_indent)
        markup.render(paragraph, text, self.ctx)
        entry = {"kind": "heading", "level": block.level, "text": markup.plain(text)}
        if number:
            entry["number"] = number
        return entry

    def paragraph(self, block, number, refs):
        text = markup.resolve_refs(block.text, refs)
        paragraph = self.document.add_paragraph()
        if number and self.word_lists:
            wordxml.set_numbering(paragraph, self.list_id, self._level("paragraph"))
        elif number:
            self._typed(paragraph, number, self.paragraph_indent)
        else:
            paragraph.paragraph_format.left_indent = wordxml.Pt(self.paragraph_indent / 20)
        if block.run_in:
            paragraph.add_run(block.run_in).bold = True
            paragraph.add_run(" ")
        markup.render(paragraph, text, self.ctx)
        if block.boxed:
            wordxml.box_paragraph(paragraph)
        entry = {"kind": "paragraph", "text": markup.plain(text)}
        if number:
            entry["number"] = number
        if block.run_in:
            entry["run_in"] = block.run_in
        return entry

    def ordered(self, block, refs):
        items = []
        for index, item in enumerate(block.items):
            text = markup.resolve_refs(item if isinstance(item, str) else item[0], refs)
            paragraph = self.document.add_paragraph()
            marker = item_marker(self.style["items"], index)
            if self.word_lists:
                wordxml.set_numbering(paragraph, self.list_id, self._level("item"))
            else:
                paragraph.paragraph_format.left_indent = wordxml.Pt(self.item_indent / 20)
                paragraph.paragraph_format.first_line_indent = wordxml.Pt(-567 / 20)
                paragraph.paragraph_format.tab_stops.add_tab_stop(wordxml.Pt(self.item_indent / 20))
                paragraph.add_run(marker + "\t")
            markup.render(paragraph, text, self.ctx)
            items.append({"text": markup.plain(text), "items": []})
        return {"kind": "list", "ordered": True, "marker": self.style["items"], "items": items}

    def bullets(self, block, refs, level=0):
        def write(items, level):
            out = []
            for item in items:
                text, sub = (item, []) if isinstance(item, str) else item
                text = markup.resolve_refs(text, refs)
                paragraph = self.document.add_paragraph()
                wordxml.set_numbering(paragraph, self.bullets_id, level)
                paragraph.paragraph_format.space_after = Pt(3)
                markup.render(paragraph, text, self.ctx)
                out.append({"text": markup.plain(text), "items": write(sub, level + 1)})
            return out
        return {"kind": "bullets", "items": write(block.items, level)}

    def table(self, block):
        self.table_count += 1
        caption = self.document.add_paragraph()
        caption.add_run(block.caption).bold = True
        caption.paragraph_format.keep_with_next = True
        caption.paragraph_format.space_before = Pt(6)
        truth = draw_table(self.document, block.rows, block.header_rows, block.align, block.widths,
                           total_row=block.total_row)
        self.document.add_paragraph().paragraph_format.space_after = Pt(0)
        return {"kind": "table", "caption": block.caption, "header_rows": block.header_rows,
                "across_pages": False, "rows": truth}

    def image(self, block):
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        shape = paragraph.add_run().add_picture(io.BytesIO(block.png), width=Cm(block.width_cm))
        wordxml.set_alt_text(shape, block.alt, block.name)
        return {"kind": "image", "alt": block.alt}


def grid_size(rows):
    """Rows and columns of a truth grid (every row lists every position, None where covered)."""
    columns = len(rows[0])
    assert all(len(row) == columns for row in rows), f"ragged table rows: {[len(r) for r in rows]}"
    return len(rows), columns


def draw_table(document, rows, header_rows, align=None, widths=None, total_row=True, size=10,
               header_fill="D9E2F3", grid=True):
    """A Word table from truth rows: merged cells by gridSpan (colspan) and vMerge (rowspan),
    header rows bold, shaded and repeating, figures right-aligned, a total row in bold."""
    count, columns = grid_size(rows)
    table = document.add_table(rows=count, cols=columns)
    if grid:
        table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    align = align or ("l" + "r" * (columns - 1))
    widths = widths or ([6.0] + [(16.0 - 6.0) / (columns - 1)] * (columns - 1) if columns > 1 else [16.0])
    for r, row in enumerate(rows):
        for col, cell in enumerate(row):
            if cell and (cell.get("colspan", 1) > 1 or cell.get("rowspan", 1) > 1):
                table.cell(r, col).merge(table.cell(r + cell.get("rowspan", 1) - 1, col + cell.get("colspan", 1) - 1))
    for r, row in enumerate(rows):
        for col, cell in enumerate(row):
            if cell is None:
                continue
            target = table.cell(r, col)
            paragraph = target.paragraphs[0]
            for extra in target.paragraphs[1:]:
                extra._p.getparent().remove(extra._p)
            paragraph.paragraph_format.space_after = Pt(0)
            heading = r < header_rows
            last = total_row and r == count - 1
            if align[col] == "r" and not (heading and col == 0) and cell.get("colspan", 1) == 1:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if heading and cell.get("colspan", 1) > 1:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if cell["text"]:
                run = paragraph.add_run(cell["text"])
                run.font.size = Pt(size)
                run.bold = heading or last
            if heading and header_fill:
                wordxml.shade_cell(target, header_fill)
    for r in range(header_rows):
        wordxml.repeat_header_row(table.rows[r])
    for row in table.rows:
        wordxml.cant_split(row)
    wordxml.table_widths(table, [int(w * 567) for w in widths])
    wordxml.set_cell_margins(table)
    return [[None if cell is None else dict(cell) for cell in row] for row in rows]
