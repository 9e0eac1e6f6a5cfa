// swift-tools-version:6.0
import PackageDescription

/// Triage: a monitoring-driven incident detector. See DESIGN.md for the module map:
/// configuration → scheduler → probes → detection → ticket store → notifications and reports.
let package = Package(
    name: "triage",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "triage", targets: ["triage"]),
        .executable(name: "triage-bench", targets: ["triage-bench"]),
        .executable(name: "triage-alert-bench", targets: ["triage-alert-bench"]),
        .executable(name: "triage-report-bench", targets: ["triage-report-bench"]),
        .library(name: "TriageCore", targets: ["TriageCore"]),
        .library(name: "TriageApp", targets: ["TriageApp"]),
        .library(name: "TriageTesting", targets: ["TriageTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        // Already in the build through Hummingbird; named here for TriageTesting's DevTools WebSocket client.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
    ],
    targets: [
        .target(name: "TriageCore"),
        .target(name: "TriageConfig", dependencies: ["TriageCore", "Yams"]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CurlEngine", dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")]),
        .systemLibrary(name: "CAres", pkgConfig: "libcares", providers: [.apt(["libc-ares-dev"])]),
        .target(name: "DNSResolver", dependencies: ["CAres", .product(name: "Logging", package: "swift-log")]),
        .target(name: "Probes", dependencies: ["TriageCore", "CurlEngine", "DNSResolver"]),
        .target(name: "Detection", dependencies: ["TriageCore"]),
        .target(name: "TicketStore", dependencies: ["TriageCore"]),
        .target(
            name: "Notifiers",
            dependencies: ["TriageCore", "CurlEngine", "Probes", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "TriageHTTP",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "Inbound",
            dependencies: [
                "TriageCore", "TicketStore", "TriageHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "Alerting",
            dependencies: [
                "TriageCore", "TicketStore", "Notifiers",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(name: "SQLiteStore", dependencies: ["TicketStore", "TriageCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "PostgresStore",
            dependencies: [
                "TicketStore", "TriageCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Scheduler",
            dependencies: [
                "TriageCore", "Probes", "Detection", "TicketStore",
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "TriageMetrics",
            dependencies: [
                "TriageCore", "TicketStore", "Scheduler", "Alerting", .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .target(
            name: "TriageApp",
            dependencies: [
                "TriageCore", "TriageConfig", "CurlEngine", "DNSResolver", "Probes", "Detection", "TicketStore", "SQLiteStore",
                "PostgresStore", "Scheduler", "Notifiers", "Alerting", "Inbound", "TriageMetrics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "TriageServer",
            dependencies: [
                "TriageApp", "TriageCore", "TriageConfig", "TicketStore", "Inbound", "TriageHTTP", "TriageMetrics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("openapi.json"), .copy("Templates")]
        ),
        .executableTarget(
            name: "triage",
            dependencies: [
                "TriageApp", "TriageServer", "TriageCore", "TriageConfig", "TicketStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "triage-bench",
            dependencies: [
                "TriageApp", "TriageCore", "TicketStore", "TriageTesting", "Scheduler", "Probes", "CurlEngine", "DNSResolver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "triage-alert-bench",
            dependencies: [
                "Alerting", "Notifiers", "CurlEngine", "SQLiteStore", "TicketStore", "TriageCore", "TriageTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "triage-report-bench",
            dependencies: [
                "TriageApp", "TriageCore", "TicketStore", "TriageTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "TriageTesting",
            dependencies: [
                "TriageCore", "TicketStore", "CurlEngine",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "TriageTestingTests", dependencies: ["TriageTesting"]),
        .testTarget(name: "TriageCoreTests", dependencies: ["TriageCore", "TriageTesting"]),
        .testTarget(name: "TriageConfigTests", dependencies: ["TriageConfig", "TriageCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CurlEngineTests", dependencies: ["CurlEngine", "TriageTesting"]),
        .testTarget(name: "DNSResolverTests", dependencies: ["DNSResolver", "CAres", "TriageTesting"]),
        .testTarget(name: "ProbesTests", dependencies: ["Probes", "CurlEngine", "DNSResolver", "TriageCore", "TriageTesting"]),
        .testTarget(name: "DetectionTests", dependencies: ["Detection", "TriageCore", "TriageTesting"]),
        .testTarget(name: "SQLiteStoreTests", dependencies: ["SQLiteStore", "TicketStore", "TriageCore", "TriageTesting"]),
        .testTarget(
            name: "PostgresStoreTests",
            dependencies: [
                "PostgresStore", "SQLiteStore", "TicketStore", "TriageCore", "TriageTesting",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "SchedulerTests",
            dependencies: [
                "Scheduler", "SQLiteStore", "Probes", "CurlEngine", "DNSResolver", "Detection", "TicketStore", "TriageCore",
                "TriageTesting",
            ]
        ),
        .testTarget(
            name: "InboundTests",
            dependencies: [
                "Inbound", "CurlEngine", "SQLiteStore", "TicketStore", "TriageCore", "TriageTesting",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "AlertingTests",
            dependencies: [
                "Alerting", "Notifiers", "CurlEngine", "SQLiteStore", "TicketStore", "TriageCore", "TriageTesting",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "TriageServerTests",
            dependencies: [
                "TriageServer", "TriageApp", "TriageConfig", "SQLiteStore", "TicketStore", "TriageCore", "TriageTesting", "CurlEngine",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"), "Yams",
            ]
        ),
        .testTarget(
            name: "TriageMetricsTests",
            dependencies: [
                "TriageMetrics", "Scheduler", "Probes", "CurlEngine", "DNSResolver", "SQLiteStore", "TicketStore", "TriageCore",
                "TriageTesting", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "TriageAppTests",
            dependencies: [
                "TriageApp", "TriageConfig", "SQLiteStore", "PostgresStore", "TicketStore", "TriageCore", "TriageTesting",
                "CurlEngine", .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ]
        ),
    ]
)
