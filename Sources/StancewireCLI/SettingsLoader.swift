import ArgumentParser
import Foundation
import Logging
import Operations

/// Layers flags, `STANCEWIRE_*` environment, the configuration file and defaults (in that
/// precedence) into the daemon's options.
enum SettingsLoader {
    /// The configuration file named by `--config`, else by `STANCEWIRE_CONFIG`.
    static func configPath(flag: String?, environment: [String: String]) -> String? {
        flag ?? environment["STANCEWIRE_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func resolve(
        flags: [String: String],
        kafkaFlags: [String: String],
        environment: [String: String],
        configFile: String?
    ) throws(ConfigurationError) -> ResolvedSettings {
        let file = try configFile.map { path throws(ConfigurationError) in try ConfigFile.load(path: path) }
        return try Settings.resolve(flags: flags, kafkaFlags: kafkaFlags, environment: environment, file: file)
    }

    static func daemonOptions(_ settings: ResolvedSettings) -> DaemonOptions {
        var o = DaemonOptions()
        o.brokers = settings.brokers
        o.group = settings.group
        o.inputTopic = settings.inputTopic
        o.outputTopic = settings.outputTopic
        o.stanceTopic = settings.stanceTopic
        o.dlqTopic = settings.dlqTopic
        o.httpHost = settings.httpHost
        o.httpPort = settings.httpPort
        o.mode = settings.mode == .exactlyOnce ? .exactlyOnce : .atLeastOnce
        o.maxMessageBytes = settings.maxMessageBytes
        o.maxInFlight = settings.maxInFlight
        o.knowledgeBase = settings.knowledgeBase
        o.shutdownTimeout = settings.shutdownTimeout
        o.instanceId = settings.instanceID
        if let prefix = settings.transactionalIDPrefix { o.transactionalIDPrefix = prefix }
        o.kafka = settings.kafka
        return o
    }
}
