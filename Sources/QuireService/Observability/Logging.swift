public import Foundation
public import Logging

/// How log lines are written: `text`, swift-log's one line per record ("2026-… info quire:
/// … request"), or `json`, one JSON object per line for a log collector.
public enum LogFormat: String, CaseIterable, Sendable {
    case text, json
}

/// The service's logger, on standard error: the format and level `quire serve` was given.
/// Made without `LoggingSystem.bootstrap`, so each service in a test process has its own.
public func makeLogger(format: LogFormat, level: Logger.Level) -> Logger {
    var logger = Logger(label: "quire") { label in
        switch format {
        case .text: StreamLogHandler.standardError(label: label)
        case .json: JSONLogHandler(label: label, write: { FileHandle.standardError.write($0) })
        }
    }
    logger.logLevel = level
    return logger
}

/// A swift-log handler writing each record as one line of JSON: `time` (ISO 8601, UTC, with
/// milliseconds), `level`, `label`, `message`, `source` and every metadata key at the top level
/// (`hb.request.id`, `method`, `path`, `status`, `duration_ms`, …). Integers and other numbers
/// stay numbers; nested metadata stays nested.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let write: @Sendable (Data) -> Void

    public init(label: String, write: @escaping @Sendable (Data) -> Void) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var object: [String: Any] = [:]
        for (key, value) in metadata { object[key] = Self.json(value) }
        for (key, value) in event.metadata ?? [:] { object[key] = Self.json(value) }
        object["time"] = Self.timestamp(Date())
        object["level"] = event.level.rawValue
        object["label"] = label
        object["message"] = event.message.description
        object["source"] = event.source
        guard var line = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        line.append(0x0A)
        write(line)
    }

    static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): return text
        case .stringConvertible(let convertible):
            switch convertible {
            case let number as Int: return number
            case let number as Double where number.isFinite: return number
            case let flag as Bool: return flag
            default: return convertible.description
            }
        case .array(let values): return values.map(json)
        case .dictionary(let values): return values.mapValues(json)
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
