"""The scorer's own test (`score_import.py --self-test`, run by the Swift suite): a small truth,
a Quire source written by hand to match it exactly (every figure perfect), and sources each with
one fault (a cell moved, a word missing, a value under the wrong key, a merge lost, a line
twice, another numbering) that must each score lower on exactly the figure the fault touches;
then the same for plain Markdown, with a GFM table and an HTML table with merged cells."""

import copy
import json
import sys

from score_import import lcs_length, score

TRUTH = {
    "id": "self-test", "style": "county", "layout": "county-2025",
    "header": {"by": [{"name": "Jane Smith", "role": "Cabinet Member for Finance"}], "to": "Cabinet",
               "date": "2025-01-30", "subject": "Revenue budget 2025/26", "classification": "Unrestricted",
               "summary": "This report sets out the budget.",
               "recommendation": ["AGREE the budget;", "NOTE the risks."],
               "fields": [{"label": "Agenda Item No.", "value": "7"}]},
    "header_rows": 8,
    "recommendation_lead_in": "Cabinet is asked to:",
    "contacts": [{"name": "Marcus Bell", "role": "Head of Finance", "phone": "03000 416 882",
                  "email": "marcus.bell@example.gov.uk"}],
    "background_documents": ["Budget consultation report, November 2024"],
    "numbering": {"sections": True, "paragraphs": "1.1", "count": "section", "items": ["(a)"], "recommendations": "(a)"},
    "body": [
        {"kind": "heading", "level": 1, "text": "Introduction", "number": "1."},
        {"kind": "paragraph", "text": "The council must set a balanced budget each year.", "number": "1.1"},
        {"kind": "paragraph", "text": "Demand has grown for three years.", "number": "1.2", "run_in": "Background:"},
        {"kind": "list", "ordered": True, "marker": "(a)", "items": [{"text": "savings of £24.1m;", "items": []},
                                                                   {"text": "income of £13.3m.", "items": []}]},
        {"kind": "bullets", "items": [{"text": "older people;", "items": [{"text": "nursing care;", "items": []}]}]},
        {"kind": "table", "caption": "Table 1: Budget", "header_rows": 2, "across_pages": False,
         "rows": [[{"text": "Service", "rowspan": 2}, {"text": "Budget £m", "colspan": 2}, None],
                  [None, {"text": "2024/25"}, {"text": "2025/26"}],
                  [{"text": "Adult social care"}, {"text": "412.3"}, {"text": "(12.0)"}],
                  [{"text": "Libraries"}, {"text": ""}, {"text": "3.1"}]]},
    ],
    "furniture": ["OFFICIAL", "Page 1 of 1"],
    "word": {"footnotes": ["The settlement was published in December."], "insertions": [],
             "deletions": ["an unbalanced budget"], "comments": ["Check the figures with finance"], "hyperlinks": []},
}

LAYOUT = {"sections": True, "paragraphs": "(1)", "count": "section", "items": ["(a)", "(i)"], "recommendations": "(a)"}

QUIRE = """---
layout: county-2025
by:
  - name: Jane Smith
    role: Cabinet Member for Finance
to: Cabinet
date: 2025-01-30
subject: Revenue budget 2025/26
classification: Unrestricted
fields:
  Agenda Item No.: "7"
summary: This report sets out the budget.
recommendation:
  - "Cabinet is asked to:"
  - AGREE the budget;
  - NOTE the risks.
background-documents:
  - Budget consultation report, November 2024
contact:
  - name: Marcus Bell
    role: Head of Finance
    phone: "03000 416 882"
    email: marcus.bell@example.gov.uk
numbering:
  paragraphs: "1.1"
---

# Introduction

The council must set a balanced budget each year.[^1]

**Background:** Demand has grown for three years.

1. savings of £24.1m;
2. income of £13.3m.

- older people;
  - nursing care;

| Service | Budget £m | < |
| --- | ---: | ---: |
| ^ | 2024/25 | 2025/26 |
| Adult social care | 412.3 | (12.0) |
| Libraries |  | 3.1 |
{: header-rows=2 caption="Table 1: Budget"}

[^1]: The settlement was published in December.
"""

MARKDOWN = """**From:** Jane Smith, Cabinet Member for Finance

**To:** Cabinet

**Date:** 30 January 2025

| Subject: | Revenue budget 2025/26 |
|---|---|
| Classification: | Unrestricted |

Agenda Item No. 7

Summary: This report sets out the budget.

Recommendation(s): Cabinet is asked to:

(a) AGREE the budget;

(b) NOTE the risks.

## 1. Introduction

1.1 The council must set a balanced budget each year.

1.2 **Background:** Demand has grown for three years.

(a) savings of £24.1m;
(b) income of £13.3m.

- older people;
  - nursing care;

**Table 1: Budget**

<table>
<thead><tr class="header"><th rowspan="2">Service</th><th colspan="2">Budget £m</th></tr>
<tr><th>2024/25</th><th>2025/26</th></tr></thead>
<tbody><tr><td>Adult social care</td><td>412.3</td><td>(12.0)</td></tr>
<tr><td>Libraries</td><td></td><td>3.1</td></tr></tbody>
</table>

Background documents: Budget consultation report, November 2024

Contact: Marcus Bell, Head of Finance, 03000 416 882, marcus.bell@example.gov.uk

The settlement was published in December.
"""


