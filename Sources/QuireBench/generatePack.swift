public import Foundation
public import QuireKit

/// A committee pack for benchmarks, written into `folder`: `papers` generated papers of about
/// 16 pages each (8 sections), every fifth with the example minutes as a PDF appendix, so 30
/// papers make a pack of about 500 pages. Returns the manifest's path.
public func generatePack(papers: Int, in folder: URL, resources: Resources) throws -> String {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let minutes = resources.root.appendingPathComponent("examples/county-council-2017-10-19/minutes-2017-07-20.pdf")
    let appendix = folder.appendingPathComponent("appendix.pdf")
    if !FileManager.default.fileExists(atPath: appendix.path) { try FileManager.default.copyItem(at: minutes, to: appendix) }
    let paper = generateLongPaper(sections: 8).source
    var manifest = """
        meeting:
          committee: Benchmark County Council
          date: 2017-10-19
          venue: Council Chamber
        items:

        """
    for index in 1...papers {
        try paper.write(to: folder.appendingPathComponent("paper-\(index).md"), atomically: true, encoding: .utf8)
        manifest += "  - number: \(index)\n    title: Generated report \(index)\n    paper: paper-\(index).md\n"
        if index % 5 == 0 {
            manifest += "    appendices:\n      - title: Appendix to report \(index)\n        pdf: appendix.pdf\n"
        }
    }
    let path = folder.appendingPathComponent("pack.yaml").path
    try manifest.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
