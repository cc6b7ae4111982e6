#!/usr/bin/env python3
"""Writes features.docx: one committee paper holding the Word shapes the import corpus
(Tests/Fixtures/corpus) does not, for the Word reader's tests (Tests/QuireImportTests/Word):
a list restarted by lvlOverride/startOverride and one continued across lists of one
abstractNum, upper-letter, roman and legal ("1.1.1") levels, a bullet drawn with w:sym, a TOC
field whose result spans paragraphs, a HYPERLINK field, a content control, a text box, hidden
text, a table with gridBefore, a body vMerge and a picture in a cell, tracked changes in a
cell, a comment, a footnote, an EMF picture Quire cannot place, a page header with a logo and
a footer with OFFICIAL-SENSITIVE beside the page number.

    python3 Tests/Fixtures/word/generate.py        # needs python-docx >= 1.2 (scripts/corpus-tools.sh)

The output is byte-reproducible (fixed core properties and zip times); the tests read the
committed file, so they never need python-docx.
"""

import io
import os
import struct
import zipfile
import zlib

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

HERE = os.path.dirname(os.path.abspath(__file__))
W = nsdecls("w")


def png(width, height, rgb):
    """A plain PNG of one colour, written with zlib (no imaging library needed)."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def numbering(document):
    """Lists: abstract 10 (sections "1.", paragraphs "1.1", items "(a)", legal "1.1.1" at level 3),
    num 10 and num 11 on it (11 restarts level 2 at 1); abstract 20 ("A.", "(i)", "(I)") as num 20;
    abstract 30 a bullet drawn from the Symbol font as num 30."""
    part = document.part.numbering_part.element
    levels10 = [("decimal", "%1.", 360, 360, ""), ("decimal", "%1.%2", 720, 720, ""), ("lowerLetter", "(%3)", 1080, 360, ""),
                ("decimal", "%1.%2.%4", 1440, 720, "<w:isLgl/>")]
    levels20 = [("upperLetter", "%1.", 360, 360, ""), ("lowerRoman", "(%2)", 720, 360, ""), ("upperRoman", "(%3)", 1080, 360, "")]
    def abstract(aid, levels):
        xml = [f'<w:abstractNum {W} w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>']
        for i, (fmt, text, left, hanging, extra) in enumerate(levels):
            xml.append(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}<w:lvlText w:val="{text}"/>'
                       f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>')
        xml.append("</w:abstractNum>")
        return parse_xml("".join(xml))
    bullet = parse_xml(f'<w:abstractNum {W} w:abstractNumId="30"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
                       f'<w:lvlText w:val="\uf0b7"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>'
                       f'<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl></w:abstractNum>')
    first = part.find(qn("w:num"))
    for element in (abstract(10, levels10), abstract(20, levels20), bullet):
        if first is not None:
            first.addprevious(element)
        else:
            part.append(element)
    part.append(parse_xml(f'<w:num {W} w:numId="10"><w:abstractNumId w:val="10"/></w:num>'))
    part.append(parse_xml(f'<w:num {W} w:numId="11"><w:abstractNumId w:val="10"/>'
                          f'<w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    part.append(parse_xml(f'<w:num {W} w:numId="20"><w:abstractNumId w:val="20"/></w:num>'))
    part.append(parse_xml(f'<w:num {W} w:numId="30"><w:abstractNumId w:val="30"/></w:num>'))


def numbered(document, text, num, level, style=None):
    p = document.add_paragraph(text, style=style)
    p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))
    return p


def main():
    document = Document()
    core = document.core_properties
    core.title, core.author, core.comments = "Word features for the reader", "Democratic Services", ""
    import datetime
    core.created = core.modified = datetime.datetime(2025, 3, 1, 9, 0, 0)
    core.revision = 1
    numbering(document)
    styles = document.styles
    styles["Normal"].font.size = Pt(11)

    # A contents field: its result (two entries) is furniture.
    toc = document.add_paragraph()
    for xml in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', '<w:r><w:t xml:space="preserve">Introduction\t1</w:t></w:r>'):
        toc._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {W}>", 1)))
    toc2 = document.add_paragraph()
    for xml in ('<w:r><w:t xml:space="preserve">Proposals\t2</w:t></w:r>', '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
        toc2._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {W}>", 1)))

    document.add_paragraph("Library opening hours", style="Title")
    header = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(header.rows, [("To:", "Cabinet"), ("From:", "Director of Place"), ("Date:", "4 March 2025")]):
        row.cells[0].text, row.cells[1].text = label, value

    numbered(document, "Introduction", 10, 0, style="Heading 1")
    numbered(document, "The council runs twelve libraries.", 10, 1)
    intro = numbered(document, "Opening hours were last changed in 2019, and visits have fallen since.", 10, 1)
    intro._p.append(parse_xml(f'<w:r {W}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'))
    numbered(document, "first item of the first list;", 10, 2)
    numbered(document, "second item of the first list;", 10, 2)
    numbered(document, "a legal number under an item.", 10, 3)
    numbered(document, "Proposals", 10, 0, style="Heading 1")
    numbered(document, "The first list starts again here:", 11, 1)
    numbered(document, "restarted item;", 11, 2)
    numbered(document, "second restarted item.", 11, 2)
    numbered(document, "First option", 20, 0)
    numbered(document, "roman under it", 20, 1)
    numbered(document, "capital roman under that", 20, 2)
    numbered(document, "Second option", 20, 0)
    numbered(document, "A bullet drawn from the Symbol font.", 30, 0)

    # A HYPERLINK field, hidden text, a content control, a text box.
    link = document.add_paragraph("Read the ")
    for xml in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.gov.uk/libraries" </w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', '<w:r><w:t>consultation report</w:t></w:r>',
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>', '<w:r><w:t xml:space="preserve"> online.</w:t></w:r>',
                '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> Hidden drafting note.</w:t></w:r>'):
        link._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {W}>", 1)))
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(
        f'<w:sdt {W}><w:sdtPr><w:alias w:val="Decision"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Text inside a content control.</w:t></w:r></w:p>'
        f'</w:sdtContent></w:sdt>'))
    box = document.add_paragraph("Before the box.")
    box._p.append(parse_xml(
        f'<w:r {W} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        f'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:AlternateContent><mc:Choice Requires="wps">'
        f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="500000"/>'
        f'<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="50" name="Text Box 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:t>Words in a text box.</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
        f'</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><w:p><w:r><w:t>Words in a text box.</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r>'))

    # A table: one header row, a cell spanning two columns, a body cell merged down two rows,
    # a row starting one column in (gridBefore), tracked changes in a cell, a picture in a cell.
    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    cells = [["Library", "Hours", None], ["Central", "48", "Saturday"], ["Northgate", "36", "—"], [None, "30", "Sunday"]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            if text is not None:
                table.cell(r, c).text = text
    table.cell(0, 1).merge(table.cell(0, 2))
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {W}/>'))
    table.cell(2, 0).merge(table.cell(3, 0))
    cell = table.cell(1, 2).paragraphs[0]
    cell._p.append(parse_xml(f'<w:ins {W} w:id="90" w:author="A" w:date="2025-03-01T09:00:00Z"><w:r><w:t xml:space="preserve"> and Sunday</w:t></w:r></w:ins>'))
    cell._p.append(parse_xml(f'<w:del {W} w:id="91" w:author="A" w:date="2025-03-01T09:00:00Z"><w:r><w:delText xml:space="preserve"> only</w:delText></w:r></w:del>'))
    picture = table.cell(2, 2).add_paragraph().add_run().add_picture(io.BytesIO(png(8, 8, (200, 30, 30))))
    picture._inline.docPr.set("descr", "A red square standing for Northgate")
    extra = document.add_table(rows=2, cols=3)
    extra.style = "Table Grid"
    extra.cell(0, 0).text, extra.cell(0, 1).text, extra.cell(0, 2).text = "Year", "Visits", "Change"
    row = extra.rows[1]._tr
    row.remove(row.findall(qn("w:tc"))[0])
    row.insert(0, parse_xml(f'<w:trPr {W}><w:gridBefore w:val="1"/></w:trPr>'))
    row.findall(qn("w:tc"))[0].find(qn("w:p")).append(parse_xml(f'<w:r {W}><w:t>1,200</w:t></w:r>'))
    row.findall(qn("w:tc"))[1].find(qn("w:p")).append(parse_xml(f'<w:r {W}><w:t>(5%)</w:t></w:r>'))

    commented = document.add_paragraph("A paragraph with a comment on it.")
    comment = document.add_comment(commented.runs, text="Check these figures.", author="Editor")
    comment._comment_elm.set(qn("w:date"), "2025-03-01T09:00:00Z")
    emf = document.add_paragraph("An EMF picture follows.")
    emf_part = Part(PackURI("/word/media/chart1.emf"), "image/x-emf", b"\x01\x00\x00\x00" + b"\x00" * 84 + b" EMF", document.part.package)
    rid = document.part.relate_to(emf_part, RT.IMAGE)
    emf._p.append(parse_xml(
        f'<w:r {W} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
        f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:drawing><wp:inline><wp:extent cx="100" cy="100"/>'
        f'<wp:docPr id="60" name="Chart" descr="Visits by year, a chart"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="chart1.emf"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/></pic:blipFill>'
        f'<pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'))

    # Header with a logo, footer with the marking beside a page number.
    section = document.sections[0]
    logo = section.header.paragraphs[0].add_run().add_picture(io.BytesIO(png(6, 4, (0, 80, 160))))
    section.header.paragraphs[0]._p.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")[0].set("descr", "Council logo")
    footer = section.footer.paragraphs[0]
    footer.add_run("OFFICIAL-SENSITIVE\tPage ")
    footer._p.append(parse_xml(f'<w:fldSimple {W} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))

    # The footnote part, as Word writes it.
    notes = (f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
             f'<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
             f'<w:r><w:t xml:space="preserve"> Library visits survey, 2024.</w:t></w:r></w:p></w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                notes.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)

    buffer = io.BytesIO()
    document.save(buffer)
    # Byte-reproducible: the same entries, in order, with a fixed time.
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(os.path.join(HERE, "features.docx"), "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 3, 1, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(fixed, source.read(info.filename))


if __name__ == "__main__":
    main()
