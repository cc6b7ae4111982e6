#!/usr/bin/env python3
"""A peer for the import benchmark, never a dependency: pymupdf4llm's PDF → Markdown (tables
as GFM), with its layout models (pymupdf 2.x and pymupdf-layout; AGPL, so it is run here,
never vendored). Called with its defaults, as a new user would.
Usage: python3 Tests/Tools/peer_pymupdf4llm.py PAPER.pdf > out.md   (bash scripts/peer-tools.sh installs it)
"""

import os
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: peer_pymupdf4llm.py PAPER.pdf")
    # The layout models print progress on stdout; keep stdout for the Markdown alone.
    real_stdout = os.dup(1)
    os.dup2(2, 1)
    try:
        import pymupdf
        pymupdf.set_messages(fd=2)
        import pymupdf4llm
        markdown = pymupdf4llm.to_markdown(sys.argv[1], show_progress=False)
    finally:
        sys.stdout.flush()
        os.dup2(real_stdout, 1)
    sys.stdout.write(markdown)


if __name__ == "__main__":
    main()
