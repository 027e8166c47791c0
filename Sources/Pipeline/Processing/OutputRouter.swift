import Foundation
import KafkaBridge

/// Turns the outcome of one input message into the records to publish: the enriched event
/// and its stance events, or one dead letter. Shared by both delivery modes.
struct OutputRouter: Sendable {
    let topics: WorkerConfiguration.Topics

    private static let json = KafkaHeader(key: "content-type", value: Array("application/json".utf8))
    /// Headers of every enriched event, built once.
    private static let enrichedHeaders = [json, KafkaHeader(key: "schema", value: Array(EnrichedEvent.schema.utf8))]
    /// Headers of every stance event, built once.
    private static let stanceHeaders = [json]

    /// The records for `outcome`, in publishing order.
    /// - Parameters:
    ///   - outcome: What processing made of `message`.
    ///   - message: The input message (its key, value and headers go into a dead letter).
    func records(for outcome: ProcessingOutcome, of message: KafkaMessage) -> [ProducerRecord] {
        switch outcome {
        case .processed(let article):
            var out: [ProducerRecord] = []
            out.reserveCapacity(1 + article.stances.count)
            out.append(
                ProducerRecord(
                    topic: topics.output,
                    partition: nil,
                    key: Array(article.articleId.utf8),
                    value: article.enriched,
                    headers: Self.enrichedHeaders
                )
            )
            for stance in article.stances {
                out.append(
                    ProducerRecord(
                        topic: topics.stances,
                        partition: nil,
                        key: Array(stance.key.utf8),
                        value: stance.value,
                        headers: Self.stanceHeaders
                    )
                )
            }
            return out
        case .deadLetter(let failure):
            return [deadLetterRecord(for: message, failure: failure)]
        }
    }

    /// The input, unchanged, with `dlq-*` headers saying why and where from.
    func deadLetterRecord(for message: KafkaMessage, failure: DecodeFailure) -> ProducerRecord {
        var headers = message.headers
        func add(_ key: String, _ value: String) {
            headers.append(KafkaHeader(key: key, value: Array(value.utf8)))
        }
        add("dlq-reason", failure.reason.code)
        add("dlq-detail", failure.detail)
        add("dlq-origin-topic", message.topic)
        add("dlq-origin-partition", String(message.partition))
        add("dlq-origin-offset", String(message.offset))
        add("dlq-timestamp", Date().formatted(.iso8601))
        return ProducerRecord(
            topic: topics.deadLetter,
            partition: nil,
            key: message.key,
            value: message.value ?? [],
            headers: headers
        )
    }
}
