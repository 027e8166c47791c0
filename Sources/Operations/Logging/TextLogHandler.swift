import Logging

/// Writes human-readable lines: `2026-11-23T10:00:00.123Z info stancewire: message key=value`.
///
/// Under journald (`journald` true: `JOURNAL_STREAM` names standard error) the timestamp is left out, since
/// the journal stamps each line itself, and the line starts with the syslog priority (`<6>`), so
/// `journalctl -p warning` filters by level.
public struct TextLogHandler: LogHandler {
    /// Lowest level written. Default: info.
    public var logLevel: Logger.Level
    /// Metadata added to every line of this logger.
    public var metadata: Logger.Metadata = [:]
    /// Contextual metadata (e.g. from swift-distributed-tracing).
    public var metadataProvider: Logger.MetadataProvider?

    private let label: String
    private let output: LogOutput
    private let journald: Bool

    /// Creates a handler.
    ///
    /// - Parameters:
    ///   - label: The logger's label.
    ///   - level: Lowest level written. Default: info.
    ///   - journald: Whether standard error goes to the journal. Default: `false`;
    ///     ``LoggingBootstrap`` sets it from `JOURNAL_STREAM`.
    ///   - output: Where lines go. Default: standard error.
    ///   - metadataProvider: Contextual metadata source.
    public init(
        label: String,
        level: Logger.Level = .info,
        journald: Bool = false,
        output: LogOutput = .standardError,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.logLevel = level
        self.journald = journald
        self.output = output
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = LogMetadataFlattener.merge(metadata, provider: metadataProvider, event: event.metadata)

        var line = journald ? "<\(Self.syslogPriority(event.level))>" : LogTimestamp.now() + " "
        line += "\(event.level.rawValue) \(label): \(Self.oneLine(event.message.description))"
        for (key, value) in LogMetadataFlattener.flatten(merged) {
            switch value {
            case .string(let text): line += " \(key)=\(Self.quotedIfNeeded(text))"
            case .list(let items): line += " \(key)=[\(items.map(Self.quotedIfNeeded).joined(separator: ","))]"
            }
        }
        line += "\n"
        output.write(line)
    }

    /// The syslog priority journald reads from a `<N>` line prefix.
    static func syslogPriority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    private static func oneLine(_ text: String) -> String {
        text.contains(where: \.isNewline) ? String(text.map { $0.isNewline ? " " : $0 }) : text
    }

    private static func quotedIfNeeded(_ text: String) -> String {
        if text.isEmpty || text.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) {
            return JSONText.quoted(text)
        }
        return text
    }
}
