# Writes drawn-paper.pdf: a two-page paper drawn with reportlab's canvas (not a word
# processor), to test what the PDF reader takes from the page's drawing and fonts:
# - a label/value grid drawn values first, labels after (reading order from geometry);
# - a bold 16 pt title; a paragraph with a bold run-in lead, an italic and a bold word;
# - a shaded Summary panel and an outlined Recommendation panel (boxed paragraphs);
# - a ruled table drawn inside a form XObject at half scale (the CTM doubled back), its
#   heading row shaded and bold, a merged cell where a rule is missing, an empty cell;
# - a table whose borders are thin filled rectangles, as word processors draw them;
# - "Page N of 2" and OFFICIAL in the footer, a running header.
# Usage: python3 make-drawn-paper.py drawn-paper.pdf
import sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

W, H = A4
c = canvas.Canvas(sys.argv[1], pagesize=A4, invariant=1)


def furniture(page):
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica", 9)
    c.drawString(72, H - 40, "Parks Committee – 4 June 2025")
    c.drawCentredString(W / 2, 40, "OFFICIAL")
    c.drawRightString(W - 72, 28, f"Page {page} of 2")


def text(x, y, words, size=11):
    """Draws (font, text) runs one after another on a baseline."""
    for font, run in words:
        c.setFont(font, size)
        c.drawString(x, y, run)
        x += c.stringWidth(run, font, size)


furniture(1)
c.setFont("Helvetica-Bold", 16)
c.drawString(72, H - 80, "Tree planting programme")
rows = [("Report to:", "Parks Committee"), ("Date:", "4 June 2025"), ("Report of:", "Director of Green Spaces"), ("Ward(s):", "All")]
# Values first, labels after: the PDF's order is not the reading order.
for index, (_, value) in enumerate(rows):
    c.setFont("Helvetica", 11)
    c.drawString(200, H - 110 - 18 * index, value)
for index, (label, _) in enumerate(rows):
    c.setFont("Helvetica-Bold", 11)
    c.drawString(72, H - 110 - 18 * index, label)

y = H - 210
text(72, y, [("Helvetica-Bold", "Background: "), ("Helvetica", "The council plants trees each winter in every ward of the district, and")])
text(72, y - 14, [("Helvetica", "the programme is "), ("Helvetica-Oblique", "reviewed"), ("Helvetica", " by the committee each year. Volunteers "), ("Helvetica-Bold", "must"), ("Helvetica", " be trained.")])

# A shaded Summary panel.
c.setFillColorRGB(0.9, 0.93, 0.97)
c.rect(66, H - 310, W - 132, 66, stroke=0, fill=1)
c.setFillColorRGB(0, 0, 0)
c.setFont("Helvetica-Bold", 11)
c.drawString(72, H - 262, "Summary")
c.setFont("Helvetica", 11)
c.drawString(72, H - 280, "This report sets out the planting plan for the year and asks the committee")
c.drawString(72, H - 294, "to agree it.")

# An outlined Recommendation panel.
c.setLineWidth(0.75)
c.rect(66, H - 390, W - 132, 54, stroke=1, fill=0)
c.setFont("Helvetica-Bold", 11)
c.drawString(72, H - 352, "Recommendation")
c.setFont("Helvetica", 11)
c.drawString(72, H - 370, "That the committee approves the planting plan.")

c.drawString(72, H - 420, "The budget for each ward is shown below.")

# A ruled table inside a form XObject drawn at half scale: all coordinates doubled.
top, left = H - 440, 72
widths = [150, 90, 90, 90]
height = 18
grid = [["Ward", "Oaks", "Birches", "Rowans"], ["North", "120", "80", "40"], ["South", "", "65", "30"], ["Total (all wards)", "", "145", "70"]]
c.beginForm("table")
c.scale(0.5, 0.5)
c.setFillColorRGB(0.8, 0.8, 0.8)
c.rect(2 * left, 2 * (top - height), 2 * sum(widths), 2 * height, stroke=0, fill=1)
c.setFillColorRGB(0, 0, 0)
c.setLineWidth(1)
xs = [left]
for width in widths:
    xs.append(xs[-1] + width)
for row in range(len(grid) + 1):
    y = top - row * height
    c.line(2 * xs[0], 2 * y, 2 * xs[-1], 2 * y)
for index, x in enumerate(xs):
    for row in range(len(grid)):
        # No rule between the first two columns of the last row: "Total (all wards)" spans them.
        if row == 3 and index == 1:
            continue
        c.line(2 * x, 2 * (top - row * height), 2 * x, 2 * (top - (row + 1) * height))
for row, cells in enumerate(grid):
    for column, value in enumerate(cells):
        if not value:
            continue
        font = "Helvetica-Bold" if row == 0 else "Helvetica"
        c.setFont(font, 20)
        y = 2 * (top - (row + 1) * height + 5)
        if column == 0 or row == 0:
            c.drawString(2 * (xs[column] + 4), y, value)
        else:
            c.drawRightString(2 * (xs[column + 1] - 4), y, value)
c.endForm()
c.doForm("table")
c.showPage()

furniture(2)
c.setFont("Helvetica", 11)
c.drawString(72, H - 80, "Costs by year, with borders drawn as thin filled rectangles:")
top = H - 100
cells = [["Year", "Budget", "Spend"], ["2024/25", "1,200", "(300)"], ["2025/26", "1,350", ""]]
xs = [72, 200, 300, 400]
for row in range(len(cells) + 1):
    c.rect(xs[0], top - row * 20 - 0.25, xs[-1] - xs[0], 0.5, stroke=0, fill=1)
for x in xs:
    c.rect(x - 0.25, top - 20 * len(cells), 0.5, 20 * len(cells), stroke=0, fill=1)
for row, values in enumerate(cells):
    for column, value in enumerate(values):
        c.drawString(xs[column] + 4, top - (row + 1) * 20 + 6, value)
c.drawString(72, H - 200, "The figures in brackets are savings.")
c.save()
