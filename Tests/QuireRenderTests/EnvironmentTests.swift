import Foundation
import QuireSystem
import Testing

/// The environment set while other threads read it: the fonts' configuration and cairo's
/// uncompressed content are set as the warm-up thread opens Pango, which reads the
/// environment (`setenv` freed the array under it: about one cold render in 250 crashed, two
/// at a time).
@Suite("Environment")
struct EnvironmentTests {
    @Test("a variable set is read back by getenv and by Foundation; setting it again replaces it, once")
    func setsAndReplaces() {
        let name = "QUIRE_TEST_\(UUID().uuidString.prefix(8))"
        #expect(Platform.setEnvironmentValue(name, "first"))
        #expect(Platform.environmentValue(name) == "first")
        #expect(Platform.setEnvironmentValue(name, "second=with equals"))
        #expect(Platform.environmentValue(name) == "second=with equals")
        #expect(ProcessInfo.processInfo.environment[name] == "second=with equals")
        let entries = ProcessInfo.processInfo.environment.keys.filter { $0 == name }
        #expect(entries.count == 1)
        // The same value again changes nothing: the array is not replaced.
        let before = environ
        #expect(Platform.setEnvironmentValue(name, "second=with equals"))
        #expect(environ == before)
        #expect(!Platform.setEnvironmentValue("", "x") && !Platform.setEnvironmentValue("A=B", "x"))
    }

    @Test("threads reading the environment all along see every variable while another sets 100 new ones")
    func readersAreSafe() async {
        let prefix = "QUIRE_TEST_\(UUID().uuidString.prefix(8))_"
        let stop = Locked(false)
        let misses = Locked(0)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    while !stop.value {
                        // A walk of the whole array, as getenv makes, and a lookup.
                        var count = 0
                        var item = environ
                        while let entry = item.pointee {
                            count += strlen(entry) > 0 ? 1 : 0
                            item += 1
                        }
                        if count == 0 || getenv("PATH") == nil { misses.withLock { $0 += 1 } }
                    }
                }
            }
            for index in 0..<100 { Platform.setEnvironmentValue(prefix + String(index), String(repeating: "v", count: index)) }
            stop.withLock { $0 = true }
        }
        #expect(misses.value == 0)
        for index in 0..<100 { #expect(Platform.environmentValue(prefix + String(index)) == String(repeating: "v", count: index)) }
    }
}
