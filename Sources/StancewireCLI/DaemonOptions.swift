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
    var instanceId: String?
    /// First part of the exactly-once transactional id. Default: `stancewire`.
    var transactionalIDPrefix = "stancewire"
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

    /// The producer's `transactional.id` in exactly-once mode:
    /// `<transactional-id-prefix>-<group>-<instance-id, else the host name>`.
    ///
    /// Stable across restarts of one instance, so that a restarted instance fences its
    /// predecessor and aborts the transaction it left open; distinct per instance, so two running
    /// instances never fence each other. Two instances on one host therefore need distinct
    /// `instance-id`s (or prefixes).
    var transactionalID: String {
        "\(transactionalIDPrefix)-\(group)-\(instanceId ?? Self.hostName())"
    }

    /// The kernel's host name (`gethostname`), or `localhost` if it cannot be read.
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
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
