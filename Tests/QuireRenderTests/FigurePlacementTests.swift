import CCairo
import Foundation
import QuireKit
import QuireLayout
import QuireModel
import QuirePages
import QuireSource
import QuireTestSupport
import Testing

/// Figures (PNG, JPEG, SVG) render wherever the layout puts them: first on page 1, first on
/// a later page, last on a page, alone on a page, in a list item, in a quote. A figure first
/// on a page once failed the whole render ("invalid tag name, attributes, or nesting"):
/// cairo 1.16 dropped the page's structure tags at an unclipped paint on a blank page.
@Suite struct FigurePlacementTests {
    /// A figure file and the pixel size the layout is told (as `resolveImages` reads it).
    struct Figure: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var pixels: (width: Int, height: Int)
        /// The encoding pdfimages reports for it; nil for vectors (no image in the PDF).
        var encoding: String?
        /// Where in it (fractions of its width and height) it is blue (30, 80, 160).
        var bluePoint: (x: Double, y: Double)
        var testDescription: String { name }
    }

    static let figures = [
        Figure(name: "PNG", file: "chart.png", pixels: (1200, 800), encoding: "image", bluePoint: (0.5, 0.5)),
        // A blue field with a red square on its left (Tests/Fixtures/images/make-jpegs.c).
        Figure(name: "JPEG", file: "photo-rgb.jpg", pixels: (160, 80), encoding: "jpeg", bluePoint: (0.8, 0.5)),
        // A blue bar on the left, a red one on the right.
        Figure(name: "SVG with a filter", file: "chart-filtered.svg", pixels: (400, 200), encoding: nil, bluePoint: (0.2, 0.5)),
    ]

    /// Where in the paper the figure goes; `padding` paragraphs come before it.
    enum Position: String, CaseIterable, Sendable {
        case firstOnPageOne, firstOnALaterPage, lastOnAPage, aloneOnAPage, inAListItem, inAQuote

        func body(_ image: String, padding: Int) -> String {
            let before = (0..<padding).map { "Paragraph \($0 + 1) of the report, one line long.\n\n" }.joined()
            switch self {
            case .firstOnPageOne: return "![Figure 1: children with a plan](\(image))\n\n# Introduction\n\nThe text after it.\n"
            case .firstOnALaterPage: return "# Introduction\n\n\(before)![Figure 1: children with a plan](\(image))\n\nThe text after it.\n"
            case .lastOnAPage: return "# Introduction\n\n\(before)![](\(image))\n\nThe text after it.\n\nAnd more text.\n"
            // The body's own closing section, so none is added after the figure: it ends the paper.
            case .aloneOnAPage: return "# Introduction\n\n\(before)# Background Documents\n\nNone.\n\n![](\(image))\n"
            case .inAListItem: return "# Introduction\n\n\(before)- The figure:\n\n  ![Figure 1: children with a plan](\(image))\n\n- The next item.\n"
            case .inAQuote: return "# Introduction\n\n\(before)> ![Figure 1: children with a plan](\(image))\n\nThe text after it.\n"
            }
        }

        /// Whether the figure sits where this position says, on page `index` (0-based).
        func holds(_ pages: [[String]], at index: Int) -> Bool {
            let page = pages[index]
            switch self {
            case .firstOnPageOne: return index == 0 && page.first == "image"
            case .firstOnALaterPage, .inAListItem, .inAQuote: return index > 0 && page.first == "image"
            case .lastOnAPage: return page.last == "image" && page.count > 1 && index + 1 < pages.count
            case .aloneOnAPage: return page == ["image"]
            }
        }
    }

    static let folder: URL = {
        let folder = try! scratchDirectory()
        // A PNG big enough to be scaled to the column: it never fits in a page's last lines.
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1200, 800)
        let cr = cairo_create(surface)
        cairo_set_source_rgb(cr, 30 / 255, 80 / 255, 160 / 255)
        cairo_paint(cr)
        cairo_surface_write_to_png(surface, folder.appendingPathComponent("chart.png").path)
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
        for name in ["photo-rgb.jpg", "chart-filtered.svg"] {
            try! FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Tests/Fixtures/images/\(name)"),
                                              to: folder.appendingPathComponent(name))
        }
        return folder
    }()

    /// The committee-paper style without its header block, so the body starts page 1.
    static let theme: Theme = {
        var theme = try! typesetter.resources.theme(named: "committee-paper", requestedAt: nil)
        theme.headerBlock.rows = []
        theme.headerBlock.ruleBelow = false
        return theme
    }()

    static let frontMatter = "---\nsubject: Figures\nclassification: Unrestricted\ndate: 2017-10-19\n---\n\n"

    func laidOut(_ figure: Figure, _ position: Position, padding: Int) throws -> PagedDocument {
        let source = Self.frontMatter + position.body(figure.file, padding: padding)
        let paper = try parsePaper(data: Data(source.utf8), file: Self.folder.appendingPathComponent("paper.md").path)
        let path = Self.folder.appendingPathComponent(figure.file).path
        let images = [figure.file: ImageInfo(path: path, pixelWidth: figure.pixels.width, pixelHeight: figure.pixels.height)]
        return layoutPaper(paper, theme: Self.theme, shaper: typesetter.shaper, images: images).document
    }

    /// Each page's content items in order ("image", "text", "rule"), furniture left out.
    func contents(_ document: PagedDocument) -> [[String]] {
        document.pages.map { page in
            var artifactDepth = 0, depth = 0
            var out: [String] = []
            for item in page.frame.items {
                switch item.item {
                case .beginTag(let tag):
                    depth += 1
                    if tag.role == .artifact, artifactDepth == 0 { artifactDepth = depth }
                case .endTag:
                    if depth == artifactDepth { artifactDepth = 0 }
                    depth -= 1
                case .image where artifactDepth == 0: out.append("image")
                case .glyphs where artifactDepth == 0: out.append("text")
                case .line where artifactDepth == 0, .rect where artifactDepth == 0: out.append("rule")
                default: break
                }
            }
            return out
        }
    }

    /// The padding that puts the figure where `position` says, and the page it lands on.
    func place(_ figure: Figure, _ position: Position) throws -> (document: PagedDocument, page: Int) {
        var tried: [[String]] = []
        for padding in position == .firstOnPageOne ? [0] : Array(0...60) {
            let document = try laidOut(figure, position, padding: padding)
            let pages = contents(document)
            tried = pages
            if let page = pages.indices.first(where: { pages[$0].contains("image") }), position.holds(pages, at: page) {
                return (document, page)
            }
        }
        throw PlacementNotFound(position: position.rawValue, lastTried: tried)
    }

    struct PlacementNotFound: Error {
        var position: String
        var lastTried: [[String]]
    }

    @Test(arguments: figures, Position.allCases)
    func rendersWhereverItLands(_ figure: Figure, _ position: Position) throws {
        let (document, page) = try place(figure, position)
        let pdf = try scratchDirectory().appendingPathComponent("figure.pdf").path
        try typesetter.writePDF(document, to: pdf)
        #expect(try run("qpdf", ["--check", pdf]).status == 0)
        if let encoding = figure.encoding {
            // pdfimages: two header lines, then one line per image: page, number, type, size, …, encoding.
            let rows = try run("pdfimages", ["-list", pdf]).out.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ") }
            #expect(rows.count == 1, "\(rows)")
            #expect(rows.first?[0] == "\(page + 1)"[...])
            #expect(rows.first?[3] == "\(figure.pixels.width)"[...])
            #expect(rows.first?[8] == encoding[...], "\(rows)")
        }
        // The figure is an element of the structure tree holding the drawing, with its text alternative.
        let reading = try PDFReading(pdf)
        let figures = reading.tree.filter { $0.role == "Figure" }
        #expect(figures.count == 1)
        #expect(figures.first.map { $0.mcids >= 1 } == true)
        #expect(figures.first?.alt?.isEmpty == false)
    }

    /// The PNG preview of the page draws the figure's own pixels: the JPEG decoded with its
    /// colours, the PNG as it is, the SVG's bars.
    @Test(arguments: figures)
    func previewsDrawTheFigure(_ figure: Figure) throws {
        let (document, page) = try place(figure, .firstOnPageOne)
        var single = document
        single.pages = [document.pages[page]]
        let folder = try scratchDirectory()
        try typesetter.writePNGs(single, directory: folder.path, dpi: 72)
        let image = try #require(document.pages[page].frame.items.first { if case .image = $0.item { true } else { false } })
        guard case .image(_, let size) = image.item else { return }
        let x = Int(image.point.x + size.width * figure.bluePoint.x), y = Int(image.point.y + size.height * figure.bluePoint.y)
        let surface = cairo_image_surface_create_from_png(folder.appendingPathComponent("page-1.png").path)
        defer { cairo_surface_destroy(surface) }
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let pixel = cairo_image_surface_get_data(surface)!.advanced(by: y * stride + x * 4).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
        let (red, green, blue) = (Int(pixel >> 16 & 0xFF), Int(pixel >> 8 & 0xFF), Int(pixel & 0xFF))
        #expect(abs(red - 30) < 12 && abs(green - 80) < 12 && abs(blue - 160) < 12, "\(figure.name): (\(red), \(green), \(blue)) at \(x), \(y)")
    }
}
