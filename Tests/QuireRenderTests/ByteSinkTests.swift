import Testing
@testable import QuirePangoCairo

/// Cairo's output is gathered in chunks and handed to the finisher as one array.
@Suite("Byte sink")
struct ByteSinkTests {
    @Test("pieces of every size, across and larger than a chunk, come back whole and in order; take leaves nothing")
    func chunksJoin() {
        var sink = ByteSink()
        var expected: [UInt8] = []
        var next: UInt8 = 0
        for length in [1, 7, ByteSink.chunkSize - 9, 3, 5, ByteSink.chunkSize * 2 + 11, 1, ByteSink.chunkSize, 2] {
            let piece = (0..<length).map { _ -> UInt8 in
                next = next &* 31 &+ 17
                return next
            }
            expected += piece
            #expect(piece.withUnsafeBufferPointer { sink.append($0.baseAddress!, length) })
        }
        #expect(sink.count == expected.count)
        let taken = sink.take()
        #expect(taken.count == expected.count)
        #expect(taken == expected)
        #expect(sink.count == 0 && sink.take().isEmpty)
        let byte: [UInt8] = [42]
        #expect(byte.withUnsafeBufferPointer { sink.append($0.baseAddress!, 1) })
        #expect(sink.take() == [42])
    }
}
