import KafkaBridge
import Pipeline
import Testing

/// The exactly-once transaction sequence as a state machine, without a broker.
@Suite struct TransactionStateTests {
    let p0 = TopicPartition(topic: "in", partition: 0)
    let p1 = TopicPartition(topic: "in", partition: 1)

    typealias State = TransactionState<String>

    /// Tracks `offsets` of `tp` and returns their tickets.
    func track(_ state: inout State, _ tp: TopicPartition, _ offsets: [Int64]) -> [State.Ticket] {
        offsets.map { state.track(tp, offset: $0)! }
    }

    func complete(_ state: inout State, _ ticket: State.Ticket, deadLettered: Bool = false) {
        let name = "\(ticket.partition.partition)@\(ticket.offset)"
        let outputs = ["\(name)/a", "\(name)/b"]
        let accepted = state.complete(ticket, outputs: outputs, deadLettered: deadLettered)
        #expect(accepted)
    }

    /// Opens the next batch; fails the test when there is none.
    func openBatch(_ state: inout State, maxInputs: Int) throws -> State.Batch {
        let batch = state.beginBatch(maxInputs: maxInputs)
        return try #require(batch)
    }

    @Test func batchCarriesEachPartitionsNextOffsetAsLastPlusOne() throws {
        var state = State()
        state.assign([p0, p1])
        let a = track(&state, p0, [10, 11, 12])
        let b = track(&state, p1, [3, 7])
        for ticket in a + b { complete(&state, ticket) }

        let batch = try openBatch(&state, maxInputs: 100)
        #expect(batch.offsets == [p0: 13, p1: 8])
        #expect(batch.inputs == 5)
        #expect(batch.outputs.count == 10)
        // Per partition in input order.
        let p0Outputs = batch.outputs.filter { $0.hasPrefix("0@") }
        #expect(p0Outputs == ["0@10/a", "0@10/b", "0@11/a", "0@11/b", "0@12/a", "0@12/b"])
    }

    @Test func batchStopsAtTheFirstUnprocessedInputOfAPartition() throws {
        var state = State()
        state.assign([p0])
        let t = track(&state, p0, [0, 1, 2, 3])
        complete(&state, t[0])
        complete(&state, t[2])
        complete(&state, t[3])

        let batch = try openBatch(&state, maxInputs: 100)
        #expect(batch.offsets == [p0: 1])
        #expect(batch.inputs == 1)
        state.commit(batch)
        // Offset 1 is still being processed: nothing more can be committed.
        let blocked = state.beginBatch(maxInputs: 100)
        #expect(blocked == nil)
        complete(&state, t[1])
        let next = try openBatch(&state, maxInputs: 100)
        #expect(next.offsets == [p0: 4])
        #expect(next.outputs.first == "0@1/a")
    }

    @Test func onlyOneBatchIsOpenAtATimeAndBatchesAreBounded() throws {
        var state = State()
        state.assign([p0])
        for ticket in track(&state, p0, Array(0..<10)) { complete(&state, ticket) }
        let first = try openBatch(&state, maxInputs: 4)
        #expect(first.inputs == 4)
        #expect(first.offsets == [p0: 4])
        #expect(state.isBatchOpen)
        let secondWhileOpen = state.beginBatch(maxInputs: 4)
        #expect(secondWhileOpen == nil)
        state.commit(first)
        #expect(!state.isBatchOpen)
        let second = try openBatch(&state, maxInputs: 4)
        #expect(second.offsets == [p0: 8])
    }

    @Test func commitCountsProcessedAndDeadLetteredInputsAndFreesInFlight() throws {
        var state = State()
        state.assign([p0])
        let t = track(&state, p0, [0, 1, 2])
        complete(&state, t[0])
        complete(&state, t[1], deadLettered: true)
        complete(&state, t[2])
        #expect(state.inFlight == 3)
        #expect(state.ready == 3)
        let batch = try openBatch(&state, maxInputs: 100)
        #expect(batch.deadLettered == 1)
        state.commit(batch)
        #expect(state.totals == State.Totals(processed: 2, deadLettered: 1))
        #expect(state.inFlight == 0)
        #expect(state.ready == 0)
    }

