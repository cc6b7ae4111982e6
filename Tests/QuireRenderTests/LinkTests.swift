import Foundation
import QuireKit
import QuireTestSupport
import Testing

/// Every link annotation of every example and pack, followed with pikepdf and pdftotext
/// (Tests/Tools/follow_links.py): an internal link lands on the page whose printed label its
/// text names, that page shows what the link's text says is there, its description uses the
/// label; a web or email link goes where its text says; and each link's words are read
/// inside its `Link` element.
@Suite("Links go where they say")
struct LinkTests {
    struct Followed: Decodable {
        var page: Int
        var label: String
        var text: String
        var contents: String
        var target_page: Int?
        var target_y: Double?
        var target_label: String?
        var target_text: String?
        var target_error: String?
        var uri: String?
        var role: String?
        var parent_role: String?
        var text_runs: Int?
    }

    static func follow(_ pdf: String) throws -> [Followed] {
        let result = try run("python3", [repositoryRoot.appendingPathComponent("Tests/Tools/follow_links.py").path, pdf])
        guard result.status == 0 else { throw PDFReading.ReadingFailed(message: result.err) }
        return try JSONDecoder().decode([Followed].self, from: Data(result.out.utf8))
    }

    /// An agenda line: "5. Title (Pages 5 - 12)", or "(Page 5)": its item number and first page.
    static func agendaLine(_ text: String) -> (item: String, first: String)? {
        guard let range = text.range(of: #"\(Pages? [^ )]+"#, options: .regularExpression), let dot = text.firstIndex(of: ".") else { return nil }
        return (String(text[..<dot]), String(text[range].split(separator: " ")[1]))
    }

    /// Words of a contents entry's title ("3. The year in figures 2"), which the page it
    /// goes to shows as its heading.
    static func titleWords(_ text: String) -> [String] {
        text.split(separator: " ").dropLast().map(String.init).filter { $0.count > 3 && $0.rangeOfCharacter(from: .letters) != nil }
    }

    /// Every link goes where its text says: a contents entry to its section's page, printing
    /// that page's label (in a pack, the pack's number); an agenda line to its item.
    static func check(_ links: [Followed], in file: String) {
        for link in links {
            let place = "\(file) page \(link.label): \(link.text)"
            #expect(link.role == "Link", "\(place): annotation held by \(link.role ?? "nothing")")
            #expect((link.text_runs ?? 0) > 0, "\(place): the Link element holds no text")
            #expect(!link.text.isEmpty, "\(place): no words under the link")
            if let uri = link.uri {
                let shown = link.text.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()"))
                if shown.contains("@") || shown.hasPrefix("http") || shown.hasPrefix("www.") {
                    #expect(uri == shown || uri == "mailto:" + shown || uri == "https://" + shown, "\(place): goes to \(uri)")
                }
                #expect(!link.contents.isEmpty, "\(place)")
                continue
            }
            guard let target = link.target_page, let label = link.target_label, let text = link.target_text?.lowercased() else {
                Issue.record("\(place): no destination (\(link.target_error ?? "no /Dest, no /A"))")
                continue
            }
            #expect(link.contents == "Go to page \(label)", "\(place): described as \(link.contents)")
            #expect(link.parent_role == "Reference", "\(place): the Link is in \(link.parent_role ?? "nothing")")
            if let agenda = agendaLine(link.text) {
                // The front sheet: the item's first page, which the pack stamps with its number.
                #expect(agenda.first == label, "\(place): lands on page \(label) (index \(target))")
                #expect(text.contains("agenda item \(agenda.item)"), "\(place): page \(label) is not agenda item \(agenda.item)")
            } else {
                // A contents entry: the section's page, showing its heading.
                let number = link.text.split(separator: " ").last.map(String.init)
                // In a pack, the number printed is the pack's: the paper is laid out again with it.
                #expect(number == label, "\(place): lands on page \(label) (index \(target))")
                for word in titleWords(link.text) { #expect(text.contains(word.lowercased()), "\(place): page \(label) does not show \(word)") }
            }
        }
    }

    @Test("every link of every example goes where its text says", arguments: examples)
    func example(name: String) throws {
        let links = try Self.follow(try renderExample(name))
        if name == "kscb-annual-report" { #expect(links.filter { $0.target_page != nil }.count >= 5) }
        Self.check(links, in: name)
    }

    @Test("every link of the example pack, public and full, goes where its text says, the papers' own links renumbered",
          arguments: [PackEdition.publicPack, .fullPack])
    func pack(edition: PackEdition) throws {
        let links = try Self.follow(try PackTests.render(edition))
        #expect(links.filter { $0.target_page != nil }.count >= 4)
        // An address in the manifest's plain text is a link too.
        #expect(links.contains { $0.uri == "mailto:democratic.services@kent.gov.uk" })
        Self.check(links, in: "pack")
    }
}
