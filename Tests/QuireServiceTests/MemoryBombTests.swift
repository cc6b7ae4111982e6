import Foundation
import QuireLoopback
import QuireTestSupport
import Testing

/// Bombs inside the body limit, against a real server with the deploy settings: each is built
/// here (small on disk, enormous decoded), refused with the right 4xx and a message that says
/// which bound, while the server's peak resident memory stays far below a 1 GiB pod's and a
/// good request sent alongside still gets its PDF.
@Suite(.serialized) struct MemoryBombTests {
    /// The deploy manifests' settings (deploy/kubernetes).
    static let deploySettings = ["--concurrency", "2", "--max-queue", "32"]
    /// Far below the 1 GiB pod, and far below what any of these bombs took before (1.6 to 4 GiB).
    static let peakLimit = 512 * 1024 * 1024

    static let paper = ProblemParityTests.front + "---\n\n# Introduction\n\nThe body text.\n"

    /// A pack of one paper with `appendix` as its PDF appendix.
    static func packForm(appendix: Data) -> MultipartForm {
        var form = MultipartForm()
        form.add("manifest", filename: "pack.yaml", Data("""
            meeting:
              committee: Cabinet
              date: 2025-03-12
              time: "10:00"
              venue: County Hall
            items:
              - number: 1
                title: The report
                paper: report.md
                appendices:
                  - title: "Appendix A"
                    pdf: appendix.pdf
            """.utf8))
        form.add("report.md", filename: "report.md", Data(paper.utf8))
        form.add("appendix.pdf", filename: "appendix.pdf", appendix)
        return form
    }

    /// Sends `bomb` with a good request beside it; checks the bomb's answer, that the good one
    /// got its PDF, and the server's peak memory. Returns the peak.
    static func survive(_ bomb: Bomb) throws -> Int {
        let server = try ServerProcess(deploySettings)
        let results = onThreads(2) { index -> HTTPReply? in
            index == 0 ? try? bomb.send(server) : try? server.post("/v1/render", form: paperForm(try contents(examplePaper)))
        }
        let answer = try #require(results[0]), good = try #require(results[1])
        #expect(answer.status == bomb.status, "\(bomb.name): \(answer.text.prefix(400))")
        #expect(answer.problem?.kind == "limit")
        #expect(answer.problem?.detail.contains(bomb.mentions) == true, "\(answer.problem?.detail ?? "")")
        #expect(good.status == 200 && good.isPDF)
        #expect(try server.get("/healthz").status == 200, "still up")
        let peak = server.residentBytes("VmHWM")
        #expect(peak < peakLimit, "peak resident memory \(peak >> 20) MiB")
        return peak
    }

    /// Before, 34 concurrent 30 MiB JSON uploads were all admitted (2 slots + 32 queued) and
    /// took a 1 GiB pod down in under 3 s. Each now reserves four times its size before it
    /// is read: those that fit are served, the rest answered 429 at once; none is lost.
    @Test func concurrentLargeJSONUploadsAreAdmittedByTheirMemoryAndNoneIsLost() throws {
        let server = try ServerProcess(Self.deploySettings + ["--memory-budget-mib", "900"])
        let body = Self.largeJSONBody
        #expect(body.count > 29 << 20 && body.count < 32 << 20)
        let replies = onThreads(34) { _ in
            try? LoopbackHTTP.send(port: server.port, method: "POST", path: "/v1/render", headers: [("Content-Type", "application/json")], body: body)
        }
        let statuses = replies.map { $0?.status ?? 0 }
        #expect(statuses.allSatisfy { $0 == 200 || $0 == 429 }, "\(statuses)")
        #expect(statuses.contains(200))
        #expect(replies.compactMap { $0 }.filter { $0.status == 429 }.allSatisfy { $0.problem?.detail.contains("JSON uploads being decoded") == true })
        #expect(try server.get("/healthz").status == 200, "still up")
        let peak = server.residentBytes("VmHWM")
        #expect(peak < 900 << 20, "peak resident memory \(peak >> 20) MiB")
        print("34 JSON uploads of \(body.count >> 20) MiB: \(statuses.filter { $0 == 200 }.count) served, \(statuses.filter { $0 == 429 }.count) answered 429, server peak \(peak >> 20) MiB")
    }

