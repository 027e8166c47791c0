import ArgumentParser
import Extraction
import Foundation
import KafkaBridge
import Logging
import Operations
import Pipeline
import ServiceLifecycle

/// The README's "run the main job": the real worker against an embedded mock cluster.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the worker on the seed articles against an embedded Kafka mock cluster.",
        discussion: """
            Starts librdkafka's mock cluster in-process (real Kafka protocol on 127.0.0.1), publishes \
            the seed articles to 'articles.raw', runs the same worker as 'stancewire run', reads the \
            enriched events back from 'articles.enriched' and prints a summary per article.
            """
    )

    @Option(help: "Input articles, one JSON object per line.")
    var input: String = "seeds/articles.jsonl"

    @Option(help: "Seconds to wait for all enriched events.")
    var timeout: Int = 60

    @Flag(help: "Print the enriched events as JSON lines instead of a summary.")
    var json = false

    @Option(help: "A knowledge-base directory that extends the bundled one.")
    var knowledgeBase: String?

    func run() async throws {
        var logger = Logger(label: "stancewire.demo")
        logger.logLevel = .warning
        guard let data = FileManager.default.contents(atPath: input) else {
            throw ValidationError("cannot read \(input) (run from the repository root, or pass --input)")
        }
        let lines = data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.map { [UInt8]($0) }
        let extractor = try EngineLoader.load(knowledgeBase: knowledgeBase)

        let cluster = try MockCluster(brokers: 1, logger: logger)
        let brokers = cluster.bootstrapServers
        try cluster.createTopic("articles.raw", partitions: 4)
        try cluster.createTopic("articles.enriched", partitions: 2)
        try cluster.createTopic("stances", partitions: 2)
        try cluster.createTopic("articles.dlq", partitions: 1)
        print("mock cluster at \(brokers); publishing \(lines.count) articles to articles.raw")

        let producer = try KafkaProducer(configuration: ["bootstrap.servers": brokers], logger: logger)
        for line in lines {
            let id = (try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])?["id"] as? String
            _ = try await producer.send(
                ProducerRecord(topic: "articles.raw", partition: nil, key: id.map { Array($0.utf8) }, value: line, headers: [])
            )
        }
        await producer.close(timeout: .seconds(5))

        var configuration = WorkerConfiguration()
        configuration.consumerProperties = [
            "bootstrap.servers": brokers, "group.id": "stancewire-demo", "auto.offset.reset": "earliest",
        ]
        configuration.producerProperties = ["bootstrap.servers": brokers]
        let worker = try Worker(
            configuration: configuration,
            processor: ArticleProcessor(extractor: extractor),
            health: HealthMonitor(),
            logger: logger
        )
        let reader = try KafkaConsumer(
            configuration: [
                "bootstrap.servers": brokers, "group.id": "stancewire-demo-reader", "auto.offset.reset": "earliest",
            ],
            logger: logger
        )
        try reader.subscribe(topics: ["articles.enriched"])
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: worker)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        let expected = lines.count
        let deadline = ContinuousClock.now + .seconds(timeout)
        let json = self.json
        let received = try await withThrowingTaskGroup(of: Int?.self) { tasks in
            tasks.addTask {
                try await group.run()
                return nil
            }
            tasks.addTask {
                var seen = Set<String>()
                while seen.count < expected, ContinuousClock.now < deadline {
                    for message in try await reader.poll(maxMessages: 100, timeout: .milliseconds(200)) {
                        guard let value = message.value else { continue }
                        if json {
                            print(String(decoding: value, as: UTF8.self))
                        } else {
                            print(DemoSummary(value: value).text)
                        }
                        if let id = DemoSummary(value: value).articleId { seen.insert(id) }
                    }
                }
                try await reader.close()
                await group.triggerGracefulShutdown()
                return seen.count
            }
            var count = 0
            for try await result in tasks {
                if let result { count = result }
            }
            return count
        }
        let stats = worker.statistics()
        print("enriched \(received) of \(expected) articles (processed \(stats.processed), dead-lettered \(stats.deadLettered))")
        if received < expected { throw ExitCode.failure }
    }
}

/// A readable summary of one enriched event.
struct DemoSummary {
    let event: [String: Any]

    init(value: [UInt8]) {
        event = ((try? JSONSerialization.jsonObject(with: Data(value))) as? [String: Any]) ?? [:]
    }

    var articleId: String? { (event["article"] as? [String: Any])?["id"] as? String }

    var text: String {
        let article = event["article"] as? [String: Any] ?? [:]
        let entities = event["entities"] as? [[String: Any]] ?? []
        let stances = event["stances"] as? [[String: Any]] ?? []
        var names: [String: String] = [:]
        for e in entities {
            if let id = e["id"] as? String, let name = e["name"] as? String { names[id] = name }
        }
        var out = "== \(articleId ?? "?")"
        if let title = article["title"] as? String { out += "  \(title)" }
        if let origin = event["origin"] as? [String: Any] {
            out += "  [\(origin["topic"] ?? "")/\(origin["partition"] ?? "")@\(origin["offset"] ?? "")]"
        }
        out += "\n   entities (\(entities.count)): "
        out += entities.prefix(25).map { e in
            "\(e["name"] ?? "?") \(e["type"] ?? "")×\(e["mention_count"] ?? 0)"
        }.joined(separator: ", ")
        if entities.count > 25 { out += ", …" }
        out += "\n   stances (\(stances.count)):"
        for s in stances {
            let holder = (s["holder"] as? String).flatMap { names[$0] ?? $0 } ?? "?"
            let target = s["target"] as? [String: Any] ?? [:]
            let what = (target["topic"] as? String) ?? (target["entity"] as? String).map { names[$0] ?? $0 }
                ?? (target["text"] as? String).map { "“\($0)”" } ?? "?"
            out += "\n     \(holder) \(s["polarity"] ?? "?") \(what)  (cue: \(s["cue"] ?? ""))"
        }
        return out
    }
}
