import Foundation

/// The effective settings of `stancewire run`, after flags, environment, file and defaults
/// were layered and validated.
struct DaemonOptions: Sendable {
    enum Mode: String, Sendable {
        case atLeastOnce = "at-least-once"
        case exactlyOnce = "exactly-once"
    }

    var brokers = "localhost:9092"
    var group = "stancewire"
    var inputTopic = "articles.raw"
    var outputTopic = "articles.enriched"
    var stanceTopic = "stances"
    var dlqTopic = "articles.dlq"
    var httpHost = "127.0.0.1"
    var httpPort = 9464
    var mode = Mode.atLeastOnce
    var maxMessageBytes = 1_048_576
    var maxInFlight = 1000
    var knowledgeBase: String?
    var shutdownTimeout: Duration = .seconds(20)
    var stallTimeout: Duration = .seconds(60)
    var instanceId: String?
    /// Raw librdkafka properties for both clients; `consumer.`/`producer.` prefixed keys
    /// apply to one client only.
    var kafka: [String: String] = [:]

    var consumerProperties: [String: String] {
        // A new group starts from the beginning of the topic; a crashed member's partitions move
        // after 10 s instead of librdkafka's 45 s default.
        var p: [String: String] = [
            "auto.offset.reset": "earliest",
            "session.timeout.ms": "10000",
            "heartbeat.interval.ms": "2000",
        ]
        for (k, v) in kafka where !k.hasPrefix("producer.") {
            p[k.hasPrefix("consumer.") ? String(k.dropFirst("consumer.".count)) : k] = v
        }
        p["bootstrap.servers"] = brokers
        p["group.id"] = group
        if let instanceId { p["group.instance.id"] = instanceId }
        if p["client.id"] == nil { p["client.id"] = "stancewire" }
        return p
    }

    var producerProperties: [String: String] {
        // Room for a dead letter of any accepted size: the original value (up to
        // max-message-bytes) plus the original headers and the dlq-* headers. librdkafka's own
        // default (1,000,000) is below 1 MiB, so a malformed message near the limit could never
        // be dead-lettered and would block its partition.
        var p: [String: String] = [
            "enable.idempotence": "true", "linger.ms": "5",
            "message.max.bytes": String(max(1_000_000, maxMessageBytes + 65_536)),
        ]
        for (k, v) in kafka where !k.hasPrefix("consumer.") {
            p[k.hasPrefix("producer.") ? String(k.dropFirst("producer.".count)) : k] = v
        }
        p["bootstrap.servers"] = brokers
        if p["client.id"] == nil { p["client.id"] = "stancewire" }
        return p
    }
}
