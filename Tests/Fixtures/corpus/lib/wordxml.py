"""Word XML that python-docx has no API for, written as Word itself writes it: multi-level list
numbering (numbering.xml abstractNum/num), paragraph borders and shading, table borders, merged
cells, repeating header rows, hyperlinks with their relationship, simple and complex fields,
tracked insertions and deletions, footnotes (a footnotes part added by hand) and alt text on
pictures. Children are inserted in the order the WordprocessingML schema requires, so Word
opens the files as well as LibreOffice does."""

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from xml.sax.saxutils import escape

# Child orders from the WordprocessingML schema (CT_PPr, CT_TcPr, CT_TblPr).
PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
             "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
             "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange"]
TCPR_ORDER = ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
              "textDirection", "tcFitText", "vAlign", "hideMark"]
TBLPR_ORDER = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
               "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"]
# Settings children that come after w:revisionView (CT_Settings), to place it before them.
SETTINGS_AFTER_REVISION_VIEW = ["trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection",
                                "autoFormatOverride", "styleLockTheme", "styleLockQFSet", "defaultTabStop"]


def w_el(tag, **attrs):
    """A w: element with w: attributes (attribute names as Python keywords)."""
    element = OxmlElement("w:" + tag)
    for key, value in attrs.items():
        element.set(qn("w:" + key), str(value))
    return element


def insert_ordered(parent, child, order):
    """Puts `child` into `parent` where the schema's `order` says, replacing one of its kind."""
    name = child.tag.split("}")[1]
    for old in parent.findall(qn("w:" + name)):
        parent.remove(old)
    rank = order.index(name)
    for index, existing in enumerate(parent):
        other = existing.tag.split("}")[1]
        if other in order and order.index(other) > rank:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def borders(tag, sides=("top", "left", "bottom", "right"), val="single", size=8, color="000000", space=4):
    """A w:pBdr / w:tblBorders / w:tcBorders element with the same line on every side given."""
    element = w_el(tag)
    for side in sides:
        element.append(w_el(side, val=val, sz=size, space=space, color=color))
    return element


def box_paragraph(paragraph, fill="EDEDED", color="404040"):
    """A bordered, shaded paragraph; consecutive paragraphs with the same box (and the same
    indents, so every one is set to the margin) join into one panel."""
    ppr = paragraph._p.get_or_add_pPr()
    insert_ordered(ppr, w_el("ind", left=0, right=0, hanging=0), PPR_ORDER)
    insert_ordered(ppr, borders("pBdr", color=color, space=6), PPR_ORDER)
    insert_ordered(ppr, w_el("shd", val="clear", color="auto", fill=fill), PPR_ORDER)


def keep_with_next(paragraph):
    paragraph.paragraph_format.keep_with_next = True


def set_numbering(paragraph, num_id, level):
    """Makes the paragraph an item of list `num_id` at `level` (w:numPr)."""
    ppr = paragraph._p.get_or_add_pPr()
    numpr = w_el("numPr")
    numpr.append(w_el("ilvl", val=level))
    numpr.append(w_el("numId", val=num_id))
    insert_ordered(ppr, numpr, PPR_ORDER)


class Numbering:
    """The document's numbering part: adds abstract definitions and their w:num instances."""

    def __init__(self, document):
        self.element = document.part.numbering_part.element
        self.next_abstract = 100
        self.next_num = 100

    def add(self, levels):
        """A new list (its own abstractNum and num): `levels` is a list of
        (numFmt, lvlText, left_twips, hanging_twips, bold) per level. Returns the numId."""
        abstract_id, num_id = self.next_abstract, self.next_num
        self.next_abstract += 1
        self.next_num += 1
        parts = [f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">',
                 '<w:multiLevelType w:val="multilevel"/>']
        for index, (fmt, text, left, hanging, bold) in enumerate(levels):
            parts.append(f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                         f'<w:lvlText w:val="{escape(text, {chr(34): "&quot;"})}"/><w:lvlJc w:val="left"/>'
                         f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
                         f'<w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>'
                         + ('<w:rPr><w:b/></w:rPr>' if bold else '') + '</w:lvl>')
        parts.append('</w:abstractNum>')
        abstract = parse_xml("".join(parts))
        nums = self.element.findall(qn("w:num"))
        if nums:
            nums[0].addprevious(abstract)
        else:
            self.element.append(abstract)
        num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
        self.element.append(num)
        return num_id


def hide_tracked_deletions(document):
    """Shows the document with its tracked changes in place but deletions hidden
    (w:revisionView), as a published PDF shows it: the tracked changes stay in the .docx."""
    settings = document.settings.element
    view = parse_xml(f'<w:revisionView {nsdecls("w")} w:markup="false" w:insDel="false" w:formatting="false"/>')
    for index, child in enumerate(settings):
        if child.tag.split("}")[1] in SETTINGS_AFTER_REVISION_VIEW:
            settings.insert(index, view)
            return
    settings.append(view)


class Revisions:
    """Ids and authorship for tracked changes, comments and bookmarks (one id space per kind)."""

    def __init__(self, author="Democratic Services", date="2025-01-10T09:00:00Z"):
        self.author, self.date, self.next_id = author, date, 1

    def new_id(self):
        self.next_id += 1
        return self.next_id

    def insertion(self, text, rpr_xml=""):
        return parse_xml(f'<w:ins {nsdecls("w")} w:id="{self.new_id()}" w:author="{self.author}" w:date="{self.date}">'
                         f'<w:r>{rpr_xml}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:ins>')

    def deletion(self, text, rpr_xml=""):
        return parse_xml(f'<w:del {nsdecls("w")} w:id="{self.new_id()}" w:author="{self.author}" w:date="{self.date}">'
                         f'<w:r>{rpr_xml}<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')


