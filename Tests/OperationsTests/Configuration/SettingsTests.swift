import Foundation
import Operations
import Testing

@Suite("settings resolution")
struct SettingsTests {
    private func file(_ text: String) throws -> ConfigFile {
        try ConfigFile.parse(contents: text, path: "/etc/stancewire/stancewire.conf")
    }

    @Test func defaultsApplyWhenNothingIsSet() throws {
        let settings = try Settings.resolve(flags: [:], kafkaFlags: [:], environment: [:], file: nil)
        #expect(settings.brokers == "localhost:9092")
        #expect(settings.group == "stancewire")
        #expect(settings.inputTopic == "articles.raw")
        #expect(settings.outputTopic == "articles.enriched")
        #expect(settings.stanceTopic == "stances")
        #expect(settings.dlqTopic == "articles.dlq")
        #expect(settings.httpHost == "127.0.0.1")
        #expect(settings.httpPort == 9464)
        #expect(settings.mode == .atLeastOnce)
        #expect(settings.logFormat == .text)
        #expect(settings.logLevel == .info)
        #expect(settings.maxMessageBytes == 1_048_576)
        #expect(settings.maxInFlight == 1000)
        #expect(settings.knowledgeBase == nil)
        #expect(settings.shutdownTimeout == .seconds(20))
        #expect(settings.stallTimeout == .seconds(60))
        #expect(settings.instanceID == nil)
        #expect(settings.transactionalIDPrefix == "stancewire")
        #expect(settings.kafka.isEmpty)
        #expect(settings.sources["brokers"] == .defaultValue)
    }

    @Test func flagBeatsEnvironmentBeatsFileBeatsDefault() throws {
        let config = try file(
            """
            brokers = file:9092
            group = from-file
            input-topic = file.topic
            kafka.acks = 1
            kafka.linger.ms = 5
            """
        )
        let settings = try Settings.resolve(
            flags: ["brokers": "flag:9092"],
            kafkaFlags: ["acks": "all"],
            environment: [
                "STANCEWIRE_BROKERS": "env:9092",
                "STANCEWIRE_GROUP": "from-env",
                "STANCEWIRE_KAFKA_LINGER_MS": "10",
                "PATH": "/usr/bin",
            ],
            file: config
        )
        #expect(settings.brokers == "flag:9092")
        #expect(settings.sources["brokers"] == .flag("--brokers"))
        #expect(settings.group == "from-env")
        #expect(settings.sources["group"] == .environment("STANCEWIRE_GROUP"))
        #expect(settings.inputTopic == "file.topic")
        #expect(settings.sources["input-topic"] == .file(path: "/etc/stancewire/stancewire.conf", line: 3))
        #expect(settings.outputTopic == "articles.enriched")
        #expect(settings.sources["output-topic"] == .defaultValue)
        #expect(settings.kafka == ["acks": "all", "linger.ms": "10"])
        #expect(settings.sources["kafka.acks"] == .flag("--kafka acks"))
        #expect(settings.sources["kafka.linger.ms"] == .environment("STANCEWIRE_KAFKA_LINGER_MS"))
    }

    @Test func typedValuesParse() throws {
        let settings = try Settings.resolve(
            flags: ["http-address": "[::1]:0", "shutdown-timeout": "1500ms", "mode": "exactly-once"],
            kafkaFlags: [:],
            environment: [
                "STANCEWIRE_LOG_FORMAT": "json", "STANCEWIRE_LOG_LEVEL": "debug", "STANCEWIRE_STALL_TIMEOUT": "2m",
            ],
            file: try file("max-in-flight = 50\ntransactional-id-prefix = stancewire-tx\n")
        )
        #expect(settings.httpHost == "::1")
        #expect(settings.httpPort == 0)
        #expect(settings.shutdownTimeout == .milliseconds(1500))
        #expect(settings.stallTimeout == .seconds(120))
        #expect(settings.mode == .exactlyOnce)
        #expect(settings.logFormat == .json)
        #expect(settings.logLevel == .debug)
        #expect(settings.maxInFlight == 50)
        #expect(settings.transactionalIDPrefix == "stancewire-tx")
    }

