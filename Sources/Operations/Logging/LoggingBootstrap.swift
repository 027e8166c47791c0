import Foundation
import Logging

/// Sets up swift-log for `main`: the format and level from the settings, journald awareness from the
/// environment.
public enum LoggingBootstrap {
    /// A handler for `label` in `format`.
    ///
    /// - Parameters:
    ///   - label: The logger's label.
    ///   - format: Text or JSON lines.
    ///   - level: Lowest level written.
    ///   - environment: Read for `JOURNAL_STREAM`: when it names standard error's stream, the text
    ///     format leaves out timestamps and adds syslog priorities for journald.
    ///     Default: the process environment.
    ///   - output: Where lines go. Default: standard error.
    public static func makeHandler(
        label: String,
        format: LogFormat,
        level: Logger.Level,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        output: LogOutput = .standardError,
        metadataProvider: Logger.MetadataProvider? = nil
    ) -> any LogHandler {
        switch format {
        case .json:
            return JSONLogHandler(label: label, level: level, output: output, metadataProvider: metadataProvider)
        case .text:
            let journald = JournalStream.isStandardError(environment: environment)
            return TextLogHandler(
                label: label, level: level, journald: journald, output: output, metadataProvider: metadataProvider)
        }
    }

    /// Makes every `Logger` of the process use `format` and `level`.
    ///
    /// - Important: swift-log allows one bootstrap per process; call this once, early in `main`,
    ///   before any `Logger` is created. Tests build handlers with `makeHandler` instead.
    public static func bootstrap(
        format: LogFormat,
        level: Logger.Level,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        LoggingSystem.bootstrap(
            { label, provider in
                makeHandler(
                    label: label, format: format, level: level, environment: environment, metadataProvider: provider)
            }, metadataProvider: nil)
    }
}
