import Foundation
import QuireLoopback
@testable import QuireService
import Testing

/// A part header name with a byte past ASCII used to trap inside multipart-kit 4.7 (found by
/// Schemathesis): one request stopped the service. The guard refuses it first.
@Suite struct HeaderNameGuardTests {
    static func body(_ headerName: [UInt8], boundary: String = "b0und") -> [UInt8] {
        Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"paper\"; filename=\"p.md\"\r\n".utf8)
            + headerName + Array(": x\r\n\r\n# Hi\r\n--\(boundary)--\r\n".utf8)
    }

    @Test func aNonASCIIHeaderNameIsCaughtWhereverTheChunksAreCut() {
        let bad = Self.body([0x58, 0xC3, 0xA9])  // "Xé"
        for cut in 1..<bad.count {
            var guarding = HeaderNameGuard(boundary: "b0und")
            let first = guarding.accepts(bad[..<cut])
            let second = first && guarding.accepts(bad[cut...])
            #expect(!second, "cut at \(cut)")
        }
    }

    @Test func plainFormsAndUTF8InValuesAndBodiesPass() {
        var guarding = HeaderNameGuard(boundary: "b0und")
        // UTF-8 in a header value (a file name), in a part's body, and in the preamble.
        let good = Array("préamble\r\n--b0und\r\nContent-Disposition: form-data; name=\"paper\"; filename=\"é.md\"\r\n\r\n# Café\r\n--b0und\r\nContent-Disposition: form-data; name=\"dpi\"\r\n\r\n96\r\n--b0und--\r\népilogue".utf8)
        let accepted = guarding.accepts(good)
        #expect(accepted)
    }

    @Test func theServiceAnswers400AndStaysUp() throws {
        let server = try ServerProcess()
        let reply = try LoopbackHTTP.send(port: server.port, method: "POST", path: "/v1/render",
                                          headers: [("Content-Type", "multipart/form-data; boundary=b0und")], body: Data(Self.body([0x58, 0xC3, 0xA9])))
        #expect(reply.status == 400, "\(reply.status)")
        #expect(reply.problem?.detail.contains("outside ASCII") == true)
        #expect(server.process.isRunning)
        #expect(try server.get("/healthz").status == 200)
    }
}
