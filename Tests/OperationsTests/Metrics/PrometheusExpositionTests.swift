import PrometheusTestKit
import Testing

/// The test kit's parser, which the metrics and black-box tests read `/metrics` with: a wrong
/// answer here would make their assertions pass or fail for the wrong reason.
@Suite("Prometheus exposition parser")
struct PrometheusExpositionTests {
    static let page = """
        # HELP stancewire_rebalances_total Rebalances.
        # TYPE stancewire_rebalances_total counter
        stancewire_rebalances_total{type="assign"} 3
        stancewire_rebalances_total{type="lost"} 1
        # TYPE stancewire_in_flight_messages gauge
        stancewire_in_flight_messages 20.0
        stancewire_messages_dead_lettered_total{reason="a \\"quoted\\", comma\\\\ and\\nline",topic="x"} 2 1700000000000
        stancewire_latency_seconds_bucket{le="+Inf"} 7

        """

    @Test func samplesLabelsAndTypesAreParsed() throws {
        let page = try PrometheusExposition(parsing: Self.page)
        #expect(page.samples.count == 5)
        #expect(page.types == ["stancewire_rebalances_total": "counter", "stancewire_in_flight_messages": "gauge"])
        #expect(page.value("stancewire_in_flight_messages") == 20)
        #expect(page.value("stancewire_rebalances_total", ["type": "lost"]) == 1)
        #expect(page.value("stancewire_latency_seconds_bucket", ["le": "+Inf"]) == 7)
        let escaped = #"a "quoted", comma\ and"# + "\nline"
        #expect(page.value("stancewire_messages_dead_lettered_total", ["reason": escaped, "topic": "x"]) == 2)
    }

    @Test func valueIsNilUnlessExactlyOneSampleMatchesAndSumAddsThemUp() throws {
        let page = try PrometheusExposition(parsing: Self.page)
        #expect(page.value("stancewire_rebalances_total") == nil, "two samples match")
        #expect(page.value("stancewire_rebalances_total", ["type": "revoke"]) == nil)
        #expect(page.value("stancewire_rebalances") == nil, "a name prefix is not a match")
        #expect(page.sum("stancewire_rebalances_total") == 4)
        #expect(page.sum("stancewire_rebalances_total", ["type": "revoke"]) == 0)
    }

    @Test(arguments: [
        "stancewire_x{type=\"a\" 1",
        "stancewire_x{type=a} 1",
        "stancewire_x{type=\"a} 1",
        "stancewire_x one",
        "stancewire_x",
        "stancewire_x 1 2 3",
        "stancewire-x 1",
        "stancewire_x{a=\"1\",a=\"2\"} 1",
    ])
    func malformedLinesAreRejectedWithTheirLineNumber(line: String) {
        #expect {
            try PrometheusExposition(parsing: "# TYPE stancewire_x gauge\n\(line)\n")
        } throws: { error in
            (error as? PrometheusExposition.ParseError)?.line == 2
        }
    }
}
