import Foundation
import QuireLoopback
import Testing

/// A council's own layout sent with the paper: named by the `layout` field or by the
/// source's front matter, found in the upload, and kept inside it.
@Suite struct UploadedLayoutTests {
    static let house = Data("extends: committee-paper\nname: house\ndescription: Ours\nfooter:\n  text: \"Uploaded style {page}\"\n".utf8)
    static func source(_ layout: String?) -> Data {
        Data(("---\n" + (layout.map { "layout: \($0)\n" } ?? "") + """
            by: [{name: Jane Smith, role: Director}]
            to: Cabinet
            date: 2025-03-12
            subject: Upload test
            classification: Unrestricted
            summary: S
            recommendation: R
            ---

            # Introduction

            Text.
            """).utf8)
    }

    @Test func aLayoutFileInTheUploadIsUsedByFieldOrFrontMatter() throws {
        let server = try ServerProcess()
        let byField = try server.post("/v1/render", form: paperForm(Self.source(nil), files: [("styles/house.yaml", Self.house)],
                                                                    fields: [("layout", "styles/house.yaml")]))
        #expect(byField.status == 200)
        #expect(try pdfWords(byField.body).joined(separator: " ").contains("Uploaded style 1"))
        let byMatter = try server.post("/v1/render", form: paperForm(Self.source("./styles/house.yaml"), files: [("styles/house.yaml", Self.house)]))
        #expect(byMatter.status == 200)
        #expect(byMatter.body == byField.body)
        // A layouts/ folder in the upload is searched by name.
        let byName = try server.post("/v1/render", form: paperForm(Self.source("house"), files: [("layouts/house.yaml", Self.house)]))
        #expect(byName.status == 200)
    }

    @Test func aLayoutPathLeavingTheUploadIsAProblemNamingTheLine() throws {
        let server = try ServerProcess()
        let reply = try server.post("/v1/render", form: paperForm(Self.source("../../etc/house.yaml")))
        #expect(reply.status == 422)
        #expect(reply.problem?.field == "layout")
        #expect(reply.problem?.line == 2)
        #expect(reply.problem?.detail.contains("outside the folders") == true)  // never whether it exists
        let absolute = try server.post("/v1/render", form: paperForm(Self.source(nil), fields: [("layout", "/etc/passwd.yaml")]))
        #expect(absolute.status == 422)
        #expect(absolute.problem?.detail.contains("must be a relative path") == true)
    }
}
