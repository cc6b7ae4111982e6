import ArgumentParser
import Foundation
import QuireSystem

/// Replaces this process with `executable` from beside this one (`exec`), so signals, output
/// and the exit status are its own: `quire serve` runs quire-server and `quire bench` runs
/// quire-bench, which live in binaries of their own so the CLI starts up carrying neither a
/// web server nor the benchmark harness.
func handOver(to executable: String, _ arguments: [String]) throws -> Never {
    let folder = Platform.executable.deletingLastPathComponent()
    let path = folder.appendingPathComponent(executable).path
    guard FileManager.default.isExecutableFile(atPath: path) else {
        FileHandle.standardError.write(Data("error: \(path) is missing\n  hint: \(buildHint(executable, folder: folder))\n".utf8))
        throw ExitCode(2)
    }
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    execv(path, argv)
    FileHandle.standardError.write(Data("error: cannot start \(path): \(String(cString: strerror(errno)))\n".utf8))
    throw ExitCode(2)
}

/// How to put `executable` beside this quire: the build command for the configuration this
/// quire was built in (SwiftPM's folders are named for it), the same command
/// scripts/render-examples.sh runs for release; elsewhere, an install beside it.
func buildHint(_ executable: String, folder: URL) -> String {
    switch folder.lastPathComponent {
    case "release":
        "build it beside quire with `swift build -c release --static-swift-stdlib --product \(executable)` (bash scripts/render-examples.sh builds it)"
    case "debug":
        "build it beside quire with `swift build --product \(executable)` (or `swift build`, which builds every executable)"
    default:
        "install \(executable) in \(folder.path), beside quire (deploy/Dockerfile copies the executables to /usr/local/bin)"
    }
}
