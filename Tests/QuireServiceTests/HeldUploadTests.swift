import Foundation
import NIOCore
import QuireLoopback
@testable import QuireService
import Testing

/// A one-file upload is held in memory and no folder is made for it; a second file, a main
/// file past the limit, or a render that reads files from disk makes the folder, and the
/// main file is then on disk with every byte it was sent. Through the real multipart reader,
/// in chunks of several sizes.
@Suite struct HeldUploadTests {
    static func read(_ form: MultipartForm, into workspace: Workspace, chunk: Int) throws {
        let reader = FormReader(boundary: form.boundary, workspace: workspace, mainField: "paper", defaultName: "paper.md")
        let body = form.finished
        for start in stride(from: 0, to: body.count, by: chunk) {
            try reader.feed(ByteBuffer(bytes: body[start..<min(body.count, start + chunk)]))
        }
        _ = try reader.finish()
    }

    static func paper(bytes: Int) -> Data {
        Data((0..<bytes).map { UInt8(ascii: "a") &+ UInt8(truncatingIfNeeded: $0 % 26) })
    }

    @Test(arguments: [7, 4096, 100_000])
    func aPaperAloneStaysInMemoryAndNoFolderIsMade(chunk: Int) throws {
        let source = Self.paper(bytes: 60_000)
        var form = MultipartForm()
        form.add("paper", filename: "report.md", source)
        let workspace = Workspace()
        defer { workspace.remove() }
        try Self.read(form, into: workspace, chunk: chunk)
        #expect(workspace.heldMain == source)
        #expect(workspace.mainContents == source)
        #expect(workspace.mainPath.hasSuffix("/report.md"))
        #expect(!FileManager.default.fileExists(atPath: workspace.root.path), "no folder for a one-file upload")
    }

    @Test(arguments: [4096, 100_000])
    func aPaperPastTheLimitGoesToDiskWhole(chunk: Int) throws {
        let source = Self.paper(bytes: Workspace.heldLimit + 150_001)
        var form = MultipartForm()
        form.add("paper", filename: "long.md", source)
        let workspace = Workspace()
        defer { workspace.remove() }
        try Self.read(form, into: workspace, chunk: chunk)
        #expect(workspace.heldMain == nil)
        #expect(FileManager.default.contents(atPath: workspace.mainPath) == source)
        #expect(workspace.mainContents == source)
    }

    @Test func aSecondFileWritesTheHeldPaperIntoTheFolder() throws {
        let source = Self.paper(bytes: 5_000), figure = Data(repeating: 9, count: 3_000)
        var form = MultipartForm()
        form.add("paper", filename: "report.md", source)
        form.add("figures/chart.png", filename: "chart.png", figure)
        let workspace = Workspace()
        try Self.read(form, into: workspace, chunk: 1000)
        #expect(workspace.heldMain == nil)
        #expect(FileManager.default.contents(atPath: workspace.mainPath) == source)
        #expect(FileManager.default.contents(atPath: workspace.root.appendingPathComponent("figures/chart.png").path) == figure)
        workspace.remove()
        #expect(!FileManager.default.fileExists(atPath: workspace.root.path), "removed with everything in it")
    }

    @Test func materializingWritesTheHeldPaperForARenderThatReadsFiles() throws {
        let workspace = Workspace()
        defer { workspace.remove() }
        try workspace.store(Data("---\nsubject: x\n---\n".utf8), at: "pack.yaml", main: true)
        #expect(!FileManager.default.fileExists(atPath: workspace.root.path))
        try workspace.materialize()
        try workspace.materialize()  // a second call changes nothing
        #expect(FileManager.default.contents(atPath: workspace.mainPath) == Data("---\nsubject: x\n---\n".utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: workspace.root.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o700, "the folder is the request's alone")
    }

    @Test func workspacesNeverShareAFolderName() {
        let names = Set((0..<2000).map { _ in Workspace().root.lastPathComponent })
        #expect(names.count == 2000)
        #expect(names.allSatisfy { $0.hasPrefix("quire-request-") })
    }
}
