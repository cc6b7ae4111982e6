import Foundation
import QuireLoopback
import QuireTestSupport
import Testing

/// The service's packs carry a tagged PDF appendix's structure as `quire pack` does: the
/// upload of Tests/Fixtures/accessibility/tagged-appendix to a real server process comes back
/// with the appendix's header cells and headings under the item, its words on its page.
@Suite struct TaggedAppendixServiceTests {
    @Test func aPackUploadKeepsItsTaggedAppendixStructure() throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures/accessibility/tagged-appendix")
        var form = MultipartForm()
        form.add("manifest", filename: "pack.yaml", try Data(contentsOf: folder.appendingPathComponent("pack.yaml")))
        for name in ["capital-report.md", "capital-programme.pdf", "minutes-2017-07-20.pdf"] {
            form.add(name, filename: name, try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        let server = try ServerProcess()
        let reply = try server.post("/v1/packs", form: form)
        #expect(reply.status == 200, "\(String(decoding: reply.body.prefix(400), as: UTF8.self))")
        let pdf = FileManager.default.temporaryDirectory.appendingPathComponent("quire-tagged-\(UUID().uuidString).pdf")
        try reply.body.write(to: pdf)
        defer { try? FileManager.default.removeItem(at: pdf) }
        // Roles under the second item's Part: its heading, the paper's elements, then the
        // appendix's Sect with its title and LibreOffice's headings, header cells and list.
        let roles = try run("python3", ["-c", """
            import pikepdf, sys
            def roles(element, inside):
                kids = element.get('/K')
                kids = list(kids) if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])
                for kid in kids:
                    if isinstance(kid, pikepdf.Dictionary) and '/S' in kid:
                        role = str(kid.S)[1:]
                        if inside: print(role)
                        roles(kid, inside or role == 'Part')
            with pikepdf.open(sys.argv[1]) as p: roles(p.Root.StructTreeRoot, False)
            """, pdf.path])
        try #require(roles.status == 0, "\(roles.err)")
        let found = roles.out.split(separator: "\n").map(String.init)
        #expect(found.filter { $0 == "TH" }.count == 7 + 5)  // the paper's header block, the appendix's table
        #expect(found.contains("H2") && found.contains("LBody") && found.contains("Sect"))
        let text = try run("pdftotext", [pdf.path, "-"]).out
        #expect(text.contains("Variance £000") && text.contains("Appendix A: Capital programme 2025/26, schemes by service"))
    }
}
