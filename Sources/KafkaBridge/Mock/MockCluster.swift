import CRdKafka
import Logging

/// librdkafka's built-in mock cluster: brokers that speak the real Kafka protocol over TCP on
/// 127.0.0.1, served by librdkafka's own threads. For tests and local runs only.
///
/// Broker ids are `1...brokers`. librdkafka 2.0.2 keeps about 5 MB per partition, so create
/// few partitions.
public final class MockCluster: Sendable {
    private let handle: MockClusterHandle

    /// The cluster's `bootstrap.servers` list, e.g. `127.0.0.1:40123`.
    public let bootstrapServers: String

    /// Starts a mock cluster.
    /// - Parameters:
    ///   - brokers: Number of brokers. Default: 1.
    ///   - logger: Receives the logs of the cluster's dummy producer handle.
    /// - Throws: ``KafkaError`` if the handle or the cluster cannot be created.
    public init(brokers: Int = 1, logger: Logger) throws(KafkaError) {
        guard brokers >= 1 else {
            throw KafkaError(code: .invalidArgument, reason: "a mock cluster needs at least one broker", isRetriable: false)
        }
        // The cluster needs an rd_kafka_t for its bookkeeping; it never produces anything.
        let client = try RDKafkaClient.make(
            kind: .producer,
            configuration: [:],
            context: CallbackContext(logger: logger, handlers: .init())
        )
        guard let cluster = client.withPointer({ rd_kafka_mock_cluster_new($0, Int32(clamping: brokers)) }) else {
            throw KafkaError(code: .fail, reason: "rd_kafka_mock_cluster_new failed", isRetriable: false)
        }
        handle = MockClusterHandle(cluster: cluster, client: client)
        bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
    }

    /// Creates a topic.
    /// - Parameters:
    ///   - name: Topic name.
    ///   - partitions: Number of partitions.
    ///   - replicationFactor: Replicas per partition, at most the number of brokers. Default: 1.
    /// - Throws: ``KafkaError`` (e.g. `TOPIC_ALREADY_EXISTS`).
    public func createTopic(_ name: String, partitions: Int32, replicationFactor: Int32 = 1) throws(KafkaError) {
        let err = handle.withPointer { rd_kafka_mock_topic_create($0, name, partitions, replicationFactor) }
        if let error = KafkaError.check(err) { throw error }
    }

    /// Takes a broker down: its connections are closed and new ones refused.
    /// - Parameter brokerId: Broker id, `1...brokers`.
    /// - Throws: ``KafkaError`` for an unknown broker.
    public func setBrokerDown(_ brokerId: Int32) throws(KafkaError) {
        if let error = KafkaError.check(handle.withPointer { rd_kafka_mock_broker_set_down($0, brokerId) }) {
            throw error
        }
    }

    /// Brings a broker back up.
    /// - Parameter brokerId: Broker id, `1...brokers`.
    /// - Throws: ``KafkaError`` for an unknown broker.
    public func setBrokerUp(_ brokerId: Int32) throws(KafkaError) {
        if let error = KafkaError.check(handle.withPointer { rd_kafka_mock_broker_set_up($0, brokerId) }) {
            throw error
        }
    }

    /// Delays every response of a broker.
    /// - Parameters:
    ///   - brokerId: Broker id, `1...brokers`.
    ///   - milliseconds: Added round-trip time; 0 removes the delay.
    /// - Throws: ``KafkaError`` for an unknown broker.
    public func setBrokerRoundTripTime(_ brokerId: Int32, milliseconds: Int) throws(KafkaError) {
        let rtt = Int32(clamping: milliseconds)
        if let error = KafkaError.check(handle.withPointer { rd_kafka_mock_broker_set_rtt($0, brokerId, rtt) }) {
            throw error
        }
    }

    /// Makes the next requests of one type fail, one error per request, in order, on any broker.
    /// - Parameters:
    ///   - apiKey: Kafka protocol request type, e.g. 0 for Produce, 1 for Fetch, 8 for OffsetCommit.
    ///   - errors: Errors to return. `.transport` makes the broker drop the connection.
    /// - Throws: Never today; kept throwing for symmetry with the other controls.
    public func pushRequestErrors(apiKey: Int16, errors: [KafkaError.Code]) throws(KafkaError) {
        guard !errors.isEmpty else { return }
        let codes = errors.map(\.cValue)
        codes.withUnsafeBufferPointer { buffer in
            handle.withPointer { rd_kafka_mock_push_request_errors_array($0, apiKey, buffer.count, buffer.baseAddress) }
        }
    }

    /// Forgets the errors pushed for one request type.
    /// - Parameter apiKey: Kafka protocol request type.
    public func clearRequestErrors(apiKey: Int16) {
        handle.withPointer { rd_kafka_mock_clear_request_errors($0, apiKey) }
    }
}

/// Owns one `rd_kafka_mock_cluster_t`, destroyed in `deinit` before the `rd_kafka_t` it was
/// created with (which ``RDKafkaClient`` destroys once this object releases it).
///
/// `@unchecked Sendable`: the mock cluster's control functions are thread-safe (they post
/// operations to the cluster's own thread), and the pointer never changes.
private final class MockClusterHandle: @unchecked Sendable {
    private let cluster: OpaquePointer
    private let client: RDKafkaClient

    init(cluster: OpaquePointer, client: RDKafkaClient) {
        self.cluster = cluster
        self.client = client
    }

    deinit {
        rd_kafka_mock_cluster_destroy(cluster)
    }

    /// Calls `body` with the raw cluster pointer, which must not escape.
    func withPointer<T>(_ body: (OpaquePointer) -> T) -> T {
        body(cluster)
    }
}
