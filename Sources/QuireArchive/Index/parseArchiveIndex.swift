public import Foundation
public import QuireModel
import QuireSource
import QuireYAML
import Yams

/// `archive.yaml` → `ArchiveIndex`. Throws one `QuireError` naming file, line and field path
/// (`papers[3].date`) for the first problem: unknown keys, missing fields, a path that is not
/// a plain relative folder, two entries for one folder.
public func parseArchiveIndex(data: Data, file: String) throws(QuireError) -> ArchiveIndex {
    let reader = YAMLReader(file: file, lineOffset: 0, document: "the archive index")
    guard let root = try reader.composeManifest(try decodeUTF8(data, file: file)) else {
        throw QuireError(.missingField, at: SourceLocation(file: file, line: 1), "the archive index is empty", hint: ArchiveHint.index)
    }
    var lines: [String: Int] = [:]
    let top = try reader.fields(root, path: "", keys: ["papers"], example: ArchiveHint.index, lines: &lines)
    let list = try reader.required("papers", in: top, hint: ArchiveHint.index)
    guard case .sequence(let nodes) = list else {
        throw reader.error(.invalidValue, list, field: "papers", "'papers' must be a list of papers", hint: ArchiveHint.index)
    }
    var papers: [ArchiveEntry] = []
    var seen: [String: Int] = [:]
    for (index, node) in nodes.enumerated() {
        let path = "papers[\(index)]"
        let fields = try reader.fields(node, path: path, keys: ["path", "source", "year", "committee", "date", "title"], example: ArchiveHint.entry, lines: &lines)
        let folderNode = try reader.required("path", in: fields, hint: ArchiveHint.entry)
        let folder = try archiveFolder(try reader.relativePath(folderNode, field: "\(path).path"), node: folderNode, field: "\(path).path", reader: reader)
        if let first = seen[folder] {
            throw reader.error(.invalidValue, folderNode, field: "\(path).path", "'\(folder)' is listed twice (first on line \(first))",
                               hint: "list each paper once; two papers need two folders")
        }
        seen[folder] = reader.line(of: folderNode)
        var entry = ArchiveEntry(
            path: folder,
            year: try reader.positiveInteger(try reader.required("year", in: fields, hint: ArchiveHint.entry), field: "\(path).year",
                                             hint: "give the report year as a number, e.g. year: 2017"),
            committee: try reader.text(try reader.required("committee", in: fields, hint: ArchiveHint.entry), field: "\(path).committee"),
            date: try reader.date(try reader.required("date", in: fields, hint: ArchiveHint.entry), field: "\(path).date"),
            title: try reader.text(try reader.required("title", in: fields, hint: ArchiveHint.entry), field: "\(path).title"),
            line: reader.line(of: node))
        if let source = fields["source"] {
            entry.source = try archiveFolder(try reader.relativePath(source, field: "\(path).source"), node: source, field: "\(path).source", reader: reader)
        }
        papers.append(entry)
    }
    return ArchiveIndex(file: file, papers: papers)
}

/// A folder path inside the archive: no `..`, no empty or `.` parts, so that `<path>.pdf`
/// lands inside the output folder too.
private func archiveFolder(_ path: String, node: Node, field: String, reader: YAMLReader) throws(QuireError) -> String {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
        throw reader.error(.invalidValue, node, field: field, "'\(path)' must be a path inside the archive, without '..' or empty parts",
                           hint: "write the folder from the one holding archive.yaml, e.g. path: 2017/kscb-annual-report")
    }
    return path
}

enum ArchiveHint {
    static let entry = "write e.g.\n    - path: 2017/kscb-annual-report\n      year: 2017\n      committee: County Council\n      date: 2017-10-19\n      title: Kent Safeguarding Children Board Annual Report 2016/17"
    static let index = "an archive index lists its papers, e.g.\n  papers:\n    - path: 2017/kscb-annual-report\n      year: 2017\n      committee: County Council\n      date: 2017-10-19\n      title: KSCB Annual Report 2016/17"
}
