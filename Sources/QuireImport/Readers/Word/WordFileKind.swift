public import Foundation
public import QuireModel

/// What a file's first bytes say it is, as far as the Word reader cares: a zip (a .docx, or
/// another Office or OpenDocument package), an OLE compound file (a Word 97–2003 .doc, or an
/// encrypted Office document, which Office wraps in one), or something else. Decided from
/// the bytes, never the name: a .docx renamed .md, or uploaded as "paper", is still a .docx.
public enum WordFileKind: Sendable, Equatable {
    case zip, compoundFile, other

    public init(_ data: Data) {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            self = .zip
        } else if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            self = .compoundFile
        } else {
            self = .other
        }
    }

    /// Whether the Word reader takes the file (and gives the error when it is not a .docx): its
    /// bytes are a zip or an OLE file, or its name says Word (.docx, .docm, .dotx, .doc)
    /// whatever the bytes, so a damaged or mislabelled Word file gets a Word message, not a
    /// Markdown one.
    public static func readsAsWord(_ data: Data, file: String) -> Bool {
        WordFileKind(data) != .other || ["docx", "docm", "dotx", "dotm", "doc"].contains((file as NSString).pathExtension.lowercased())
    }
}

/// Why a file named as a Word document is not one: what it looks like instead.
func notAZipError(_ data: Data, file: String) -> QuireError {
    let head = String(decoding: data.prefix(512), as: UTF8.self).lowercased()
    let what = head.hasPrefix("{\\rtf") ? "a Rich Text Format (RTF) file" : head.contains("<html") ? "a web page (HTML)"
        : data.starts(with: Array("%PDF-".utf8)) ? "a PDF" : data.isEmpty ? "empty" : "not a zip file"
    return QuireError(.invalidValue, at: nil, "'\(file)' is \(what); a Word document (.docx) is a zip file, and this one does not start as one",
                      hint: "open it in Word or LibreOffice and save it as a Word Document (.docx); a PDF or text export is imported with quire import")
}

/// Why an OLE compound file is not read: an encrypted Office document (its streams are named
/// EncryptionInfo and EncryptedPackage), a Word 97–2003 document (a WordDocument stream), or
/// another old Office file. The stream names are looked for as the directory stores them
/// (UTF-16LE), which says what the file is without reading the compound format.
func compoundFileError(_ data: Data, file: String) -> QuireError {
    func holds(_ name: String) -> Bool { data.range(of: name.data(using: .utf16LittleEndian)!) != nil }
    if holds("EncryptionInfo") || holds("EncryptedPackage") {
        return QuireError(.invalidValue, at: nil, "'\(file)' is a password-protected (encrypted) Word document, which cannot be read without its password",
                          hint: "open it in Word, remove the password (File › Info › Protect Document › Encrypt with Password, then clear it), save it, and import that copy")
    }
    if holds("WordDocument") {
        return QuireError(.invalidValue, at: nil, "'\(file)' is a Word 97–2003 document (.doc); Quire reads Word documents saved as .docx",
                          hint: "open it in Word (or LibreOffice) and save it as a Word Document (.docx): File › Save As › Word Document")
    }
    return QuireError(.invalidValue, at: nil, "'\(file)' is an old-format Office file (an OLE compound file), not a Word document",
                      hint: "save the document as a Word Document (.docx) and import that")
}
