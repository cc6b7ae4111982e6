import Foundation
import Testing
import Yams

/// `deploy/`: the Dockerfile and the Kubernetes manifest agree with each other, with
/// `quire serve`'s flags, and with the libraries the built binary links against. They were
/// written without a Docker engine or a cluster, so this is what holds them true: consistency,
/// not a deployment.
@Suite struct DeployManifestTests {
    let documents: [[String: Any]]
    let dockerfile: Dockerfile

    init() throws {
        let deploy = repositoryRoot.appendingPathComponent("deploy")
        var sequence = try Yams.load_all(yaml: String(contentsOf: deploy.appendingPathComponent("kubernetes/quire.yaml"), encoding: .utf8))
        var documents: [[String: Any]] = []
        while let document = sequence.next() {
            if let mapping = document as? [String: Any] { documents.append(mapping) }
        }
        if let error = sequence.error { throw error }
        self.documents = documents
        dockerfile = Dockerfile(try String(contentsOf: deploy.appendingPathComponent("Dockerfile"), encoding: .utf8))
    }

    // MARK: The manifest's parts

    func resource(_ kind: String) -> [String: Any] {
        documents.first { $0["kind"] as? String == kind } ?? [:]
    }

    var deployment: [String: Any] { resource("Deployment") }
    var podSpec: Any? { dig(deployment, "spec", "template", "spec") }
    var container: Any? { dig(podSpec, "containers", 0) }
    var podLabels: [String: String] { dig(deployment, "spec", "template", "metadata", "labels") as? [String: String] ?? [:] }
    var arguments: [String] { (dig(container, "args") as? [Any] ?? []).map { "\($0)" } }

    /// The value given to `--name` in the container's arguments.
    func argument(_ name: String) -> String? {
        arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    }

    var containerPort: Int? {
        dig(container, "ports", 0, "containerPort") as? Int
    }

    /// A port given by number or by the container port's name.
    func port(_ value: Any?) -> Int? {
        if let number = value as? Int { return number }
        guard let name = value as? String else { return nil }
        if let number = Int(name) { return number }
        let ports = dig(container, "ports") as? [Any] ?? []
        return ports.first { dig($0, "name") as? String == name }.flatMap { dig($0, "containerPort") as? Int }
    }

    /// Whether a label selector picks the Deployment's pods.
    func selects(_ selector: Any?) -> Bool {
        guard let labels = selector as? [String: String], !labels.isEmpty else { return false }
        return labels.allSatisfy { podLabels[$0.key] == $0.value }
    }

    /// A Kubernetes CPU quantity in cores ("2", 2, "1500m").
    func cores(_ value: Any?) -> Double? {
        if let number = value as? Int { return Double(number) }
        if let number = value as? Double { return number }
        guard let text = value as? String else { return nil }
        return text.hasSuffix("m") ? Double(text.dropLast()).map { $0 / 1000 } : Double(text)
    }

    var runtime: Dockerfile.Stage? { dockerfile.stages.last }

    // MARK: Kubernetes

