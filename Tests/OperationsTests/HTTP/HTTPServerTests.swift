import CoreMetrics
import Foundation
import Logging
import NIOCore
import Operations
import ServiceLifecycle
import Testing

@Suite("HTTP server", .timeLimit(.minutes(1)))
struct HTTPServerTests {
    @Test func healthzAnswersOkWhileLiveAnd503WithJSONReasonsOnceStalled() async throws {
        // Wide margins: a loaded CI machine may take a second to answer a request.
        let health = HealthMonitor(configuration: .init(stallTimeout: .seconds(5)))
        try await withTestServer(health: health) { port in
            health.recordProgress()
            let live = try await RawHTTPClient.get("/healthz", port: port)
            #expect(live.status == 200)
            #expect(live.body.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")

            try await Task.sleep(for: .milliseconds(5200))
            let stalled = try await RawHTTPClient.get("/healthz", port: port)
            #expect(stalled.status == 503)
            #expect(stalled.headers["content-type"] == "application/json")
            let json = try JSONSerialization.jsonObject(with: Data(stalled.body.utf8)) as? [String: Any]
            #expect(json?["status"] as? String == "unhealthy")
            let reasons = json?["reasons"] as? [String] ?? []
            #expect(reasons.count == 1)
            #expect(reasons.first?.contains("no progress") == true)

            health.recordProgress()
            #expect(try await RawHTTPClient.get("/healthz", port: port).status == 200)
        }
    }

    @Test func readyzFollowsBrokerAndGroupState() async throws {
        let health = HealthMonitor()
        health.recordProgress()
        try await withTestServer(health: health) { port in
            let initial = try await RawHTTPClient.get("/readyz", port: port)
            #expect(initial.status == 503)
            let json = try JSONSerialization.jsonObject(with: Data(initial.body.utf8)) as? [String: Any]
            #expect(json?["reasons"] as? [String] == ["no broker contacted yet", "consumer has not joined its group"])

            health.setBrokersReachable(true)
            health.setGroupJoined(true)
            #expect(try await RawHTTPClient.get("/readyz", port: port).status == 200)

            health.setShuttingDown()
            let stopping = try await RawHTTPClient.get("/readyz", port: port)
            #expect(stopping.status == 503)
            #expect(stopping.body.contains("shutting down"))
            #expect(try await RawHTTPClient.get("/healthz", port: port).status == 503)
        }
    }

    @Test func metricsServesRegisteredCountersInPrometheusText() async throws {
        let metrics = MetricsBootstrap(version: "1.2.3", librdkafkaVersion: "2.0.2")
        let counter = Counter(
            label: MetricNames.messagesConsumed,
            dimensions: [("topic", "articles.raw")],
            factory: metrics.factory
        )
        counter.increment(by: 3)
        try await withTestServer(metrics: { metrics.render() }) { port in
            let response = try await RawHTTPClient.get("/metrics", port: port)
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
            #expect(response.body.contains("stancewire_messages_consumed_total{topic=\"articles.raw\"} 3"))
            #expect(response.body.contains("stancewire_build_info{version=\"1.2.3\",librdkafka_version=\"2.0.2\"} 1"))
            #expect(response.body.contains("# TYPE stancewire_process_resident_memory_bytes gauge"))
        }
    }

    @Test func unknownPathIs404() async throws {
        try await withTestServer { port in
            let missing = try await RawHTTPClient.get("/nope", port: port)
            let nested = try await RawHTTPClient.get("/healthz/extra", port: port)
            #expect(missing.status == 404)
            #expect(nested.status == 404)
        }
    }

    @Test func otherMethodsAre405WithAllowHeader() async throws {
        try await withTestServer(health: .healthyAndReady()) { port in
            let response = try await RawHTTPClient.request("POST", "/healthz", port: port)
            #expect(response.status == 405)
            #expect(response.headers["allow"] == "GET, HEAD")
            #expect(try await RawHTTPClient.request("DELETE", "/metrics", port: port).status == 405)
        }
    }

    @Test func headIsAnsweredWithoutBody() async throws {
        try await withTestServer(health: .healthyAndReady()) { port in
            let response = try await RawHTTPClient.request("HEAD", "/healthz", port: port)
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
            #expect(response.headers["content-length"] == "3")
        }
    }

    @Test func clientThatHalfClosesAfterItsRequestStillGetsTheAnswer() async throws {
        try await withTestServer(health: .healthyAndReady()) { port in
            let response = try await RawHTTPClient.exchangeThenHalfClose(
                "GET /healthz HTTP/1.0\r\n\r\n", port: port)
            #expect(response.status == 200)
            #expect(response.headers["connection"] == "close")
        }
    }

    @Test func queryStringIsIgnoredForRouting() async throws {
        try await withTestServer(health: .healthyAndReady()) { port in
            let response = try await RawHTTPClient.get("/readyz?verbose=1", port: port)
            #expect(response.status == 200)
        }
    }

