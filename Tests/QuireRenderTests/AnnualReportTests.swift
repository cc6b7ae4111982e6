import Foundation
import QuireKit
import QuireLayout
import QuireModel
import QuirePages
import QuireSource
import QuireTestSupport
import Testing

/// The data-driven annual report: cover, contents, charts and tables from its data files.
@Suite("Annual report")
struct AnnualReportTests {
    let name = "kscb-annual-report"

    /// `pdftotext -layout` of each page.
    func pageTexts(_ pdf: String) throws -> [String] {
        let count = Int(try pdfInfo(pdf)["Pages"] ?? "0") ?? 0
        return try (1...count).map { try run("pdftotext", ["-layout", "-f", String($0), "-l", String($0), pdf, "-"]).out }
    }

    @Test("the contents page numbers match the pages where the sections land")
    func contents() throws {
        let pages = try pageTexts(try renderExample(name))
        let contents = try #require(pages.firstIndex { $0.contains("Contents") && !$0.contains("Annual Report 2016/17") })
        let entries = pages[contents].split(separator: "\n").compactMap { line -> (String, Int)? in
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 3, parts[0].hasSuffix("."), Int(parts[0].dropLast()) != nil, let page = Int(parts.last!) else { return nil }
            return (parts.dropLast().joined(separator: " "), page)
        }
        #expect(entries.count >= 5, "\(pages[contents])")
        // Cover and contents are numbered i, ii; the body's first page is page 1.
        #expect(pages[contents].contains("ii"))
        for (title, page) in entries {
            let body = pages[contents + page]
            let lines = body.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
            #expect(lines.contains(title), "'\(title)' should start on page \(page)")
            #expect(lines.last { !$0.isEmpty && $0 != "\u{0C}" } == String(page), "the footer of page \(page) prints its number")
        }
    }

    @Test("the cover shows the organisation, title and period, with the logo drawn as vectors")
    func cover() throws {
        let pdf = try renderExample(name)
        let cover = try pageTexts(pdf)[0]
        for text in ["Kent Safeguarding Children Board", "Annual Report 2016/17", "April 2016 to March 2017"] {
            #expect(cover.contains(text), "\(text)")
        }
        // The SVG emblem is paths, not a bitmap: the cover holds no raster image.
        let images = try run("pdfimages", ["-f", "1", "-l", "1", "-list", pdf]).out.split(separator: "\n")
        #expect(images.count == 2, "\(images)")
        let result = try typesetter.layout(file: examplePath(name))
        #expect(result.layout.document.pages[0].frame.items.contains { if case .image(let path, _) = $0.item { path.hasSuffix(".svg") } else { false } })
    }

    @Test("the table of indicators spans two pages and repeats its header row on each")
    func multiPageTable() throws {
        let pages = try pageTexts(try renderExample(name))
        let header = "Indicator 2012 2013 2015 2016 2017"
        let withRows = pages.indices.filter { index in
            pages[index].split(separator: "\n").contains { $0.contains("–") && $0.contains("│") == false && $0.split(separator: " ").count > 4 }
        }
        #expect(withRows.count >= 2, "table rows on pages \(withRows)")
        for index in withRows {
            let lines = pages[index].split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
            #expect(lines.contains(header), "page \(index + 1) lacks the header row")
        }
    }

    @Test("every figure in the data files reaches the PDF, written as the data has it")
    func figuresTraceToData() throws {
        let text = try pageTexts(try renderExample(name)).joined(separator: "\n")
        let folder = repositoryRoot.appendingPathComponent("examples/\(name)")
        for file in ["figures.yaml", "workforce.csv"] {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for indicator in try parseDataFile(source, file: file) {
                for (period, value) in indicator.values {
                    let shown = formatFigure(value.number, decimals: value.decimals, unit: indicator.unit)
                    #expect(text.contains(shown), "\(indicator.id)[\(period)] = \(shown)")
                }
            }
        }
    }

    @Test("the report's prose types no figure by hand: each comes from {{ … }}")
    func noHandTypedFigures() throws {
        let source = try String(contentsOfFile: examplePath(name), encoding: .utf8)
        let body = source.components(separatedBy: "\n---\n").dropFirst().joined()
        let prose = body.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
            .replacingOccurrences(of: #"\{\{[^}]*\}\}"#, with: "", options: .regularExpression)
        // Years, year ranges (2016/17, 2017-2020) and dates are not figures.
        let stripped = prose.replacingOccurrences(of: #"\b(19|20)\d\d([-/]\d\d(\d\d)?)?\b"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)\b"#, with: "", options: .regularExpression)
        #expect(stripped.range(of: #"\d"#, options: .regularExpression) == nil, "a number typed by hand")
    }

    @Test("the running header names the section in force on each page")
    func runningHeader() throws {
        let pages = try pageTexts(try renderExample(name))
        let firstLines = pages.map { $0.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
        #expect(firstLines[1] == "Contents")
        #expect(firstLines[2] == "1. Introduction")
        #expect(firstLines.dropFirst(2).allSatisfy { $0.range(of: #"^\d\. "#, options: .regularExpression) != nil })
    }

    @Test("bad data gets a message naming the data file and line")
    func badData() throws {
        let folder = try scratchDirectory()
        let source = repositoryRoot.appendingPathComponent("examples/\(name)")
        for file in ["paper.md", "workforce.csv"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
        let figures = try String(contentsOf: source.appendingPathComponent("figures.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "\"2017\": 1185", with: "\"2017\": 118S")
        try figures.write(to: folder.appendingPathComponent("figures.yaml"), atomically: true, encoding: .utf8)
        #expect {
            _ = try typesetter.layout(file: folder.appendingPathComponent("paper.md").path)
        } throws: { error in
            guard let error = error as? QuireError else { return false }
            return error.location?.file.hasSuffix("figures.yaml") == true && error.location?.line == 7 && error.field == "cpp.values.2017"
        }
    }
}
