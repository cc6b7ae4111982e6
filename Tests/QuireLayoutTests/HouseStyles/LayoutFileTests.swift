import Foundation
@testable import QuireLayout
import QuireModel
import Testing

/// `extends:`, and the new keys' checks, as `parseTheme` reads them.
@Suite("Layout files: extends and new keys")
struct LayoutFileTests {
    let layouts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("layouts")

    /// Reads a bundled layout, resolving `extends:` among the bundled ones.
    func bundled(_ name: String) throws -> Theme {
        let file = layouts.appendingPathComponent(name + ".yaml").path
        return try parseTheme(try String(contentsOfFile: file, encoding: .utf8), file: file) { reference, _ throws(QuireError) in
            do { return try bundled(reference) } catch let error as QuireError { throw error } catch { throw QuireError(.io, at: nil, "\(error)") }
        }
    }

    @Test("every bundled layout parses, the four house styles under their names", arguments: [
        "committee-paper", "cabinet-decision", "annual-report", "agenda",
        "county-2025", "city-committee-report", "combined-authority", "welsh-council",
    ])
    func shipped(name: String) throws {
        let theme = try bundled(name)
        #expect(theme.name == name && !theme.description.isEmpty)
    }

    @Test("extends takes every key of the base and lays the file's own over them")
    func extendsBase() throws {
        let base = try parseTheme("body:\n  size: 11pt\nfooter:\n  text: \"{page}\"\n", file: "/styles/base.yaml")
        var asked: [String] = []
        let theme = try parseTheme("extends: base\nbody:\n  size: 13pt\n", file: "/styles/ours.yaml") { reference, location throws(QuireError) in
            asked.append("\(reference)@\(location.line)")
            return base
        }
        #expect(asked == ["base@1"])
        #expect(theme.body.size == 13 && theme.footer.template == "{page}")
        #expect(theme.name == "ours" && theme.file == "/styles/ours.yaml" && theme.extends == ["/styles/base.yaml"])
        // A key the base set is located in the base file; one this file set, here.
        #expect(theme.location(ofKey: "footer.text") == SourceLocation(file: "/styles/base.yaml", line: 4))
        #expect(theme.location(ofKey: "body.size") == SourceLocation(file: "/styles/ours.yaml", line: 3))
    }

    @Test("the county style extends committee-paper: its keys, with its own rows and panel")
    func countyExtends() throws {
        let county = try bundled("county-2025"), committee = try bundled("committee-paper")
        #expect(county.extends.last?.hasSuffix("committee-paper.yaml") == true)
        #expect(county.subheading.size == committee.subheading.size && county.table == committee.table)
        #expect(county.numbering.paragraphs == .decimal && county.headerBlock.panel.fields == [.summary, .recommendation])
    }

    @Test("errors in an extending layout still name its line and key, all in one run")
    func errorsAtTheirLines() {
        #expect {
            _ = try parseTheme("extends: base\nbody:\n  sise: 12\nnumbering:\n  count: chapter\n", file: "ours.yaml") { _, _ throws(QuireError) in Theme() }
        } throws: { error in
            guard let error = error as? QuireError else { return false }
            return error.all.map(\.location?.line) == [3, 5] && error.field == "body.sise" && error.hint?.contains("body.size") == true
                && error.all[1].message.contains("\"document\"")
        }
        #expect {
            _ = try parseTheme("extends: [a, b]\n", file: "ours.yaml") { _, _ throws(QuireError) in Theme() }
        } throws: { error in (error as? QuireError)?.field == "extends" }
        #expect {
            _ = try parseTheme("extends: base\n", file: "ours.yaml")
        } throws: { error in (error as? QuireError)?.message.contains("cannot extend") == true }
    }

    @Test("masthead lines and sections are checked key by key")
    func listKeys() throws {
        let theme = try parseTheme("masthead:\n  - {text: \"Item {agenda-item}\", align: right, size: 14pt, case: upper}\nsections:\n  - {title: Appendices, missing: None.}\n", file: "t.yaml")
        #expect(theme.masthead.first?.alignment == .right && theme.masthead.first?.size == 14 && theme.masthead.first?.textCase == .upper)
        #expect(theme.sections == [with(ReportSection(title: "Appendices")) { $0.missing = "None." }])
        #expect {
            _ = try parseTheme("masthead:\n  - {txt: Item}\n", file: "t.yaml")
        } throws: { error in (error as? QuireError)?.hint?.contains("did you mean 'text'?") == true && (error as? QuireError)?.location?.line == 2 }
        #expect {
            _ = try parseTheme("header-block:\n  rows:\n    - {field: date, lable: Date}\n", file: "t.yaml")
        } throws: { error in (error as? QuireError)?.message.contains("unknown row key 'lable'") == true }
        #expect {
            _ = try parseTheme("numbering: \"1.\"\n", file: "t.yaml")
        } throws: { error in (error as? QuireError)?.hint?.contains("paragraphs") == true }
    }
}

private func with<T>(_ value: T, _ change: (inout T) -> Void) -> T {
    var copy = value
    change(&copy)
    return copy
}
