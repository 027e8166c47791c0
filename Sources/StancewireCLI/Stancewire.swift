import ArgumentParser

@main
struct Stancewire: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stancewire",
        abstract: "Entity and stance extraction for streaming newsrooms, over Kafka.",
        version: Daemon.version,
        subcommands: [
            RunCommand.self, ExtractCommand.self, DemoCommand.self, ConfigCommand.self, MockClusterCommand.self,
            FuzzCommand.self,
        ]
    )
}