    @Test func aBudgetThatCannotHoldTheSlotsAndOneBodyIsRefusedAtStart() throws {
        let run = try runProcess(try quireExecutable().path, ["serve", "--port", "0", "--memory-budget-mib", "300"] + Self.deploySettings,
                                 environment: ["QUIRE_HOME": repositoryRoot.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--memory-budget-mib 300 cannot hold 2 renders") && run.stderr.contains("at least 544"), "\(run.stderr)")
    }

    /// One bomb: how it is sent, and the answer and message it must get.
    struct Bomb: Sendable {
        let name: String
        let send: @Sendable (ServerProcess) throws -> HTTPReply
        let status: Int
        let mentions: String
    }

    /// A 197 KB appendix whose one content stream inflates to 100 MB of `re f`.
    static var contentBomb: Bomb {
        let pdf = contentBombPDF(contentBytes: 100_000_000)
        return Bomb(name: "content bomb (\(pdf.count) bytes)", send: { try $0.post("/v1/packs", form: packForm(appendix: pdf)) }, status: 422,
                    mentions: "decompresses to more than 8 MiB")
    }

    /// 7 MB a reference (under the stream bound), 40 references: 280 MB for the reader.
    static var referencedStreamBomb: Bomb {
        let pdf = contentBombPDF(contentBytes: 7_000_000, operators: " ", references: 40)
        return Bomb(name: "referenced stream bomb (\(pdf.count) bytes)", send: { try $0.post("/v1/packs", form: packForm(appendix: pdf)) },
                    status: 422, mentions: "each stream counted as often as the pages use it")
    }

    static var appendixImageBomb: Bomb {
        let pdf = imageBombPDF(width: 20000, height: 20000)
        return Bomb(name: "appendix image bomb (\(pdf.count) bytes)", send: { try $0.post("/v1/packs", form: packForm(appendix: pdf)) },
                    status: 422, mentions: "20000×20000 pixels")
    }

    static var pngBomb: Bomb {
        let png = bombPNG(width: 20000, height: 20000)
        let source = Data((paper + "\n![A huge figure](huge.png)\n").utf8)
        return Bomb(name: "PNG bomb (\(png.count) bytes)", send: { try $0.post("/v1/render", form: paperForm(source, files: [("huge.png", png)])) },
                    status: 422, mentions: "declares 20000×20000 pixels")
    }

    /// `chart` blocks over 40 indicators × 3,000 periods.
    static var chartBomb: Bomb {
        let periods = (1...3000).map { "p\($0)" }
        var csv = "id,label,unit," + periods.joined(separator: ",") + "\n"
        for indicator in 1...40 { csv += "i\(indicator),Indicator \(indicator),count," + periods.indices.map { String(($0 * 7 + indicator) % 1000) }.joined(separator: ",") + "\n" }
        let indicators = (1...40).map { "i\($0)" }.joined(separator: ", ")
        let source = Data((paper.replacingOccurrences(of: "---\nby:", with: "---\ndata: figures.csv\nby:")
            + "\n```chart\ntype: line\nindicators: [\(indicators)]\n```\n").utf8)
        let table = Data(csv.utf8)
        return Bomb(name: "chart bomb (\(table.count) bytes of CSV)", send: { try $0.post("/v1/render", form: paperForm(source, files: [("figures.csv", table)])) },
                    status: 422, mentions: "a chart shows at most 12")
    }

    static var bombs: [Bomb] { [contentBomb, referencedStreamBomb, appendixImageBomb, pngBomb, chartBomb] }

    /// A JSON render whose one base64 file makes the body just under 32 MiB.
    static let largeJSONBody: Data = {
        let blob = Data(repeating: 0x42, count: 22 << 20).base64EncodedString()
        return try! JSONSerialization.data(withJSONObject: ["paper": paper, "files": [["path": "blob.bin", "content": blob, "encoding": "base64"]]])
    }()

    @Test func anAppendixWhoseContentInflatesTo100MBIsRefused() throws {
        #expect(contentBombPDF(contentBytes: 100_000_000).count < 1_000_000)
        let peak = try Self.survive(Self.contentBomb)
        print("content bomb: server peak \(peak >> 20) MiB")
    }

    @Test func anAppendixNamingOneStreamFortyTimesIsRefused() throws {
        let peak = try Self.survive(Self.referencedStreamBomb)
        print("referenced stream bomb: server peak \(peak >> 20) MiB")
    }

    @Test func anAppendixImageDeclaring20000By20000PixelsIsRefused() throws {
        let peak = try Self.survive(Self.appendixImageBomb)
        print("appendix image bomb: server peak \(peak >> 20) MiB")
    }

    @Test func aPNGDeclaring20000By20000PixelsIsRefusedBeforeItIsDecoded() throws {
        #expect(bombPNG(width: 20000, height: 20000).count < 1_000_000)
        let peak = try Self.survive(Self.pngBomb)
        print("PNG bomb: server peak \(peak >> 20) MiB")
    }

    @Test func aChartOverAHugeCSVIsRefusedNamingTheBound() throws {
        let peak = try Self.survive(Self.chartBomb)
        print("chart bomb: server peak \(peak >> 20) MiB")
    }
}
