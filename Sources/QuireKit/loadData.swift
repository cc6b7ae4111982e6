import Foundation
import QuireModel
import QuireSource

/// Reads the data files a paper names (beside the paper, links leading no further than its
/// folder or `linkRoots`) into one data set; and where they are.
func loadData(_ matter: FrontMatter, file: String, paperDirectory: URL, linkRoots: [URL] = []) throws(QuireError) -> (DataSet, [URL]) {
    var data = DataSet()
    var files: [URL] = []
    let location = SourceLocation(file: file, line: matter.line(of: .data) ?? 1)
    for path in matter.data {
        let url = try findLocalFile(path, in: [paperDirectory], linkRoots: linkRoots, location: location, field: "data", what: "data file")
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw QuireError(.io, at: location, field: "data", "cannot read data file '\(path)'")
        }
        files.append(url)
        // Messages about the data point into the data file, named as the paper names it.
        let name = (file as NSString).deletingLastPathComponent.isEmpty ? path : (file as NSString).deletingLastPathComponent + "/" + path
        let text = try decodeUTF8(bytes, file: name)
        for indicator in try parseDataFile(text, file: name) { try data.add(indicator) }
    }
    return (data, files)
}
