// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Sunlight",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sunlight", targets: ["sunlight"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        /// The tamper-evident log: RFC 6962 Merkle tree, proofs, signed checkpoints. swift-crypto only.
        .target(
            name: "SunlightLedger",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        /// The domain: vocabulary, rules, workflows and use cases. Imports neither Vapor nor Fluent.
        .target(
            name: "SunlightCore",
            dependencies: ["SunlightLedger", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/calendar")]
        ),
        /// Rendering: the case-file and document HTML with the one escaper, and CSV. Core only.
        .target(name: "SunlightRendering", dependencies: ["SunlightCore"]),
        /// The demo data set (演示数据): a county's organisations, accounts, lists, cases and
        /// publications, seeded through the use cases. Used by `sunlight demo` and the tests' templates.
        .target(name: "SunlightDemo", dependencies: ["SunlightCore"]),
        /// 内存存储 — Core's Store port and a blob store kept in memory: the use-case tests' store
        /// and the generator's scratch store (`sunlight demo`, `sunlight generate`).
        .target(
            name: "SunlightMemoryStore",
            dependencies: ["SunlightCore", "SunlightLedger", .product(name: "Crypto", package: "swift-crypto")]
        ),
        /// 生成的一年 — a deterministic lived-in history (`sunlight demo`, `sunlight generate`):
        /// counties whose year is made through the use cases from a seed.
        .target(name: "SunlightGenerator", dependencies: ["SunlightCore", "SunlightDemo", "SunlightMemoryStore"]),
        /// Storage: Fluent models, numbered migrations, repositories (SQLite | PostgreSQL).
        .target(
            name: "SunlightStore",
            dependencies: [
                "SunlightCore",
                "SunlightLedger",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        /// Case files as zip packages (REC-10): written with evidence streamed from the file
        /// store, read back for offline verification.
        .target(
            name: "SunlightArchive",
            dependencies: [
                "SunlightCore",
                "SunlightLedger",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        /// HTTP: staff UI, public portal, JSON API, authentication.
        .target(
            name: "SunlightServer",
            dependencies: [
                "SunlightCore",
                "SunlightStore",
                "SunlightArchive",
                "SunlightLedger",
                "SunlightRendering",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            resources: [.copy("Resources/Views"), .copy("Resources/Public"), .copy("Resources/openapi.json")]
        ),
        .executableTarget(
            name: "sunlight",
            dependencies: [
                "SunlightCore",
                "SunlightDemo",
                "SunlightGenerator",
                "SunlightStore",
                "SunlightServer",
                "SunlightLedger",
                "SunlightArchive",
                "SunlightRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// Figures for the closing note: writes with and without the log, proofs at 10k and
        /// 1M leaves, data for the pymerkle comparison and for verify and upload runs.
        .executableTarget(
            name: "sunlight-bench",
            dependencies: ["SunlightCore", "SunlightDemo", "SunlightStore", "SunlightLedger", "SunlightTestSupport", "SunlightDatabaseTestSupport",
                           .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                           .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver")],
            path: "Benchmarks/LedgerBenchmarks"
        ),
        .testTarget(
            name: "SunlightLedgerTests",
            dependencies: ["SunlightLedger"],
            resources: [.copy("Resources/merkle-vectors")]
        ),
        .testTarget(name: "SunlightRenderingTests", dependencies: ["SunlightRendering", "SunlightCore"]),
        .testTarget(name: "SunlightCoreTests", dependencies: ["SunlightCore", "SunlightDemo", "SunlightGenerator", "SunlightLedger", "SunlightTestSupport", "SunlightFixtures", "SunlightRendering"],
                    resources: [.copy("Resources/ledger-vectors.json")]),
        /// Test doubles every test and benchmark may use: the clock, the hasher, the in-memory
        /// store and blob store (re-exported), the demo in memory. No database.
        .target(
            name: "SunlightTestSupport",
            dependencies: ["SunlightCore", "SunlightDemo", "SunlightLedger", "SunlightMemoryStore", .product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/SunlightTestSupport"
        ),
        /// Scratch SQLite files and PostgreSQL databases, seeded templates, the store kinds.
        .target(
            name: "SunlightDatabaseTestSupport",
            dependencies: ["SunlightCore", "SunlightDemo", "SunlightStore", "SunlightLedger", "SunlightTestSupport",
                           .product(name: "SQLKit", package: "sql-kit")],
            path: "Tests/SunlightDatabaseTestSupport"
        ),
        /// The use-case tests' world (the demo's accounts as actors) and case driver; reads
        /// Core's internals, so only tests depend on it.
        .target(
            name: "SunlightFixtures",
            dependencies: ["SunlightCore", "SunlightDemo", "SunlightTestSupport"],
            path: "Tests/SunlightFixtures"
        ),
        .testTarget(
            name: "SunlightStoreTests",
            dependencies: ["SunlightCore", "SunlightDemo", "SunlightStore", "SunlightLedger", "SunlightTestSupport", "SunlightDatabaseTestSupport",
                           "SunlightFixtures", "SunlightArchive", "SunlightRendering", .product(name: "SQLKit", package: "sql-kit"), .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "SunlightServerTests",
            dependencies: [
                "SunlightCore", "SunlightDemo", "SunlightStore", "SunlightServer", "SunlightLedger", "SunlightTestSupport", "SunlightDatabaseTestSupport",
                "SunlightArchive", "SunlightRendering",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
