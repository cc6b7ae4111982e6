// swift-tools-version:6.0
// Quire: committee papers from Markdown + YAML (or Word, PDF, text through the importer) to
// paginated PDF, laid out by our own engine with Pango shaping and Cairo drawing. One target
// per layer; dependencies point one way (ARCHITECTURE.md has the table and the graph):
// QuireModel → QuireSource / QuireYAML → QuireLayout (+ QuirePages) → QuireRender →
// QuirePangoCairo (the only Swift target touching Pango/Cairo) → QuirePDF finishes the file →
// QuireKit (the composition root) → quire; QuireImport (Word and text readers, rules) →
// QuireKit; QuireImportPDF (the PDF reader, libqpdf) and QuireArchive → quire only, so no
// render links libqpdf; QuireKit → QuireService → quire-server; QuireKit → QuireBench →
// quire-bench; QuireCheck (libqpdf) → quire. Every import is
// declared (test.sh builds with the explicit import check) and internal unless `public import`.
import PackageDescription

let package = Package(
    name: "Quire",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "quire", targets: ["quire"]),
        .executable(name: "quire-server", targets: ["quire-server"]),
        .library(name: "QuireKit", targets: ["QuireKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // MARK: C system libraries (pkg-config; Debian packages named for a clear error)
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"])]),
        .systemLibrary(name: "CFontconfig", pkgConfig: "fontconfig", providers: [.apt(["libfontconfig-dev"])]),
        // Not "CZlib": ZIPFoundation's own zlib module is called that, and two modules of one
        // name cannot meet in a target that sees both.
        .systemLibrary(name: "CQuireZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CGObject", pkgConfig: "gobject-2.0", providers: [.apt(["libglib2.0-dev"])]),
        // Opened on first use, not linked (CLazyLoad): poppler (PDF import and appendices),
        // libqpdf (check, import), librsvg and gdk-pixbuf (figures). Linked, they doubled the
        // libraries every command loads before main (48 to 77) and its start-up time. Their
        // headers are the libraries' own where /usr/include reaches them (libqpdf-dev,
        // libpoppler-glib-dev), else the few functions Quire calls, declared as they declare them.
        .target(name: "CLazyLoad", linkerSettings: [.linkedLibrary("dl"), .linkedLibrary("z")]),
        .target(name: "CPopplerGlib", dependencies: ["CLazyLoad", "CGObject", "CCairo"]),
        .target(name: "CQPDF", dependencies: ["CLazyLoad"]),
        .target(name: "CRsvg", dependencies: ["CLazyLoad", "CGObject", "CCairo"]),
        .target(name: "CGdkPixbuf", dependencies: ["CLazyLoad", "CGObject"]),
        // A thread started on another core than its creator's (C: `_GNU_SOURCE`'s affinity calls).
        .target(name: "CThreads"),
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        // MARK: Layers
        // The one lock helper, per-worker result slots, and what differs by operating system
        // (the executable's path, resident memory, malloc_trim): below every layer that needs them.
        .target(name: "QuireSystem", dependencies: ["CMalloc", "CThreads"]),
        .target(name: "QuireModel"),
        .target(name: "QuireYAML", dependencies: ["QuireModel", .product(name: "Yams", package: "Yams")]),
        .target(name: "QuireSource", dependencies: ["QuireModel", "QuireYAML", "CCmarkGFM", .product(name: "Yams", package: "Yams"), .product(name: "SwiftCSV", package: "SwiftCSV")]),
        .target(name: "QuirePages"),
        .target(name: "QuireLayout", dependencies: ["QuireModel", "QuireYAML", "QuirePages", "QuireSystem", .product(name: "Yams", package: "Yams")]),
        .target(name: "QuireRender", dependencies: ["QuirePages"]),
        .target(name: "QuirePDFSyntax"),
        .target(name: "QuirePDF", dependencies: ["QuirePages", "QuirePDFSyntax", "QuireSystem", "CQuireZlib"]),
        .target(name: "QuireCheck", dependencies: ["QuirePDF", "QuirePDFSyntax", "CQPDF"]),
        .target(name: "QuirePangoCairo", dependencies: ["QuireLayout", "QuireRender", "QuirePages", "QuirePDF", "QuireSystem", "CCairo", "CPangoCairo", "CFontconfig", "CRsvg", "CGdkPixbuf", "CPopplerGlib"]),
        // QuireKit imports a .docx in memory when it is given one to render (QuireImport).
        .target(name: "QuireKit", dependencies: ["QuireModel", "QuireSource", "QuireLayout", "QuireRender", "QuirePangoCairo", "QuirePDF", "QuireImport", "QuireSystem", "CLazyLoad"]),
        .target(name: "QuireArchive", dependencies: ["QuireKit", "QuireModel", "QuireYAML", "QuireSource", "QuirePages", "QuireSystem", .product(name: "Yams", package: "Yams"),
                                              .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "QuireService", dependencies: ["QuireKit", "QuireLayout", "QuireModel", "QuireVersion", "QuireSystem", .product(name: "Hummingbird", package: "hummingbird"),
                                              .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                                              .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "NIOCore", package: "swift-nio"),
                                              .product(name: "Logging", package: "swift-log"), .product(name: "Metrics", package: "swift-metrics"),
                                              .product(name: "Prometheus", package: "swift-prometheus"),
                                              .product(name: "Configuration", package: "swift-configuration"),
                                              .product(name: "MultipartKit", package: "multipart-kit")]),
        // The version both executables print (`--version`) and /metrics reports (quire_build_info).
        .target(name: "QuireVersion"),
        .target(name: "QuireLoopback"),
        // The Word reader (Readers/Word) opens .docx packages with ZIPFoundation and reads their
        // XML with Foundation's XMLParser (FoundationXML).
        .target(name: "QuireImport", dependencies: ["QuireModel", "QuireSource", "QuireSystem", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "QuireImportPDF", dependencies: ["QuireImport", "QuireModel", "QuirePDFSyntax", "QuireSystem", "CPopplerGlib", "CQPDF"]),
        // The service is its own executable: linking Hummingbird and NIO into `quire` would add
        // their start-up (relocations, conformance tables) to every CLI render. `quire serve`
        // hands over to it.
        .executableTarget(name: "quire", dependencies: ["QuireKit", "QuireArchive", "QuireCheck", "QuireImport", "QuireImportPDF", "QuireSystem", "QuireVersion", "QuireCommandLine", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // What the command-line executables share: option errors as usage errors.
        .target(name: "QuireCommandLine", dependencies: ["QuireModel", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // The benchmark harness: its workloads and the bare Pango+Cairo baseline (QuireBench), and
        // the driver `quire bench` hands over to (quire-bench), kept out of the CLI and the library.
        .target(name: "QuireBench", dependencies: ["QuireKit", "QuireLayout", "QuirePages", "QuirePangoCairo", "QuireModel", "CCairo", "CPangoCairo"]),
        .executableTarget(name: "quire-bench", dependencies: ["QuireBench", "QuireCommandLine", "QuireKit", "QuireModel", "QuireLoopback", "QuireSystem",
                                                            .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "quire-server", dependencies: ["QuireKit", "QuireService", "QuireVersion",
                                                             .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                                                             .product(name: "Metrics", package: "swift-metrics"),
                                                             .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // MARK: Tests
        .target(name: "QuireTestSupport", dependencies: ["CQuireZlib"], path: "Tests/QuireTestSupport"),
        .testTarget(name: "QuireSourceTests", dependencies: ["QuireSource", "QuireModel", "QuireArchive"]),
        .testTarget(name: "QuireLayoutTests", dependencies: ["QuireLayout", "QuireModel", "QuireSource", "QuirePages"], exclude: ["Snapshots"]),
        .testTarget(name: "QuireRenderTests", dependencies: ["QuireTestSupport", "QuireKit", "QuireSystem", "CThreads", "QuireModel", "QuirePangoCairo", "QuireLayout", "QuirePages", "QuirePDF", "QuireRender", "CCairo", "CLazyLoad"], exclude: ["References"]),
        .testTarget(name: "QuireCLITests", dependencies: ["QuireKit", "QuireArchive", "QuireLayout", "QuireModel", "QuireBench", "QuireVersion", "QuireTestSupport"]),
        .testTarget(name: "QuirePDFTests", dependencies: ["QuirePDF", "QuirePDFSyntax", "QuirePages", "QuireSystem", "QuireTestSupport"]),
        .testTarget(name: "QuireCheckTests", dependencies: ["QuireCheck", "QuirePDF", "QuirePDFSyntax", "QuireTestSupport"]),
        .testTarget(name: "QuireImportTests", dependencies: ["QuireImport", "QuireImportPDF", "QuireKit", "QuireSource", "QuireModel", "QuireTestSupport"]),
        .testTarget(name: "QuireServiceTests", dependencies: ["QuireService", "QuireLoopback", "QuireTestSupport", "QuireKit", "QuireSystem", "QuireVersion", .product(name: "Yams", package: "Yams"),
                                                         .product(name: "HummingbirdTesting", package: "hummingbird"),
                                                         .product(name: "Hummingbird", package: "hummingbird"),
                                                         .product(name: "Logging", package: "swift-log"),
                                                         .product(name: "HTTPTypes", package: "swift-http-types"),
                                                         .product(name: "NIOCore", package: "swift-nio")]),
    ],
    swiftLanguageModes: [.v6]
)

// Imports are internal unless written `public import` (a target's public API says which
// modules it exposes), and a member is visible only in a file that imports its module: the
// compiler, not review, keeps the layering honest.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("InternalImportsByDefault"),
        .enableUpcomingFeature("MemberImportVisibility"),
        // A concrete generic type's metadata is reached through its accessor, not by the
        // runtime demangling its name on first use: instantiating a render's hundreds of
        // them (arrays, dictionaries and sets of Quire's own types) by name was 8% of a cold
        // render's samples, 3.7% after (perf; the rest is in Foundation and the packages).
        .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]),
    ]
}
