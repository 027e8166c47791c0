import Foundation
import Logging

/// Resolves the daemon's settings from flags, `STANCEWIRE_*` environment variables, a configuration
/// file and defaults, in that order of precedence.
///
/// | layer | known setting | librdkafka property |
/// |-------|---------------|---------------------|
/// | flag | `flags["max-in-flight"]` | `kafkaFlags["security.protocol"]` (a `kafka.` prefix is accepted) |
/// | environment | `STANCEWIRE_MAX_IN_FLIGHT` | `STANCEWIRE_KAFKA_SECURITY_PROTOCOL` (see ``KafkaProperty``) |
/// | file | `max-in-flight = 500` | `kafka.security.protocol = SASL_SSL` |
///
/// A `kafka.<property>.file` key (any layer) reads the property's value from that file, with
/// `${NAME}` expanded from the environment, e.g. `${CREDENTIALS_DIRECTORY}/sasl-password`; one
/// trailing newline is dropped. The layer that wins decides whether the literal or the file is used.
public enum Settings {
    /// `STANCEWIRE_*` variables that are not settings and are not errors: the configuration file
    /// (read by the CLI) and the location of the bundled knowledge base (read by the extractor).
    public static let reservedEnvironmentNames: Set<String> = ["STANCEWIRE_CONFIG", "STANCEWIRE_BUNDLED_KNOWLEDGE_BASE"]

    private struct Candidate {
        var value: String
        var source: SettingSource
        var isFileReference = false
    }

    /// Resolves and validates every setting.
    ///
    /// - Parameters:
    ///   - flags: Known settings given as flags, by key (`"brokers": "k1:9092"`).
    ///   - kafkaFlags: librdkafka properties given as flags, by property name; a name ending in
    ///     `.file` is a file reference.
    ///   - environment: The process environment (only `STANCEWIRE_*` and `${...}` references are read).
    ///   - file: The parsed configuration file, if any.
    /// - Returns: The typed settings with their sources.
    /// - Throws: ``ConfigurationError``: `unknownKey` or `invalidValue` located at the file line,
    ///   variable or flag that set it; `unreadableFile` for a secret file; `duplicateKey` when one
    ///   layer sets both a property and its `.file` form.
    public static func resolve(
        flags: [String: String],
        kafkaFlags: [String: String],
        environment: [String: String],
        file: ConfigFile?
    ) throws(ConfigurationError) -> ResolvedSettings {
        var known: [String: Candidate] = [:]
        var kafka: [String: Candidate] = [:]

        // Lowest precedence first; each layer overrides the previous one.
        if let file {
            var layer = Layer()
            for entry in file.entries {
                try layer.place(
                    key: entry.key, value: entry.value,
                    source: .file(path: file.path, line: entry.line)
                )
            }
            layer.merge(into: &known, kafka: &kafka)
        }

        var environmentLayer = Layer()
        let environmentKeys = Dictionary(uniqueKeysWithValues: SettingKey.all.map { ($0.environmentName, $0.name) })
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where name.hasPrefix("STANCEWIRE_") {
            if reservedEnvironmentNames.contains(name) { continue }
            if let property = KafkaProperty.property(environmentName: name) {
                try environmentLayer.place(
                    key: KafkaProperty.keyPrefix + property, value: value, source: .environment(name))
            } else if let key = environmentKeys[name] {
                try environmentLayer.place(key: key, value: value, source: .environment(name))
            } else {
                throw ConfigurationError(code: .unknownKey, key: name, reason: "\(name): unknown environment variable")
            }
        }
        environmentLayer.merge(into: &known, kafka: &kafka)

        var flagLayer = Layer()
        for (key, value) in flags.sorted(by: { $0.key < $1.key }) {
            try flagLayer.place(key: key, value: value, source: .flag("--\(key)"))
        }
        for (property, value) in kafkaFlags.sorted(by: { $0.key < $1.key }) {
            let bare =
                property.hasPrefix(KafkaProperty.keyPrefix)
                ? String(property.dropFirst(KafkaProperty.keyPrefix.count)) : property
            try flagLayer.place(key: KafkaProperty.keyPrefix + bare, value: value, source: .flag("--kafka \(bare)"))
        }
        flagLayer.merge(into: &known, kafka: &kafka)

        return try build(known: known, kafka: kafka, environment: environment)
    }

    /// The settings of one precedence layer.
    private struct Layer {
        var known: [String: Candidate] = [:]
        var kafka: [String: Candidate] = [:]

        mutating func place(key: String, value: String, source: SettingSource) throws(ConfigurationError) {
            if key.hasPrefix(KafkaProperty.keyPrefix) {
                var property = String(key.dropFirst(KafkaProperty.keyPrefix.count))
                let isFile = property.hasSuffix(KafkaProperty.fileSuffix)
                if isFile { property.removeLast(KafkaProperty.fileSuffix.count) }
                guard KafkaProperty.isWellFormed(property) else {
                    throw Settings.error(
                        .unknownKey, key: key, source: source, "`\(key)` is not a librdkafka property name")
                }
                if kafka[property] != nil {
                    throw Settings.error(
                        .duplicateKey, key: key, source: source,
                        "`kafka.\(property)` is set both directly and through `.file`"
                    )
                }
                kafka[property] = Candidate(value: value, source: source, isFileReference: isFile)
                return
            }
            guard SettingKey.named(key) != nil else {
                throw Settings.error(.unknownKey, key: key, source: source, "unknown setting `\(key)`")
            }
            known[key] = Candidate(value: value, source: source)
        }

