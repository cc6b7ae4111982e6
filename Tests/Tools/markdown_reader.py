"""A small Markdown reader for scoring imports: blocks (headings, paragraphs, list items,
footnote definitions, pipe tables and HTML tables) with their plain text. It reads Quire's
table syntax (a cell exactly `<` merges into the cell on its left, `^` into the cell above, a
`{: header-rows=N caption="…"}` line under the table) when asked, GFM pipe tables and the HTML
tables pandoc writes for merged cells. It is not a full CommonMark parser: it reads what
importers and the peers write, line by line."""

import html
import re
from html.parser import HTMLParser

COVERED = None  # a grid position covered by a merged cell

DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
ITEM = re.compile(r"^(\s*)([-*+]|\d{1,3}[.)]|[a-zA-Z][.)]|\([a-zA-Z0-9]{1,4}\))\s+(.*)$")
FOOTNOTE_DEF = re.compile(r"^\[\^([^\]]+)\]:\s*(.*)$")
ATTRIBUTES = re.compile(r"^\s*\{:\s*(.*?)\s*\}\s*$")
THEMATIC = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def inline_text(text):
    """Inline Markdown as the words a reader sees: emphasis marks, link targets, images,
    footnote references, HTML tags and backslash escapes go."""
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.I)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)           # images: the alt text is not printed text
    text = re.sub(r"\[\^[^\]]+\]", "", text)                     # footnote references
    text = re.sub(r"\[([^\]]*)\]\((?:<[^>]*>|[^)\s]*)(?:\s+\"[^\"]*\")?\)", r"\1", text)  # links
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)            # autolinks
    text = re.sub(r"</?[a-zA-Z][^>]*>", " ", text)               # other HTML tags
    text = re.sub(r"(?<!\\)(\*\*|__)", "", text)
    text = re.sub(r"(?<![\\\w])[*_](?=\S)|(?<=\S)(?<!\\)[*_](?!\w)", "", text)
    text = re.sub(r"`+", "", text)
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
    return " ".join(html.unescape(text).split())


def split_row(line):
    """The cells of a pipe-table row (escaped pipes kept in the cell)."""
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells, current, escaped = [], [], False
    for char in line:
        if escaped:
            current.append("\\" + char if char != "|" else "|")
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
    if escaped:
        current.append("\\")
    cells.append("".join(current))
    return [cell.strip() for cell in cells]


def parse_attributes(text):
    """`{: header-rows=2 caption="Table 1"}` → {"header-rows": "2", "caption": "Table 1"}."""
    out = {}
    for match in re.finditer(r'([\w-]+)(?:=("(?:[^"\\]|\\.)*"|\S+))?', text):
        value = match.group(2)
        if value and value.startswith('"'):
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        out[match.group(1)] = value if value is not None else True
    return out


