import CCairo
import Foundation
import QuireKit
import QuireLayout
import QuireModel
import QuirePages
import QuireTestSupport
import Testing

@Suite("Images")
struct ImageTests {
    /// A paper folder holding a small PNG drawn with cairo, and a source using `body`.
    func paperFolder(body: String) throws -> URL {
        let folder = try scratchDirectory()
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 120, 60)
        let cr = cairo_create(surface)
        cairo_set_source_rgb(cr, 0.1, 0.3, 0.6)
        cairo_paint(cr)
        cairo_surface_write_to_png(surface, folder.appendingPathComponent("chart.png").path)
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
        let source = try String(contentsOfFile: examplePath("kscb-2016-17"), encoding: .utf8)
        let frontMatter = source.components(separatedBy: "\n---\n")[0] + "\n---\n"
        try (frontMatter + body).write(to: folder.appendingPathComponent("paper.md"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("an image beside the paper is placed at its size with its caption, and embedded in the PDF")
    func placed() throws {
        let folder = try paperFolder(body: "# Figures\n\n![Children with a plan, 2012 to 2017](chart.png)\n")
        let result = try typesetter.layout(file: folder.appendingPathComponent("paper.md").path)
        let items = result.layout.document.pages.flatMap(\.frame.items)
        let image = try #require(items.first { if case .image = $0.item { true } else { false } })
        guard case .image(let path, let size) = image.item else { return }
        #expect(path.hasSuffix("/chart.png"))
        #expect(size == Size(width: 90, height: 45))  // 120×60 px at 96 px per inch
        let pdf = folder.appendingPathComponent("paper.pdf").path
        try typesetter.writePDF(result.layout.document, to: pdf)
        let list = try run("pdfimages", ["-list", pdf]).out
        #expect(list.split(separator: "\n").count == 3, "\(list)")  // two header lines, one image
        #expect(try run("pdftotext", [pdf, "-"]).out.contains("Children with a plan, 2012 to 2017"))
    }

    @Test("image paths may not leave the paper's folder", arguments: ["../../etc/passwd", "/etc/passwd", "https://example.org/x.png"])
    func refused(path: String) throws {
        let folder = try paperFolder(body: "# Figures\n\n![x](\(path))\n")
        #expect {
            _ = try typesetter.layout(file: folder.appendingPathComponent("paper.md").path)
        } throws: { error in
            guard let error = error as? QuireError else { return false }
            return error.field == "image" && error.location?.line != nil
        }
    }
}
