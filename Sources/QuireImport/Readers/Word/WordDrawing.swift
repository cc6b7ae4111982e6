import Foundation
import QuireModel

extension WordBlockReader {
    /// A `w:drawing` (DrawingML): a picture becomes an image with its alt text (`wp:docPr`
    /// descr, else title), a text box its blocks; a chart or diagram Word draws itself is
    /// named in a warning with its alt text set aside.
    func readDrawing(_ drawing: WordElement, state: inout RunState) {
        for frame in drawing.children where frame.name == "wp:inline" || frame.name == "wp:anchor" {
            let properties = frame.child("wp:docPr")
            let alt = properties?["descr"] ?? properties?["title"] ?? ""
            if let blip = frame.descendants("a:blip").first {
                if let id = blip["r:embed"] {
                    addImage(relationship: id, alt: alt, state: &state)
                } else {
                    context.notice("a picture linked from outside the document (not embedded) is not read; insert the picture itself", at: state.place)
                    context.setAside(alt, at: state.place, reason: "the alt text of a linked picture, not read")
                }
            } else if let content = frame.descendants("w:txbxContent").first {
                for block in readBlocks(content) { state.addBlock(block) }
            } else {
                let data = frame.descendants("a:graphicData").first?["uri"] ?? ""
                let what = data.hasSuffix("/chart") ? "a chart" : data.hasSuffix("/diagram") ? "a SmartArt diagram" : "a drawing"
                context.notice("\(what) that Word draws itself is not read; paste it as a picture (PNG) with alt text", at: state.place)
                context.setAside(alt, at: state.place, reason: "the alt text of \(what), not read")
            }
        }
    }

    /// A VML picture or text box (`w:pict`, an embedded object's preview): older documents
    /// and objects keep their pictures this way.
    func readVML(_ element: WordElement, state: inout RunState) {
        if element.name == "w:object" {
            context.notice("an embedded object (a spreadsheet or other file inside the document) is read only as its preview picture", at: state.place)
        }
        for content in element.descendants("w:txbxContent") {
            for block in readBlocks(content) { state.addBlock(block) }
        }
        for image in element.descendants("v:imagedata") {
            guard let id = image["r:id"] ?? image["r:pict"] else { continue }
            let shape = element.descendants("v:shape").first
            let alt = shape?["alt"] ?? image["o:title"] ?? ""
            addImage(relationship: id, alt: alt, state: &state)
        }
    }

    /// The picture a relationship names, as an image block; a format Quire cannot place (EMF,
    /// WMF, GIF, TIFF, BMP) is set aside with a warning.
    private func addImage(relationship id: String, alt: String, state: inout RunState) {
        guard let target = relationships[id], !target.isExternal else {
            context.notice("a picture whose file is missing from the document is not read", at: state.place)
            context.setAside(alt, at: state.place, reason: "the alt text of a missing picture")
            return
        }
        let data: Data?
        do {
            data = try context.package.part(target.target)
        } catch {
            context.notice("a picture that cannot be unpacked (\(error.message)) is not read", at: state.place)
            return
        }
        guard let data else {
            context.notice("a picture whose file is missing from the document is not read", at: state.place)
            context.setAside(alt, at: state.place, reason: "the alt text of a missing picture")
            return
        }
        let bytes = [UInt8](data)
        guard isPlaceableImage(bytes) else {
            let name = (target.target as NSString).lastPathComponent
            context.notice("a picture in a format Quire cannot place (\(name)) is not read; save it as PNG or JPEG and insert that", at: state.place)
            context.setAside(alt, at: state.place, reason: "the alt text of \(name), a picture Quire cannot place")
            return
        }
        // Named as in the package, below the document's folder ("media/image1.png").
        let folder = (part as NSString).deletingLastPathComponent
        let name = target.target.hasPrefix(folder + "/") ? String(target.target.dropFirst(folder.count + 1)) : "media/" + (target.target as NSString).lastPathComponent
        state.addBlock(.image(ImportImage(name: name, data: bytes, alt: alt.trimmingCharacters(in: .whitespacesAndNewlines), place: state.place)))
    }
}

/// PNG, JPEG or SVG, by their first bytes: what Quire's figures take.
func isPlaceableImage(_ bytes: [UInt8]) -> Bool {
    if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return true }
    let head = String(decoding: bytes.prefix(512), as: UTF8.self)
    return head.contains("<svg")
}
