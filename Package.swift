// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "stancewire",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stancewire", targets: ["StancewireCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        // The C library, found through pkg-config (Debian: librdkafka-dev).
        .systemLibrary(
            name: "CRdKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        // The only module that touches librdkafka pointers and callbacks.
        .target(
            name: "KafkaBridge",
            dependencies: [
                "CRdKafka",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Pure Swift: entities, stances, quotes. No Kafka, no I/O besides loading its data.
        .target(
            name: "Extraction",
            resources: [.copy("Resources/KnowledgeBase")]
        ),
        // Decode, validate, extract, encode, route, track offsets. Imports the bridge, never the C module;
        // reports health and metrics through Operations.
        .target(
            name: "Pipeline",
            dependencies: [
                "KafkaBridge",
                "Extraction",
                "Operations",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // HTTP probes and metrics endpoint, systemd notify, process metrics, configuration files.
        .target(
            name: "Operations",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "StancewireCLI",
            dependencies: [
                "KafkaBridge",
                "Extraction",
                "Pipeline",
                "Operations",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "KafkaBridgeTests", dependencies: ["KafkaBridge"]),
        .testTarget(
            name: "ExtractionTests",
            dependencies: ["Extraction"],
            resources: [
                .copy("Resources/GeneralizationSet"), .copy("Resources/GeneralizationSet2"),
                .copy("Resources/GeneralizationSet3"),
                .copy("Resources/GeneralizationSet4"), .copy("Resources/GeneralizationSet5"),
            ]
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "Pipeline", "KafkaBridge", "Extraction",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ]
        ),
        // A real AF_UNIX datagram socket standing in for systemd, shared by two test targets.
        .target(name: "NotifySocketTestKit", path: "Tests/NotifySocketTestKit"),
        // A parser of the Prometheus text format that `/metrics` serves, shared by two test targets.
        .target(name: "PrometheusTestKit", path: "Tests/PrometheusTestKit"),
        .testTarget(
            name: "OperationsTests",
            dependencies: [
                "Operations",
                "NotifySocketTestKit",
                "PrometheusTestKit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "KafkaBridge", "Operations", "NotifySocketTestKit", "PrometheusTestKit",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
