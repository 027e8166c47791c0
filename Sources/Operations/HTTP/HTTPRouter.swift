import NIOHTTP1

/// Maps a request to a response: the probes, the metrics page, 404 and 405.
///
/// - Important: Kept free of any I/O so it can be tested without a socket; the only suspension is
///   the metrics closure.
struct HTTPRouter: Sendable {
    static let plainText = "text/plain; charset=utf-8"
    static let prometheusText = "text/plain; version=0.0.4; charset=utf-8"
    static let json = "application/json"

    let health: HealthMonitor
    let metrics: @Sendable () async -> String

    /// The response to `method` on `uri` (the query string is ignored).
    func respond(method: HTTPMethod, uri: String) async -> HTTPRouteResponse {
        let path = uri.firstIndex(of: "?").map { String(uri[..<$0]) } ?? uri
        switch path {
        case "/healthz", "/readyz", "/metrics":
            break
        default:
            return HTTPRouteResponse(status: .notFound, contentType: Self.plainText, body: "not found\n")
        }
        guard method == .GET || method == .HEAD else {
            return HTTPRouteResponse(
                status: .methodNotAllowed,
                contentType: Self.plainText,
                body: "method not allowed\n",
                headers: [("allow", "GET, HEAD")]
            )
        }
        switch path {
        case "/healthz":
            return Self.probe(health.liveness())
        case "/readyz":
            return Self.probe(health.readiness())
        default:
            return HTTPRouteResponse(status: .ok, contentType: Self.prometheusText, body: await metrics())
        }
    }

    /// `200 ok` or `503` with `{"status":"unhealthy","reasons":[...]}`.
    static func probe(_ result: ProbeResult) -> HTTPRouteResponse {
        if result.ok {
            return HTTPRouteResponse(status: .ok, contentType: plainText, body: "ok\n")
        }
        let body = "{\"status\":\"unhealthy\",\"reasons\":\(JSONText.array(result.reasons))}\n"
        return HTTPRouteResponse(status: .serviceUnavailable, contentType: json, body: body)
    }
}
