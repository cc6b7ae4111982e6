import Foundation
import QuireTestSupport
import Testing

/// One thing per target, seen in what the executables link: the render path (the server,
/// which only renders) carries no PDF reader (libqpdf is the checker's and the PDF
/// importer's), and the CLI carries no HTTP server (`quire serve` hands over to quire-server).
@Suite struct LinkedLibrariesTests {
    @Test func theServerLinksNoQPDFAndTheCLINoHummingbird() throws {
        let folder = try quireExecutable().deletingLastPathComponent()
        let server = try neededLibraries(of: folder.appendingPathComponent("quire-server"))
        #expect(!server.isEmpty)
        #expect(!server.contains { $0.hasPrefix("libqpdf") }, "quire-server links \(server.sorted())")
        let cli = try neededLibraries(of: folder.appendingPathComponent("quire"))
        #expect(cli.contains { $0.hasPrefix("libqpdf") }, "quire check and quire import read PDFs with libqpdf")
        let symbols = try runProcess("nm", ["--defined-only", folder.appendingPathComponent("quire").path])
        #expect(symbols.status == 0, "\(symbols.stderr)")
        #expect(symbols.stdout.split(separator: "\n").count > 1000)
        #expect(!symbols.stdout.contains("11Hummingbird"), "quire has Hummingbird's symbols")
    }
}
