import ArgumentParser
import Foundation
import Operations

/// `stancewire config ...`
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Work with configuration files.",
        subcommands: [ConfigCheckCommand.self]
    )
}

/// `stancewire config check FILE`
struct ConfigCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a configuration file and print the effective configuration, secrets redacted.",
        discussion: """
            The effective configuration layers the STANCEWIRE_* environment over the file, over the \
            defaults, and names each value's source. An unknown key or a bad value is reported with \
            the file and line, and the exit status is 78 (EX_CONFIG).
            """
    )

    @Argument(help: "The configuration file.")
    var file: String

    func run() async throws {
        do {
            let settings = try SettingsLoader.resolve(
                flags: [:],
                kafkaFlags: [:],
                environment: ProcessInfo.processInfo.environment,
                configFile: file
            )
            print(settings.redactedDescription(), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("stancewire: \(error)\n".utf8))
            throw ExitCode(78)  // EX_CONFIG
        }
    }
}
