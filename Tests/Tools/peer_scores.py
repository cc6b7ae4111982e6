#!/usr/bin/env python3
"""Runs the peers (pymupdf4llm on each corpus PDF, pandoc on each corpus .docx) over the whole
import corpus and prints their scores per house style with score_import's figures: words in
order, header rows right, table cells right, tables recovered, lines twice. Benchmark only:
no test depends on it (the peers are installed by bash scripts/peer-tools.sh).
Usage: python3 Tests/Tools/peer_scores.py [--corpus DIR] [--keep DIR | --from DIR] [--json]
  --keep DIR   keep each peer's Markdown there (<id>.pymupdf4llm.md, <id>.pandoc.md)
  --from DIR   score Markdown kept by an earlier --keep run instead of running the peers
"""

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from score_import import score  # noqa: E402

PEERS = {
    "pymupdf4llm (PDF)": lambda folder: [sys.executable, os.path.join(HERE, "peer_pymupdf4llm.py"),
                                         os.path.join(folder, "paper.pdf")],
    "pandoc (Word)": lambda folder: ["bash", os.path.join(HERE, "peer_pandoc.sh"), os.path.join(folder, "paper.docx")],
}
FIGURES = ["words_in_order", "header_rows_right", "table_cells_right", "tables_recovered", "numbers_printed"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=os.path.join(HERE, "..", "Fixtures", "corpus"))
    parser.add_argument("--keep", help="a folder to keep each peer's Markdown in")
    parser.add_argument("--from", dest="source", help="score the Markdown an earlier --keep run kept")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    papers = sorted(name for name in os.listdir(args.corpus) if os.path.exists(os.path.join(args.corpus, name, "truth.json")))
    results = []
    for name in papers:
        folder = os.path.join(args.corpus, name)
        with open(os.path.join(folder, "truth.json"), encoding="utf-8") as handle:
            truth = json.load(handle)
        for peer, command in PEERS.items():
            tag = "pymupdf4llm" if peer.startswith("pymupdf") else "pandoc"
            if args.source:
                with open(os.path.join(args.source, f"{name}.{tag}.md"), encoding="utf-8") as kept:
                    markdown = kept.read()
            else:
                run = subprocess.run(command(folder), capture_output=True, text=True, timeout=600)
                if run.returncode != 0:
                    sys.exit(f"{peer} failed on {name}: {run.stderr[-400:]}")
                markdown = run.stdout
            if args.keep:
                os.makedirs(args.keep, exist_ok=True)
                with open(os.path.join(args.keep, f"{name}.{tag}.md"), "w", encoding="utf-8") as out:
                    out.write(markdown)
            result = score(truth, markdown, quire=False)
            result["peer"] = peer
            results.append(result)
            print(f"{peer:18} {name:32} " + "  ".join(
                f"{f.split('_')[0]} {result[f]['right']}/{result[f]['total']}" for f in FIGURES)
                + f"  twice {result['lines_twice']}  deleted shown {result['deletions_shown']}", file=sys.stderr)
    totals = {}
    for result in results:
        for group in (result["style"], "all"):
            entry = totals.setdefault((result["peer"], group), {f: [0, 0] for f in FIGURES} | {"lines_twice": 0, "deletions_shown": 0, "papers": 0})
            for figure in FIGURES:
                entry[figure][0] += result[figure]["right"]
                entry[figure][1] += result[figure]["total"]
            entry["lines_twice"] += result["lines_twice"]
            entry["deletions_shown"] += result["deletions_shown"]
            entry["papers"] += 1
    if args.json:
        print(json.dumps({f"{peer} / {group}": value for (peer, group), value in totals.items()}, indent=1))
        return
    print(f"{'peer':18} {'style':9} {'papers':>6} {'words in order':>22} {'header rows':>16} {'table cells':>16} "
          f"{'tables':>9} {'numbers printed':>17} {'lines twice':>11} {'deleted shown':>13}")
    for (peer, group), entry in sorted(totals.items(), key=lambda item: (item[0][0], item[0][1] == "all", item[0][1])):
        cells = []
        for figure in FIGURES:
            right, total = entry[figure]
            cells.append(f"{100 * right / total:5.1f}% ({right}/{total})" if figure != "tables_recovered" else f"{right}/{total}")
        print(f"{peer:18} {group:9} {entry['papers']:>6} {cells[0]:>22} {cells[1]:>16} {cells[2]:>16} {cells[3]:>9} {cells[4]:>17} "
              f"{entry['lines_twice']:>11} {entry['deletions_shown']:>13}")


if __name__ == "__main__":
    main()
