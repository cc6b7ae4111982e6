import Foundation
import QuireKit
import QuireModel
import Testing

@Suite("Bundled fonts")
struct FontCheckTests {
    @Test("a layout naming a font that is not bundled is an error at its line, before anything is drawn")
    func unbundledFamily() throws {
        let root = try scratchDirectory()
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("fonts"), withDestinationURL: repositoryRoot.appendingPathComponent("fonts"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("layouts"), withIntermediateDirectories: true)
        try "name: arial-style\nbody:\n  size: 11pt\n  font: Arial\n".write(to: root.appendingPathComponent("layouts/arial-style.yaml"), atomically: true, encoding: .utf8)
        let local = Typesetter(resources: Resources(root: root))
        #expect {
            _ = try local.layout(file: examplePath("kscb-2016-17"), layout: "arial-style")
        } throws: { error in
            guard let error = error as? QuireError else { return false }
            return error.field == "body.font" && error.location?.line == 4 && error.location?.file.hasSuffix("arial-style.yaml") == true
                && error.hint?.contains("Liberation Sans") == true
        }
    }
}
