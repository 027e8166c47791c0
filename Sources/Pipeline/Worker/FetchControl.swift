/// Whether the group was joined and whether fetching is paused: the part of flow control both
/// workers share. A value type, kept inside each worker's locked state.
struct FetchControl: Sendable {
    private(set) var paused = false
    private(set) var joined = false

    /// Records an assignment. `first` is `true` the first time the group is joined; `paused`
    /// says that fetching is paused, so the newly assigned partitions must be paused too (an
    /// incremental assignment leaves the others as they are).
    mutating func assigned() -> (first: Bool, paused: Bool) {
        let first = !joined
        joined = true
        return (first, paused)
    }

    /// Pauses at `maxInFlight` inputs in flight and resumes at half of it: `true` to pause,
    /// `false` to resume, `nil` to leave fetching as it is.
    mutating func decide(inFlight: Int, maxInFlight: Int) -> Bool? {
        if !paused, inFlight >= maxInFlight {
            paused = true
            return true
        }
        if paused, inFlight <= maxInFlight / 2 {
            paused = false
            return false
        }
        return nil
    }
}
