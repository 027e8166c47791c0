import Foundation

/// What the worker reads from librdkafka's statistics JSON (`statistics.interval.ms`):
/// broker connection states and per-partition consumer lag.
struct ConsumerStatistics: Sendable {
    struct Lag: Sendable, Hashable {
        var topic: String
        var partition: Int32
        var messages: Int64
    }

    /// Brokers (not bootstrap placeholders) whose state is `UP`.
    var brokersUp = 0
    /// Known brokers.
    var brokers = 0
    /// Lag of assigned partitions with a known lag.
    var lags: [Lag] = []

    /// Parses the statistics document; `nil` when it is not the expected shape.
    init?(json: String) {
        guard let data = json.data(using: .utf8),
            let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { return nil }
        if let brokers = root["brokers"] as? [String: Any] {
            for case let broker as [String: Any] in brokers.values {
                let nodeId = (broker["nodeid"] as? NSNumber)?.intValue ?? -1
                guard nodeId >= 0 else { continue }
                self.brokers += 1
                if (broker["state"] as? String) == "UP" { brokersUp += 1 }
            }
        }
        if let topics = root["topics"] as? [String: Any] {
            for (topicName, topicValue) in topics {
                guard let topic = topicValue as? [String: Any],
                    let partitions = topic["partitions"] as? [String: Any]
                else { continue }
                for case let partition as [String: Any] in partitions.values {
                    guard let id = (partition["partition"] as? NSNumber)?.int32Value, id >= 0,
                        let lag = (partition["consumer_lag"] as? NSNumber)?.int64Value, lag >= 0
                    else { continue }
                    lags.append(Lag(topic: topicName, partition: id, messages: lag))
                }
            }
        }
    }
}
