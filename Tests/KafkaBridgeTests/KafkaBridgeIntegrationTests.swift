import Testing

/// Integration tests over real TCP to a librdkafka mock cluster in this process. The nested
/// suites (one per file) run one test at a time, each with its own cluster and topic.
@Suite(.serialized, .timeLimit(.minutes(1)))
enum KafkaBridgeIntegrationTests {}
