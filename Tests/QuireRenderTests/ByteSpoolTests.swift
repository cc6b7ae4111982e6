import Foundation
import QuireKit
import QuireLayout
import QuireSystem
import Testing
@testable import QuirePangoCairo

/// Cairo's output is spooled in chunks, the later ones in an unlinked temporary file, and read
/// back by range; the finished PDF is the same whether it spilled or not.
@Suite("Byte spool")
struct ByteSpoolTests {
    /// Bytes appended as cairo appends them: pieces of every size, some across and larger
    /// than a chunk.
    func fill(_ spool: inout ByteSpool, lengths: [Int]) -> [UInt8] {
        var expected: [UInt8] = []
        var next: UInt8 = 0
        for length in lengths {
            let piece = (0..<length).map { _ -> UInt8 in
                next = next &* 31 &+ 17
                return next
            }
            expected += piece
            #expect(piece.withUnsafeBufferPointer { spool.append($0.baseAddress!, length) })
        }
        #expect(spool.count == expected.count)
        return expected
    }

    /// Every range that starts or ends at a chunk's edge or beside it, and some others.
    func checkRanges(_ sealed: SpooledBytes, _ expected: [UInt8], chunkSize: Int) throws {
        #expect(try sealed.bytes(0..<expected.count) == expected)
        var edges = Set([0, expected.count])
        for edge in stride(from: 0, through: expected.count, by: chunkSize) { edges.formUnion([edge - 1, edge, edge + 1]) }
        let points = edges.filter { $0 >= 0 && $0 <= expected.count }.sorted()
        for start in points {
            for end in points where end >= start && end - start <= 3 * chunkSize {
                #expect(try sealed.bytes(start..<end) == Array(expected[start..<end]), "\(start)..<\(end)")
                #expect(try sealed.withBytes(start..<end) { Array($0) } == Array(expected[start..<end]), "\(start)..<\(end)")
            }
        }
    }

    @Test("in memory: pieces of every size come back whole and in order; sealing leaves the spool empty")
    func inMemory() throws {
        let size = ByteSpool.defaultChunkSize
        var spool = ByteSpool(memoryChunks: .max)
        let expected = fill(&spool, lengths: [1, 7, size - 9, 3, 5, size * 2 + 11, 1, size, 2])
        let sealed = spool.seal()
        #expect(!sealed.spilled && sealed.count == expected.count)
        try checkRanges(sealed, expected, chunkSize: size)
        #expect(spool.count == 0 && spool.seal().count == 0)
        let byte: [UInt8] = [42]
        #expect(byte.withUnsafeBufferPointer { spool.append($0.baseAddress!, 1) })
        #expect(try spool.seal().bytes(0..<1) == [42])
    }

    @Test("past its allowance a spool goes to the temporary file, and reads back the same from both, across the edge between them")
    func spills() throws {
        for memoryChunks in [0, 1, 3] {
            var spool = ByteSpool(chunkSize: 64, memoryChunks: memoryChunks)
            let expected = fill(&spool, lengths: [1, 63, 64, 5, 200, 3, 0, 129, 64, 7, 1000, 1])
            let sealed = spool.seal()
            #expect(sealed.spilled, "memoryChunks \(memoryChunks)")
            try checkRanges(sealed, expected, chunkSize: 64)
        }
    }

    @Test("bytes already appended read back before the spool is sealed, from memory and from the file (the finisher's edited objects)")
    func readsBeforeSealing() throws {
        for memoryChunks in [0, 1, 3] {
            var spool = ByteSpool(chunkSize: 64, memoryChunks: memoryChunks)
            let expected = fill(&spool, lengths: [1, 63, 64, 5, 200, 3, 129, 7, 300])
            for (start, end) in [(0, 1), (0, 64), (60, 70), (63, 200), (100, 500), (0, expected.count), (expected.count - 1, expected.count)] {
                #expect(spool.copy(start..<end) == Array(expected[start..<end]), "\(start)..<\(end), memoryChunks \(memoryChunks)")
            }
            let appended = spool.append(Array("more".utf8))
            #expect(appended == expected.count..<(expected.count + 4))
            #expect(spool.copy(try #require(appended)) == Array("more".utf8))
            #expect(spool.seal().spilled)
        }
    }

    @Test("where the temporary file cannot be made, the chunks stay in memory and nothing is lost")
    func noFolder() throws {
        var spool = ByteSpool(chunkSize: 64, memoryChunks: 0, folder: "/nonexistent-\(UUID().uuidString)")
        let expected = fill(&spool, lengths: [100, 300, 17])
        let sealed = spool.seal()
        #expect(!sealed.spilled)
        try checkRanges(sealed, expected, chunkSize: 64)
    }

    @Test("a paper drawn into a spool of 4 KiB chunks, one of them in memory, finishes to the same bytes as one drawn in memory")
    func spilledPDFIsTheSame() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let setter = Typesetter(resources: Resources(root: root))
        let document = try setter.layout(file: root.appendingPathComponent("examples/kscb-annual-report/paper.md").path).layout.document
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("memory.pdf").path, spilled = folder.appendingPathComponent("spilled.pdf").path
        #expect(PangoCairoRenderer().writePDF(document, to: memory) == nil)
        #expect(PangoCairoRenderer(contexts: 1, spool: (chunkSize: 4096, memoryChunks: 1)).writePDF(document, to: spilled) == nil)
        let a = try #require(FileManager.default.contents(atPath: memory)), b = try #require(FileManager.default.contents(atPath: spilled))
        #expect(a.count > 8 * 4096, "the paper should span many chunks, even compressed: \(a.count) bytes")
        #expect(a == b, "spilling cairo's output to the temporary file changed the PDF")
    }
}
