import Logging

/// Writes one JSON object per line: `ts` (RFC 3339 UTC), `level`, `label`, `message`, `source`, then
/// the metadata flattened to dotted keys (`kafka.topic`), all values strings or string arrays.
///
/// A metadata key that collides with one of the fixed keys is written as `metadata.<key>`.
public struct JSONLogHandler: LogHandler {
    static let reservedKeys: Set<String> = ["ts", "level", "label", "message", "source"]

    /// Lowest level written. Default: info.
    public var logLevel: Logger.Level
    /// Metadata added to every line of this logger.
    public var metadata: Logger.Metadata = [:]
    /// Contextual metadata (e.g. from swift-distributed-tracing).
    public var metadataProvider: Logger.MetadataProvider?

    private let label: String
    private let output: LogOutput

    /// Creates a handler.
    ///
    /// - Parameters:
    ///   - label: The logger's label.
    ///   - level: Lowest level written. Default: info.
    ///   - output: Where lines go. Default: standard error.
    ///   - metadataProvider: Contextual metadata source.
    public init(
        label: String,
        level: Logger.Level = .info,
        output: LogOutput = .standardError,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.logLevel = level
        self.output = output
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = LogMetadataFlattener.merge(metadata, provider: metadataProvider, event: event.metadata)

        var line = "{\"ts\":\(JSONText.quoted(LogTimestamp.now()))"
        line += ",\"level\":\(JSONText.quoted(event.level.rawValue))"
        line += ",\"label\":\(JSONText.quoted(label))"
        line += ",\"message\":\(JSONText.quoted(event.message.description))"
        line += ",\"source\":\(JSONText.quoted(event.source))"
        for (key, value) in LogMetadataFlattener.flatten(merged) {
            let name = Self.reservedKeys.contains(key) ? "metadata." + key : key
            switch value {
            case .string(let text): line += ",\(JSONText.quoted(name)):\(JSONText.quoted(text))"
            case .list(let items): line += ",\(JSONText.quoted(name)):\(JSONText.array(items))"
            }
        }
        line += "}\n"
        output.write(line)
    }
}
