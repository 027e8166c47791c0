/// Totals since start, for status lines (systemd `STATUS=`) and logs.
public struct WorkerStatistics: Sendable, Hashable {
    /// Input articles enriched and published.
    public var processed: Int
    /// Input messages dead-lettered.
    public var deadLettered: Int
    /// Input messages consumed and not yet committable.
    public var inFlight: Int
}
