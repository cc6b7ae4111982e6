import Foundation
import QuireModel

/// The package's main part, as `_rels/.rels` names it and `[Content_Types].xml` types it.
/// A zip that is some other kind of document (a workbook, a presentation, an OpenDocument
/// text) is refused with what it is, and so is a document carrying macros: a council's
/// papers have none, and a file that does is not one to take from an upload.
struct WordMainPart {
    var name: String
}

func mainDocumentPart(_ package: WordPackage) throws(QuireError) -> WordMainPart {
    let file = package.file
    if !package.has("[Content_Types].xml"), let mimetype = try package.part("mimetype") {
        let type = String(decoding: mimetype, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let what = type.hasSuffix(".text") ? "an OpenDocument text (.odt)" : type.hasSuffix(".spreadsheet") ? "an OpenDocument spreadsheet (.ods)"
            : "an OpenDocument file (\(type))"
        throw QuireError(.invalidValue, at: nil, "'\(file)' is \(what), not a Word document",
                         hint: "open it in LibreOffice and save it as Word 2007–365 (.docx): File › Save As, File type \"Word 2007–365\"")
    }
    var name = "word/document.xml"
    let rels = try package.xml("_rels/.rels")
    if let rels {
        for relationship in rels.children("rel:Relationship") where relationship["Type"]?.hasSuffix("/officeDocument") == true {
            if let target = relationship["Target"] { name = resolvePartName(target, from: "") }
        }
    }
    var type = ""
    if let types = try package.xml("[Content_Types].xml") {
        type = types.children("ct:Override").first { resolvePartName($0["PartName"] ?? "", from: "") == name }?["ContentType"] ?? ""
    }
    let kinds: [(String, String)] = [("spreadsheetml", "an Excel workbook"), ("ms-excel", "an Excel workbook"),
                                     ("presentationml", "a PowerPoint presentation"), ("ms-powerpoint", "a PowerPoint presentation")]
    if let kind = kinds.first(where: { type.contains($0.0) }) {
        throw QuireError(.invalidValue, at: nil, "'\(file)' is \(kind.1), not a Word document",
                         hint: "write the paper in Word and save it as a Word Document (.docx); a table from a workbook can be pasted into it")
    }
    guard package.has(name), rels != nil || package.has("word/document.xml") else {
        throw QuireError(.invalidValue, at: nil, "'\(file)' is a zip file but not a Word document: it holds no word/document.xml",
                         hint: "save the paper from Word or LibreOffice as a Word Document (.docx) and import that")
    }
    if type.contains("macroEnabled") || package.names.contains(where: { $0.lowercased().hasSuffix("vbaproject.bin") }) {
        throw QuireError(.invalidValue, at: nil, "'\(file)' is a macro-enabled Word document (.docm); Quire does not read a document that carries macros",
                         hint: "open it in Word and save it as a Word Document (.docx), which keeps the text and drops the macros: File › Save As, \"Word Document (*.docx)\"")
    }
    return WordMainPart(name: name)
}

/// `docProps/core.xml`: the title, author and creation date the document carries.
func readCoreProperties(_ package: WordPackage) throws(QuireError) -> DocumentProperties {
    guard let root = try package.xml("docProps/core.xml") else { return DocumentProperties() }
    func value(_ name: String) -> String? {
        let text = root.child(name)?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return text.isEmpty ? nil : text
    }
    return DocumentProperties(title: value("dc:title"), author: value("dc:creator"), created: value("dcterms:created"), language: value("dc:language"))
}