class _HTMLTables(HTMLParser):
    """Tables in HTML (pandoc writes one where a pipe table cannot hold merged cells)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.stack.append({"rows": [], "head_rows": 0, "in_head": False, "caption": None, "row": None, "cell": None})
        elif not self.stack:
            return
        table = self.stack[-1] if self.stack else None
        if tag == "thead":
            table["in_head"] = True
        elif tag == "tr":
            table["row"] = []
            if table["in_head"]:
                table["head_rows"] += 1
        elif tag in ("td", "th") and table["row"] is not None:
            table["cell"] = {"text": [], "colspan": int(attrs.get("colspan") or 1), "rowspan": int(attrs.get("rowspan") or 1)}
        elif tag == "caption":
            table["caption"] = []
        elif tag in ("br", "p", "li", "div") and table["cell"] is not None:
            table["cell"]["text"].append("\n")

    def handle_endtag(self, tag):
        if not self.stack:
            return
        table = self.stack[-1]
        if tag in ("td", "th") and table["cell"] is not None:
            cell = table["cell"]
            lines = ("".join(cell["text"])).split("\n")
            cell["text"] = "\n".join(" ".join(line.split()) for line in lines if line.strip())
            table["row"].append(cell)
            table["cell"] = None
        elif tag == "tr" and table["row"] is not None:
            table["rows"].append(table["row"])
            table["row"] = None
        elif tag == "thead":
            table["in_head"] = False
        elif tag == "caption" and isinstance(table["caption"], list):
            table["caption"] = " ".join("".join(table["caption"]).split())
        elif tag == "table":
            self.stack.pop()
            self.tables.append(table)

    def handle_data(self, data):
        if not self.stack:
            return
        table = self.stack[-1]
        if table["cell"] is not None:
            table["cell"]["text"].append(data)
        elif isinstance(table["caption"], list):
            table["caption"].append(data)


def html_tables(text):
    """Grids (covered positions as COVERED) of every HTML table in `text`."""
    parser = _HTMLTables()
    parser.feed(text)
    out = []
    for table in parser.tables:
        grid = {}
        for r, row in enumerate(table["rows"]):
            column = 0
            for cell in row:
                while (r, column) in grid:
                    column += 1
                for dr in range(cell["rowspan"]):
                    for dc in range(cell["colspan"]):
                        grid[(r + dr, column + dc)] = COVERED if (dr or dc) else \
                            "\n".join(inline_text(line) for line in cell["text"].split("\n"))
                column += cell["colspan"]
        rows = max((r for r, _ in grid), default=-1) + 1
        columns = max((c for _, c in grid), default=-1) + 1
        cells = [[grid.get((r, c), "") for c in range(columns)] for r in range(rows)]
        out.append({"type": "table", "grid": cells, "header_rows": table["head_rows"] or 1,
                    "caption": table["caption"] if isinstance(table["caption"], str) else None})
    return out


def read_blocks(text, quire=False):
    """The blocks of a Markdown body, in order. Each has "type" and "text" (plain); tables
    have "grid" (rows of cell texts, COVERED where merged), "header_rows" and "caption"."""
    lines = text.split("\n")
    blocks, paragraph, index = [], [], 0

    def flush():
        if paragraph:
            blocks.append({"type": "paragraph", "text": inline_text(" ".join(paragraph)), "raw": list(paragraph)})
            paragraph.clear()

    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if not stripped:
            flush()
            index += 1
            continue
        fence = FENCE.match(line)
        if fence:
            flush()
            end = index + 1
            while end < len(lines) and not lines[end].strip().startswith(fence.group(1)):
                end += 1
            body = " ".join(lines[index + 1:end])
            blocks.append({"type": "paragraph", "text": " ".join(body.split()), "raw": lines[index + 1:end]})
            index = end + 1
            continue
        if stripped.lower().startswith("<table"):
            flush()
            end = index
            while end < len(lines) and "</table>" not in lines[end].lower():
                end += 1
            blocks.extend(html_tables("\n".join(lines[index:end + 1])))
            index = end + 1
            continue
        if "|" in stripped and index + 1 < len(lines) and DELIMITER_ROW.match(lines[index + 1]) and "-" in lines[index + 1]:
            flush()
            rows = [split_row(line)]
            index += 2
            while index < len(lines) and lines[index].strip() and "|" in lines[index] and not ATTRIBUTES.match(lines[index]):
                rows.append(split_row(lines[index]))
                index += 1
            attributes = {}
            if index < len(lines) and ATTRIBUTES.match(lines[index]):
                attributes = parse_attributes(ATTRIBUTES.match(lines[index]).group(1))
                index += 1
            columns = max(len(row) for row in rows)
            grid = []
            for row in rows:
                cells = []
                for cell in row + [""] * (columns - len(row)):
                    if quire and cell in ("<", "^"):
                        cells.append(COVERED)
                    else:
                        cells.append(inline_text(cell))
                grid.append(cells)
            header_rows = 1
            if quire and "header-rows" in attributes:
                try:
                    header_rows = int(attributes["header-rows"])
                except ValueError:
                    header_rows = 1
            caption = attributes.get("caption") if quire else None
            blocks.append({"type": "table", "grid": grid, "header_rows": header_rows,
                           "caption": inline_text(caption) if isinstance(caption, str) else None})
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            blocks.append({"type": "heading", "level": len(heading.group(1)), "text": inline_text(heading.group(2)), "raw": [line]})
            index += 1
            continue
        note = FOOTNOTE_DEF.match(stripped)
        if note:
            flush()
            texts = [note.group(2)]
            index += 1
            while index < len(lines) and lines[index].startswith("    ") and lines[index].strip():
                texts.append(lines[index].strip())
                index += 1
            blocks.append({"type": "footnote", "text": inline_text(" ".join(texts)), "raw": texts})
            continue
        if THEMATIC.match(line):
            flush()
            index += 1
            continue
        item = ITEM.match(line)
        if item:
            flush()
            depth = len(item.group(1).replace("\t", "    ")) // 2
            texts = [item.group(3)]
            index += 1
            # Lazy continuation lines: indented, not themselves items or other blocks.
            while index < len(lines) and lines[index].strip() and not ITEM.match(lines[index]) \
                    and not HEADING.match(lines[index]) and lines[index].startswith((" ", "\t")):
                texts.append(lines[index].strip())
                index += 1
            blocks.append({"type": "item", "depth": depth, "marker": item.group(2),
                           "text": inline_text(" ".join(texts)), "raw": [line]})
            continue
        if stripped.startswith(">"):
            paragraph.append(stripped.lstrip("> "))
            index += 1
            continue
        paragraph.append(stripped)
        index += 1
    flush()
    return blocks


def split_front_matter(text):
    """(front matter YAML or None, body) of a Quire source."""
    if text.startswith("---"):
        lines = text.split("\n")
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                return "\n".join(lines[1:index]), "\n".join(lines[index + 1:])
    return None, text