    @Test func theManifestHoldsTheFourResourcesSelectingOneSetOfPods() throws {
        #expect(documents.compactMap { $0["kind"] as? String }.sorted() == ["Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Service"])
        #expect(!podLabels.isEmpty)
        #expect(selects(dig(deployment, "spec", "selector", "matchLabels")))
        #expect(selects(dig(resource("Service"), "spec", "selector")))
        #expect(selects(dig(resource("PodDisruptionBudget"), "spec", "selector", "matchLabels")))
        #expect(selects(dig(podSpec, "topologySpreadConstraints", 0, "labelSelector", "matchLabels")) || dig(podSpec, "topologySpreadConstraints") == nil)

        let autoscaler = resource("HorizontalPodAutoscaler")
        #expect(autoscaler["apiVersion"] as? String == "autoscaling/v2")
        #expect(dig(autoscaler, "spec", "scaleTargetRef", "kind") as? String == "Deployment")
        #expect(dig(autoscaler, "spec", "scaleTargetRef", "apiVersion") as? String == deployment["apiVersion"] as? String)
        #expect(dig(autoscaler, "spec", "scaleTargetRef", "name") as? String == dig(deployment, "metadata", "name") as? String)
        #expect(dig(autoscaler, "spec", "metrics", 0, "resource", "name") as? String == "cpu")
        let least = try #require(dig(autoscaler, "spec", "minReplicas") as? Int)
        let most = try #require(dig(autoscaler, "spec", "maxReplicas") as? Int)
        let replicas = try #require(dig(deployment, "spec", "replicas") as? Int)
        #expect(2 <= least && least <= replicas && replicas <= most)
        // A voluntary disruption (a node drain) may always take one pod of the fewest.
        let available = try #require(dig(resource("PodDisruptionBudget"), "spec", "minAvailable") as? Int)
        #expect(available < least)
    }

    @Test func theServiceTheProbesAndTheArgumentsNameOnePort() throws {
        let served = try #require(containerPort)
        #expect(argument("--port") == String(served))
        #expect(port(dig(resource("Service"), "spec", "ports", 0, "targetPort")) == served)
        for probe in ["startupProbe", "readinessProbe", "livenessProbe"] {
            #expect(dig(container, probe, "httpGet", "path") as? String == "/healthz", "\(probe)")
            #expect(port(dig(container, probe, "httpGet", "port")) == served, "\(probe)")
        }
        let annotations = dig(deployment, "spec", "template", "metadata", "annotations") as? [String: String] ?? [:]
        #expect(annotations["prometheus.io/scrape"] == "true")
        #expect(annotations["prometheus.io/port"] == String(served))
        #expect(annotations["prometheus.io/path"] == "/metrics")
        // The image agrees.
        #expect(runtime?.arguments(of: "EXPOSE").contains(String(served)) == true)
        let command = try #require(runtime?.execForm("CMD"))
        #expect(command.firstIndex(of: "--port").map { command[$0 + 1] } == String(served))
    }

    @Test func theArgumentsAreFlagsOfQuireServeFittingTheLimits() throws {
        #expect(arguments.first == "serve")
        #expect(argument("--host") == "0.0.0.0")
        let help = try toolOutput(quireExecutable().path, ["serve", "--help"])
        #expect(help.status == 0)
        for flag in arguments where flag.hasPrefix("--") {
            #expect(help.output.contains(flag + " "), "quire serve has no \(flag)")
        }
        // Renders are CPU-bound, one per core: as many at once as the pod may use cores.
        let limit = try #require(cores(dig(container, "resources", "limits", "cpu")))
        #expect(argument("--concurrency").flatMap(Double.init) == limit)
        #expect(cores(dig(container, "resources", "requests", "cpu")).map { $0 <= limit } == true)
        #expect(dig(container, "resources", "limits", "memory") != nil)
    }

    @Test func aPodFinishesItsRendersBeforeItIsKilled() throws {
        let grace = try #require(dig(podSpec, "terminationGracePeriodSeconds") as? Int)
        let renderTimeout = argument("--render-timeout").flatMap(Double.init) ?? 60
        let preStop = dig(container, "lifecycle", "preStop")
        let pause: Double
        if let seconds = dig(preStop, "sleep", "seconds") as? Int {
            pause = Double(seconds)
        } else {
            let command = (dig(preStop, "exec", "command") as? [Any] ?? []).map { "\($0)" }
            #expect(command.first == "sleep", "preStop pauses so the endpoints drop the pod before SIGTERM")
            pause = command.last.flatMap(Double.init) ?? 0
        }
        #expect(pause > 0)
        #expect(Double(grace) > pause + renderTimeout)
    }

