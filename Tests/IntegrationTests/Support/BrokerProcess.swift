import Foundation

/// `stancewire mock-cluster` in a separate process: a standalone Kafka-protocol broker.
final class BrokerProcess: Sendable {
    let child: ChildProcess
    let bootstrapServers: String

    init(brokers: Int = 1, topics: [String: Int]) async throws {
        var args = ["mock-cluster", "--brokers", String(brokers)]
        for (name, partitions) in topics.sorted(by: { $0.key < $1.key }) {
            args += ["--topic", "\(name):\(partitions)"]
        }
        child = try ChildProcess(args)
        bootstrapServers = try await child.waitForLine(prefix: "bootstrap.servers=")
    }

    /// Sends a control command (`down 1`, `up 1`, ...) and waits for its answer.
    func command(_ line: String) async throws {
        let before = child.output.count
        child.writeLine(line)
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            let lines = child.output
            if lines.count > before, let answer = lines[before...].first(where: { $0 == "ok" || $0.hasPrefix("error") }) {
                if answer != "ok" { throw TestFailure("mock-cluster: \(answer)") }
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestFailure("mock-cluster did not answer '\(line)'")
    }

    func stop() async {
        child.writeLine("quit")
        _ = await child.waitForExit(timeout: .seconds(5))
    }
}
