import Foundation

/// Runs a tool on PATH (poppler, qpdf, pdftotext) and returns stdout, stderr and the exit status.
@discardableResult
public func run(_ tool: String, _ arguments: [String]) throws -> (out: String, err: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes while the tool runs, so a full pipe cannot block it.
    nonisolated(unsafe) var errData = Data()
    let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
    return (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self), process.terminationStatus)
}

/// Positions in `expected` that cannot be matched, in order, within `actual`; empty when
/// every expected word appears in the same order (the "every word of the source reaches the
/// PDF" checks).
public func missingInOrder(_ expected: [String], in actual: [String]) -> [(index: Int, word: String)] {
    var missing: [(Int, String)] = []
    var cursor = actual.startIndex
    for (index, word) in expected.enumerated() {
        if let found = actual[cursor...].firstIndex(of: word) {
            cursor = actual.index(after: found)
        } else {
            missing.append((index, word))
        }
    }
    return missing
}

/// Why a test cannot run when python3 lacks `module`, as the command that fixes it; nil when
/// the module imports. `scripts/test.sh` installs every package the suite uses
/// (`scripts/python-requirements.txt`).
public func missingPythonModule(_ module: String, package: String) -> String? {
    if let result = try? run("python3", ["-c", "import \(module)"]), result.status == 0 { return nil }
    return "python3 lacks the module '\(module)': install it with `python3 -m pip install \(package)` (bash scripts/test.sh installs every Python package the suite uses)"
}
