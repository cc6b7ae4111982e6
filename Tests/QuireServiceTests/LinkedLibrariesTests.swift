import Foundation
import QuireTestSupport
import Testing

/// One thing per target, seen in what the executables link: neither links the libraries only
/// some commands use (poppler, libqpdf, librsvg, gdk-pixbuf are opened on first use, so a
/// start-up does not load them), and the CLI carries no HTTP server (`quire serve` hands over
/// to quire-server).
@Suite struct LinkedLibrariesTests {
    @Test func neitherExecutableLinksWhatItOpensOnFirstUseAndTheCLINoHummingbird() throws {
        let folder = try quireExecutable().deletingLastPathComponent()
        let lazy = try lazilyLoadedLibraries().map(\.name)
        #expect(Set(lazy) == ["libpoppler-glib.so.8", "libqpdf.so.29", "librsvg-2.so.2", "libgdk_pixbuf-2.0.so.0"], "\(lazy)")
        for executable in ["quire", "quire-server"] {
            let needed = try neededLibraries(of: folder.appendingPathComponent(executable))
            #expect(needed.contains("libpangocairo-1.0.so.0"), "\(executable) links \(needed.sorted())")
            #expect(Set(needed).isDisjoint(with: lazy), "\(executable) links \(needed.sorted())")
        }
        let symbols = try runProcess("nm", ["--defined-only", folder.appendingPathComponent("quire").path])
        #expect(symbols.status == 0, "\(symbols.stderr)")
        #expect(symbols.stdout.split(separator: "\n").count > 1000)
        #expect(!symbols.stdout.contains("11Hummingbird"), "quire has Hummingbird's symbols")
        // The render path (the server, which only renders) carries no PDF reader: libqpdf is
        // the checker's and the PDF importer's, so only quire has its forwarders.
        #expect(symbols.stdout.contains(" T qpdf_init"), "quire check and quire import read PDFs with libqpdf")
        let server = try runProcess("nm", ["--defined-only", folder.appendingPathComponent("quire-server").path])
        #expect(server.status == 0 && !server.stdout.contains(" T qpdf_init"), "quire-server carries libqpdf's forwarders")
    }
}
