import Foundation
import QuireLayout
import QuireModel

/// Finds each image a paper uses, refusing any path that leaves the paper's folder or the
/// assets folder, and reads its pixel size from the PNG header.
func resolveImages(_ paper: Paper, paperDirectory: URL, assets: URL) throws(QuireError) -> [String: ImageInfo] {
    var out: [String: ImageInfo] = [:]
    for (path, line) in imagePaths(paper.body) where out[path] == nil {
        let location = SourceLocation(file: paper.file, line: line)
        guard !path.hasPrefix("/"), !path.contains("://") else {
            throw QuireError(.invalidValue, at: location, field: "image", "image '\(path)' must be a relative path",
                             hint: "put the image beside the paper or in assets/ and write e.g. ![Logo](logo.png)")
        }
        let candidates = [paperDirectory, assets].map { ($0, $0.appendingPathComponent(path).standardizedFileURL) }
        guard let (_, url) = candidates.first(where: { base, url in
            url.path.hasPrefix(base.standardizedFileURL.path + "/") && FileManager.default.fileExists(atPath: url.path)
        }) else {
            throw QuireError(.io, at: location, field: "image", "image '\(path)' was not found beside the paper or in assets/",
                             hint: "check the file name; paths may not leave the paper's folder")
        }
        guard let data = FileManager.default.contents(atPath: url.path), data.count > 24,
              data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw QuireError(.invalidValue, at: location, field: "image", "image '\(path)' is not a PNG file", hint: "convert it to PNG")
        }
        let bytes = [UInt8](data.prefix(24))
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        out[path] = ImageInfo(path: url.path, pixelWidth: width, pixelHeight: height)
    }
    return out
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
