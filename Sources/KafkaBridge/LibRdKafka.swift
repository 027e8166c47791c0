import CRdKafka

/// Facts about the linked librdkafka.
public enum LibRdKafka {
    /// The runtime librdkafka version, e.g. `2.0.2` (`rd_kafka_version_str`).
    public static var version: String {
        String(cString: rd_kafka_version_str())
    }
}
