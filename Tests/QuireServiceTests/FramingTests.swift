import Foundation
import QuireLoopback
import Testing

/// A body whose framing breaks after its headers (a bad chunk size, a transfer coding the
/// server does not take) is the client's fault: 400 with a message, never 500.
@Suite struct FramingTests {
    @Test func badChunksAndUnknownTransferCodingsAre400() throws {
        let server = try ServerProcess()
        let form = paperForm(try contents(examplePaper))
        let head = "POST /v1/render HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: \(form.contentType)\r\n"
        let badChunk = try LoopbackHTTP.sendRaw(port: server.port, bytes: Data((head + "Transfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n").utf8))
        #expect(badChunk.status == 400 && badChunk.problem?.detail.contains("a chunk's size is not hexadecimal") == true, "\(badChunk.text)")
        let gzip = try LoopbackHTTP.sendRaw(port: server.port, bytes: Data((head + "Transfer-Encoding: gzip\r\n\r\n").utf8) + form.finished)
        #expect(gzip.status == 400 && gzip.problem?.hint?.contains("gzip") == true, "\(gzip.text)")
        #expect(try server.post("/v1/render", form: form).status == 200)
    }
}