    @Test func abortRewindsToTheLastCommittedOffsetAndDropsInFlightResults() throws {
        var state = State()
        state.assign([p0, p1])
        let first = track(&state, p0, [0, 1])
        for ticket in first { complete(&state, ticket) }
        let committed = try openBatch(&state, maxInputs: 100)
        state.commit(committed)

        let t = track(&state, p0, [2, 3, 4])
        let other = track(&state, p1, [50])
        complete(&state, t[0])
        complete(&state, t[1])
        let batch = try openBatch(&state, maxInputs: 100)
        #expect(batch.offsets == [p0: 4])

        // Offset 4 finishes while the transaction is open, then the transaction aborts.
        complete(&state, t[2])
        let rewind = state.abort(batch)
        #expect(rewind == [p0: 2])
        #expect(!state.isBatchOpen)
        // Results of the old reading are refused; p1 is untouched.
        let lateAccepted = state.complete(t[1], outputs: ["late"], deadLettered: false)
        #expect(lateAccepted == false)
        #expect(state.inFlight == 1)
        #expect(state.inFlight(of: [p0]) == 0)

        // The same offsets are read again and go into the next transaction.
        let again = track(&state, p0, [2, 3, 4])
        for ticket in again { complete(&state, ticket) }
        complete(&state, other[0])
        let retry = try openBatch(&state, maxInputs: 100)
        #expect(retry.offsets == [p0: 5, p1: 51])
        #expect(retry.outputs.filter { $0.hasPrefix("0@") }.count == 6)
        state.commit(retry)
        #expect(state.totals.processed == 6)
    }

    @Test func abortBeforeAnyCommitRewindsToTheFirstOffsetRead() throws {
        var state = State()
        state.assign([p0])
        for ticket in track(&state, p0, [7, 8]) { complete(&state, ticket) }
        let batch = try openBatch(&state, maxInputs: 100)
        let rewind = state.abort(batch)
        #expect(rewind == [p0: 7])
        // A redelivery of an offset before the rewind point is still refused.
        let beforeRewindPoint = state.track(p0, offset: 6)
        #expect(beforeRewindPoint == nil)
        let atRewindPoint = state.track(p0, offset: 7)
        #expect(atRewindPoint != nil)
    }

    @Test func redeliveredOffsetsAreRefusedUntilARewind() {
        var state = State()
        state.assign([p0])
        _ = track(&state, p0, [0, 1])
        let sameOffset = state.track(p0, offset: 1)
        #expect(sameOffset == nil)
        let earlierOffset = state.track(p0, offset: 0)
        #expect(earlierOffset == nil)
        let unassigned = state.track(p1, offset: 0)
        #expect(unassigned == nil)  // not assigned
    }

    @Test func revokeDropsUncommittedWorkAndAnOpenBatchCommitsOnlyWhatIsStillOwned() throws {
        var state = State()
        state.assign([p0, p1])
        let a = track(&state, p0, [0])
        let b = track(&state, p1, [0, 1])
        complete(&state, a[0])
        complete(&state, b[0])
        let batch = try openBatch(&state, maxInputs: 100)
        let dropped = state.revoke([p1])
        #expect(dropped == 2)
        state.commit(batch)
        #expect(state.totals.processed == 1)
        #expect(state.inFlight == 0)
        #expect(state.unprocessed == 0)
        #expect(state.ready == 0)
        let revokedAccepted = state.complete(b[1], outputs: ["x"], deadLettered: false)
        #expect(revokedAccepted == false)
        #expect(state.assigned == [p0])
    }

    @Test func reassignedPartitionStartsANewReading() {
        var state = State()
        state.assign([p0])
        let old = track(&state, p0, [5])
        state.revoke([p0])
        state.assign([p0])
        let staleAccepted = state.complete(old[0], outputs: ["stale"], deadLettered: false)
        #expect(staleAccepted == false)
        let fresh = state.track(p0, offset: 5)
        #expect(fresh != nil)
    }
}