def add_hyperlink(paragraph, text, url):
    """An external hyperlink (w:hyperlink with its relationship), blue and underlined."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}" w:history="1"><w:r><w:rPr>'
                     f'<w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'
                     f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:hyperlink>')
    paragraph._p.append(link)
    return link


def add_simple_field(paragraph, instruction, shown, size=9):
    """A simple field (PAGE, NUMPAGES) with its last shown result."""
    field = parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" {escape(instruction)} "><w:r><w:rPr><w:noProof/><w:sz w:val="{size * 2}"/></w:rPr>'
                      f'<w:t>{escape(shown)}</w:t></w:r></w:fldSimple>')
    paragraph._p.append(field)


def add_complex_field(paragraph, instruction, shown, bold=False, color=None):
    """A complex field (fldChar begin / instrText / separate / result / end), as Word writes a
    DOCPROPERTY field; the result text is what every reader shows."""
    rpr = "<w:rPr>" + ("<w:b/>" if bold else "") + (f'<w:color w:val="{color}"/>' if color else "") + "</w:rPr>"
    for xml in (f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r {nsdecls("w")}>{rpr}<w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>',
                f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r {nsdecls("w")}>{rpr}<w:t xml:space="preserve">{escape(shown)}</w:t></w:r>',
                f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml))


class Footnotes:
    """Footnotes: python-docx has none, so the part (word/footnotes.xml, with Word's two
    separator notes) is written by hand and related to the document when it is saved."""

    def __init__(self):
        self.notes = []

    def reference(self, paragraph, text):
        """A superscript reference to a new note holding `text`; returns the note's number."""
        self.notes.append(text)
        note_id = len(self.notes)
        paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                      f'<w:footnoteReference w:id="{note_id}"/></w:r>'))
        return note_id

    def attach(self, document):
        if not self.notes:
            return
        body = [f'<w:footnotes {nsdecls("w")}>',
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
        for note_id, text in enumerate(self.notes, 1):
            body.append(f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
                        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="18"/></w:rPr><w:footnoteRef/></w:r>'
                        f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>')
        body.append('</w:footnotes>')
        blob = "".join(body).encode("utf-8")
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                    blob, document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)


def set_alt_text(inline_shape, alt, name):
    """The picture's alt text (wp:docPr descr) and name, which readers and importers show."""
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("descr", alt)
    doc_pr.set("name", name)


def picture_alt_in(run_element, alt, name):
    """Alt text for a picture added to a run (header pictures have no InlineShape object)."""
    for doc_pr in run_element.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"):
        doc_pr.set("descr", alt)
        doc_pr.set("name", name)


def table_borders(table, val="single", size=4, color="808080", inside=True):
    """Lines round and inside a table, or none at all (val="nil")."""
    tblpr = table._tbl.tblPr
    sides = ("top", "left", "bottom", "right") + (("insideH", "insideV") if inside else ())
    element = w_el("tblBorders")
    for side in sides:
        element.append(w_el(side, val=val, sz=size, space=0, color=color) if val != "nil" else w_el(side, val="nil"))
    insert_ordered(tblpr, element, TBLPR_ORDER)


def table_widths(table, widths_twips):
    """Fixed column widths (tblGrid, every cell's tcW, a fixed layout) so both Word and
    LibreOffice draw the columns the same."""
    tbl = table._tbl
    grid = tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_twips):
        col.set(qn("w:w"), str(width))
    insert_ordered(tbl.tblPr, w_el("tblW", w=sum(widths_twips), type="dxa"), TBLPR_ORDER)
    insert_ordered(tbl.tblPr, w_el("tblLayout", type="fixed"), TBLPR_ORDER)
    for row in table.rows:
        column = 0
        for tc in row._tr.findall(qn("w:tc")):
            span = 1
            tcpr = tc.get_or_add_tcPr()
            grid_span = tcpr.find(qn("w:gridSpan"))
            if grid_span is not None:
                span = int(grid_span.get(qn("w:val")))
            insert_ordered(tcpr, w_el("tcW", w=sum(widths_twips[column:column + span]), type="dxa"), TCPR_ORDER)
            column += span


def shade_cell(cell, fill):
    insert_ordered(cell._tc.get_or_add_tcPr(), w_el("shd", val="clear", color="auto", fill=fill), TCPR_ORDER)


def repeat_header_row(row):
    """Marks a row as a header row that repeats on every page the table runs onto."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(w_el("tblHeader"))


def cant_split(row):
    row._tr.get_or_add_trPr().append(w_el("cantSplit"))


def set_cell_margins(table, top=40, bottom=40, left=100, right=100):
    margins = w_el("tblCellMar")
    for side, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        margins.append(w_el(side, w=value, type="dxa"))
    insert_ordered(table._tbl.tblPr, margins, TBLPR_ORDER)


def style_font(style, name="Arial", size=11, bold=None, color=None):
    style.font.name = name
    style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn("w:" + attr), name)
    for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
        if fonts.get(qn("w:" + attr)) is not None:
            del fonts.attrib[qn("w:" + attr)]
    if bold is not None:
        style.font.bold = bold
    if color is not None:
        style.font.color.rgb = RGBColor.from_string(color)
