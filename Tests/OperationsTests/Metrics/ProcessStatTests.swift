import Testing

@testable import Operations

@Suite("/proc parsing")
struct ProcessStatTests {
    @Test func parsesFieldsAfterACommandNameWithSpacesAndParentheses() throws {
        let line =
            "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 1000 0 0 0 150 25 0 0 20 0 8 0 "
            + "123456 987654321 2048 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n"
        let stat = try #require(ProcessStat(parsing: line))
        #expect(stat.userTicks == 150)
        #expect(stat.systemTicks == 25)
        #expect(stat.startTimeTicks == 123456)
        #expect(stat.virtualBytes == 987_654_321)
        #expect(stat.residentPages == 2048)
    }

    @Test func rejectsTruncatedStat() {
        #expect(ProcessStat(parsing: "1 (x) S 1 2 3") == nil)
        #expect(ProcessStat(parsing: "garbage") == nil)
    }

    @Test func readsBootTimeFromProcStat() {
        let text = "cpu  1 2 3\nintr 5\nbtime 1763884800\nprocesses 10\n"
        #expect(ProcessStat.bootTime(parsing: text) == 1_763_884_800)
        #expect(ProcessStat.bootTime(parsing: "cpu 1\n") == nil)
    }
}
