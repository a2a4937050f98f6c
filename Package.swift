// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "SenseQuant",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sensequant", targets: ["sensequant"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // zlib from the system (zlib1g-dev) for .csv.gz caches and labels.csv.gz.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // libdeflate from the system (libdeflate-dev): gzip compression about 2-2.5 times faster than zlib's on a window's labels file.
        .systemLibrary(name: "CDeflate", path: "Sources/CDeflate"),
        // The one home of raw pointers and C calls outside LightGBM: POSIX file I/O, zlib, libdeflate, strtod; SHA-256 through swift-crypto.
        // Linux calls Swift's Glibc module leaves out (syncfs).
        .systemLibrary(name: "CLinux", path: "Sources/CLinux"),
        .target(name: "SystemIO", dependencies: ["CZlib", "CDeflate", "CLinux", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "MarketData", dependencies: ["SystemIO"], resources: [.copy("Resources")]),
        .target(name: "LightGBM"),
        // Optimised in debug builds too: the end-to-end tests run the debug binary over
        // thousands of windows, and its SIMD rolling sums are many times slower unoptimised.
        .target(name: "Teacher", dependencies: ["MarketData", "LightGBM"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "Breeze", dependencies: [
            "MarketData",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        // Optimised in debug builds too: every synthetic day is walked minute by minute (375
        // steps), and the tests and the debug binary they run synthesise years of days.
        .target(name: "SyntheticMarket", dependencies: ["MarketData"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "BreezeSandbox", dependencies: [
            "Breeze", "MarketData", "SyntheticMarket",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .target(name: "Ingest", dependencies: ["MarketData", "Breeze"]),
        .target(name: "Batch", dependencies: [
            "MarketData", "SystemIO", "Teacher", "LightGBM",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The shared ledger on a PostgreSQL server, for workers on many machines; the only NIO user besides HTTP.
        .target(name: "PostgresLedger", dependencies: [
            "Batch", "MarketData",
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .target(name: "Reports", dependencies: ["Batch", "Evaluation"]),
        // Out-of-sample truth: walk-forward predictions, cross-sectional skill, the promotion gate, predict.
        .target(name: "Evaluation", dependencies: ["MarketData", "SystemIO", "LightGBM", "Teacher", "Batch"]),
        // The signals traded with India's dated costs, beside buy-and-hold; the cost schedule is data.
        .target(name: "Backtest", dependencies: ["MarketData"], resources: [.copy("Resources")]),
        // Every multi-step flow (train, resume, demo, status, bench): the CLI, the demo and the tests call it alike.
        .target(name: "Pipeline", dependencies: [
            "MarketData", "SystemIO", "LightGBM", "Teacher", "Breeze", "BreezeSandbox", "SyntheticMarket",
            "Ingest", "Batch", "PostgresLedger", "Reports", "Evaluation", "Backtest",
        ]),
        .executableTarget(name: "sensequant", dependencies: [
            "MarketData", "SystemIO", "LightGBM", "Teacher", "Breeze", "BreezeSandbox", "SyntheticMarket",
            "Ingest", "Batch", "Reports", "Evaluation", "Backtest", "Pipeline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "MarketDataTests", dependencies: ["MarketData", "SystemIO"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LightGBMTests", dependencies: ["LightGBM"]),
        .testTarget(name: "TeacherTests", dependencies: ["Teacher", "MarketData", "SystemIO", "LightGBM"]),
        .testTarget(name: "BreezeTests", dependencies: ["Breeze", "BreezeSandbox", "SyntheticMarket", "MarketData"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Breeze", "BreezeSandbox", "SyntheticMarket", "MarketData"]),
        .testTarget(name: "BatchTests", dependencies: ["Batch", "Teacher", "MarketData", "SyntheticMarket"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Batch", "MarketData"], exclude: ["Golden"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "MarketData", "Teacher"]),
        .testTarget(name: "BacktestTests", dependencies: ["Backtest", "MarketData"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Batch", "MarketData", "SyntheticMarket"]),
        .testTarget(name: "EndToEndTests", dependencies: ["MarketData", "Batch", "PostgresLedger", "PostgresTestSupport"]),
        // A throwaway PostgreSQL cluster (initdb, pg_ctl) for the tests that need a server.
        .target(name: "PostgresTestSupport", path: "Tests/PostgresTestSupport"),
        .testTarget(name: "PostgresLedgerTests", dependencies: ["PostgresLedger", "Batch", "MarketData", "PostgresTestSupport"]),
    ]
)
