import ArgumentParser
import Dispatch
import Foundation
import KafkaBridge
import Logging

/// `stancewire mock-cluster`: runs librdkafka's mock Kafka cluster in this process and takes
/// commands on standard input, so that tests and scripts can use a broker in another process.
struct MockClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock-cluster",
        abstract: "Run librdkafka's mock Kafka cluster on 127.0.0.1 for tests and local runs.",
        discussion: """
            Prints one line `bootstrap.servers=<servers>` on standard output, then reads commands \
            from standard input, one per line, and answers each with `ok` or `error <text>`:
              down <broker-id>                    take a broker down
              up <broker-id>                      bring a broker back up
              rtt <broker-id> <ms>                delay a broker's responses
              errors <api-key> <code> [<code>...] fail the next requests of a type (codes are \
            librdkafka error numbers, e.g. 7 REQUEST_TIMED_OUT, -195 _TRANSPORT)
              quit                                exit
            Exits 0 on `quit`, end of input, SIGTERM or SIGINT.
            """
    )

    @Option(help: "Number of brokers (ids 1...N).")
    var brokers: Int = 1

    @Option(
        name: .customLong("topic"),
        help: ArgumentHelp("A topic to create, as name:partitions (repeatable).", valueName: "name:partitions")
    )
    var topics: [String] = []

    @Option(help: "Log level for messages on standard error (trace, debug, info, notice, warning, error, critical).")
    var logLevel: String = "warning"

    mutating func validate() throws {
        guard brokers >= 1 else { throw ValidationError("--brokers must be at least 1") }
        for topic in topics {
            guard Self.parseTopic(topic) != nil else {
                throw ValidationError("--topic expects name:partitions with partitions >= 1, got '\(topic)'")
            }
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("unknown --log-level '\(logLevel)'")
        }
    }

    func run() async throws {
        var logger = Logger(label: "stancewire.mock-cluster") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .warning

        let cluster = try MockCluster(brokers: brokers, logger: logger)
        for topic in topics {
            if let (name, partitions) = Self.parseTopic(topic) {
                try cluster.createTopic(name, partitions: partitions, replicationFactor: 1)
            }
        }
        Self.write("bootstrap.servers=\(cluster.bootstrapServers)")

        let (lines, continuation) = AsyncStream.makeStream(of: String.self)
        Self.readInput(into: continuation)
        let signalSources = Self.finishOnSignals(continuation)
        for await line in lines {
            let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let verb = words.first else { continue }
            if verb == "quit" { break }
            do {
                try Self.execute(verb: verb, arguments: Array(words.dropFirst()), on: cluster)
                Self.write("ok")
            } catch let error as KafkaError {
                Self.write("error \(error.code.name): \(error.reason)")
            } catch {
                Self.write("error \(error)")
            }
        }
        withExtendedLifetime(signalSources) {}
        logger.info("mock cluster stopping")
    }

    private struct CommandError: Error, CustomStringConvertible {
        var description: String
    }

    private static func execute(verb: String, arguments: [String], on cluster: MockCluster) throws {
        func broker(_ index: Int) throws -> Int32 {
            guard index < arguments.count, let id = Int32(arguments[index]) else {
                throw CommandError(description: "usage: \(verb) <broker-id>\(verb == "rtt" ? " <ms>" : "")")
            }
            return id
        }
        switch verb {
        case "down":
            try cluster.setBrokerDown(try broker(0))
        case "up":
            try cluster.setBrokerUp(try broker(0))
        case "rtt":
            let id = try broker(0)
            guard arguments.count == 2, let milliseconds = Int(arguments[1]), milliseconds >= 0 else {
                throw CommandError(description: "usage: rtt <broker-id> <ms>")
            }
            try cluster.setBrokerRoundTripTime(id, milliseconds: milliseconds)
        case "errors":
            let codes = arguments.dropFirst().compactMap(Int32.init)
            guard let apiKey = arguments.first.flatMap({ Int16($0) }), !codes.isEmpty,
                codes.count == arguments.count - 1
            else {
                throw CommandError(description: "usage: errors <api-key> <code> [<code>...]")
            }
            try cluster.pushRequestErrors(apiKey: apiKey, errors: codes.map(KafkaError.Code.init(rawValue:)))
        default:
            throw CommandError(description: "unknown command '\(verb)' (down, up, rtt, errors, quit)")
        }
    }

    private static func parseTopic(_ text: String) -> (String, Int32)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        let name = String(text[..<colon])
        guard !name.isEmpty, let partitions = Int32(text[text.index(after: colon)...]), partitions >= 1 else {
            return nil
        }
        return (name, partitions)
    }

    /// Writes one line to standard output, unbuffered, so that a reading process sees it at once.
    private static func write(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Feeds standard input's lines to `continuation` from a dedicated thread; finishes at end of input.
    private static func readInput(into continuation: AsyncStream<String>.Continuation) {
        let reader = Thread {
            while let line = readLine() {
                continuation.yield(line)
            }
            continuation.finish()
        }
        reader.name = "mock-cluster-stdin"
        reader.start()
    }

    /// Finishes `continuation` on SIGTERM or SIGINT. Keep the returned sources alive.
    private static func finishOnSignals(_ continuation: AsyncStream<String>.Continuation) -> [any DispatchSourceSignal] {
        [SIGTERM, SIGINT].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { continuation.finish() }
            source.resume()
            return source
        }
    }
}