    @Test func theRootFilesystemIsReadOnlyAndTmpIsAnEmptyDir() throws {
        let security = dig(container, "securityContext")
        #expect(dig(security, "readOnlyRootFilesystem") as? Bool == true)
        #expect(dig(security, "allowPrivilegeEscalation") as? Bool == false)
        #expect(dig(security, "capabilities", "drop") as? [String] == ["ALL"])
        #expect(dig(podSpec, "securityContext", "runAsNonRoot") as? Bool == true)
        // The image's numeric user is the one the pod runs as.
        let user = try #require(runtime?.arguments(of: "USER").last?.split(separator: ":").first.flatMap { Int($0) })
        #expect(user != 0)
        #expect(dig(podSpec, "securityContext", "runAsUser") as? Int == user)
        // Where quire writes (TMPDIR) and where fontconfig caches are a mounted emptyDir.
        let environment = runtime?.environment ?? [:]
        let mounts = dig(container, "volumeMounts") as? [Any] ?? []
        let volumes = dig(podSpec, "volumes") as? [Any] ?? []
        for folder in [environment["TMPDIR"] ?? "/tmp", environment["XDG_CACHE_HOME"] ?? "/nonexistent/.cache"] {
            let mount = mounts.first { mount in
                (dig(mount, "mountPath") as? String).map { folder == $0 || folder.hasPrefix($0 + "/") } == true
            }
            let volume = volumes.first { dig($0, "name") as? String == dig(mount, "name") as? String }
            #expect(dig(volume, "emptyDir", "sizeLimit") != nil, "\(folder) is not on a sized emptyDir")
        }
    }

    // MARK: The image

    /// The executables the image holds: the CLI, its entrypoint, and the service `quire serve`
    /// hands over to (it execs the quire-server in its own folder).
    static let executables = ["quire", "quire-server"]

