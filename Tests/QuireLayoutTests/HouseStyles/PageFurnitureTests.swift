@testable import QuireLayout
import QuireModel
import QuirePages
import Testing

/// The protective marking at the top and foot of every page, and the logo with the
/// council's name, drawn when pages are finished.
@Suite("Marking and logo")
struct PageFurnitureTests {
    let long = "# A\n\n" + (1...12).map { "Paragraph \($0) " + String(repeating: "text ", count: 30) }.joined(separator: "\n\n")

    @Test("the marking comes from the classification, in capitals, top and foot of every page, as furniture")
    func markingFromClassification() throws {
        let t = try theme("marking:\n  enabled: true\n  distance: 10pt\n", lines: 12)
        let p = try paper(long, frontMatter: "subject: S\nclassification: Official-Sensitive\n")
        let document = layout(p, t).document
        #expect(document.pages.count > 1)
        for page in document.pages {
            let marks = runs(page).filter { $0.text == "OFFICIAL-SENSITIVE" }
            #expect(marks.count == 2)
            #expect(marks.map(\.y).min() == 10 && marks.map(\.y).max() == t.page.size.height - 10)
            // Centred on the column.
            let width = Double(marks[0].text.count) * t.marking.size / 2
            #expect(abs(marks[0].x - (t.page.marginLeft + (t.contentWidth - width) / 2)) < 0.01)
        }
        // Artifacts: never read as the paper's text.
        #expect(textRoles(document).filter { $0.text == "OFFICIAL-SENSITIVE" }.allSatisfy { $0.role == .artifact })
    }

    @Test("its own protective-marking field, the layout's default and form, footer only, and {marking} in running text")
    func markingOwnField() throws {
        let t = try theme("marking:\n  enabled: true\n  from: protective-marking\n  default: OFFICIAL\n  form: \"Marking: {marking}\"\n  case: as-written\n  header: false\nheader:\n  text: \"{marking}\"\n")
        let given = layout(try paper("Body.\n", frontMatter: "subject: S\nprotective-marking: OFFICIAL-SENSITIVE\nclassification: Unrestricted\n"), t).document
        let page = runs(given.pages[0])
        #expect(page.filter { $0.text == "Marking: OFFICIAL-SENSITIVE" }.count == 2)  // footer marking + header text
        #expect(page.first { $0.text == "Marking: OFFICIAL-SENSITIVE" && $0.y > t.page.size.height / 2 } != nil)
        let fallback = layout(try paper("Body.\n", frontMatter: "subject: S\n"), t).document
        #expect(runs(fallback.pages[0]).contains { $0.text == "Marking: OFFICIAL" })
        // No marking anywhere when the layout does not enable one.
        let plain = layout(try paper("Body.\n", frontMatter: "subject: S\nclassification: OFFICIAL\n"), testTheme(lines: 20)).document
        #expect(!runs(plain.pages[0]).contains { $0.text == "OFFICIAL" })
    }

    let logo = ["crest.svg": ImageInfo(path: "/layouts/crest.svg", pixelWidth: 100, pixelHeight: 50)]

    @Test("a first-page logo top right, a figure with the layout's alt text, the name beside it; room made below it")
    func firstPageLogo() throws {
        let t = try theme("logo:\n  file: crest.svg\n  width: 60pt\n  top: 4pt\n  place: top-right\n  name: Northmoor City Council\n  alt: Northmoor City Council crest\n", lines: 12)
        let p = try paper(long, frontMatter: "subject: S\n")
        let document = layoutPaper(p, theme: t, shaper: FixedPitchShaper(), images: logo).document
        let images = document.pages.map { page in page.frame.items.filter { if case .image = $0.item { true } else { false } } }
        #expect(images[0].count == 1 && images.dropFirst().allSatisfy(\.isEmpty))
        let image = try #require(images[0].first)
        #expect(image.point == Point(x: t.page.size.width - t.page.marginRight - 60, y: 4))
        let figure = try #require(elements(document).first { $0.tag.role == .figure })
        #expect(figure.tag.alt == "Northmoor City Council crest")
        // The name beside the logo, ending where the logo starts (less a gap), a paragraph.
        let name = try #require(runs(document.pages[0]).first { $0.text == "Northmoor City Council" })
        #expect(abs(name.x + Double(name.text.count) * 6 - (image.point.x - 8)) < 0.01)
        #expect(elements(document).contains { $0.tag.role == .paragraph && $0.text == "Northmoor City Council" })
        // The logo is 30pt tall from 4pt: the body on page 1 starts below it.
        let firstBody = try #require(runs(document.pages[0]).filter { $0.text.hasPrefix("1.") }.first)
        #expect(firstBody.y > 34)
    }

    @Test("an every-page logo top left: a figure on page 1, furniture after")
    func everyPageLogo() throws {
        let t = try theme("logo:\n  file: crest.svg\n  width: 30pt\n  place: top-left\n  pages: every\n  top: 2pt\n  name: Vale and Fell\n  name-position: under\n", lines: 12)
        let document = layoutPaper(try paper(long, frontMatter: "subject: S\n"), theme: t, shaper: FixedPitchShaper(), images: logo).document
        for (index, page) in document.pages.enumerated() {
            let image = try #require(page.frame.items.first { if case .image = $0.item { true } else { false } })
            #expect(image.point == Point(x: t.page.marginLeft, y: 2))
            let name = try #require(runs(page).first { $0.text == "Vale and Fell" })
            #expect(name.x == t.page.marginLeft && name.y > 2 + 15)
            _ = index
        }
        let figures = elements(document).filter { $0.tag.role == .figure }
        #expect(figures.count == 1)
        #expect(figures[0].tag.alt == "Vale and Fell logo")  // no alt given: the name's
    }
}
