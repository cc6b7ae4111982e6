"""Makes the example pack's two existing-PDF documents with ReportLab (not with Quire), as a
council's other systems would: the minutes of the last meeting and an appendix.
Run: python3 sources/make-pdf-appendices.py   (pip install reportlab). The PDFs are committed;
this script says how they were made. invariant=1 keeps the bytes the same on every run."""
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

here = Path(__file__).resolve().parent.parent
styles = getSampleStyleSheet()


def build(name, title, story):
    document = SimpleDocTemplate(str(here / name), pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                                 topMargin=25 * mm, bottomMargin=25 * mm, title=title, author="Democratic Services",
                                 invariant=1)
    document.build(story)


minutes = [Paragraph("KENT COUNTY COUNCIL", styles["Title"]),
           Paragraph("MINUTES of a meeting of the Kent County Council held in the Council Chamber, Sessions House, "
                     "County Hall, Maidstone on Thursday, 20 July 2017.", styles["Normal"]), Spacer(1, 8)]
for number, (heading, text) in enumerate([
    ("Apologies for absence", "The General Counsel reported apologies from eleven Members of the Council."),
    ("Declarations of interest", "No Member declared an interest in any item on the agenda."),
    ("Minutes of the meeting held on 18 May 2017", "RESOLVED that the minutes of the meeting held on 18 May 2017 "
     "are correctly recorded and that they be signed by the Chairman."),
    ("Chairman's announcements", "The Chairman welcomed the new Members of the Council and thanked the officers "
     "who had organised the induction programme over the summer recess."),
    ("Questions", "In accordance with Procedure Rules, eight questions had been submitted by Members; the answers "
     "given are recorded in the appendix to these minutes, which is available from Democratic Services."),
] * 4, start=1):
    minutes += [Paragraph(f"{number}. {heading}", styles["Heading3"]), Paragraph(text, styles["Normal"])]
build("minutes-2017-07-20.pdf", "Minutes of the meeting held on 20 July 2017", minutes)

rows = [["Priority", "Lead", "Due"],
        ["Embed the neglect strategy in every district", "Neglect Sub Group", "March 2018"],
        ["Audit of child sexual exploitation referrals", "CSE Sub Group", "December 2017"],
        ["Multi-agency training offer refreshed", "Learning and Development", "January 2018"],
        ["Annual report consultation with young people", "Business Group", "June 2018"]]
table = Table(rows, colWidths=[85 * mm, 45 * mm, 30 * mm])
table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "#777777"), ("BACKGROUND", (0, 0), (-1, 0), "#DDDDDD"),
                           ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))
appendix = [Paragraph("Appendix A: KSCB Business Plan 2017/18 (summary)", styles["Title"]),
            Paragraph("The Board agreed its business plan for 2017/18 in April 2017. The plan sets four priorities "
                      "drawn from the annual report's findings, each with a lead and a date by which the Board "
                      "expects to see the work completed.", styles["Normal"]), Spacer(1, 10), table, Spacer(1, 10),
            Paragraph("Progress against the plan is reported to the Board at each of its quarterly meetings and "
                      "summarised in the next annual report.", styles["Normal"])]
build("appendix-a-business-plan.pdf", "Appendix A: KSCB Business Plan 2017/18 (summary)", appendix)