    @Test func theImageBuildsTheReleaseExecutablesAndCarriesTheirResources() throws {
        #expect(dockerfile.stages.count == 2)
        let build = try #require(dockerfile.stages.first)
        let runtime = try #require(self.runtime)
        #expect(build.base.hasPrefix("swift:6.") && build.base.hasSuffix("-bookworm"))
        #expect(runtime.base == "debian:bookworm-slim")
        let manifest = try String(contentsOf: repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        for product in Self.executables {
            #expect(manifest.contains(".executable(name: \"\(product)\""), "Package.swift has no executable \(product)")
            #expect(build.arguments(of: "RUN").contains { $0.contains("swift build -c release --static-swift-stdlib --product \(product) ") },
                    "the build stage does not build \(product)")
            #expect(runtime.copies.contains { $0.from == (build.name ?? "0") && $0.destination == "/usr/local/bin/\(product)" },
                    "\(product) is not copied to /usr/local/bin")
        }
        // The build stage has every -dev package Package.swift asks pkg-config for.
        let providers = try Regex(#"\.apt\(\[([^\]]*)\]\)"#)
        let wanted = manifest.matches(of: providers).flatMap { match in
            (match.output[1].substring ?? "").split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
        }
        #expect(!wanted.isEmpty)
        #expect(Set(wanted).subtracting(build.aptPackages).isEmpty, "missing from the build stage: \(Set(wanted).subtracting(build.aptPackages))")

        #expect(runtime.execForm("ENTRYPOINT") == ["quire"])
        let home = try #require(runtime.environment["QUIRE_HOME"])
        for folder in ["layouts", "fonts", "assets"] {
            #expect(runtime.copies.contains { $0.from == nil && $0.sources.map { $0.trimmingCharacters(in: ["/"]) } == [folder] && $0.destination.trimmingCharacters(in: ["/"]) == home.trimmingCharacters(in: ["/"]) + "/" + folder },
                    "\(folder)/ is not copied to \(home)/\(folder)/")
        }
        #expect(FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent("fonts/fonts.conf").path))
        // The context's .dockerignore keeps none of what the build or the image needs out.
        let ignored = (try? String(contentsOf: repositoryRoot.appendingPathComponent(".dockerignore"), encoding: .utf8)) ?? ""
        let patterns = ignored.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix("!") }
        for path in ["Package.swift", "Sources", "Tests", "layouts", "fonts", "assets"] {
            #expect(!patterns.contains { fnmatch($0.trimmingCharacters(in: ["/"]), path, 0) == 0 }, ".dockerignore leaves out \(path)")
        }
    }

    @Test func everyPackageTheImageInstallsIsInDebian() throws {
        let packages = dockerfile.stages.flatMap(\.aptPackages)
        #expect(!packages.isEmpty)
        let shown = try toolOutput("apt-cache", ["show", "--no-all-versions"] + packages).output
        let known = Set(shown.split(separator: "\n").filter { $0.hasPrefix("Package: ") }.map { String($0.dropFirst("Package: ".count)) })
        #expect(Set(packages).subtracting(known).isEmpty, "apt does not know \(Set(packages).subtracting(known).sorted())")
    }

    /// The runtime packages are exactly those holding the libraries the executables name or
    /// open on first use;
    /// whatever those load in turn comes with their dependencies. The test looks at the
    /// executables `swift build` made beside it; they link the Swift runtime dynamically, which
    /// the image's build (`--static-swift-stdlib`) links in, so libraries from the toolchain are
    /// left out.
    @Test func theRuntimePackagesAreExactlyTheOnesTheExecutablesLink() throws {
        let folder = try quireExecutable().deletingLastPathComponent()
        let executables = Self.executables.map { folder.appendingPathComponent($0) }
        let runtimePackages = Set(try #require(runtime).aptPackages)
        // In debian:bookworm-slim already (apt needs them): libc, libm, libgcc_s, libstdc++.
        let base = try installedDependencyClosure(of: ["libc6", "libgcc-s1", "libstdc++6"])
        let available = try installedDependencyClosure(of: Array(runtimePackages)).union(base)

        var loaded: [(name: String, path: String?)] = []
        var needed: Set<String> = []
        for executable in executables {
            let libraries = try loadedLibraries(of: executable)
            #expect(!libraries.isEmpty, "ldd found nothing for \(executable.path)")
            loaded += libraries
            needed.formUnion(try neededLibraries(of: executable))
        }
        #expect(!needed.isEmpty)
        // The libraries opened on first use are needed as much as the linked ones.
        let lazy = try lazilyLoadedLibraries()
        #expect(lazy.count == 14, "\(lazy.map(\.name))")
        for library in lazy {
            loaded.append((library.name, library.path))
            needed.insert(library.name)
            if let path = library.path { loaded += try loadedLibraries(of: URL(fileURLWithPath: path)) }
            #expect(runtimePackages.contains(library.package), "\(library.name) is opened on first use, but the image does not install \(library.package)")
        }
        for library in loaded where library.path == nil {
            Issue.record("ldd finds no \(library.name)")
        }
        var seen: Set<String> = []
        let system = loaded.compactMap { library in library.path.map { (name: library.name, path: $0) } }
            .filter { !$0.path.contains("/lib/swift/") && seen.insert($0.path).inserted }
        let owners = try owningPackages(of: system.map(\.path))
        var direct: Set<String> = []
        for (name, path) in system {
            guard let package = owners[path] else {
                Issue.record("no Debian package holds \(path) (\(name))")
                continue
            }
            if needed.contains(name) {
                direct.insert(package)
                let installed = runtimePackages.contains(package) || base.contains(package)
                #expect(installed, "\(name) is in \(package), which the image does not install")
            } else {
                let brought = available.contains(package)
                #expect(brought, "\(name) is in \(package), which no runtime package brings")
            }
        }
        #expect(runtimePackages.subtracting(direct).isEmpty, "installed but holding no library quire links: \(runtimePackages.subtracting(direct).sorted())")
    }
}
