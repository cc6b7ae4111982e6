#!/usr/bin/env python3
"""Scores an imported paper against the corpus truth (Tests/Fixtures/corpus/<id>/truth.json).

    score_import.py --truth truth.json --quire paper.md [--import-report R | --layout-numbering JSON] [--json]
    score_import.py --truth truth.json --markdown other.md [--json]
    score_import.py --self-test

--quire reads a Quire source (YAML front matter + Quire Markdown: pipe tables with `<`/`^`
merge cells and a `{: header-rows=N caption="…"}` line); --markdown reads any Markdown (a
peer's: pymupdf4llm, pandoc), GFM and HTML tables included. Prints the figures, or with
--json one JSON object:

  words_in_order     truth words found in order (longest common subsequence over normalised
                     words): the body against the output's body; each header value, person,
                     recommendation, contact detail, background document and footnote as a
                     unit against the whole output (a Quire source writes those in its own order)
  header_rows_right  truth header rows right: Quire, the value under its key; Markdown, a
                     label/value pair: one table row, a "Label: value" line, or a label alone on
                     its line (ending in ":", or a heading) with the value on the lines under it
                     (item markers apart); a by-line "Report of the …" is the by row, and a To
                     value may end with the meeting date
  table_cells_right  grid positions with the truth's text (a merged position: covered; for plain
                     Markdown, which cannot merge, covered or empty), over every truth table;
                     truth tables are matched in order to output tables by the most cells right
  tables_recovered   truth tables with at least 90% of their cells right
  table_headers_right matched tables whose header rows number what the truth's do
  numbers_printed    Markdown only: truth headings and paragraphs whose printed number ("2.3",
                     "12.") stands right before their first word in the output
  numbering_kept     Quire only: the source's `numbering:` over the layout's defaults
                     (--layout-numbering, a JSON object or a file holding one) equals the truth's
  lines_twice        output lines (blocks, table rows, front-matter values) found more often than
                     the truth has them, counted once per extra copy (furniture repeated counts)
  deletions_shown,   tracked deletions and comments whose words the output has (a reader of the
  comments_shown     published paper never sees them)

Words are compared lower-cased, NFKC, with quotes straightened, dashes and hyphens as spaces
and punctuation at a word's ends dropped; an ISO date reads as "30 January 2025". Table cells
are compared with spacing and case ignored and figures by value ("(12.0)" = "-12.0").
"""

import argparse
import datetime
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from markdown_reader import COVERED, inline_text, read_blocks, split_front_matter  # noqa: E402

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
TABLE_RECOVERED = 0.9


# Normalising ---------------------------------------------------------------------------------
def long_date(value):
    """An ISO date (text or date) as "30 January 2025"; anything else unchanged."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", str(value).strip())
    if match:
        year, month, day = (int(g) for g in match.groups())
        if 1 <= month <= 12:
            return f"{day} {MONTHS[month - 1]} {year}"
    return str(value)


def words(text):
    """Normalised words of a text."""
    if text is None:
        return []
    text = unicodedata.normalize("NFKC", str(text)).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[‐‑‒–—―−]", " ", text)
    text = re.sub(r"(?<=\w)-(?=\w)", " ", text)
    out = []
    for token in text.split():
        token = token.strip("!\"#%&'()*+,-.:;<=>?@[\\]^_`{|}~•·")
        if token:
            out.append(token)
    return out


def norm(text):
    return " ".join(words(text))


def figure(text):
    """A cell's figure as a number ("(1,234.5)" → -1234.5; "£2.80" → 2.8), or None."""
    t = text.strip().replace(",", "").replace("£", "").replace("%", "").replace(" ", "")
    t = t.replace("−", "-").replace("–", "-")
    negative = t.startswith("(") and t.endswith(")")
    if negative:
        t = t[1:-1]
    if not re.fullmatch(r"-?\d+(\.\d+)?", t):
        return None
    value = float(t)
    return -value if negative else value


def cell_text(text):
    return " ".join(unicodedata.normalize("NFKC", text).replace("’", "'").lower().split())


def cells_equal(truth, output):
    a, b = cell_text(truth), cell_text(output)
    if a == b:
        return True
    fa, fb = figure(a), figure(b)
    return fa is not None and fb is not None and abs(fa - fb) < 1e-9


