import KafkaBridge
import Testing

/// Unit tests: no broker.
struct KafkaErrorTests {
    @Test func codesCarryLibrdkafkaNames() {
        #expect(KafkaError.Code.queueFull.name == "_QUEUE_FULL")
        #expect(KafkaError.Code.allBrokersDown.name == "_ALL_BROKERS_DOWN")
        #expect(KafkaError.Code.fenced.name == "_FENCED")
        #expect(KafkaError.Code.producerFenced.name == "PRODUCER_FENCED")
        #expect(KafkaError.Code.unknownTopicOrPartition.rawValue == 3)
        #expect(KafkaError.Code(rawValue: -195) == .transport)
    }

    @Test func transientCodesDefaultToRetriable() {
        #expect(KafkaError(code: .transport).isRetriable)
        #expect(KafkaError(code: .queueFull).isRetriable)
        #expect(!KafkaError(code: .invalidArgument).isRetriable)
        #expect(!KafkaError(code: .fenced).isRetriable)
        #expect(KafkaError(code: .fenced, isRetriable: true).isRetriable)
    }

    @Test func descriptionNamesTheCodeAndTheSource() {
        let error = KafkaError(code: .timedOut, reason: "slow")
        #expect(error.description.contains("_TIMED_OUT"))
        #expect(error.description.contains("slow"))
        #expect(error.file.hasSuffix("KafkaErrorTests.swift"))
    }

    @Test func topicPartitionsSortByTopicThenPartition() {
        let sorted = [
            TopicPartition(topic: "b", partition: 0),
            TopicPartition(topic: "a", partition: 2),
            TopicPartition(topic: "a", partition: 1),
        ].sorted()
        #expect(sorted.map(\.description) == ["a[1]", "a[2]", "b[0]"])
    }

    @Test func linkedLibrdkafkaReportsItsVersion() {
        #expect(LibRdKafka.version.split(separator: ".").count >= 3)
    }
}
