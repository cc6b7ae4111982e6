import Foundation
import QuireKit
import QuireLayout
import QuireModel
import QuireTestSupport
import Testing

/// Layouts are parsed once and kept (`LayoutCache`), but a kept parse is never used once the
/// files under it change: an edited layout, an edited parent, a parent a job's own folder now
/// shadows, each read afresh by the next paper through the same resources.
@Suite struct LayoutCacheTests {
    let resources = Resources(root: repositoryRoot)

    func write(_ text: String, _ path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func bodySize(_ folder: URL, _ reference: String = "./ours.yaml") throws -> Double {
        try resources.theme(.reference(reference), referrer: folder, root: folder, requestedAt: nil).body.size
    }

    @Test func aKeptParseIsTheSameThemeAsAFreshOne() throws {
        let folder = try Scratch().work
        try write("extends: committee-paper\nbody:\n  size: 13pt\n", "ours.yaml", in: folder)
        let first = try resources.theme(.reference("./ours.yaml"), referrer: folder, root: folder, requestedAt: nil)
        let again = try resources.theme(.reference("./ours.yaml"), referrer: folder, root: folder, requestedAt: nil)
        let fresh = try Resources(root: repositoryRoot).theme(.reference("./ours.yaml"), referrer: folder, root: folder, requestedAt: nil)
        #expect(first == again && again == fresh)
        #expect(first.body.size == 13)
    }

    @Test func anEditedLayoutIsReadAfresh() throws {
        let folder = try Scratch().work
        try write("extends: committee-paper\nbody:\n  size: 13pt\n", "ours.yaml", in: folder)
        #expect(try bodySize(folder) == 13)
        try write("extends: committee-paper\nbody:\n  size: 14pt\n", "ours.yaml", in: folder)
        #expect(try bodySize(folder) == 14)
    }

    @Test func anEditedParentIsReadAfresh() throws {
        let folder = try Scratch().work
        try write("extends: ./base.yaml\nfooter:\n  size: 8pt\n", "ours.yaml", in: folder)
        try write("extends: committee-paper\nbody:\n  size: 13pt\n", "base.yaml", in: folder)
        #expect(try bodySize(folder) == 13)
        try write("extends: committee-paper\nbody:\n  size: 15pt\n", "base.yaml", in: folder)
        #expect(try bodySize(folder) == 15)
    }

    @Test func aParentTheJobNowShadowsIsFound() throws {
        let folder = try Scratch().work
        try write("extends: county-2025\nfooter:\n  size: 8pt\n", "ours.yaml", in: folder)
        let bundled = try bodySize(folder)
        // The job's own layouts/county-2025.yaml comes before the bundled one by name.
        try write("extends: committee-paper\nbody:\n  size: 16pt\n", "layouts/county-2025.yaml", in: folder)
        #expect(try bodySize(folder) == 16)
        #expect(bundled != 16)
    }

    @Test func aBrokenEditIsAnErrorNotTheKeptTheme() throws {
        let folder = try Scratch().work
        try write("extends: committee-paper\nbody:\n  size: 13pt\n", "ours.yaml", in: folder)
        #expect(try bodySize(folder) == 13)
        try write("extends: committee-paper\nbody:\n  sise: 13pt\n", "ours.yaml", in: folder)
        #expect(throws: QuireError.self) { try bodySize(folder) }
    }
}
