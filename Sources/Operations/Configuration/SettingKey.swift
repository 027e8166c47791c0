import Foundation

/// One known setting: its name (the long flag name and config-file key), default and description.
public struct SettingKey: Sendable, Hashable {
    /// The key, e.g. `max-in-flight`.
    public var name: String
    /// The default as text; `nil` for optional settings that have none.
    public var defaultValue: String?
    /// One line for `--help` and the example file.
    public var summary: String

    /// The environment variable for this key: `STANCEWIRE_` + the key uppercased, `-` → `_`.
    public var environmentName: String {
        "STANCEWIRE_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// Every known key, in the order the effective configuration is printed.
    public static let all: [SettingKey] = [
        SettingKey(
            name: "brokers", defaultValue: "localhost:9092",
            summary: "Kafka bootstrap servers, host:port[,host:port...]"),
        SettingKey(name: "group", defaultValue: "stancewire", summary: "consumer group id"),
        SettingKey(name: "input-topic", defaultValue: "articles.raw", summary: "topic of raw articles"),
        SettingKey(name: "output-topic", defaultValue: "articles.enriched", summary: "topic of enriched articles"),
        SettingKey(name: "stance-topic", defaultValue: "stances", summary: "topic of stance events"),
        SettingKey(name: "dlq-topic", defaultValue: "articles.dlq", summary: "dead-letter topic"),
        SettingKey(
            name: "http-address", defaultValue: "127.0.0.1:9464", summary: "probe and metrics listener, host:port"),
        SettingKey(name: "mode", defaultValue: "at-least-once", summary: "at-least-once or exactly-once"),
        SettingKey(name: "log-format", defaultValue: "text", summary: "text or json"),
        SettingKey(
            name: "log-level", defaultValue: "info", summary: "trace, debug, info, notice, warning, error, critical"),
        SettingKey(name: "max-message-bytes", defaultValue: "1048576", summary: "largest input and output message"),
        SettingKey(name: "max-in-flight", defaultValue: "1000", summary: "input messages consumed but not yet done"),
        SettingKey(
            name: "knowledge-base", defaultValue: nil, summary: "directory overriding the bundled knowledge base"),
        SettingKey(name: "shutdown-timeout", defaultValue: "20", summary: "seconds to drain and flush on shutdown"),
        SettingKey(
            name: "stall-timeout", defaultValue: "60", summary: "seconds without progress before liveness fails"),
        SettingKey(
            name: "instance-id", defaultValue: nil,
            summary: "static group membership (group.instance.id); part of the transactional id"),
        SettingKey(
            name: "transactional-id-prefix", defaultValue: "stancewire",
            summary: "prefix of transactional ids (exactly-once)"),
    ]

    /// The key named `name`, if it is known.
    public static func named(_ name: String) -> SettingKey? {
        all.first { $0.name == name }
    }
}
