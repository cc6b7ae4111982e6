import Foundation
import QuireKit
import QuireLayout
import QuireTestSupport
import Testing

/// The checkout root (this file is Tests/QuireRenderTests/Support.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// One typesetter for the suite: it owns font maps, which are costly to set up.
let typesetter = Typesetter(resources: Resources(root: repositoryRoot))

/// The examples every test renders; the first two are re-keyed from real papers (seeds); the
/// last four show the bundled house styles (county-2025, city-committee-report,
/// combined-authority, welsh-council).
let examples = ["kscb-2016-17", "kscb-2012-13", "cabinet-decision-2017", "kscb-annual-report"] + houseStyleExamples
let houseStyleExamples = ["county-2025-transport", "city-committee-report-2025", "combined-authority-2025", "welsh-council-2025"]
let seeds = ["kscb-2016-17", "kscb-2012-13"]
/// The published text export each seed example was re-keyed from, in Tests/Fixtures/seeds.
let seedFile = ["kscb-2016-17": "000_998c20c10e644540.txt", "kscb-2012-13": "002_7148d2f1bdfd8117.txt"]
/// The examples whose layout prints the header block.
let committeePapers = ["kscb-2016-17", "kscb-2012-13", "cabinet-decision-2017"] + houseStyleExamples

func examplePath(_ name: String) -> String {
    repositoryRoot.appendingPathComponent("examples/\(name)/paper.md").path
}

/// A fresh scratch folder for one test.
func scratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("quire-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Renders an example to a PDF in a scratch folder and returns its path.
func renderExample(_ name: String) throws -> String {
    let output = try scratchDirectory().appendingPathComponent("\(name).pdf").path
    let result = try typesetter.layout(file: examplePath(name))
    try typesetter.writePDF(result.layout.document, pdfa: result.theme.pdfa, to: output)
    return output
}

/// `Key: value` lines of pdfinfo.
func pdfInfo(_ path: String) throws -> [String: String] {
    var info: [String: String] = [:]
    for line in try run("pdfinfo", [path]).out.split(separator: "\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        info[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return info
}
