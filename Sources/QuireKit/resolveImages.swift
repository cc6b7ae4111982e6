import Foundation
import QuireLayout
import QuireModel
import QuirePangoCairo

/// Finds each image a paper (and its layout's cover) uses, beside the paper or in assets/,
/// and the layout's logo beside the layout (the file that set `logo.file`) or in assets/, and
/// reads its size: PNG from its header, SVG through librsvg.
func resolveImages(_ paper: Paper, theme: Theme, paperDirectory: URL, assets: URL) throws(QuireError) -> [String: ImageInfo] {
    var out: [String: ImageInfo] = [:]
    var wanted = imagePaths(paper.body).map { (path: $0.0, location: SourceLocation(file: paper.file, line: $0.1), folders: [paperDirectory, assets]) }
    if theme.cover.enabled, !theme.cover.logo.isEmpty {
        wanted.append((theme.cover.logo, theme.location(ofKey: "cover.logo"), [paperDirectory, assets]))
    }
    if !theme.logo.file.isEmpty {
        let location = theme.location(ofKey: "logo.file")
        wanted.append((theme.logo.file, location, [URL(fileURLWithPath: location.file).deletingLastPathComponent(), assets]))
    }
    for (path, location, folders) in wanted where out[path] == nil {
        let url = try findLocalFile(path, in: folders, location: location, field: "image", what: "image")
        out[path] = try measure(url, path: path, location: location)
    }
    return out
}

private func measure(_ url: URL, path: String, location: SourceLocation) throws(QuireError) -> ImageInfo {
    if url.pathExtension.lowercased() == "svg" {
        guard let size = SVGImage.size(of: url.path) else {
            throw QuireError(.invalidValue, at: location, field: "image", "image '\(path)' is not a readable SVG file",
                             hint: "give the SVG a width and height or a viewBox")
        }
        return ImageInfo(path: url.path, pixelWidth: Int(size.width.rounded()), pixelHeight: Int(size.height.rounded()))
    }
    guard let data = FileManager.default.contents(atPath: url.path), data.count > 24,
          data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
        throw QuireError(.invalidValue, at: location, field: "image", "image '\(path)' is not a PNG or SVG file", hint: "convert it to PNG or SVG")
    }
    let bytes = [UInt8](data.prefix(24))
    let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
    return ImageInfo(path: url.path, pixelWidth: width, pixelHeight: height)
}

private func imagePaths(_ blocks: [Block]) -> [(String, Int)] {
    blocks.flatMap { block -> [(String, Int)] in
        switch block {
        case .image(let path, _, let line): [(path, line)]
        case .list(_, let items, _): items.flatMap(imagePaths)
        case .quote(let inner, _): imagePaths(inner)
        default: []
        }
    }
}
