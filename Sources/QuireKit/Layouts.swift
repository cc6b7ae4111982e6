import Foundation
public import QuireLayout
public import QuireModel
import QuireSource

/// A house style on disk.
public struct LayoutInfo: Sendable, Hashable {
    public var name: String
    public var description: String
    public var path: String
}

extension Resources {
    /// The house styles in `layouts/`, by name.
    public func availableLayouts() throws(QuireError) -> [LayoutInfo] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: layouts.path).filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            throw QuireError(.io, at: nil, "cannot read the layouts folder \(layouts.path)", hint: "set QUIRE_HOME to the folder holding layouts/ and fonts/")
        }
        var out: [LayoutInfo] = []
        for file in names {
            let theme = try loadTheme(file: layouts.appendingPathComponent(file).path)
            out.append(LayoutInfo(name: String(file.dropLast(5)), description: theme.description, path: layouts.appendingPathComponent(file).path))
        }
        return out
    }

    /// Loads `layouts/<name>.yaml`; an unknown name lists the ones there are.
    public func theme(named name: String, requestedAt location: SourceLocation?) throws(QuireError) -> Theme {
        let valid = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        let path = layouts.appendingPathComponent(name + ".yaml").path
        guard valid, FileManager.default.fileExists(atPath: path) else {
            let known = ((try? FileManager.default.contentsOfDirectory(atPath: layouts.path)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            let hint = nearestName(name, in: known).map { "did you mean '\($0)'? " } ?? ""
            throw QuireError(.layout, at: location, field: "layout", "unknown layout '\(name)'",
                             hint: hint + "available layouts: \(known.joined(separator: ", ")) (see `quire layouts`)")
        }
        return try loadTheme(file: path)
    }

    private func loadTheme(file: String) throws(QuireError) -> Theme {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw QuireError(.io, at: SourceLocation(file: file, line: 1), "cannot read the layout file")
        }
        return try parseTheme(try decodeUTF8(data, file: file), file: file)
    }
}