    @Test func keepAliveConnectionServesSeveralRequests() async throws {
        try await withTestServer(health: .healthyAndReady()) { port in
            let request =
                "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            let connection = try await RawHTTPClient.connect(port: port)
            let text = try await connection.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: request))
                return try await RawHTTPClient.readToEnd(inbound)
            }
            #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == 3)
        }
    }

    @Test func oversizedRequestHeadIsRejectedWith431AndClosed() async throws {
        let configuration = HTTPServer.Configuration(port: 0, maxRequestHeaderBytes: 1024)
        try await withTestServer(configuration: configuration, health: .healthyAndReady()) { port in
            let big = String(repeating: "a", count: 4096)
            let response = try await RawHTTPClient.exchange(
                "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: \(big)\r\n\r\n",
                port: port
            )
            #expect(response.status == 431)
            #expect(response.headers["connection"] == "close")

            let longURI = try await RawHTTPClient.exchange(
                "GET /healthz?\(big) HTTP/1.1\r\nHost: x\r\n\r\n",
                port: port
            )
            #expect(longURI.status == 431)
        }
    }

    @Test func requestLineThatNeverEndsIsCutOff() async throws {
        let configuration = HTTPServer.Configuration(port: 0, maxRequestHeaderBytes: 1024, maxRequestBodyBytes: 1024)
        try await withTestServer(configuration: configuration) { port in
            let connection = try await RawHTTPClient.connect(port: port)
            let text = try await connection.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: "GET /" + String(repeating: "x", count: 64 * 1024)))
                return try await RawHTTPClient.readToEnd(inbound)
            }
            #expect(text.hasPrefix("HTTP/1.1 431") || text.hasPrefix("HTTP/1.1 400"))
        }
    }

    @Test func oversizedBodyIsRejectedWith413() async throws {
        let configuration = HTTPServer.Configuration(port: 0, maxRequestBodyBytes: 100)
        try await withTestServer(configuration: configuration) { port in
            let body = String(repeating: "b", count: 1000)
            let response = try await RawHTTPClient.exchange(
                "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)",
                port: port
            )
            #expect(response.status == 413)
        }
    }

    @Test func slowClientDoesNotBlockAnotherAndIsClosedAfterIdleTimeout() async throws {
        let configuration = HTTPServer.Configuration(port: 0, idleTimeout: .seconds(3))
        try await withTestServer(configuration: configuration, health: .healthyAndReady()) { port in
            let clock = ContinuousClock()
            let connected = clock.now
            let slow = try await RawHTTPClient.connect(port: port)
            try await slow.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: "GET /healthz HTTP/1.1\r\nHost: loc"))

                let other = try await RawHTTPClient.get("/healthz", port: port)
                #expect(other.status == 200)
                #expect(clock.now - connected < .milliseconds(2500), "the other client waited for the slow one")

                // The unfinished request is dropped once the idle timeout passes, not before.
                var received = 0
                for try await chunk in inbound { received += chunk.readableBytes }
                #expect(received == 0)
                #expect(clock.now - connected >= .milliseconds(3000))
            }
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() async throws {
        let configuration = HTTPServer.Configuration(port: 0, idleTimeout: .seconds(2))
        try await withTestServer(configuration: configuration, health: .healthyAndReady()) { port in
            let connection = try await RawHTTPClient.connect(port: port)
            let text = try await connection.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"))
                return try await RawHTTPClient.readToEnd(inbound)
            }
            #expect(text.hasPrefix("HTTP/1.1 200 OK"))
        }
    }

    @Test func connectionsBeyondTheLimitAreClosed() async throws {
        let configuration = HTTPServer.Configuration(port: 0, idleTimeout: .seconds(5), maxConnections: 1)
        try await withTestServer(configuration: configuration, health: .healthyAndReady()) { port in
            let first = try await RawHTTPClient.connect(port: port)
            try await first.executeThenClose { _, outbound in
                try await outbound.write(ByteBuffer(string: "GET /healthz HTTP/1.1\r\n"))
                try await Task.sleep(for: .milliseconds(100))
                let second = try await RawHTTPClient.connect(port: port)
                let text = try await RawHTTPClient.readUntilClosed(second)
                #expect(text.isEmpty)
            }
        }
    }

    @Test func bindingAPortInUseFailsRunAndWaitUntilBound() async throws {
        try await withTestServer { port in
            let second = HTTPServer(
                configuration: .init(port: port),
                health: HealthMonitor(),
                metrics: { "" },
                logger: .init(label: "test.http.second")
            )
            await #expect(throws: HTTPServerError.self) { try await second.run() }
            await #expect(throws: HTTPServerError.self) { try await second.waitUntilBound() }
        }
    }
}

@Suite("HTTP server lifecycle", .timeLimit(.minutes(1)))
struct HTTPServerLifecycleTests {
    @Test func gracefulShutdownClosesTheListenerAndIdleConnections() async throws {
        let server = HTTPServer(
            configuration: .init(port: 0, idleTimeout: .seconds(30)),
            health: .healthyAndReady(),
            metrics: { "" },
            logger: Logger(label: "test.http")
        )
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: server)], logger: Logger(label: "test.group"))
        )
        let clock = ContinuousClock()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let port = try await server.waitUntilBound()
            let idle = try await RawHTTPClient.connect(port: port)
            #expect(try await RawHTTPClient.get("/healthz", port: port).status == 200)

            let start = clock.now
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            #expect(clock.now - start < .seconds(5))

            // The idle keep-alive connection was closed, and nobody listens any more.
            #expect(try await RawHTTPClient.readUntilClosed(idle).isEmpty)
            await #expect(throws: (any Error).self) { try await RawHTTPClient.connect(port: port) }
        }
    }
}
