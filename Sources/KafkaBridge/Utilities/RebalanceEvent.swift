/// A change of a group consumer's assignment, reported to ``KafkaEventHandlers/onRebalance``.
///
/// With the cooperative protocol (the default) the lists are the incremental changes; with an
/// eager protocol they are the whole assignment.
public enum RebalanceEvent: Sendable {
    /// Partitions were added to the assignment (reported after they are assigned).
    case assigned([TopicPartition])
    /// Partitions are being revoked in an orderly rebalance (reported before they are unassigned,
    /// so their offsets can still be committed).
    case revoked([TopicPartition])
    /// Partitions were lost, e.g. after a session timeout: another member may own them already,
    /// so committing their offsets will fail (reported before they are unassigned).
    case lost([TopicPartition])
}
