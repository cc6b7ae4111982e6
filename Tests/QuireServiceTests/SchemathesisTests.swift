import Foundation
import Testing

/// Schemathesis (PyPI) reads `openapi.yaml` and throws generated requests at a real server:
/// valid and invalid bodies, parameters and methods. Every answer must be one the document
/// declares, with the declared content type and schema, and never a 5xx. Content checks are
/// left out (`positive_data_acceptance`): a schema-valid upload can still be a bad paper (422).
@Suite struct SchemathesisTests {
    @Test func everyGeneratedRequestGetsADeclaredAnswer() throws {
        let server = try ServerProcess(["--max-body-mib", "4"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // The CLI's entry point, called through python3 so that no PATH shim is needed.
        process.arguments = ["python3", "-c", "import sys; from schemathesis.cli import schemathesis; sys.argv[0] = 'st'; schemathesis()",
                             "run", "\(server.baseURL)/openapi.yaml", "--checks", "all", "--exclude-checks", "positive_data_acceptance",
                             "--max-examples", "25", "--seed", "1", "--request-timeout", "60"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if text.contains("No module named") {
            Issue.record("schemathesis is not installed: pip install schemathesis (scripts/test.sh does)")
            return
        }
        #expect(process.terminationStatus == 0, "\(text.suffix(4000))")
        #expect(text.contains("passed"), "\(text.suffix(2000))")
        // A server that died says why in its log (its last lines, past the access log).
        #expect(server.process.isRunning, "the server stopped: \(server.output.split(separator: "\n").filter { !$0.contains(" info quire: ") && ($0.contains("Fatal") || $0.contains("Crash") || $0.contains(" at /") || $0.contains("💣")) }.prefix(30).joined(separator: "\n"))")
    }
}