# Longest common subsequence ------------------------------------------------------------------
def lcs_length(a, b):
    """Length of the longest common subsequence of two word lists (bit-parallel, Allison-Dix)."""
    if not a or not b:
        return 0
    masks = {}
    for i, word in enumerate(a):
        masks[word] = masks.get(word, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for word in b:
        m = masks.get(word)
        if m:
            u = v & m
            v = ((v + u) | (v - u)) & full
    return len(a) - bin(v).count("1")


def missing_in_order(a, b, limit=12):
    """Some truth words the output lacks in order, with a little context (for the details)."""
    import difflib
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out = []
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            out.append(" ".join(a[max(0, i1 - 2):i1]) + " [" + " ".join(a[i1:i2]) + "]")
            if len(out) >= limit:
                break
    return out


# The truth -----------------------------------------------------------------------------------
def person_units(people):
    units = []
    for person in people or []:
        units += [person.get("name") or "", person.get("role") or ""]
    return [u for u in units if u]


def truth_header_units(truth):
    """(key, text) units of the header: every value, person part, recommendation, field."""
    units = []
    for key, value in truth["header"].items():
        if key == "by":
            units += [("by", text) for text in person_units(value)]
        elif key == "date":
            units.append(("date", long_date(value)))
        elif key == "recommendation":
            units += [("recommendation", item) for item in (value if isinstance(value, list) else [value])]
        elif key == "fields":
            for field in value:
                units += [("fields", field["label"]), ("fields", field["value"])]
        else:
            units.append((key, value))
    if truth.get("recommendation_lead_in"):
        units.append(("recommendation", truth["recommendation_lead_in"]))
    return units


def truth_closing_units(truth):
    units = []
    for contact in truth.get("contacts", []):
        units += [("contact", contact.get(k) or "") for k in ("name", "role", "phone", "email")]
    units += [("background-documents", doc) for doc in truth.get("background_documents", [])]
    units += [("footnote", note) for note in truth.get("word", {}).get("footnotes", [])]
    return [(k, t) for k, t in units if t]


def item_words(items):
    out = []
    for item in items:
        out += words(item["text"]) + item_words(item.get("items", []))
    return out


def truth_body_words(truth):
    out = []
    for block in truth["body"]:
        kind = block["kind"]
        if kind in ("heading", "paragraph"):
            out += words(block.get("run_in")) + words(block["text"])
        elif kind in ("list", "bullets"):
            out += item_words(block["items"])
        elif kind == "table":
            out += words(block.get("caption"))
            for row in block["rows"]:
                for cell in row:
                    if cell:
                        out += words(cell["text"])
    return out


def truth_tables(truth):
    return [block for block in truth["body"] if block["kind"] == "table"]


def truth_all_words(truth):
    out = []
    for _, text in truth_header_units(truth):
        out += words(text)
    out += truth_body_words(truth)
    for _, text in truth_closing_units(truth):
        out += words(text)
    return out


# The output ----------------------------------------------------------------------------------
class Output:
    """What an importer or a peer wrote: front matter (Quire only), blocks, words, lines."""

    def __init__(self, text, quire):
        self.quire = quire
        self.matter = {}
        body = text
        if quire:
            import yaml
            matter, body = split_front_matter(text)
            if matter is not None:
                loaded = yaml.safe_load(matter)
                self.matter = loaded if isinstance(loaded, dict) else {}
        self.blocks = read_blocks(body, quire=quire)
        self.tables = [b for b in self.blocks if b["type"] == "table"]
        self.body_words = []
        self.lines = []
        for block in self.blocks:
            if block["type"] == "table":
                if block.get("caption"):
                    self.body_words += words(block["caption"])
                    self.lines.append(block["caption"])
                for row in block["grid"]:
                    texts = [cell for cell in row if cell]
                    for cell in texts:
                        self.body_words += words(cell)
                    self.lines.append(" ".join(texts))
            elif block["type"] == "footnote":
                self.lines.append(block["text"])
            else:
                self.body_words += words(block["text"])
                self.lines.append(block["text"])
        self.matter_texts = list(self._matter_texts(self.matter)) if quire else []
        self.lines += self.matter_texts
        self.all_words = [w for t in self.matter_texts for w in words(t)] + self.body_words + \
            [w for b in self.blocks if b["type"] == "footnote" for w in words(b["text"])]

    def _matter_texts(self, value, key=None):
        """Every text of the front matter (layout, numbering and the importer's own keys apart)."""
        if key in ("layout", "numbering", "imported-from", "language", "data"):
            return
        if isinstance(value, dict):
            for k, v in value.items():
                if key == "fields":
                    yield inline_text(str(k))
                yield from self._matter_texts(v, k if key != "fields" else "field")
        elif isinstance(value, list):
            for v in value:
                yield from self._matter_texts(v, key)
        elif isinstance(value, (datetime.date, datetime.datetime)):
            yield long_date(value)
        elif value is not None and not isinstance(value, bool):
            yield long_date(inline_text(str(value))) if key == "date" else inline_text(str(value))
        elif isinstance(value, bool):
            yield "yes" if value else "no"


# Words in order ------------------------------------------------------------------------------
def score_words(truth, output):
    body = truth_body_words(truth)
    matched_body = lcs_length(body, output.body_words)
    detail = {"body": {"matched": matched_body, "total": len(body)}}
    if matched_body < len(body):
        detail["body"]["missing"] = missing_in_order(body, output.body_words)
    matched, total = matched_body, len(body)
    short = []
    for key, text in truth_header_units(truth) + truth_closing_units(truth):
        unit = words(text)
        got = lcs_length(unit, output.all_words)
        matched += got
        total += len(unit)
        if got < len(unit):
            short.append({"key": key, "text": text, "matched": got, "total": len(unit)})
    detail["units_short"] = short
    return {"matched": matched, "total": total}, detail


# Header rows ---------------------------------------------------------------------------------
def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def text_of(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        # An unquoted "Cabinet is asked to:" reads as a one-key mapping; keep its words.
        return " ".join(f"{text_of(k)}: {text_of(v)}".strip() for k, v in value.items())
    return "" if value is None else inline_text(str(value))


def people_right(truth_people, value):
    people = []
    for entry in as_list(value):
        if isinstance(entry, dict):
            people.append((norm(text_of(entry.get("name"))), norm(text_of(entry.get("role")))))
        else:
            people.append((norm(text_of(entry)), ""))
    if len(people) != len(truth_people):
        return False
    for (name, role), person in zip(people, truth_people):
        want_name, want_role = norm(person.get("name")), norm(person.get("role"))
        if not want_name:
            # A role with no name ("Report of the Director of Education") may sit in either slot.
            if {name, role} - {""} != {want_role}:
                return False
        elif (name, role) != (want_name, want_role):
            return False
    return True


def recommendation_right(truth, items, lead_in):
    want = [norm(item) for item in items]
    got = [norm(text_of(item)) for item in items_of(truth)]
    lead = norm(lead_in) if lead_in else None
    if got == want:
        return True
    if lead and got and got[0] == lead and got[1:] == want:
        return True
    joined, wanted = " ".join(got), " ".join(want)
    return joined == wanted or (lead is not None and joined == (lead + " " + wanted))


def items_of(value):
    return as_list(value)


def field_entries(value):
    """(label, value) pairs of a `fields:` value: a mapping, or a list of {label, value} or
    one-key mappings."""
    pairs = []
    if isinstance(value, dict):
        pairs = list(value.items())
    else:
        for entry in as_list(value):
            if isinstance(entry, dict) and "label" in entry:
                pairs.append((entry.get("label"), entry.get("value")))
            elif isinstance(entry, dict):
                pairs += list(entry.items())
    return [(norm(text_of(k)), norm(text_of(v))) for k, v in pairs]


def quire_header(truth, output):
    matter = output.matter
    right, wrong = 0, []
    lead_in = truth.get("recommendation_lead_in")
    for key, value in truth["header"].items():
        if key == "fields":
            have = field_entries(matter.get("fields"))
            for field in value:
                if (norm(field["label"]), norm(field["value"])) in have:
                    right += 1
                else:
                    wrong.append(f"fields: {field['label']}")
            continue
        got = matter.get(key, matter.get("from") if key == "by" else None)
        if key == "by":
            ok = people_right(value, got)
        elif key == "date":
            ok = text_of(got)[:10] == value
        elif key == "recommendation":
            ok = got is not None and recommendation_right(got, value, lead_in)
        else:
            ok = got is not None and norm(text_of(got)) == norm(value)
        if ok:
            right += 1
        else:
            wrong.append(key)
    return right, wrong


MARKER = re.compile(r"^\s*(?:[-*+•o–]|\(?[0-9]{1,3}[.)]|\(?[a-z]{1,4}[.)]|\([0-9a-z]{1,4}\))\s+", re.I)
LABEL_LINE = re.compile(r"^([^:]{1,80}?):\s*(.*)$")


def markdown_pairs(output):
    """Label/value candidates in plain Markdown: a table row (its first cell, the rest); a
    "Label: value" line; a label alone on its line (ending in ":", or a heading) with the value
    on the lines under it. A value may run over the lines that follow, so each run of them
    is a candidate; item markers ("1.", "(a)", "-") before a value line are not the value's."""
    pairs = []
    lines = []   # (text, is_heading)
    for block in output.blocks:
        if block["type"] == "table":
            for row in block["grid"]:
                texts = [cell for cell in row if cell]
                if len(texts) >= 2:
                    pairs.append((texts[0].replace("\n", " "), [" ".join(t.replace("\n", " ") for t in texts[1:])]))
                elif len(texts) == 1:
                    lines += [(line, False) for line in texts[0].split("\n")]
            lines.append(("", False))
            continue
        if block["type"] in ("item", "heading"):
            lines.append((block["text"], block["type"] == "heading"))
        else:
            lines += [(inline_text(line), False) for line in (block.get("raw") or [block["text"]])]
        lines.append(("", False))

    def value_runs(start, first):
        values, text, taken = [], first, 0
        if first:
            values.append(first)
        for follow, heading in lines[start:start + 40]:
            if not follow:
                continue
            if heading or (LABEL_LINE.match(follow) and taken and not MARKER.match(follow)):
                break
            text = (text + " " + MARKER.sub("", follow)).strip()
            values.append(text)
            taken += 1
        return values

    for index, (line, heading) in enumerate(lines):
        match = LABEL_LINE.match(line)
        if heading:
            pairs.append((line, value_runs(index + 1, "")))
            if not (match and match.group(2)):
                continue
        if match:
            pairs.append((match.group(1), value_runs(index + 1, MARKER.sub("", match.group(2)))))
    return pairs, [line for line, _ in lines]


def markdown_header(truth, output):
    pairs, lines = markdown_pairs(output)
    normalised = [(norm(label), [norm(v) for v in values]) for label, values in pairs]
    all_values = {v for _, values in normalised for v in values}
    line_set = {norm(line) for line in lines}
    right, wrong = 0, []
    lead_in = norm(truth.get("recommendation_lead_in") or "")
    header = truth["header"]
    date = norm(long_date(header["date"])) if header.get("date") else None
    for key, value in header.items():
        if key == "fields":
            for field in value:
                label, text = norm(field["label"]), norm(field["value"])
                ok = any(l == label and text in vs for l, vs in normalised) or (label + " " + text) in line_set
                right += ok
                if not ok:
                    wrong.append(f"fields: {field['label']}")
            continue
        if key == "by":
            variants = [""]
            for person in value:
                name, role = norm(person.get("name")), norm(person.get("role"))
                forms = {" ".join(p for p in (name, role) if p), " ".join(p for p in (role, name) if p)}
                variants = [(v + " " + f).strip() for v in variants for f in forms]
            # A by-line ("Report of the Director of Education") is the by row in its printed form.
            bylines = {f"report of the {v}" for v in variants} | {f"report of {v}" for v in variants}
            ok = any(v in all_values for v in variants) or bool(bylines & line_set)
        elif key == "date":
            ok = any(f" {date} " in f" {v} " for v in all_values)
        elif key == "to":
            # The meeting date may be printed inside the To row ("Cabinet – 30 January 2025").
            ok = norm(value) in all_values or (date is not None and f"{norm(value)} {date}" in all_values)
        elif key == "recommendation":
            items = " ".join(norm(i) for i in value)
            ok = items in all_values or (lead_in + " " + items).strip() in all_values
        else:
            ok = norm(value) in all_values
        right += ok
        if not ok:
            wrong.append(key)
    return right, wrong


# Tables --------------------------------------------------------------------------------------
def table_score(truth_rows, grid, plain_markdown):
    right = 0
    for r, row in enumerate(truth_rows):
        for c, cell in enumerate(row):
            out = grid[r][c] if r < len(grid) and c < len(grid[r]) else "missing"
            if out == "missing":
                continue
            if cell is None:
                right += out is COVERED or (plain_markdown and out == "")
            elif out is not COVERED and cells_equal(cell["text"], out):
                right += 1
    return right


def score_tables(truth, output):
    tables = truth_tables(truth)
    total = sum(len(t["rows"]) * len(t["rows"][0]) for t in tables)
    right_cells, recovered, headers_right, detail = 0, 0, 0, []
    next_output = 0
    plain = not output.quire
    for table in tables:
        cells = len(table["rows"]) * len(table["rows"][0])
        best, best_index = -1, None
        for index in range(next_output, len(output.tables)):
            got = table_score(table["rows"], output.tables[index]["grid"], plain)
            if got > best:
                best, best_index = got, index
        if best_index is None or best <= 0:
            detail.append({"caption": table.get("caption"), "right": 0, "cells": cells, "matched": None})
            continue
        next_output = best_index + 1
        right_cells += best
        recovered += best >= TABLE_RECOVERED * cells
        matched = output.tables[best_index]
        headers_right += matched["header_rows"] == table["header_rows"]
        detail.append({"caption": table.get("caption"), "right": best, "cells": cells, "matched": best_index,
                       "header_rows": matched["header_rows"]})
    return (right_cells, total), (recovered, len(tables)), (headers_right, len(tables)), detail


# Numbering -----------------------------------------------------------------------------------
def numbering_kept(truth, output, layout_numbering):
    merged = dict(layout_numbering or {})
    own = output.matter.get("numbering")
    if isinstance(own, dict):
        merged.update({k: v for k, v in own.items() if v is not None})
    differences = {}
    for key, want in truth.get("numbering", {}).items():
        got = merged.get(key)
        if key == "items":
            got_list = as_list(got)
            ok = [str(x) for x in got_list[:len(want)]] == [str(x) for x in want]
        elif key == "sections":
            ok = got is want or (isinstance(got, str) and got.lower() == str(want).lower())
        else:
            ok = str(got) == str(want)
        if not ok:
            differences[key] = {"truth": want, "output": got}
    return not differences, differences


# Lines twice ---------------------------------------------------------------------------------
def occurrences(needle, haystack):
    if not needle:
        return 0
    count, start = 0, 0
    while True:
        index = haystack.find(needle, start)
        if index < 0:
            return count
        count += 1
        start = index + 1


def lines_twice(truth, output):
    truth_text = " " + " ".join(truth_all_words(truth)) + " "
    counts = {}
    for line in output.lines:
        key = norm(line)
        if not key or re.fullmatch(r"[\d ]+", key):
            continue
        counts[key] = counts.get(key, 0) + 1
    extra, examples = 0, []
    for key, count in counts.items():
        if count < 2:
            continue
        allowed = max(occurrences(" " + key + " ", truth_text), 1)
        if count > allowed:
            extra += count - allowed
            examples.append(key[:80])
    return extra, examples


# Text a reader of the published paper never sees ---------------------------------------------
def words_shown(truth, output):
    """Tracked deletions and comments whose words the output has in a row (and the truth has
    not): text the importer should have dropped."""
    truth_text = " " + " ".join(truth_all_words(truth)) + " "
    output_text = " " + " ".join(output.all_words) + " "
    counts = {}
    for kind in ("deletions", "comments"):
        counts[kind] = 0
        for text in truth.get("word", {}).get(kind, []):
            key = " " + norm(text) + " "
            if key.strip() and occurrences(key, output_text) > occurrences(key, truth_text):
                counts[kind] += 1
    return counts


# Printed numbers (plain Markdown) ------------------------------------------------------------
def numbers_printed(truth, output):
    """Truth headings and paragraphs whose printed number ("1.", "2.3", "12.") the output
    prints right before their first word: whether a peer kept the paper's numbering."""
    flat = []
    for block in output.blocks:
        if block["type"] == "table":
            continue
        if block["type"] == "item":
            flat.append(block["marker"] + " " + block["text"])
        else:
            flat += [inline_text(line) for line in (block.get("raw") or [block["text"]])]
    text = " ".join(" ".join(flat).split())
    right = total = 0
    for block in truth["body"]:
        number = block.get("number")
        if not number:
            continue
        total += 1
        first = (block.get("run_in") or block["text"]).split()[0]
        right += bool(re.search(r"(?<![\w.])" + re.escape(number) + r"\s+" + re.escape(first), text))
    return right, total


# Scoring -------------------------------------------------------------------------------------
def ratio(pair):
    right, total = pair
    return round(right / total, 4) if total else 1.0


def score(truth, text, quire, layout_numbering=None):
    """Every figure for one output, with details of what fell short."""
    output = Output(text, quire)
    words_pair, words_detail = score_words(truth, output)
    header_right, header_wrong = (quire_header if quire else markdown_header)(truth, output)
    cells, recovered, headers, table_detail = score_tables(truth, output)
    twice, twice_examples = lines_twice(truth, output)
    shown = words_shown(truth, output)
    result = {
        "id": truth.get("id"), "style": truth.get("style"), "mode": "quire" if quire else "markdown",
        "words_in_order": {"right": words_pair["matched"], "total": words_pair["total"], "ratio": ratio((words_pair["matched"], words_pair["total"]))},
        "header_rows_right": {"right": header_right, "total": truth["header_rows"], "ratio": ratio((header_right, truth["header_rows"]))},
        "table_cells_right": {"right": cells[0], "total": cells[1], "ratio": ratio(cells)},
        "tables_recovered": {"right": recovered[0], "total": recovered[1], "ratio": ratio(recovered)},
        "table_headers_right": {"right": headers[0], "total": headers[1], "ratio": ratio(headers)},
        "numbering_kept": None,
        "lines_twice": twice,
        "deletions_shown": shown["deletions"],
        "comments_shown": shown["comments"],
        "details": {"words": words_detail, "header_wrong": header_wrong, "tables": table_detail,
                    "lines_twice": twice_examples},
    }
    if not quire:
        result["numbers_printed"] = dict(zip(("right", "total"), numbers_printed(truth, output)))
        result["numbers_printed"]["ratio"] = ratio(numbers_printed(truth, output))
    if quire:
        kept, differences = numbering_kept(truth, output, layout_numbering)
        result["numbering_kept"] = kept
        result["details"]["numbering"] = differences
    return result


def summary_lines(result):
    def fmt(name):
        m = result[name]
        return f"{name}: {m['right']}/{m['total']} ({100 * m['ratio']:.1f}%)"
    lines = [fmt(n) for n in ("words_in_order", "header_rows_right", "table_cells_right", "tables_recovered",
                              "table_headers_right")]
    if "numbers_printed" in result:
        lines.append(fmt("numbers_printed"))
    if result["numbering_kept"] is not None:
        lines.append(f"numbering_kept: {str(result['numbering_kept']).lower()}")
    lines.append(f"lines_twice: {result['lines_twice']}")
    lines.append(f"deletions_shown: {result['deletions_shown']}  comments_shown: {result['comments_shown']}")
    return lines


def numbering_from_report(path):
    """The import report's "Numbering the output prints:" line (key=value pairs, a list's
    labels joined by commas) as the numbering options the rendered paper prints."""
    prefix = "Numbering the output prints: "
    with open(path, encoding="utf-8") as handle:
        line = next((line.rstrip("\n") for line in handle if line.startswith(prefix)), None)
    if line is None:
        return {}
    options = {}
    for pair in line[len(prefix):].split(" "):
        key, _, value = pair.partition("=")
        if not value:
            continue
        options[key] = value == "true" if key == "sections" else value.split(",") if key == "items" else value
    return options


def load_layout_numbering(value, report=None):
    if report:
        return numbering_from_report(report)
    if not value:
        return None
    if os.path.exists(value):
        with open(value, encoding="utf-8") as handle:
            return json.load(handle)
    return json.loads(value)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--truth")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quire", help="a Quire source (front matter + body)")
    group.add_argument("--markdown", help="any Markdown (a peer's output)")
    numbering = parser.add_mutually_exclusive_group()
    numbering.add_argument("--layout-numbering", help="the layout's numbering defaults, JSON or a JSON file")
    numbering.add_argument("--import-report", help="quire import's report, whose 'Numbering the output prints:' line gives them")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--self-test", action="store_true", help="check the scorer on hand-written cases")
    args = parser.parse_args(argv)
    if args.self_test:
        from score_import_selftest import run
        return run()
    if not args.truth or not (args.quire or args.markdown):
        parser.error("--truth and one of --quire / --markdown are needed")
    with open(args.truth, encoding="utf-8") as handle:
        truth = json.load(handle)
    path = args.quire or args.markdown
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    result = score(truth, text, quire=bool(args.quire), layout_numbering=load_layout_numbering(args.layout_numbering, args.import_report))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print("\n".join(summary_lines(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
