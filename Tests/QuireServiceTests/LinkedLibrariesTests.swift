import Foundation
import QuireTestSupport
import Testing

/// One thing per target, seen in what the executables link: neither links the libraries it
/// opens on first use (the text stack, Pango, Cairo, GLib, Fontconfig and cmark-gfm, and
/// FoundationXML's libxml2, through trampolines; poppler, libqpdf, librsvg and gdk-pixbuf
/// through forwarders), so a start-up loads none of them, and the CLI carries no HTTP server (`quire serve` hands over to
/// quire-server).
@Suite struct LinkedLibrariesTests {
    static let textStack: Set = ["libpangocairo-1.0.so.0", "libpangoft2-1.0.so.0", "libpango-1.0.so.0", "libgobject-2.0.so.0", "libglib-2.0.so.0",
                                 "libcairo.so.2", "libfontconfig.so.1", "libcmark-gfm.so.0.29.0.gfm.6", "libcmark-gfm-extensions.so.0.29.0.gfm.6", "libxml2.so.2"]

    @Test func neitherExecutableLinksWhatItOpensOnFirstUseAndTheCLINoHummingbird() throws {
        let folder = try quireExecutable().deletingLastPathComponent()
        let lazy = try lazilyLoadedLibraries().map(\.name)
        #expect(Set(lazy) == Self.textStack.union(["libpoppler-glib.so.8", "libqpdf.so.29", "librsvg-2.so.2", "libgdk_pixbuf-2.0.so.0"]), "\(lazy)")
        for executable in ["quire", "quire-server"] {
            // A function of the stack called without a trampoline keeps its library here:
            // `python3 scripts/gen-lazy-stack.py` after a build adds it.
            let needed = try neededLibraries(of: folder.appendingPathComponent(executable))
            #expect(!needed.isEmpty && Set(needed).isDisjoint(with: lazy), "\(executable) links \(needed.sorted())")
            #expect(!needed.contains("libharfbuzz.so.0") && !needed.contains("libfreetype.so.6"), "\(executable) links \(needed.sorted())")
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

    /// The trampolines, compiled with the toolchain's clang into a program that names neither
    /// cairo nor cmark-gfm to the linker: its first calls load them, and arguments in every
    /// kind of register arrive (doubles in vector registers: the filled square has the colour
    /// and the place asked for), as do results (a heading's level, a pixel's bytes).
    @Test func theTrampolinesLoadTheLibraryOnTheFirstCallAndPassTheCallThrough() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("quire-trampolines-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let loader = repositoryRoot.appendingPathComponent("Sources/CLazyLoad")
        try """
            #include <cairo.h>
            #include <cmark-gfm.h>
            #include <stdio.h>
            #include <string.h>
            int main(void) {
                cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 8, 8);
                cairo_t *cr = cairo_create(surface);
                cairo_set_source_rgb(cr, 0.25, 0.5, 0.75);
                cairo_rectangle(cr, 2.0, 4.0, 3.0, 2.0);
                cairo_fill(cr);
                cairo_surface_flush(surface);
                const unsigned char *data = cairo_image_surface_get_data(surface);
                int stride = cairo_image_surface_get_stride(surface);
                const unsigned char *inside = data + 5 * stride + 3 * 4, *outside = data + 1 * stride + 1 * 4;
                printf("inside %d %d %d outside %d %d %d\\n", inside[2], inside[1], inside[0], outside[2], outside[1], outside[0]);
                cairo_destroy(cr);
                cairo_surface_destroy(surface);
                const char *text = "## Two\\n";
                cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
                cmark_parser_feed(parser, text, strlen(text));
                cmark_node *document = cmark_parser_finish(parser);
                printf("heading %d\\n", cmark_node_get_heading_level(cmark_node_first_child(document)));
                cmark_node_free(document);
                cmark_parser_free(parser);
                return 0;
            }
            """.write(to: scratch.appendingPathComponent("caller.c"), atomically: true, encoding: .utf8)
        let flags = try runProcess("pkg-config", ["--cflags", "cairo", "libcmark-gfm"])
        try #require(flags.status == 0, "\(flags.stderr)")
        let program = scratch.appendingPathComponent("caller").path
        let sources = ["stack_trampolines.S", "stack_libraries.c", "lazy_load.c"].map { loader.appendingPathComponent($0).path }
        let built = try runProcess("clang", flags.stdout.split(whereSeparator: \.isWhitespace).map(String.init)
                                      + ["-I", loader.appendingPathComponent("include").path, scratch.appendingPathComponent("caller.c").path]
                                      + sources + ["-o", program, "-ldl", "-lpthread"])
        try #require(built.status == 0, "\(built.stderr)")
        let needed = try neededLibraries(of: URL(fileURLWithPath: program))
        #expect(!needed.contains("libcairo.so.2") && !needed.contains("libcmark-gfm.so.0.29.0.gfm.6"), "\(needed)")
        let run = try runProcess(program, [])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "inside 64 128 191 outside 0 0 0\nheading 2\n", "\(run.stdout)")
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
