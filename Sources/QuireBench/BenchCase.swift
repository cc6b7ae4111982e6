import Foundation
public import QuireKit
import QuireLayout
import QuirePages
import QuirePangoCairo

/// One measured run, as a child process reports it to the bench driver.
public struct BenchMeasurement: Sendable {
    public var milliseconds: Double
    public var pages: Int
}

/// The benchmark cases. Each runs in its own process so its peak memory can be read.
public enum BenchCase: String, CaseIterable, Sendable {
    /// Parse + layout + PDF through the engine, with all cores.
    case engine
    /// The engine restricted to one thread.
    case engineOneThread = "engine-1"
    /// Bare Pango + Cairo on the same paragraphs.
    case bare

    /// Runs the case on the generated paper of `sections` sections, writing a PDF to `output`.
    public func run(sections: Int, output: String, resources: Resources) throws -> BenchMeasurement {
        let generated = generateLongPaper(sections: sections)
        let start = DispatchTime.now().uptimeNanoseconds
        var pages = 0
        switch self {
        case .engine, .engineOneThread:
            let typesetter = Typesetter(resources: resources, threads: self == .engine ? ProcessInfo.processInfo.activeProcessorCount : 1)
            pages = try typesetter.renderPDF(data: Data(generated.source.utf8), file: "bench.md", directory: URL(fileURLWithPath: "."), to: output).pages
        case .bare:
            FontConfiguration.use(fontsDirectory: resources.fonts.path)
            let theme = Theme()
            pages = BarePangoCairoLoop.render(
                paragraphs: generated.paragraphs, family: theme.body.family, size: theme.body.size, leading: theme.body.leading,
                width: theme.contentWidth - theme.paragraphs.indent, page: theme.page.size, margin: theme.page.marginTop,
                gap: theme.blockSpace, to: output) ?? 0
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        return BenchMeasurement(milliseconds: elapsed, pages: pages)
    }
}

