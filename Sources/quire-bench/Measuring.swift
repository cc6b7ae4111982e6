import Foundation

/// One run of a process, as the benchmarks report it: wall time, the child's own peak RSS and
/// the CPU it used (user + system, from wait4), so "cores used" is `cpuMs / wallMs`.
struct ProcessRun {
    var wallMs: Double
    var peakMiB: Double
    var cpuMs: Double
}

/// posix_spawnp + wait4, stdout to /dev/null; a failed run is an error naming the command.
func spawnMeasured(_ command: [String]) throws -> ProcessRun {
    var pid: pid_t = 0
    var fileActions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&fileActions)
    defer { posix_spawn_file_actions_destroy(&fileActions) }
    posix_spawn_file_actions_addopen(&fileActions, 1, "/dev/null", O_WRONLY, 0)
    let argv = command.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let start = DispatchTime.now().uptimeNanoseconds
    let status = posix_spawnp(&pid, command[0], &fileActions, nil, argv, environ)
    guard status == 0 else { throw BenchError("cannot start \(command[0]): \(String(cString: strerror(status)))") }
    var exitStatus: Int32 = 0
    var usage = rusage()
    wait4(pid, &exitStatus, 0, &usage)
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    guard exitStatus == 0 else { throw BenchError("\(command.joined(separator: " ")) failed with status \(exitStatus)") }
    func ms(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
    return ProcessRun(wallMs: wall, peakMiB: Double(usage.ru_maxrss) / 1024, cpuMs: ms(usage.ru_utime) + ms(usage.ru_stime))
}

/// The median of each measure over `runs` runs, after one warm-up run (file cache, fontconfig).
func medianRun(_ command: [String], runs: Int) throws -> ProcessRun {
    _ = try spawnMeasured(command)
    var samples: [ProcessRun] = []
    for _ in 0..<runs { samples.append(try spawnMeasured(command)) }
    return ProcessRun(wallMs: median(samples.map(\.wallMs)), peakMiB: median(samples.map(\.peakMiB)), cpuMs: median(samples.map(\.cpuMs)))
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A table as the benchmarks print it: the first column left-aligned, the others right, a
/// rule under the heading row and under each row index in `rulesAfter`.
func printColumns(_ lines: [[String]], rulesAfter: Set<Int> = [0]) {
    let columns = lines.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in lines.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
    for (index, line) in lines.enumerated() {
        print(line.enumerated().map { column, cell in
            column == 0 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                        : String(repeating: " ", count: widths[column] - cell.count) + cell
        }.joined(separator: "  "))
        if rulesAfter.contains(index) { print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
    }
}

/// A PDF's page count as poppler's `pdfinfo` reads it (any writer's file: cairo's, Typst's,
/// Quire's finished one with object streams).
func pdfPageCount(_ path: String) throws -> Int {
    let info = runTool(["pdfinfo", path])
    guard info.status == 0, let line = info.out.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }),
          let pages = Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) else {
        throw BenchError("pdfinfo cannot read \(path) (apt-get install poppler-utils): \(info.err.suffix(200))")
    }
    return pages
}