        func merge(into known: inout [String: Candidate], kafka: inout [String: Candidate]) {
            known.merge(self.known) { _, new in new }
            kafka.merge(self.kafka) { _, new in new }
        }
    }

    /// An error located at `source`.
    static func error(
        _ code: ConfigurationError.Code,
        key: String,
        source: SettingSource,
        _ reason: String
    ) -> ConfigurationError {
        switch source {
        case .file(let path, let line):
            return ConfigurationError(code: code, file: path, line: line, key: key, reason: reason)
        case .environment(let name):
            return ConfigurationError(code: code, key: key, reason: "\(name): \(reason)")
        case .flag(let name):
            return ConfigurationError(code: code, key: key, reason: "\(name): \(reason)")
        case .defaultValue:
            return ConfigurationError(code: code, key: key, reason: "default: \(reason)")
        }
    }

    private static func build(
        known: [String: Candidate],
        kafka: [String: Candidate],
        environment: [String: String]
    ) throws(ConfigurationError) -> ResolvedSettings {
        var sources: [String: SettingSource] = [:]
        var texts: [String: String] = [:]

        /// The winning candidate for `name`, or its default; `nil` for an unset optional setting.
        func candidate(_ name: String) -> Candidate? {
            if let chosen = known[name] { return chosen }
            guard let fallback = SettingKey.named(name)?.defaultValue else { return nil }
            return Candidate(value: fallback, source: .defaultValue)
        }

        func value<T>(_ name: String, _ parse: (String) -> Result<T, ParseFailure>) throws(ConfigurationError) -> T? {
            guard let chosen = candidate(name) else { return nil }
            switch parse(chosen.value) {
            case .success(let parsed):
                sources[name] = chosen.source
                texts[name] = chosen.value
                return parsed
            case .failure(let failure):
                throw error(.invalidValue, key: name, source: chosen.source, "`\(name)`: \(failure.reason)")
            }
        }

        func required<T>(_ name: String, _ parse: (String) -> Result<T, ParseFailure>) throws(ConfigurationError) -> T {
            guard let parsed = try value(name, parse) else {
                preconditionFailure("setting \(name) has no default")
            }
            return parsed
        }

        let address = try required("http-address", SettingParsers.hostPort)
        var resolved = ResolvedSettings(
            brokers: try required("brokers", SettingParsers.brokers),
            group: try required("group", SettingParsers.nonEmpty),
            inputTopic: try required("input-topic", SettingParsers.topic),
            outputTopic: try required("output-topic", SettingParsers.topic),
            stanceTopic: try required("stance-topic", SettingParsers.topic),
            dlqTopic: try required("dlq-topic", SettingParsers.topic),
            httpHost: address.host,
            httpPort: address.port,
            mode: try required("mode", SettingParsers.choice(ProcessingMode.self)),
            logFormat: try required("log-format", SettingParsers.choice(LogFormat.self)),
            logLevel: try required("log-level", SettingParsers.choice(Logger.Level.self)),
            maxMessageBytes: try required("max-message-bytes", SettingParsers.integer(in: 1024...1_000_000_000)),
            maxInFlight: try required("max-in-flight", SettingParsers.integer(in: 1...1_000_000)),
            knowledgeBase: try value("knowledge-base", SettingParsers.directory),
            shutdownTimeout: try required("shutdown-timeout", SettingParsers.duration),
            stallTimeout: try required("stall-timeout", SettingParsers.duration),
            instanceID: try value("instance-id", SettingParsers.identifier),
            transactionalIDPrefix: try value("transactional-id-prefix", SettingParsers.identifier),
            kafka: [:],
            sources: [:],
            texts: [:],
            fileLoadedKeys: []
        )

        var fileLoaded: Set<String> = []
        for (property, chosen) in kafka.sorted(by: { $0.key < $1.key }) {
            let key = KafkaProperty.keyPrefix + property
            var text = chosen.value
            if chosen.isFileReference {
                text = try readSecret(
                    reference: chosen.value, key: key + KafkaProperty.fileSuffix, source: chosen.source,
                    environment: environment)
                fileLoaded.insert(key)
            }
            resolved.kafka[property] = text
            sources[key] = chosen.source
            texts[key] = text
        }
        resolved.sources = sources
        resolved.texts = texts
        resolved.fileLoadedKeys = fileLoaded
        return resolved
    }

    /// Reads the value a `.file` key points at, expanding `${NAME}` from `environment`.
    private static func readSecret(
        reference: String,
        key: String,
        source: SettingSource,
        environment: [String: String]
    ) throws(ConfigurationError) -> String {
        var path = ""
        var rest = Substring(reference)
        while let start = rest.range(of: "${") {
            path += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                throw error(.invalidValue, key: key, source: source, "unterminated `${` in `\(reference)`")
            }
            let name = String(rest[start.upperBound..<end])
            guard let value = environment[name], !value.isEmpty else {
                throw error(.invalidValue, key: key, source: source, "`${\(name)}` is not set in the environment")
            }
            path += value
            rest = rest[rest.index(after: end)...]
        }
        path += rest
        guard !path.isEmpty else {
            throw error(.invalidValue, key: key, source: source, "empty file path")
        }
        guard let data = FileManager.default.contents(atPath: path), var text = String(data: data, encoding: .utf8)
        else {
            throw error(.unreadableFile, key: key, source: source, "cannot read secret file \(path)")
        }
        if text.hasSuffix("\r\n") {
            text.removeLast(2)
        } else if text.hasSuffix("\n") {
            text.removeLast()
        }
        return text
    }
}
