import ArgumentParser

@main
struct Stancewire: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stancewire",
        abstract: "Entity and stance extraction for streaming newsrooms, over Kafka."
    )
}
