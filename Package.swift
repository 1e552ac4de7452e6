// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Safeguard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "safeguard", targets: ["safeguard"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        // Assessment tools are YAML that administrators edit; Yams gives line numbers for their mistakes.
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        // Booking confirmations by e-mail: a small SMTP client on the NIO that Vapor already runs on.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // The domain: no Vapor, no Fluent. Rules, value types, the access policy.
        .target(
            name: "SafeguardCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources")]
        ),
        // The web application: Vapor + Fluent, pages, API, persistence.
        .target(
            name: "SafeguardServer",
            dependencies: [
                "SafeguardCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            // Public/ (stylesheets, script, icon) ships beside the binary, so `safeguard serve` is styled
            // whichever folder it is started from.
            resources: [.copy("OpenAPI/openapi.json"), .copy("Public")]
        ),
        // The demo partnership, kept out of the production targets: its fictional people, households and staff
        // (no Vapor, no Fluent) ...
        .target(name: "SafeguardDemoData", dependencies: ["SafeguardCore"]),
        // ... and loading them into a database, for `serve --demo`, the benchmarks and the tests.
        .target(
            name: "SafeguardDemo",
            dependencies: [
                "SafeguardCore", "SafeguardDemoData", "SafeguardServer",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
            ]
        ),
        // `safeguard bench …`: measurements against the peers in ../shared/peers, kept out of the server.
        .target(
            name: "SafeguardBenchmarks",
            dependencies: [
                "SafeguardCore", "SafeguardDemoData", "SafeguardDemo", "SafeguardServer",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // The command-line entry point: serve, migrate, audit, user, bench.
        .executableTarget(
            name: "safeguard",
            dependencies: [
                "SafeguardServer",
                "SafeguardCore",
                "SafeguardDemo",
                "SafeguardBenchmarks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SafeguardCoreTests", dependencies: ["SafeguardCore", "SafeguardDemoData"]),
        .testTarget(
            name: "SafeguardServerTests",
            dependencies: [
                "SafeguardServer",
                "SafeguardDemo",
                "SafeguardDemoData",
                "SafeguardBenchmarks",
                .product(name: "XCTVapor", package: "vapor"),
            ]
        ),
    ]
)
