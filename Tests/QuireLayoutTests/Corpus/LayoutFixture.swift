import Foundation
import QuireLayout
import QuireModel
import QuireSource

/// One fixture of the layout corpus: a small paper in `Tests/Fixtures/layout/<area>/<rule>.md`
/// that shows one layout rule, and its reference page-tree dump beside it (`<rule>.txt`).
/// The front matter opens with `# rule: …` saying what the fixture shows, and names its test
/// layout (`testLayouts`) in `layout:`.
struct LayoutFixture: CustomStringConvertible {
    /// The fixture's path under the corpus folder, without `.md` ("orphans/one-line-moves").
    let name: String
    let rule: String
    let layoutName: String
    let paper: Paper
    let theme: Theme
    let images: [String: ImageInfo]

    var description: String { name }

    /// The corpus folder, `Tests/Fixtures/layout`.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/layout")

    /// Every fixture's name, sorted.
    static let names: [String] = {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { $0.pathExtension == "md" }
            .map { String($0.deletingPathExtension().path.dropFirst(folder.path.count + 1)) }
            .sorted()
    }()

    var source: URL { Self.folder.appendingPathComponent(name + ".md") }
    var reference: URL { Self.folder.appendingPathComponent(name + ".txt") }

    /// Reads and prepares a fixture as a render would: parse, resolve figures from the data
    /// files beside it, measure its PNG images (the layout does no file I/O).
    init(_ name: String) throws {
        self.name = name
        let url = Self.folder.appendingPathComponent(name + ".md")
        let data = try Data(contentsOf: url)
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 1, lines[0] == "---", lines[1].hasPrefix("# rule: ") else {
            throw FixtureError("\(name).md: the front matter must open with a '# rule: …' comment saying what the fixture shows")
        }
        // The rule may run on over further comment lines.
        var rule = String(lines[1].dropFirst("# rule: ".count))
        for line in lines.dropFirst(2) {
            guard line.hasPrefix("#   ") else { break }
            rule += " " + line.dropFirst(4)
        }
        self.rule = rule
        let directory = url.deletingLastPathComponent()
        let source = try parseSource(data: data, file: name + ".md")
        var dataSet = DataSet()
        for file in source.frontMatter.data {
            let contents = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for indicator in try parseDataFile(contents, file: file) { try dataSet.add(indicator) }
        }
        paper = try source.paper(figures: FigureData(data: dataSet))
        layoutName = paper.frontMatter.layout ?? ""
        guard let theme = testLayouts[layoutName] else {
            throw FixtureError("\(name).md: 'layout: \(layoutName)' is not a test layout; use one of \(testLayouts.keys.sorted().joined(separator: ", "))")
        }
        self.theme = theme
        var images: [String: ImageInfo] = [:]
        for path in imagePaths(paper.body) {
            // The path as written, so the dump does not depend on where the checkout is.
            images[path] = try pngInfo(directory.appendingPathComponent(path), path: path)
        }
        self.images = images
    }
}

/// A fixture that cannot be read as one.
struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A PNG's pixel size from its header (IHDR: width and height at bytes 16 to 24).
private func pngInfo(_ url: URL, path: String) throws -> ImageInfo {
    let bytes = [UInt8](try Data(contentsOf: url).prefix(24))
    guard bytes.count == 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { throw FixtureError("\(path) is not a PNG file") }
    let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
    return ImageInfo(path: path, pixelWidth: width, pixelHeight: height)
}

/// The images a body shows, top level and inside lists and quotes.
private func imagePaths(_ blocks: [Block]) -> [String] {
    blocks.flatMap { block -> [String] in
        switch block {
        case .image(let path, _, _): [path]
        case .list(_, let items, _): items.flatMap(imagePaths)
        case .quote(let inner, _): imagePaths(inner)
        default: []
        }
    }
}
