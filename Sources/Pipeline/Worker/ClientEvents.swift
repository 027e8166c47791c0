import KafkaBridge
import Logging
import Operations

/// The librdkafka event handlers both workers install: errors and statistics feed the
/// metrics and the health monitor.
enum ClientEvents {
    /// The consumer's error handler: counts the error, marks brokers unreachable on
    /// `_ALL_BROKERS_DOWN`, logs.
    static func consumerError(
        metrics: PipelineMetrics,
        health: HealthMonitor,
        logger: Logger
    ) -> @Sendable (KafkaError) -> Void {
        { error in
            metrics.kafkaError(error.code.name)
            if error.code == .allBrokersDown {
                health.setBrokersReachable(false, problem: "all brokers are down")
            }
            logger.warning(
                "kafka client error",
                metadata: ["kafka.error": "\(error.code.name)", "kafka.reason": "\(error.reason)"]
            )
        }
    }

    /// The consumer's statistics handler: broker reachability and per-partition lag.
    static func statistics(metrics: PipelineMetrics, health: HealthMonitor) -> @Sendable (String) -> Void {
        { json in
            guard let stats = ConsumerStatistics(json: json) else { return }
            if stats.brokersUp > 0 {
                health.setBrokersReachable(true)
            } else {
                health.setBrokersReachable(false, problem: "no broker connection is up")
            }
            for lag in stats.lags {
                metrics.lag(topic: lag.topic, partition: lag.partition, messages: lag.messages)
            }
        }
    }

    /// The producer's error handler: counts, marks brokers unreachable on `_ALL_BROKERS_DOWN`,
    /// logs. The producer's events are served all the time on its own thread, while the
    /// consumer's wait for the next poll (which the poll loop defers while it waits for room).
    static func producerError(
        metrics: PipelineMetrics,
        health: HealthMonitor,
        logger: Logger
    ) -> @Sendable (KafkaError) -> Void {
        { error in
            metrics.kafkaError(error.code.name)
            if error.code == .allBrokersDown {
                health.setBrokersReachable(false, problem: "all brokers are down")
            }
            logger.warning(
                "kafka producer error",
                metadata: ["kafka.error": "\(error.code.name)", "kafka.reason": "\(error.reason)"]
            )
        }
    }
}
