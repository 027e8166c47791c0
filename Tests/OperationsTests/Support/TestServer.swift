import Logging
import Operations

/// Runs an ``HTTPServer`` on a free loopback port for the duration of `body`, then cancels it.
func withTestServer<T: Sendable>(
    configuration: HTTPServer.Configuration = .init(port: 0),
    health: HealthMonitor = HealthMonitor(),
    metrics: @escaping @Sendable () async -> String = { "" },
    _ body: @Sendable (Int) async throws -> T
) async throws -> T {
    var configuration = configuration
    configuration.port = 0
    let server = HTTPServer(
        configuration: configuration,
        health: health,
        metrics: metrics,
        logger: Logger(label: "test.http")
    )
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        let port = try await server.waitUntilBound()
        do {
            let result = try await body(port)
            group.cancelAll()
            try await group.waitForAll()
            return result
        } catch {
            group.cancelAll()
            throw error
        }
    }
}

extension HealthMonitor {
    /// A monitor whose worker made progress, brokers answer and the group is joined.
    static func healthyAndReady() -> HealthMonitor {
        let monitor = HealthMonitor()
        monitor.recordProgress()
        monitor.setBrokersReachable(true)
        monitor.setGroupJoined(true)
        return monitor
    }
}
