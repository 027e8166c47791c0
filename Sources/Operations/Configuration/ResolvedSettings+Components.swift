extension ResolvedSettings {
    /// The HTTP server configuration for `http-address`, other limits at their defaults.
    public var httpServerConfiguration: HTTPServer.Configuration {
        HTTPServer.Configuration(host: httpHost, port: httpPort)
    }

    /// The health thresholds for `stall-timeout`.
    public var healthConfiguration: HealthMonitor.Configuration {
        HealthMonitor.Configuration(stallTimeout: stallTimeout)
    }
}
