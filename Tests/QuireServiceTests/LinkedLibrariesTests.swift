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

    /// The loader itself, compiled with the toolchain's clang beside a caller asking it for a
    /// library that is not there, and for a symbol a real library lacks: each stops the
    /// command with status 69, naming the library and the package to install.
    @Test func aMissingLibraryStopsTheCommandNamingItsPackage() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("quire-lazy-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let loader = repositoryRoot.appendingPathComponent("Sources/CLazyLoad")
        try """
            #include "lazy_load.h"
            static const char *const missing_names[] = {"libquire-missing.so.1", 0};
            static const QuireLazyLibrary missing = {missing_names, "libquire-missing1"};
            static const char *const zlib_names[] = {"libz.so.1", 0};
            static const QuireLazyLibrary zlib = {zlib_names, "zlib1g"};
            int main(int argc, char **argv) {
                (void)argv;
                quire_lazy_symbol(&zlib, "deflate");
                if (argc > 1) quire_lazy_symbol(&zlib, "quire_no_such_function");
                quire_lazy_symbol(&missing, "anything");
                return 0;
            }
            """.write(to: scratch.appendingPathComponent("caller.c"), atomically: true, encoding: .utf8)
        let program = scratch.appendingPathComponent("caller").path
        let built = try runProcess("clang", ["-I", loader.appendingPathComponent("include").path, scratch.appendingPathComponent("caller.c").path,
                                             loader.appendingPathComponent("lazy_load.c").path, "-o", program, "-ldl", "-lpthread"])
        try #require(built.status == 0, "\(built.stderr)")
        let library = try runProcess(program, [])
        #expect(library.status == 69)
        #expect(library.stderr.contains("error: cannot load libquire-missing.so.1, which this command needs"), "\(library.stderr)")
        #expect(library.stderr.contains("hint: install it: apt-get install libquire-missing1"), "\(library.stderr)")
        let symbol = try runProcess(program, ["symbol"])
        #expect(symbol.status == 69)
        #expect(symbol.stderr.contains("error: libz.so.1 has no quire_no_such_function"), "\(symbol.stderr)")
    }
}
