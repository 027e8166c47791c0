import CRdKafka
import Dispatch
import Foundation
import Synchronization

/// The one dedicated thread of a producer that calls `rd_kafka_poll`, which serves delivery
/// reports, errors and statistics. It keeps the client alive until it exits.
final class ProducerPollLoop: Sendable {
    private let client: RDKafkaClient
    private let running = Mutex(true)
    private let exited = DispatchSemaphore(value: 0)
    private let joined = Mutex(false)

    init(client: RDKafkaClient) {
        self.client = client
        let thread = Thread { [self] in
            while self.running.withLock({ $0 }) {
                _ = self.client.withPointer { rd_kafka_poll($0, 100) }
            }
            self.exited.signal()
        }
        thread.name = "kafka-producer-poll"
        thread.start()
    }

    /// Asks the thread to exit after its current `rd_kafka_poll`; does not wait.
    func requestStop() {
        running.withLock { $0 = false }
        client.withPointer { rd_kafka_yield($0) }
    }

    /// Stops the thread and waits until it has exited. Idempotent.
    /// - Important: Blocks; call it on a dedicated thread.
    func stopAndWait() {
        requestStop()
        let first = joined.withLock { joined in
            defer { joined = true }
            return !joined
        }
        if first { exited.wait() }
    }
}
