import Foundation
import QuireLayout
import QuireModel
import QuirePangoCairo

/// Finds each image a paper (and its layout's cover) uses, beside the paper or in assets/,
/// and the layout's logo beside the layout (the file that set `logo.file`) or in assets/, and
/// reads its size (PNG, JPEG or SVG). Links may lead no further than those folders or `linkRoots`.
func resolveImages(_ paper: Paper, theme: Theme, paperDirectory: URL, assets: URL, linkRoots: [URL] = []) throws(QuireError) -> [String: ImageInfo] {
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
        let url = try findLocalFile(path, in: folders, linkRoots: linkRoots, location: location, field: "image", what: "image")
        out[path] = try measure(url, path: path, location: location)
    }
    return out
}

/// The most pixels an image may declare: decoding one takes 4 bytes a pixel, so its header
/// is checked before anything decodes it (a 390 KB PNG declaring 20000×20000 took 1.6 GiB).
/// 50 megapixels is a 300 dpi A3 page, more than any committee paper's figure needs.
public let maxImagePixels = 50_000_000

/// The image, if its pixels are within `maxImagePixels` (a PNG or JPEG: an SVG is drawn as vectors).
private func checkPixels(_ image: ImageInfo, path: String, location: SourceLocation) throws(QuireError) -> ImageInfo {
    let pixels = image.pixelWidth.multipliedReportingOverflow(by: image.pixelHeight)
    guard pixels.overflow || pixels.partialValue > maxImagePixels else { return image }
    throw QuireError(.limit, at: location, field: "image",
                     "image '\(path)' declares \(image.pixelWidth)×\(image.pixelHeight) pixels; an image may have at most \(maxImagePixels / 1_000_000) megapixels",
                     hint: "scale it down (300 dpi at its printed size is plenty) and save it again")
}

/// The image's size in pixels, read from the file itself (its first bytes say what it is,
/// whatever its name): PNG from its IHDR header, JPEG from its start-of-frame header, SVG
/// through librsvg.
private func measure(_ url: URL, path: String, location: SourceLocation) throws(QuireError) -> ImageInfo {
    guard let data = FileManager.default.contents(atPath: url.path) else {
        throw QuireError(.io, at: location, field: "image", "image '\(path)' cannot be read", hint: "check that the file is readable")
    }
    if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
        guard data.count > 24 else { throw unreadable(path, "PNG", location) }
        let bytes = [UInt8](data.prefix(24))
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        guard width > 0, height > 0 else { throw unreadable(path, "PNG", location) }
        return try checkPixels(ImageInfo(path: url.path, pixelWidth: width, pixelHeight: height), path: path, location: location)
    }
    if data.starts(with: [0xFF, 0xD8, 0xFF]) {
        guard let header = JPEGHeader(data), header.width > 0, header.height > 0 else { throw unreadable(path, "JPEG", location) }
        return try checkPixels(ImageInfo(path: url.path, pixelWidth: header.width, pixelHeight: header.height), path: path, location: location)
    }
    if url.pathExtension.lowercased() == "svg" {
        guard let size = SVGImage.size(of: url.path) else {
            throw QuireError(.invalidValue, at: location, field: "image", "image '\(path)' is not a readable SVG file",
                             hint: "give the SVG a width and height or a viewBox")
        }
        return ImageInfo(path: url.path, pixelWidth: Int(size.width.rounded()), pixelHeight: Int(size.height.rounded()))
    }
    throw QuireError(.invalidValue, at: location, field: "image", "image '\(path)' is not a PNG, JPEG or SVG file",
                     hint: "convert it to PNG, JPEG or SVG")
}

private func unreadable(_ path: String, _ kind: String, _ location: SourceLocation) -> QuireError {
    QuireError(.invalidValue, at: location, field: "image", "image '\(path)' is not a complete \(kind) file (its header gives no size)",
               hint: "save the image again from the program that made it")
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
