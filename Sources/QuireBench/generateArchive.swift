public import Foundation
public import QuireKit

/// An archive for benchmarks, written into `folder`: `papers` folders cycling through the
/// example papers (with their data files), one a year from 1990, and its `archive.yaml`.
/// Returns the source paths, for the one-process-per-paper baseline.
public func generateArchive(papers: Int, in folder: URL, resources: Resources) throws -> [String] {
    let examples = ["kscb-2012-13", "kscb-2016-17", "kscb-annual-report", "cabinet-decision-2017"]
    var index = "papers:\n"
    var sources: [String] = []
    for number in 0..<papers {
        let example = examples[number % examples.count]
        let path = "\(1990 + number / examples.count)/\(example)-\(number)"
        let target = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: target.path) {
            try FileManager.default.copyItem(at: resources.root.appendingPathComponent("examples/\(example)"), to: target)
        }
        index += "  - path: \(path)\n    year: \(1990 + number / examples.count)\n    committee: Benchmark Committee\n    date: 2017-10-19\n    title: Paper \(number)\n"
        sources.append(target.appendingPathComponent("paper.md").path)
    }
    try index.write(to: folder.appendingPathComponent("archive.yaml"), atomically: true, encoding: .utf8)
    return sources
}
