/// Every metric the daemon exports, in one place. Names follow Prometheus conventions;
/// `deploy/` alert rules and the dashboard use exactly these.
public enum MetricNames {
    /// Counter: input messages consumed. Label `topic`.
    public static let messagesConsumed = "stancewire_messages_consumed_total"
    /// Counter: output messages acknowledged by the broker. Label `kind` (`enriched`, `stance`).
    public static let messagesProduced = "stancewire_messages_produced_total"
    /// Counter: input messages dead-lettered. Label `reason`.
    public static let messagesDeadLettered = "stancewire_messages_dead_lettered_total"
    /// Histogram (seconds): decode + extract + encode time per input message.
    public static let processingDuration = "stancewire_processing_duration_seconds"
    /// Histogram (seconds): input message timestamp to acknowledgement of its last output.
    public static let endToEndLatency = "stancewire_end_to_end_latency_seconds"
    /// Gauge: input messages consumed but not yet done.
    public static let inFlightMessages = "stancewire_in_flight_messages"
    /// Gauge: consumer lag in messages. Labels `topic`, `partition`.
    public static let consumerLag = "stancewire_consumer_lag_messages"
    /// Counter: rebalances. Label `type` (`assign`, `revoke`, `lost`).
    public static let rebalances = "stancewire_rebalances_total"
    /// Counter: errors reported by librdkafka. Label `code`.
    public static let kafkaErrors = "stancewire_kafka_errors_total"
    /// Counter: entities extracted.
    public static let entitiesExtracted = "stancewire_entities_extracted_total"
    /// Counter: stances extracted.
    public static let stancesExtracted = "stancewire_stances_extracted_total"
    /// Counter: offset commits. Label `result` (`ok`, `error`).
    public static let commits = "stancewire_offset_commits_total"
    /// Counter: Kafka transactions in exactly-once mode. Label `result` (`committed`, `aborted`).
    public static let transactions = "stancewire_transactions_total"

    /// Gauge (bytes): resident set size of the daemon, from `/proc/self/stat`.
    public static let processResidentMemory = "stancewire_process_resident_memory_bytes"
    /// Gauge (bytes): virtual memory size of the daemon, from `/proc/self/stat`.
    public static let processVirtualMemory = "stancewire_process_virtual_memory_bytes"
    /// Counter (seconds): user plus system CPU time of the daemon.
    public static let processCPUSeconds = "stancewire_process_cpu_seconds_total"
    /// Gauge: open file descriptors, from `/proc/self/fd`.
    public static let processOpenFileDescriptors = "stancewire_process_open_fds"
    /// Gauge (Unix seconds): when the process started; a change means a restart.
    public static let processStartTime = "stancewire_process_start_time_seconds"
    /// Gauge, always 1. Labels `version`, `librdkafka_version`.
    public static let buildInfo = "stancewire_build_info"
    /// Gauge: 1 while `/readyz` would answer 200, else 0 (set at each scrape).
    public static let ready = "stancewire_ready"
    /// Gauge: 1 while `/healthz` would answer 200, else 0 (set at each scrape).
    public static let live = "stancewire_live"

    /// Every name above; `deploy/` checks its alert rules and dashboard against this list.
    public static let all: [String] = [
        messagesConsumed, messagesProduced, messagesDeadLettered, processingDuration, endToEndLatency,
        inFlightMessages, consumerLag, rebalances, kafkaErrors, entitiesExtracted, stancesExtracted, commits,
        transactions, processResidentMemory, processVirtualMemory, processCPUSeconds, processOpenFileDescriptors,
        processStartTime, buildInfo, ready, live,
    ]

    /// The names of histograms (they are exported with `_bucket`, `_sum` and `_count` suffixes).
    public static let histograms: [String] = [processingDuration, endToEndLatency]
}
