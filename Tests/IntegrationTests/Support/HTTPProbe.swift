import Foundation
import PrometheusTestKit
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Real HTTP requests and free ports for black-box tests.
enum HTTPProbe {
    /// Status code and body of a GET, or `nil` when nothing answers.
    static func get(_ url: String) async -> (status: Int, body: String)? {
        guard let url = URL(string: url) else { return nil }
        var request = URLRequest(url: url)
        request.timeoutInterval = 3
        guard let (data, response) = try? await URLSession.shared.data(for: request),
            let http = response as? HTTPURLResponse
        else { return nil }
        return (http.statusCode, String(decoding: data, as: UTF8.self))
    }

    /// The Prometheus page at `url` (a daemon's `/metrics`), parsed; `nil` when nothing answers
    /// with 200.
    /// - Throws: ``PrometheusExposition/ParseError`` when the page is malformed.
    static func metrics(_ url: String) async throws -> PrometheusExposition? {
        guard let response = await get(url), response.status == 200 else { return nil }
        return try PrometheusExposition(parsing: response.body)
    }

    /// Scrapes the Prometheus page at `url` every 20 ms until `condition` holds for it; returns
    /// that page, or `nil` after `timeout`.
    static func waitForMetrics(
        _ url: String,
        timeout: Duration,
        until condition: (PrometheusExposition) -> Bool
    ) async throws -> PrometheusExposition? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let page = try await metrics(url), condition(page) { return page }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Polls until the URL answers with `status`.
    static func waitFor(_ url: String, status: Int, timeout: Duration = .seconds(20)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if await get(url)?.status == status { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
