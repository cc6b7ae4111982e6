import Foundation
import QuireTestSupport
import Testing

/// `quire layouts` keeps its listing in the user's cache folder and uses it only while the
/// layouts it came from are unchanged: an edit, a new layout, a broken one and a damaged cache
/// file each give the listing a fresh load would.
@Suite struct LayoutListingCacheTests {
    @Test func theListingIsKeptUntilALayoutItCameFromChanges() throws {
        let scratch = try Scratch()
        let ours = scratch.work.appendingPathComponent("ours")
        try FileManager.default.createDirectory(at: ours, withIntermediateDirectories: true)
        // A parent beside the layout, reached by path: its bytes count as much as the layout's.
        try scratch.write("ours/base.yaml", "extends: committee-paper\ndescription: From the base\n")
        try scratch.write("ours/house.yaml", "extends: ./base.yaml\nname: house\n")
        let cacheHome = scratch.root.appendingPathComponent("cache")
        let environment = ["QUIRE_LAYOUTS": ours.path, "XDG_CACHE_HOME": cacheHome.path]
        func listed() throws -> (status: Int32, lines: [Substring], stderr: String) {
            let result = try scratch.quire(["layouts"], environment: environment)
            return (result.status, result.stdout.split(separator: "\n"), result.stderr)
        }
        func description(_ name: String, in lines: [Substring]) -> String? {
            lines.first { $0.hasPrefix(name + " ") }.map { $0.dropFirst(name.count).trimmingCharacters(in: .whitespaces) }
        }

        let first = try listed()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(description("house", in: first.lines) == "From the base")
        let cacheFile = cacheHome.appendingPathComponent("quire/layouts")
        let stored = try String(contentsOf: cacheFile, encoding: .utf8)
        #expect(stored.contains("base.yaml") && stored.contains("committee-paper.yaml"), "every file read is recorded: \(stored)")
        #expect(try listed().lines == first.lines)

        // The parent's description changes: the listing follows it.
        try scratch.write("ours/base.yaml", "extends: committee-paper\ndescription: Edited base\n")
        #expect(description("house", in: try listed().lines) == "Edited base")

        // A new layout in the folder is listed.
        try scratch.write("ours/annex.yaml", "extends: committee-paper\ndescription: Annex style\n")
        #expect(description("annex", in: try listed().lines) == "Annex style")

        // A broken layout is an error, as without the cache, and a repaired one lists again.
        try scratch.write("ours/annex.yaml", "extends: committee-paper\nbody:\n  leding: 14\n")
        let broken = try listed()
        #expect(broken.status == 2 && broken.stderr.contains("annex.yaml:3:"), "\(broken.stderr)")
        try scratch.write("ours/annex.yaml", "extends: committee-paper\ndescription: Annex again\n")
        #expect(description("annex", in: try listed().lines) == "Annex again")

        // A damaged cache file is a miss, and is written anew.
        try Data("quire-layouts 1\nkey\tsomething else\nlayout\tghost\t/nowhere\tNot a layout\n".utf8).write(to: cacheFile)
        let afterDamage = try listed()
        #expect(afterDamage.status == 0 && !afterDamage.lines.contains { $0.hasPrefix("ghost ") })
        #expect(description("annex", in: afterDamage.lines) == "Annex again")
        #expect(try String(contentsOf: cacheFile, encoding: .utf8).contains("annex.yaml"))

        // Without a writable cache folder the listing is the same, only loaded each time.
        let unwritable = try scratch.quire(["layouts"], environment: ["QUIRE_LAYOUTS": ours.path, "XDG_CACHE_HOME": "/proc/quire-no-cache"])
        #expect(unwritable.status == 0 && unwritable.stdout.split(separator: "\n") == afterDamage.lines, "\(unwritable.stderr)")
    }
}
