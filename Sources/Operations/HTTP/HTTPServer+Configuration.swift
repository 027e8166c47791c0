extension HTTPServer {
    /// Where and how the probe and metrics endpoint listens.
    public struct Configuration: Sendable, Hashable {
        /// The address to bind. Default: `127.0.0.1` (probes and scrapes come from the same host or a
        /// sidecar; bind `0.0.0.0` only behind a firewall).
        public var host: String
        /// The TCP port; `0` picks a free port, see ``HTTPServer/waitUntilBound()``. Default: `9464`.
        public var port: Int
        /// The largest request head (request line plus headers) accepted; larger requests are answered
        /// `431` and the connection is closed. Default: 8192 bytes.
        public var maxRequestHeaderBytes: Int
        /// The largest request body accepted (no route takes a body); larger ones are answered `413`
        /// and the connection is closed. Default: 4096 bytes.
        public var maxRequestBodyBytes: Int
        /// How long a connection may take to send a complete request, counted from when it connected
        /// or from the previous response; then it is closed. Bounds idle keep-alive connections and
        /// slow clients alike. Default: 10 seconds.
        public var idleTimeout: Duration
        /// How many connections are served at once; further ones are closed as soon as they are
        /// accepted. Default: 64.
        public var maxConnections: Int

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - host: The address to bind. Default: `127.0.0.1`.
        ///   - port: The TCP port, `0` for any free port. Default: `9464`.
        ///   - maxRequestHeaderBytes: The largest request head. Default: 8192.
        ///   - maxRequestBodyBytes: The largest request body. Default: 4096.
        ///   - idleTimeout: The time a connection has to send a complete request. Default: 10 seconds.
        ///   - maxConnections: Concurrent connections. Default: 64.
        public init(
            host: String = "127.0.0.1",
            port: Int = 9464,
            maxRequestHeaderBytes: Int = 8192,
            maxRequestBodyBytes: Int = 4096,
            idleTimeout: Duration = .seconds(10),
            maxConnections: Int = 64
        ) {
            self.host = host
            self.port = port
            self.maxRequestHeaderBytes = maxRequestHeaderBytes
            self.maxRequestBodyBytes = maxRequestBodyBytes
            self.idleTimeout = idleTimeout
            self.maxConnections = maxConnections
        }
    }
}
