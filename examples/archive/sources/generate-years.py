#!/usr/bin/env python3
"""Writes the example archive's generated annual reports: one folder per year, 2019 to 2021,
each holding paper.md and the figures.yaml it draws every number from.

The board and its figures are illustrative, made up for this example (not any council's data);
the point is an archive whose years share one template and differ only in their data, as a real
run of annual reports does. Run from anywhere: python3 examples/archive/sources/generate-years.py
"""
import pathlib

ARCHIVE = pathlib.Path(__file__).resolve().parent.parent

# Figures at 31 March of each year (illustrative).
FIGURES = {
    "cpp": ("Children with a Child Protection Plan", "count", {2016: 1049, 2017: 1185, 2018: 1242, 2019: 1301, 2020: 1268, 2021: 1190}),
    "cin": ("Children with a Children in Need plan", "count", {2016: 2091, 2017: 2023, 2018: 2110, 2019: 2187, 2020: 2240, 2021: 2205}),
    "cic": ("Children in Care", "count", {2016: 2320, 2017: 1893, 2018: 1920, 2019: 1958, 2020: 1991, 2021: 2012}),
    "reviews": ("Case reviews completed in the year", "count", {2016: 3, 2017: 2, 2018: 4, 2019: 3, 2020: 5, 2021: 4}),
    "training": ("Staff completing multi-agency training", "count", {2016: 2880, 2017: 3015, 2018: 3140, 2019: 3302, 2020: 2410, 2021: 3560}),
    "timely": ("Initial conferences held within 15 working days", "percent", {2016: 81.5, 2017: 84.0, 2018: 86.2, 2019: 88.9, 2020: 85.1, 2021: 90.3}),
}

TEMPLATE = """---
layout: annual-report
organisation: Example Safeguarding Children Partnership
subject: Annual Report {previous}/{short}
period: April {previous} to March {year}
date: {year}-10-{day}
by:
  - name: Jo Example
    role: Independent Scrutineer, Example Safeguarding Children Partnership
to: County Council
summary: >-
  The Partnership's figures for {previous}/{short}, every one drawn from its data file. (An
  illustrative report in Quire's example archive: the board and its figures are made up.)
data: [figures.yaml]
contact:
  - name: Sam Example
    role: Partnership Business Manager
    phone: "01234 567890"
    email: sam.example@example.org
---

# Introduction

This report presents the work of the Example Safeguarding Children Partnership from April
{previous} to March {year}. Every figure in it is drawn from the Partnership's data file when the
report is rendered, so the text, the table and the chart cannot disagree.

# How safe are children here?

## Child protection

At 31 March {year} the number of children with a Child Protection Plan was {{{{ cpp[{year}] }}}},
{{{{ change cpp {previous} {year} }}}} on the year before. There were {{{{ cin[{year}] }}}} children with
Children in Need plans, {{{{ change cin {previous} {year} }}}}.

```chart
type: bar
indicators: [cpp]
periods: [{periods}]
caption: Children with a Child Protection Plan at 31 March, {first} to {year}
```

Of initial child protection conferences, {{{{ timely[{year}] }}}} were held within 15 working days,
{{{{ change timely {previous} {year} }}}}.

## Children in care

There were {{{{ cic[{year}] }}}} Children in Care at year end, {{{{ change cic {previous} {year} }}}}.

# Learning and training

The Partnership completed {{{{ reviews[{year}] }}}} case reviews during the year, and
{{{{ training[{year}] }}}} staff from partner agencies completed multi-agency training,
{{{{ change training {previous} {year} }}}}.

# The years in figures

```table
indicators: [cpp, cin, cic, timely, reviews, training]
periods: [{periods}]
caption: Partnership indicators at 31 March, {first} to {year}
```

# Conclusions

The Partnership will keep these indicators under review each quarter and report to the
Council again next year.
"""


def figures_yaml() -> str:
    lines = ["# Illustrative figures for Quire's example archive (not real data). Year ending 31 March.", "indicators:"]
    for key, (label, unit, values) in FIGURES.items():
        pairs = ", ".join(f'"{year}": {value}' for year, value in values.items())
        lines += [f"  {key}:", f"    label: {label}", f"    unit: {unit}", f"    values: {{{pairs}}}"]
    return "\n".join(lines) + "\n"


for year in (2019, 2020, 2021):
    folder = ARCHIVE / str(year) / "partnership-annual-report"
    folder.mkdir(parents=True, exist_ok=True)
    periods = ", ".join(f'"{y}"' for y in range(year - 3, year + 1))
    (folder / "paper.md").write_text(TEMPLATE.format(year=year, previous=year - 1, short=str(year)[2:], day=10 + year % 10,
                                                     periods=periods, first=year - 3))
    (folder / "figures.yaml").write_text(figures_yaml())
    print(folder.relative_to(ARCHIVE.parent.parent))
