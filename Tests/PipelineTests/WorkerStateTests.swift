import KafkaBridge
import Testing

@testable import Pipeline

/// The worker's flow control across rebalances, without a broker.
@Suite struct WorkerStateTests {
    let p0 = TopicPartition(topic: "in", partition: 0)
    let p1 = TopicPartition(topic: "in", partition: 1)

    /// With the cooperative protocol an assignment only adds partitions: those already paused
    /// stay paused in librdkafka. If the state forgot that fetching is paused, nothing would
    /// ever resume them and their partitions would stall.
    @Test func anAssignmentWhileFetchingIsPausedKeepsItPausedAndTheResumeStillComes() throws {
        let state = WorkerState()
        _ = state.assign([p0])
        var tickets: [OffsetTracker.Ticket] = []
        for offset in 0..<4 {
            tickets.append(try #require(state.track(p0, offset: Int64(offset))))
        }
        #expect(state.flowDecision(maxInFlight: 4) == true)  // pause at 4 in flight
        state.markDone(tickets[0], deadLettered: false)
        #expect(state.flowDecision(maxInFlight: 4) == nil)  // 3 in flight: still paused

        let assigned = state.assign([p1])
        #expect(assigned.paused, "newly assigned partitions must be paused too")
        #expect(state.flowDecision(maxInFlight: 4) == nil)

        state.markDone(tickets[1], deadLettered: false)  // 2 in flight: half the bound
        #expect(state.flowDecision(maxInFlight: 4) == false, "fetching was never resumed")
    }

    /// The poll loop's wait for room ends when the input that frees it is done, not on a timer:
    /// with a 60 s deadline the wait would otherwise hang the test.
    @Test func theWaitForRoomEndsWhenAnInputIsDone() async throws {
        let state = WorkerState()
        _ = state.assign([p0])
        var tickets: [OffsetTracker.Ticket] = []
        for offset in 0..<3 {
            tickets.append(try #require(state.track(p0, offset: Int64(offset))))
        }
        let started = ContinuousClock.now
        async let waited: Void = state.waitForRoom(limit: 1, deadline: .now + .seconds(60))
        try await Task.sleep(for: .milliseconds(50))
        state.markDone(tickets[0], deadLettered: false)  // 2 in flight: still no room
        try await Task.sleep(for: .milliseconds(50))
        state.markDone(tickets[1], deadLettered: false)  // 1 in flight: room
        await waited
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(100), "the wait ended before there was room")
        #expect(elapsed < .seconds(30), "the wait did not end when there was room")
        #expect(state.inFlight == 1)
    }

    @Test func theWaitForRoomEndsAtItsDeadlineWhenNothingIsDone() async throws {
        let state = WorkerState()
        _ = state.assign([p0])
        _ = try #require(state.track(p0, offset: 0))
        let started = ContinuousClock.now
        await state.waitForRoom(limit: 0, deadline: .now + .milliseconds(200))
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(200))
        #expect(elapsed < .seconds(30))
        #expect(state.inFlight == 1)
    }

    @Test func theWaitForRoomEndsWhenAStopIsRequested() async throws {
        let state = WorkerState()
        _ = state.assign([p0])
        _ = try #require(state.track(p0, offset: 0))
        async let waited: Void = state.waitForRoom(limit: 0, deadline: .now + .seconds(60))
        try await Task.sleep(for: .milliseconds(50))
        let started = ContinuousClock.now
        state.requestStop()
        await waited
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test func aWaitForRoomThatIsAlreadyThereReturnsAtOnce() async throws {
        let state = WorkerState()
        _ = state.assign([p0])
        _ = try #require(state.track(p0, offset: 0))
        let started = ContinuousClock.now
        await state.waitForRoom(limit: 1, deadline: .now + .seconds(60))
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test func anAssignmentWhileFetchingRunsDoesNotPause() {
        let state = WorkerState()
        let first = state.assign([p0])
        #expect(first.first)
        #expect(!first.paused)
        let second = state.assign([p1])
        #expect(!second.first)
        #expect(!second.paused)
    }
}

/// The exactly-once worker's flow control across rebalances, without a broker.
@Suite struct TransactionalWorkerStateTests {
    let p0 = TopicPartition(topic: "in", partition: 0)
    let p1 = TopicPartition(topic: "in", partition: 1)

    @Test func anAssignmentWhileFetchingIsPausedKeepsItPausedUntilWorkIsDropped() throws {
        let state = TransactionalWorkerState()
        #expect(state.assign([p0]).first)
        for offset in 0..<4 {
            _ = try #require(state.track(p0, offset: Int64(offset)))
        }
        #expect(state.flowDecision(maxInFlight: 4) == true)  // pause at 4 in flight

        let assigned = state.assign([p1])
        #expect(!assigned.first)
        #expect(assigned.paused, "newly assigned partitions must be paused too")
        #expect(state.flowDecision(maxInFlight: 4) == nil)

        #expect(state.revoke([p0]) == 4)  // uncommitted work of a revoked partition is dropped
        #expect(state.flowDecision(maxInFlight: 4) == false, "fetching was never resumed")
    }
}
