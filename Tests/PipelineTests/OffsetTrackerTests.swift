import KafkaBridge
import Pipeline
import Testing

@Suite struct OffsetTrackerTests {
    let p0 = TopicPartition(topic: "t", partition: 0)
    let p1 = TopicPartition(topic: "t", partition: 1)

    @Test func commitsOnlyTheContiguousDonePrefix() throws {
        var tracker = OffsetTracker()
        tracker.assign([p0])
        let tickets = (10..<15).map { tracker.track(p0, offset: Int64($0))! }
        tracker.markDone(tickets[1])
        tracker.markDone(tickets[2])
        #expect(tracker.pendingCommits().isEmpty)
        tracker.markDone(tickets[0])
        #expect(tracker.pendingCommits() == [p0: 13])
        tracker.markDone(tickets[4])
        #expect(tracker.pendingCommits() == [p0: 13])
        tracker.markDone(tickets[3])
        #expect(tracker.pendingCommits() == [p0: 15])
        #expect(tracker.inFlight == 0)
    }

    @Test func gapsInOffsetsDoNotBlockCommits() {
        var tracker = OffsetTracker()
        tracker.assign([p0])
        let a = tracker.track(p0, offset: 5)!
        let b = tracker.track(p0, offset: 9)!
        tracker.markDone(b)
        tracker.markDone(a)
        #expect(tracker.pendingCommits() == [p0: 10])
    }

    @Test func partitionsAreIndependent() {
        var tracker = OffsetTracker()
        tracker.assign([p0, p1])
        let a = tracker.track(p0, offset: 0)!
        let b = tracker.track(p1, offset: 0)!
        _ = tracker.track(p1, offset: 1)!
        tracker.markDone(b)
        #expect(tracker.pendingCommits() == [p1: 1])
        tracker.markDone(a)
        #expect(tracker.pendingCommits() == [p0: 1, p1: 1])
        #expect(tracker.inFlight == 1)
    }

    @Test func committedOffsetsAreNotReturnedAgain() {
        var tracker = OffsetTracker()
        tracker.assign([p0])
        tracker.markDone(tracker.track(p0, offset: 0)!)
        tracker.didCommit([p0: 1])
        #expect(tracker.pendingCommits().isEmpty)
    }

    @Test func unassignedPartitionsAndRedeliveriesAreNotTracked() {
        var tracker = OffsetTracker()
        #expect(tracker.track(p0, offset: 0) == nil)
        tracker.assign([p0])
        #expect(tracker.track(p0, offset: 3) != nil)
        #expect(tracker.track(p0, offset: 3) == nil)
        #expect(tracker.track(p0, offset: 2) == nil)
    }

    @Test func revocationReturnsItsCommitsAndInvalidatesOldTickets() {
        var tracker = OffsetTracker()
        tracker.assign([p0])
        let a = tracker.track(p0, offset: 0)!
        let b = tracker.track(p0, offset: 1)!
        tracker.markDone(a)
        let revokedCommits = tracker.revoke([p0])
        #expect(revokedCommits == [p0: 1])
        #expect(tracker.inFlight == 0)
        tracker.assign([p0])
        let staleAccepted = tracker.markDone(b)
        #expect(staleAccepted == false)
        #expect(tracker.pendingCommits().isEmpty)
        let c = tracker.track(p0, offset: 1)!
        let accepted = tracker.markDone(c)
        #expect(accepted)
        #expect(tracker.pendingCommits() == [p0: 2])
    }

    @Test func manyOutOfOrderCompletionsStayConsistent() {
        var tracker = OffsetTracker()
        tracker.assign([p0])
        var tickets = (0..<5000).map { tracker.track(p0, offset: Int64($0))! }
        var rng = SystemRandomNumberGenerator()
        tickets.shuffle(using: &rng)
        for t in tickets { tracker.markDone(t) }
        #expect(tracker.pendingCommits() == [p0: 5000])
        #expect(tracker.inFlight == 0)
    }
}
