"""The small inline markup the papers are written in, and its two readings: Word runs for the
document, plain text for the truth. The truth is what a reader of the published paper sees:
bold and italic marks and link targets go, tracked insertions stay, tracked deletions,
footnote texts and comments leave the running text (the truth lists them under "word").

    **bold**  *italic*  [text](https://…)  {+inserted+}  {-deleted-}  {^footnote text^}
    {#comment on the words before#}  {ref:key} (the printed number of the paragraph `key`)
"""

import re

from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from . import wordxml

TOKEN = re.compile(r"\*\*(?P<bold>.+?)\*\*|\*(?P<italic>.+?)\*|\[(?P<link>[^\]]+)\]\((?P<url>[^)]+)\)"
                   r"|\{\+(?P<ins>.+?)\+\}|\{-(?P<del>.+?)-\}|\{\^(?P<note>.+?)\^\}|\{#(?P<comment>.+?)#\}")
REF = re.compile(r"\{ref:([\w-]+)\}")


def segments(markup):
    """(kind, text, extra) in order: kind is text, bold, italic, link, ins, del, note, comment."""
    out, position = [], 0
    for match in TOKEN.finditer(markup):
        if match.start() > position:
            out.append(("text", markup[position:match.start()], None))
        kind = next(k for k in ("bold", "italic", "link", "ins", "del", "note", "comment") if match.group(k) is not None)
        out.append((kind, match.group(kind), match.group("url") if kind == "link" else None))
        position = match.end()
    if position < len(markup):
        out.append(("text", markup[position:], None))
    return out


def plain(markup):
    """What a reader sees in the running text, one space between words."""
    text = "".join(t for kind, t, _ in segments(markup) if kind in ("text", "bold", "italic", "link", "ins"))
    return " ".join(text.split())


def resolve_refs(markup, numbers):
    """Puts each {ref:key}'s paragraph number in (as cited: "12", "2.3", no closing point)."""
    return REF.sub(lambda m: numbers[m.group(1)].rstrip(".").strip("()"), markup)


class WordFeatures:
    """What of Word's own structure a paper uses, for truth.json's "word"."""

    def __init__(self):
        self.footnotes, self.insertions, self.deletions, self.comments, self.hyperlinks = [], [], [], [], []

    def as_json(self):
        return {"footnotes": self.footnotes, "insertions": self.insertions, "deletions": self.deletions,
                "comments": self.comments, "hyperlinks": self.hyperlinks}


class Context:
    """The document-wide parts inline rendering writes into."""

    def __init__(self, document):
        self.document = document
        self.revisions = wordxml.Revisions()
        self.footnotes = wordxml.Footnotes()
        self.features = WordFeatures()


def _format(run, bold, italic, color, size, caps):
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    if size:
        run.font.size = Pt(size)
    if caps:
        run.font.all_caps = False  # capitals are typed, as councils' templates do


def rpr_xml(bold=False, italic=False, color=None, size=None):
    parts = ["<w:rPr>"]
    if bold:
        parts.append("<w:b/>")
    if italic:
        parts.append("<w:i/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        parts.append(f'<w:sz w:val="{int(size * 2)}"/>')
    parts.append("</w:rPr>")
    return "".join(parts)


def render(paragraph, markup, ctx, bold=False, italic=False, color=None, size=None):
    """Writes `markup` into `paragraph` as Word runs, hyperlinks, tracked changes, footnote
    references and comments, recording each in ctx.features."""
    last_run = None
    for kind, text, extra in segments(markup):
        if kind in ("text", "bold", "italic"):
            run = paragraph.add_run(text)
            _format(run, bold or kind == "bold", italic or kind == "italic", color, size, False)
            last_run = run
        elif kind == "link":
            wordxml.add_hyperlink(paragraph, text, extra)
            ctx.features.hyperlinks.append({"text": text, "url": extra})
        elif kind == "ins":
            paragraph._p.append(ctx.revisions.insertion(text, rpr_xml(bold, italic, color, size)))
            ctx.features.insertions.append(" ".join(text.split()))
        elif kind == "del":
            paragraph._p.append(ctx.revisions.deletion(text, rpr_xml(bold, italic, color, size)))
            ctx.features.deletions.append(" ".join(text.split()))
        elif kind == "note":
            ctx.footnotes.reference(paragraph, text)
            ctx.features.footnotes.append(text)
        elif kind == "comment":
            anchor = [last_run] if last_run is not None else paragraph.runs[-1:]
            comment = ctx.document.add_comment(anchor, text=text, author="Legal Services", initials="LS")
            # python-docx stamps the comment with the time it ran; a fixed one keeps reruns identical.
            comment._comment_elm.set(qn("w:date"), ctx.revisions.date)
            ctx.features.comments.append(text)
    return paragraph
