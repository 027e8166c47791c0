import Logging

/// The effective configuration: every setting typed and validated, with where its value came from.
///
/// Made by ``Settings/resolve(flags:kafkaFlags:environment:file:)``.
public struct ResolvedSettings: Sendable {
    /// Kafka bootstrap servers. Default: `localhost:9092`.
    public var brokers: String
    /// Consumer group id. Default: `stancewire`.
    public var group: String
    /// Raw articles topic. Default: `articles.raw`.
    public var inputTopic: String
    /// Enriched articles topic. Default: `articles.enriched`.
    public var outputTopic: String
    /// Stance events topic. Default: `stances`.
    public var stanceTopic: String
    /// Dead-letter topic. Default: `articles.dlq`.
    public var dlqTopic: String
    /// Probe and metrics listener host. Default: `127.0.0.1`.
    public var httpHost: String
    /// Probe and metrics listener port. Default: `9464`.
    public var httpPort: Int
    /// Delivery guarantee. Default: at-least-once.
    public var mode: ProcessingMode
    /// Log line format. Default: text.
    public var logFormat: LogFormat
    /// Lowest logged level. Default: info.
    public var logLevel: Logger.Level
    /// Largest input and output message in bytes. Default: 1048576.
    public var maxMessageBytes: Int
    /// Input messages consumed but not yet done. Default: 1000.
    public var maxInFlight: Int
    /// Directory overriding the bundled knowledge base. Default: none.
    public var knowledgeBase: String?
    /// Time to drain and flush on shutdown. Default: 20 seconds.
    public var shutdownTimeout: Duration
    /// Time without worker progress before liveness fails. Default: 60 seconds.
    public var stallTimeout: Duration
    /// This instance's name. Default: none.
    public var instanceID: String?
    /// Prefix of transactional ids for exactly-once. Default: none.
    public var transactionalIDPrefix: String?
    /// librdkafka pass-through properties, keys without `kafka.`, values read from files where a
    /// `.file` key named one. Default: empty.
    public var kafka: [String: String]

    /// Where each value came from, by key (`brokers`, `kafka.security.protocol`); keys of unset
    /// optional settings are absent.
    public var sources: [String: SettingSource]
    /// Each value as text, by key, as ``redactedDescription()`` prints it before redaction.
    var texts: [String: String]
    /// `kafka.*` keys whose values were read from a `.file` reference.
    var fileLoadedKeys: Set<String>

    /// The effective configuration, one `key = value  # source` line per setting, known keys first
    /// in their usual order, then `kafka.*` sorted. Secrets (`*password*`, `*secret*`, `sasl.*`,
    /// `ssl.key*`, and anything read from a file) show as `<redacted>`.
    public func redactedDescription() -> String {
        var lines: [String] = []
        for key in SettingKey.all {
            guard let text = texts[key.name], let source = sources[key.name] else {
                lines.append("# \(key.name) is not set")
                continue
            }
            lines.append("\(key.name) = \(text)  # \(source)")
        }
        for key in texts.keys.filter({ $0.hasPrefix(KafkaProperty.keyPrefix) }).sorted() {
            let property = String(key.dropFirst(KafkaProperty.keyPrefix.count))
            let secret = KafkaProperty.isSecret(property) || fileLoadedKeys.contains(key)
            let text = secret ? "<redacted>" : texts[key] ?? ""
            let source = sources[key].map { "\($0)" } ?? "unknown"
            let origin = fileLoadedKeys.contains(key) ? " (read from \(key).file)" : ""
            lines.append("\(key) = \(text)  # \(source)\(origin)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
