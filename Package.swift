// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "claimcheck",
    products: [
        .executable(name: "claimcheck", targets: ["claimcheck"]),
        .library(name: "Claims", targets: ["Claims"]),
        .library(name: "Checker", targets: ["Checker"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(name: "Claims", dependencies: ["PCRE2", .product(name: "Yams", package: "Yams")]),
        .target(name: "Checker", dependencies: ["Claims", .product(name: "Yams", package: "Yams")]),
        .target(name: "ClaimStore", dependencies: ["Claims", "Checker", .product(name: "GRDB", package: "GRDB.swift")]),
        // PostgreSQL through Debian's libpq, in its own target: the core never waits for it.
        .target(name: "ClaimStorePostgres", dependencies: ["ClaimStore", "Claims", "CLibPQ"]),
        .target(name: "Reporters", dependencies: ["Claims", "Checker", .product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "Evaluation", dependencies: ["Claims", "Checker", "Reporters"]),
        .target(name: "Frontend", dependencies: ["Claims", "Checker", "Reporters"]),
        .executableTarget(
            name: "claimcheck",
            dependencies: [
                "Claims", "Checker", "Reporters", "Evaluation", "Frontend", "ClaimStore", "ClaimStorePostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildInfo"]
        ),
        .plugin(name: "BuildInfo", capability: .buildTool()),
        .executableTarget(name: "claimcheck-bench", dependencies: ["Claims", "PCRE2", "Evaluation"]),
        .executableTarget(name: "claimcheck-fuzz", dependencies: ["Claims", "Checker", "Reporters", "PCRE2"]),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(name: "ClaimsTests", dependencies: ["Claims"]),
        .testTarget(name: "CheckerTests", dependencies: ["Checker", "Claims"]),
        .target(name: "SchemaValidation", path: "Tests/SchemaValidation", exclude: ["Resources"]),
        .testTarget(name: "ReportersTests", dependencies: ["Reporters", "Checker", "Claims", "SchemaValidation"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "Checker", "Claims"]),
        .testTarget(name: "FrontendTests", dependencies: ["Frontend", "Checker", "Claims", "Reporters"]),
        .testTarget(name: "ClaimStoreTests", dependencies: ["ClaimStore", "ClaimStorePostgres", "Claims", "Checker", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "CLITests", dependencies: ["claimcheck", "SchemaValidation", "ClaimStore", "ClaimStorePostgres"]),
    ],
    swiftLanguageModes: [.v5]
)
