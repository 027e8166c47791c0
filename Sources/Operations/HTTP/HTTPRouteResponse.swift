import NIOHTTP1

/// A response the ``HTTPRouter`` decided on, before it is written to a connection.
struct HTTPRouteResponse: Sendable {
    var status: HTTPResponseStatus
    var contentType: String
    var body: String
    var headers: [(String, String)] = []
    /// Whether the connection must be closed after this response.
    var close = false
}
