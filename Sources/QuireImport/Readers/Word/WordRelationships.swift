import Foundation
import QuireModel

/// A part's relationships (`_rels/<part>.rels`): what each `r:id` in the part points at, a
/// part in the package or an external address (a hyperlink's URL).
struct WordRelationships {
    struct Target {
        /// The relationship type's last path component ("styles", "hyperlink", "image").
        var type: String
        /// A part name inside the package ("word/media/image1.png"), or the external address.
        var target: String
        var isExternal: Bool
    }

    private(set) var byID: [String: Target] = [:]

    init() {}

    /// Reads the relationships of `part` ("word/document.xml" → "word/_rels/document.xml.rels");
    /// none when the package has no such file.
    init(of part: String, in package: WordPackage) throws(QuireError) {
        let folder = (part as NSString).deletingLastPathComponent
        let relsName = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (part as NSString).lastPathComponent + ".rels"
        guard let root = try package.xml(relsName) else { return }
        for relationship in root.children("rel:Relationship") {
            guard let id = relationship["Id"], let target = relationship["Target"], let type = relationship["Type"] else { continue }
            let external = relationship["TargetMode"]?.lowercased() == "external"
            byID[id] = Target(type: String(type.split(separator: "/").last ?? ""),
                              target: external ? target : resolvePartName(target, from: folder), isExternal: external)
        }
    }

    subscript(id: String) -> Target? { byID[id] }

    /// Targets of one type, in id order ("header" → every header part).
    func targets(ofType type: String) -> [Target] {
        byID.sorted { $0.key.localizedStandardCompare($1.key) == .orderedAscending }.map(\.value).filter { $0.type == type }
    }
}

/// A relationship's target as a part name: relative to the source part's folder, or from the
/// package root when it starts with "/"; "." and ".." resolved. Percent-escapes decoded.
func resolvePartName(_ target: String, from folder: String) -> String {
    let decoded = target.removingPercentEncoding ?? target
    var parts: [Substring] = decoded.hasPrefix("/") ? [] : folder.split(separator: "/")
    for component in decoded.split(separator: "/") {
        switch component {
        case ".": continue
        case "..": if !parts.isEmpty { parts.removeLast() }
        default: parts.append(component)
        }
    }
    return parts.joined(separator: "/")
}
