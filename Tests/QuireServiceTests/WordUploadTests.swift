import Foundation
import QuireLoopback
import Testing

/// A Word document uploaded to `/v1/render` as an officer would send it: the .docx itself,
/// imported in the service's workspace by the same rules as `quire import`, and rendered.
@Suite struct WordUploadTests {
    static let docx = repositoryRoot.appendingPathComponent("Tests/Fixtures/corpus/city-parking-strategy-2025/paper.docx")

    @Test func aDocxUploadRenders() throws {
        let server = try ServerProcess()
        let reply = try server.post("/v1/render", form: paperForm(try Data(contentsOf: Self.docx), filename: "parking.docx"))
        #expect(reply.status == 200, "\(String(decoding: reply.body.prefix(600), as: UTF8.self))")
        #expect(reply.body.starts(with: Array("%PDF-".utf8)))
        let words = try pdfWords(reply.body).joined(separator: " ")
        // The header block, a body paragraph and the table reach the PDF.
        for phrase in ["SUBJECT: Parking strategy 2025 to 2030", "The current parking strategy was adopted in 2018.", "Table 1: Hourly parking tariffs"] {
            #expect(words.contains(phrase), "'\(phrase)' is not in the PDF")
        }
    }

    @Test func aWord97UploadIsAProblemSayingHowToSaveIt() throws {
        let server = try ServerProcess()
        var ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 504)
        ole += Data("WordDocument".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let reply = try server.post("/v1/render", form: paperForm(ole, filename: "old.doc"))
        #expect(reply.status == 422, "\(reply.status)")
        #expect(reply.problem?.detail.contains("Word 97–2003 document") == true, "\(String(describing: reply.problem))")
    }
}
