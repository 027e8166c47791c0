/// The answer of a liveness or readiness probe.
public struct ProbeResult: Sendable, Hashable {
    /// `true` answers HTTP 200, `false` 503.
    public var ok: Bool
    /// Why the probe failed (empty when `ok`), as short sentences for operators.
    public var reasons: [String]

    public init(ok: Bool, reasons: [String] = []) {
        self.ok = ok
        self.reasons = reasons
    }
}