    @Test func unknownKeyInFileCarriesFileAndLine() throws {
        let config = try file("brokers = a:9092\n# comment\nmax-inflight = 5\n")
        let error = #expect(throws: ConfigurationError.self) {
            try Settings.resolve(flags: [:], kafkaFlags: [:], environment: [:], file: config)
        }
        #expect(error?.code == .unknownKey)
        #expect(error?.file == "/etc/stancewire/stancewire.conf")
        #expect(error?.line == 3)
        #expect(error?.key == "max-inflight")
    }

    @Test func badValueInFileCarriesFileLineAndReason() throws {
        let config = try file("group = g\nmax-in-flight = lots\n")
        let error = #expect(throws: ConfigurationError.self) {
            try Settings.resolve(flags: [:], kafkaFlags: [:], environment: [:], file: config)
        }
        #expect(error?.code == .invalidValue)
        #expect(error?.line == 2)
        #expect(error?.key == "max-in-flight")
        #expect(error?.reason.contains("lots") == true)
    }

    @Test(arguments: [
        ("mode", "at-most-once"), ("log-format", "xml"), ("log-level", "loud"), ("http-address", "9464"),
        ("http-address", "host:70000"), ("input-topic", "bad topic"), ("brokers", "a:9092,,b:9092"),
        ("shutdown-timeout", "-1"), ("stall-timeout", "soon"), ("max-message-bytes", "10"),
        ("knowledge-base", "/nonexistent/kb"), ("instance-id", "has space"),
    ])
    func invalidValuesAreRejected(key: String, value: String) throws {
        let error = #expect(throws: ConfigurationError.self) {
            try Settings.resolve(flags: [key: value], kafkaFlags: [:], environment: [:], file: nil)
        }
        #expect(error?.code == .invalidValue)
        #expect(error?.key == key)
        #expect(error?.reason.hasPrefix("--\(key): ") == true)
    }

    @Test func unknownEnvironmentVariableIsRejectedButOthersIgnored() {
        let error = #expect(throws: ConfigurationError.self) {
            try Settings.resolve(flags: [:], kafkaFlags: [:], environment: ["STANCEWIRE_BROKER": "x:1"], file: nil)
        }
        #expect(error?.code == .unknownKey)
        #expect(error?.reason.contains("STANCEWIRE_BROKER") == true)
        #expect(throws: Never.self) {
            try Settings.resolve(
                flags: [:], kafkaFlags: [:],
                environment: ["STANCEWIRE_CONFIG": "/etc/x", "HOME": "/root"], file: nil
            )
        }
    }

    @Test func environmentNamesMapToKafkaProperties() {
        #expect(KafkaProperty.property(environmentName: "STANCEWIRE_KAFKA_SECURITY_PROTOCOL") == "security.protocol")
        #expect(KafkaProperty.property(environmentName: "STANCEWIRE_KAFKA_SASL_PASSWORD_FILE") == "sasl.password.file")
        #expect(
            KafkaProperty.property(environmentName: "STANCEWIRE_KAFKA_SOME__UNDERSCORED_NAME")
                == "some_underscored.name")
        #expect(
            KafkaProperty.environmentName(for: "some_underscored.name") == "STANCEWIRE_KAFKA_SOME__UNDERSCORED_NAME")
        #expect(SettingKey.named("max-in-flight")?.environmentName == "STANCEWIRE_MAX_IN_FLIGHT")
    }

    @Test func fileReferenceLoadsSecretFromCredentialsDirectory() throws {
        let directory = NSTemporaryDirectory() + "stancewire-credentials-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "s3cr3t\n".write(toFile: directory + "/sasl-password", atomically: true, encoding: .utf8)

        let config = try file(
            """
            kafka.sasl.username = stancewire
            kafka.sasl.password.file = ${CREDENTIALS_DIRECTORY}/sasl-password
            """
        )
        let settings = try Settings.resolve(
            flags: [:], kafkaFlags: [:], environment: ["CREDENTIALS_DIRECTORY": directory], file: config
        )
        #expect(settings.kafka["sasl.password"] == "s3cr3t")
        #expect(settings.kafka["sasl.username"] == "stancewire")
        #expect(settings.kafka["sasl.password.file"] == nil)
        #expect(settings.sources["kafka.sasl.password"] == .file(path: "/etc/stancewire/stancewire.conf", line: 2))
    }

    @Test func missingSecretFileIsAnErrorAtTheReferencingLine() throws {
        let config = try file("group = g\nkafka.ssl.key.password.file = /nonexistent/secret\n")
        let error = #expect(throws: ConfigurationError.self) {
            try Settings.resolve(flags: [:], kafkaFlags: [:], environment: [:], file: config)
        }
        #expect(error?.code == .unreadableFile)
        #expect(error?.line == 2)

        let unset = try file("kafka.sasl.password.file = ${CREDENTIALS_DIRECTORY}/x\n")
        let unsetError = #expect(throws: ConfigurationError.self) {
            try Settings.resolve(flags: [:], kafkaFlags: [:], environment: [:], file: unset)
        }
        #expect(unsetError?.code == .invalidValue)
        #expect(unsetError?.reason.contains("CREDENTIALS_DIRECTORY") == true)
    }

    @Test func propertyAndItsFileFormInOneLayerConflict() throws {
        let config = try file("kafka.sasl.password = a\nkafka.sasl.password.file = /x\n")
        let error = #expect(throws: ConfigurationError.self) {
            try Settings.resolve(flags: [:], kafkaFlags: [:], environment: [:], file: config)
        }
        #expect(error?.code == .duplicateKey)
        #expect(error?.line == 2)
    }

    @Test func redactedDescriptionHidesSecretsAndNamesSources() throws {
        let directory = NSTemporaryDirectory() + "stancewire-credentials-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "token-from-file".write(toFile: directory + "/token", atomically: true, encoding: .utf8)

        let config = try file(
            """
            group = news
            kafka.security.protocol = SASL_SSL
            kafka.sasl.mechanism = PLAIN
            kafka.sasl.password = hunter2
            kafka.ssl.key.pem = PEMDATA
            kafka.client.secret.value = topsecret
            kafka.oauth.token.file = \(directory)/token
            """
        )
        let settings = try Settings.resolve(
            flags: ["max-in-flight": "10"], kafkaFlags: [:], environment: [:], file: config)
        let text = settings.redactedDescription()
        for secret in ["hunter2", "PEMDATA", "topsecret", "token-from-file", "PLAIN"] {
            #expect(!text.contains(secret), "\(secret) leaked")
        }
        #expect(text.contains("kafka.sasl.password = <redacted>  # file /etc/stancewire/stancewire.conf:4"))
        #expect(text.contains("kafka.oauth.token = <redacted>  # file /etc/stancewire/stancewire.conf:7"))
        #expect(text.contains("kafka.security.protocol = SASL_SSL  # file /etc/stancewire/stancewire.conf:2"))
        #expect(text.contains("group = news  # file /etc/stancewire/stancewire.conf:1"))
        #expect(text.contains("max-in-flight = 10  # flag --max-in-flight"))
        #expect(text.contains("brokers = localhost:9092  # default"))
        #expect(text.contains("# knowledge-base is not set"))
    }
}

@Suite("settings to components")
struct SettingsComponentTests {
    @Test func httpAddressAndStallTimeoutConfigureServerAndHealth() throws {
        let settings = try Settings.resolve(
            flags: ["http-address": "0.0.0.0:9500", "stall-timeout": "15"], kafkaFlags: [:], environment: [:],
            file: nil)
        #expect(settings.httpServerConfiguration.host == "0.0.0.0")
        #expect(settings.httpServerConfiguration.port == 9500)
        #expect(settings.healthConfiguration.stallTimeout == .seconds(15))
    }
}
