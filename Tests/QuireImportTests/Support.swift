import Foundation
import QuireTestSupport
import QuireImport
import QuireImportPDF
import QuireKit
import QuireModel
import Testing

/// The checkout root (this file is Tests/QuireImportTests/Support.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The legacy papers the examples were re-keyed from (copies of the published text exports).
let seedsFolder = repositoryRoot.appendingPathComponent("Tests/Fixtures/seeds")

/// The 2016/17 paper (000_…) or the 2012/13 one (002_…), with its path.
func seed(_ prefix: String) throws -> (path: String, text: String) {
    let names = try FileManager.default.contentsOfDirectory(atPath: seedsFolder.path)
    let name = try #require(names.sorted().first { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }, "no seed \(prefix)* in \(seedsFolder.path)")
    let path = seedsFolder.appendingPathComponent(name).path
    return (path, try String(contentsOfFile: path, encoding: .utf8))
}

/// One typesetter for the suite: it owns font maps, which are costly to set up.
let typesetter = Typesetter(resources: Resources(root: repositoryRoot))

/// A fresh scratch folder for one test.
func scratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("quire-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Imports legacy text held in memory (through the line reader, as `quire import` reads a
/// text export).
func importText(_ text: String, file: String = "old-paper.txt", layout: String? = nil) throws -> ImportResult {
    try importPaper(try readImportDocument(Data(text.utf8), file: file), layout: layout)
}

/// Imports a document built by hand (how most rule tests are written: small, exact).
func importDocument(_ blocks: [ImportBlock], file: String = "paper.pdf", marking: String? = nil, layout: String? = nil,
                    profiles: [LayoutProfile] = [.committeePaper]) throws -> ImportResult {
    try importPaper(ImportDocument(file: file, blocks: blocks, marking: marking), layout: layout, profiles: profiles)
}

/// Renders an imported source with Quire and returns the PDF's text (`pdftotext`).
func renderedText(_ result: ImportResult) throws -> String {
    let folder = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pdf = folder.appendingPathComponent("imported.pdf").path
    _ = try typesetter.renderPDF(data: Data(result.source.utf8), file: "imported.md", directory: folder, to: pdf)
    let extracted = try run("pdftotext", ["-enc", "UTF-8", pdf, "-"])
    try #require(extracted.status == 0, "pdftotext failed: \(extracted.err)")
    return extracted.out
}

/// The built `quire` executable, beside the test binary (`.build/<triple>/debug/`).
func quireExecutable() throws -> URL { try builtExecutable("quire") }

extension FrontMatter {
    /// A text field as plain text: what the importer reads is plain.
    func plain(_ field: FrontMatterField) -> String? { text(field)?.plainText }
    /// A text-list field as plain texts.
    func plainList(_ field: FrontMatterField) -> [String] { textList(field).map(\.plainText) }
}