def figures(result):
    return {name: (result[name]["right"], result[name]["total"]) for name in
            ("words_in_order", "header_rows_right", "table_cells_right", "tables_recovered", "table_headers_right")}


def run():
    failures = []

    def check(condition, message):
        if not condition:
            failures.append(message)

    check(lcs_length(list("abcbdab"), list("bdcaba")) == 4, "LCS of abcbdab and bdcaba is 4")
    check(lcs_length(["a"] * 70, ["a"] * 65) == 65, "LCS beyond 64 words")

    perfect = score(TRUTH, QUIRE, quire=True, layout_numbering=LAYOUT)
    best = figures(perfect)
    for name, (right, total) in best.items():
        check(right == total and total > 0, f"hand-written source: {name} {right}/{total}, details {json.dumps(perfect['details'])}")
    check(perfect["numbering_kept"] is True, f"hand-written source: numbering {perfect['details'].get('numbering')}")
    check(perfect["lines_twice"] == 0, f"hand-written source: lines twice {perfect['details']['lines_twice']}")

    def faulty(name, old, new, figure, layout=LAYOUT, expect_numbering=True, twice=0):
        text = QUIRE.replace(old, new, 1)
        assert text != QUIRE, name
        result = score(TRUTH, text, quire=True, layout_numbering=layout)
        got = figures(result)
        for other, pair in got.items():
            if other in figure:
                check(pair[0] < best[other][0], f"{name}: {other} should fall, got {pair}")
            else:
                check(pair == best[other], f"{name}: {other} should stay {best[other]}, got {pair}")
        check(result["numbering_kept"] is expect_numbering, f"{name}: numbering_kept {result['numbering_kept']}")
        check(result["lines_twice"] == twice, f"{name}: lines_twice {result['lines_twice']}")

    faulty("cell moved", "| Libraries |  | 3.1 |", "| Libraries | 3.1 |  |", {"table_cells_right", "tables_recovered"})
    faulty("word missing", "must set a balanced budget", "must set a budget", {"words_in_order"})
    faulty("merge lost", "| Service | Budget £m | < |", "| Service | Budget £m |  |", {"table_cells_right"})
    faulty("header rows", "{: header-rows=2 ", "{: ", {"table_headers_right"})
    faulty("wrong key", "to: Cabinet\n", "fields:\n  To: Cabinet\n", {"header_rows_right"})
    faulty("role and name swapped", "  - name: Jane Smith\n    role: Cabinet Member for Finance",
           "  - name: Cabinet Member for Finance\n    role: Jane Smith", {"header_rows_right"})
    faulty("header row twice", "# Introduction", "This report sets out the budget.\n\n# Introduction", set(), twice=1)
    faulty("numbering", 'paragraphs: "1.1"', 'paragraphs: "(1)"', set(), expect_numbering=False)

    check(perfect["deletions_shown"] == 0 and perfect["comments_shown"] == 0, "hand-written source shows no deletion")
    shown = score(TRUTH, QUIRE.replace("each year.[^1]", "each year, not an unbalanced budget.[^1] Check the figures with finance."),
                  quire=True, layout_numbering=LAYOUT)
    check(shown["deletions_shown"] == 1 and shown["comments_shown"] == 1, "deleted text and a comment shown are counted")

    plain = score(TRUTH, MARKDOWN, quire=False)
    for name, (right, total) in figures(plain).items():
        if name == "table_headers_right":
            continue
        check(right == total, f"plain Markdown: {name} {right}/{total}, details {json.dumps(plain['details'])}")
    check(plain["numbering_kept"] is None, "plain Markdown has no numbering figure")
    check((plain["numbers_printed"]["right"], plain["numbers_printed"]["total"]) == (3, 3),
          f"plain Markdown: printed numbers {plain['numbers_printed']}")
    renumbered = score(TRUTH, MARKDOWN.replace("1.2 **Background:**", "2. **Background:**"), quire=False)
    check(renumbered["numbers_printed"]["right"] == 2, "plain Markdown: a number changed is not kept")
    gfm = MARKDOWN.replace(MARKDOWN[MARKDOWN.index("<table>"):MARKDOWN.index("</table>") + 8],
                           "| Service | Budget £m | |\n|---|---|---|\n| | 2024/25 | 2025/26 |\n"
                           "| Adult social care | 412.3 | (12.0) |\n| Libraries | | 3.1 |")
    check(figures(score(TRUTH, gfm, quire=False))["table_cells_right"] == (12, 12),
          "plain Markdown: a merged position may be empty")
    glued = gfm.replace("| Adult social care | 412.3 | (12.0) |", "| Adult social care412.3 | (12.0) | |")
    check(figures(score(TRUTH, glued, quire=False))["table_cells_right"][0] < 12, "plain Markdown: glued cells fall")
    lost = MARKDOWN.replace("**To:** Cabinet\n", "Cabinet\n")
    check(figures(score(TRUTH, lost, quire=False))["header_rows_right"][0] == best["header_rows_right"][0] - 1,
          "plain Markdown: a value without its label is not a header row")

    if failures:
        print("score_import self-test: FAILED")
        for failure in failures:
            print("  " + failure)
        return 1
    print("score_import self-test: passed (perfect hand-written source; each fault lowers its own figure)")
    return 0


if __name__ == "__main__":
    sys.exit(run())
