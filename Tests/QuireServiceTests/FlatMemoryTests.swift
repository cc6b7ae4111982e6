import Foundation
import QuireLoopback
import QuireTestSupport
import Testing

/// A long-running service must not grow with the requests it has answered: 300 renders of one
/// paper, four kept-alive clients at once, leave a real server's resident memory within a few
/// MiB of where it was after warm-up. (Each render once leaked its collected paper, about
/// 140 KB, through a reference cycle in the layout's builders: 300 renders were some 40 MiB.)
@Suite struct FlatMemoryTests {
    @Test func threeHundredRendersLeaveMemoryFlat() throws {
        let server = try ServerProcess()
        let good = paperForm(try contents(examplePaper))
        let port = server.port, body = good.finished, type = good.contentType
        for _ in 0..<20 { #expect(try server.post("/v1/render", form: good).status == 200) }
        let before = server.residentBytes()
        let statuses = onThreads(4) { _ -> [Int] in
            let connection = LoopbackConnection(port: port)
            return (0..<75).map { _ in (try? connection.send(method: "POST", path: "/v1/render", headers: [("Content-Type", type)], body: body).status) ?? 0 }
        }.flatMap { $0 }
        #expect(statuses.allSatisfy { $0 == 200 }, "\(Set(statuses))")
        // The service gives freed memory back once it has been idle a moment.
        _ = server.wait(timeout: 5) { server.residentBytes() < before + 12 * 1024 * 1024 }
        let after = server.residentBytes()
        print("service memory: \(before / 1_048_576) MiB after warm-up, \(after / 1_048_576) MiB after 300 more renders")
        #expect(after < before + 12 * 1024 * 1024, "memory went from \(before / 1_048_576) MiB to \(after / 1_048_576) MiB over 300 renders")
    }
}
