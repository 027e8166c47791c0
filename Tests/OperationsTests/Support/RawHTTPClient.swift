import NIOCore
import NIOPosix

/// A response as read off the wire by ``RawHTTPClient``.
struct RawHTTPResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: String
}

/// Talks HTTP/1.1 over a real TCP socket, byte for byte, so tests control exactly what is sent
/// (partial requests, oversized heads) and see exactly what comes back.
enum RawHTTPClient {
    typealias Connection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    /// Opens a TCP connection to the server on the loopback address.
    static func connect(port: Int) async throws -> Connection {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try Connection(wrappingChannelSynchronously: channel)
                }
            }
    }

    /// Sends `request` as is and reads until the server closes the connection.
    static func exchange(_ request: String, port: Int) async throws -> RawHTTPResponse {
        let connection = try await connect(port: port)
        return try await connection.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: request))
            return try parse(try await readToEnd(inbound))
        }
    }

    /// `GET path` with `Connection: close`.
    static func get(_ path: String, port: Int) async throws -> RawHTTPResponse {
        try await request("GET", path, port: port)
    }

    /// `METHOD path` with `Connection: close`.
    static func request(_ method: String, _ path: String, port: Int) async throws -> RawHTTPResponse {
        try await exchange("\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", port: port)
    }

    /// Reads from `connection` until the server closes it, then closes it here too.
    static func readUntilClosed(_ connection: Connection) async throws -> String {
        try await connection.executeThenClose { inbound, _ in
            try await readToEnd(inbound)
        }
    }

    /// Everything the server sends until it closes the connection.
    static func readToEnd(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>) async throws -> String {
        var received = ByteBuffer()
        for try await chunk in inbound {
            var chunk = chunk
            received.writeBuffer(&chunk)
        }
        return String(buffer: received)
    }

    struct MalformedResponse: Error {
        var text: String
    }

    static func parse(_ text: String) throws -> RawHTTPResponse {
        guard let split = text.range(of: "\r\n\r\n") else { throw MalformedResponse(text: text) }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw MalformedResponse(text: text) }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawHTTPResponse(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}

extension RawHTTPClient {
    /// Sends `request`, shuts down the sending side (as `nc -N` does), and reads the answer.
    static func exchangeThenHalfClose(_ request: String, port: Int) async throws -> RawHTTPResponse {
        let connection = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.allowRemoteHalfClosure, value: true)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try Connection(
                        wrappingChannelSynchronously: channel,
                        configuration: .init(isOutboundHalfClosureEnabled: true)
                    )
                }
            }
        return try await connection.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: request))
            outbound.finish()
            return try parse(try await readToEnd(inbound))
        }
    }
}
