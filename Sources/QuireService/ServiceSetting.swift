import Configuration
public import Foundation
import Logging
public import QuireModel

/// The settings of `quire serve`, each a flag (`--max-body-mib`) and an environment variable
/// (`QUIRE_MAX_BODY_MIB`). The variable's name comes from the flag's, through
/// swift-configuration's environment provider (the key `quire.max-body-mib`), so the two
/// cannot drift. A flag given on the command line wins over the variable; the variable over
/// the default.
public enum ServiceSetting: String, CaseIterable, Sendable {
    case host, port
    case maxBodyMib = "max-body-mib"
    case maxPages = "max-pages"
    case renderTimeout = "render-timeout"
    case concurrency
    case maxQueue = "max-queue"
    case maxConnections = "max-connections"
    case idleTimeout = "idle-timeout"
    case headerTimeout = "header-timeout"
    case minUploadRateKib = "min-upload-rate-kib"
    case memoryBudgetMib = "memory-budget-mib"
    case logFormat = "log-format"
    case logLevel = "log-level"

    /// The command-line flag.
    public var flag: String { "--" + rawValue }

    /// The environment variable: `QUIRE_` and the flag's name in capitals, `-` as `_`.
    public var variable: String { "QUIRE_" + rawValue.uppercased().replacingOccurrences(of: "-", with: "_") }

    /// The configuration key the environment provider maps to `variable`.
    var key: ConfigKey { ConfigKey(["quire", rawValue]) }
}

extension ServiceConfiguration {
    /// Applies every `QUIRE_…` variable set in `environment` (the process's by default) over the
    /// current values. A value that does not read as its setting's type, or is out of range, is
    /// an error naming the variable.
    public mutating func apply(environment: [String: String] = ProcessInfo.processInfo.environment) throws(QuireError) {
        let reader = ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: environment))
        for setting in ServiceSetting.allCases {
            guard let text = reader.string(forKey: setting.key) else { continue }
            try apply(setting, text, from: setting.variable)
        }
    }

    /// Applies one setting's value as written (on the command line or in the environment);
    /// `source` names where it came from, for the error.
    public mutating func apply(_ setting: ServiceSetting, _ text: String, from source: String) throws(QuireError) {
        func fail(_ wanted: String) -> QuireError {
            // Worded as every CLI option's range error is (`checkOption`).
            QuireError(.invalidValue, at: nil, field: setting.rawValue, "\(source) must be \(wanted), not \(text)",
                       hint: "set \(setting.flag) (or \(setting.variable)) to \(wanted)")
        }
        func whole(_ least: Int, _ most: Int = Int.max, unit: String = "") throws(QuireError) -> Int {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= least, value <= most else {
                throw fail((most == Int.max ? "a whole number from \(least)" : "a whole number from \(least) to \(most)") + (unit.isEmpty ? "" : " " + unit))
            }
            return value
        }
        func seconds() throws(QuireError) -> Double {
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0.01, value <= 86_400 else {
                throw fail("a number from 0.01 to 86400 seconds")
            }
            return value
        }
        switch setting {
        case .host:
            guard !text.isEmpty else { throw fail("an address such as 127.0.0.1 or 0.0.0.0") }
            host = text
        case .port: port = try whole(0, 65_535)
        case .maxBodyMib: maxBodyBytes = try whole(1, 4096, unit: "MiB") * 1024 * 1024
        case .maxPages: maxPages = try whole(1, 1_000_000)
        case .renderTimeout: renderTimeout = try seconds()
        case .concurrency: maxConcurrentRenders = try whole(1, 4096)
        case .maxQueue: maxQueuedRenders = try whole(0, 1_000_000)
        case .maxConnections: maxConnections = try whole(1, 1_000_000)
        case .idleTimeout: idleTimeout = try seconds()
        case .headerTimeout: headerTimeout = try seconds()
        case .minUploadRateKib: minUploadRate = try whole(1, 1_048_576, unit: "KiB a second") * 1024
        case .memoryBudgetMib: memoryBudgetBytes = try whole(64, 1_048_576, unit: "MiB") * 1024 * 1024
        case .logFormat:
            guard let format = LogFormat(rawValue: text.lowercased()) else { throw fail(LogFormat.allCases.map(\.rawValue).joined(separator: " or ")) }
            logFormat = format
        case .logLevel:
            guard let level = Logger.Level(rawValue: text.lowercased()) else {
                throw fail(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))
            }
            logLevel = level
        }
    }
}
