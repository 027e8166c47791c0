import ArgumentParser
import Foundation
import KafkaBridge
import Logging
import Operations
import Pipeline

/// `stancewire run`: the daemon.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Consume raw articles, publish enriched and stance events, dead-letter bad input.",
        discussion: """
            Every option can also be set in the environment as STANCEWIRE_<OPTION> (upper case, '-' \
            as '_', e.g. STANCEWIRE_INPUT_TOPIC) or in the --config file as 'option = value'. \
            Precedence: flags, then environment, then file, then defaults. Raw librdkafka properties: \
            -X key=value (both clients), -X consumer.key=value or -X producer.key=value (one client), \
            'kafka.key = value' in the file.
            """
    )

    @Option(help: "Bootstrap brokers, host:port[,host:port...]. (default: localhost:9092)")
    var brokers: String?
    @Option(help: "Consumer group id. (default: stancewire)")
    var group: String?
    @Option(help: "Raw articles topic. (default: articles.raw)")
    var inputTopic: String?
    @Option(help: "Enriched events topic. (default: articles.enriched)")
    var outputTopic: String?
    @Option(help: "Stance events topic. (default: stances)")
    var stanceTopic: String?
    @Option(help: "Dead-letter topic. (default: articles.dlq)")
    var dlqTopic: String?
    @Option(help: "Address of /healthz, /readyz and /metrics. (default: 127.0.0.1:9464)")
    var httpAddress: String?
    @Option(help: "Delivery mode: at-least-once or exactly-once. (default: at-least-once)")
    var mode: String?
    @Option(help: "Configuration file of 'key = value' lines.")
    var config: String?
    @Option(name: .customShort("X"), help: "A raw librdkafka property, key=value (repeatable).")
    var kafka: [String] = []
    @Option(help: "Log format: text or json. (default: text)")
    var logFormat: String?
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical. (default: info)")
    var logLevel: String?
    @Option(help: "Largest accepted input message in bytes. (default: 1048576)")
    var maxMessageBytes: Int?
    @Option(help: "Most input messages in progress; at the bound the consumer waits for room. (default: 1000)")
    var maxInFlight: Int?
    @Option(help: "A knowledge-base directory that extends the bundled one.")
    var knowledgeBase: String?
    @Option(help: "Longest graceful shutdown in seconds. (default: 20)")
    var shutdownTimeout: Int?
    @Option(help: "Seconds without worker progress before /healthz fails. (default: 60)")
    var stallTimeout: Int?
    @Option(help: "Static group membership id (group.instance.id); also names the instance in exactly-once mode.")
    var instanceId: String?
    @Option(
        help: """
            Exactly-once: the transactional id is <prefix>-<group>-<instance-id or host name>. \
            (default: stancewire)
            """
    )
    var transactionalIdPrefix: String?

    /// The flags given on the command line, by key.
    var flagValues: [String: String] {
        var values: [String: String] = [:]
        func put(_ key: String, _ value: (some CustomStringConvertible)?) {
            if let value { values[key] = value.description }
        }
        put("brokers", brokers)
        put("group", group)
        put("input-topic", inputTopic)
        put("output-topic", outputTopic)
        put("stance-topic", stanceTopic)
        put("dlq-topic", dlqTopic)
        put("http-address", httpAddress)
        put("mode", mode)
        put("log-format", logFormat)
        put("log-level", logLevel)
        put("max-message-bytes", maxMessageBytes)
        put("max-in-flight", maxInFlight)
        put("knowledge-base", knowledgeBase)
        put("shutdown-timeout", shutdownTimeout)
        put("stall-timeout", stallTimeout)
        put("instance-id", instanceId)
        put("transactional-id-prefix", transactionalIdPrefix)
        return values
    }

    /// `-X` flags as a dictionary.
    func kafkaFlags() throws -> [String: String] {
        var values: [String: String] = [:]
        for item in kafka {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw ValidationError("-X takes key=value, got '\(item)'")
            }
            values[String(item[..<eq])] = String(item[item.index(after: eq)...])
        }
        return values
    }

    /// Exit status when exactly-once processing stops because another producer with the same
    /// transactional id took over (EX_TEMPFAIL). Restarting would fence that one in turn, so
    /// supervisors should not restart on it.
    static let exitFenced: Int32 = 75
    /// Exit status when the transactional producer failed fatally or an aborted transaction
    /// could not be cleaned up (EX_SOFTWARE); a restart resumes from the committed offsets.
    static let exitTransactionFailed: Int32 = 70

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let settings: ResolvedSettings
        do {
            settings = try SettingsLoader.resolve(
                flags: flagValues,
                kafkaFlags: try kafkaFlags(),
                environment: environment,
                configFile: SettingsLoader.configPath(flag: config, environment: environment)
            )
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("stancewire: configuration: \(error)\n".utf8))
            throw ExitCode(78)  // EX_CONFIG
        }
        LoggingBootstrap.bootstrap(format: settings.logFormat, level: settings.logLevel)
        let logger = Logger(label: "stancewire")
        let health = HealthMonitor(configuration: settings.healthConfiguration)
        let metrics = MetricsBootstrap(
            version: Daemon.version, librdkafkaVersion: LibRdKafka.version, health: health)
        metrics.bootstrapSystem()
        do {
            try await Daemon.run(
                SettingsLoader.daemonOptions(settings), health: health, metrics: metrics, logger: logger)
        } catch let error as TransactionError {
            // One line on stderr for operators, whatever the log format.
            FileHandle.standardError.write(Data("stancewire: \(error)\n".utf8))
            logger.critical("stopped", metadata: ["error": "\(error)"])
            throw ExitCode(error.code == .fenced ? Self.exitFenced : Self.exitTransactionFailed)
        } catch let error as CLIError {
            logger.critical("cannot run", metadata: ["error": "\(error)"])
            throw ExitCode(78)  // EX_CONFIG: systemd's Restart=on-failure will not loop on it
        } catch {
            logger.critical("stopped on error", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}
