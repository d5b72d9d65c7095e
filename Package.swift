// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "protocheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "protocheck", targets: ["ProtocheckTool"]),
        // What a user's package depends on (docs/modelling.md, "Your own package"): the DSL to write
        // models in, and the command line to hand them to.
        .library(name: "ProtocheckDSL", targets: ["ProtocheckDSL"]),
        .library(name: "Protocheck", targets: ["Protocheck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CZ3", path: "Sources/CZ3", pkgConfig: nil, providers: [.apt(["libz3-dev"])]),
        .target(name: "Terms"),
        .target(name: "Model", dependencies: ["Terms"]),
        .target(name: "Solver", dependencies: ["CZ3", "Terms"]),
        .target(name: "Results", dependencies: ["Terms", "Model"]),
        .target(name: "Engine", dependencies: ["Terms", "Model", "Solver", "Results"]),
        .target(name: "Traces", dependencies: [
            "Terms", "Model", "Results",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "Replay", dependencies: [
            "Terms", "Model", "Results", "Traces",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "BigInt", package: "BigInt"),
        ]),
        .target(name: "Frontends", dependencies: ["Terms", "Model"]),
        .target(name: "Models", dependencies: ["Terms", "Model"], path: "models"),
        .target(name: "ProtocheckDSL", dependencies: ["Terms", "Model"]),
        .target(name: "ProtocheckKit", dependencies: [
            "Terms", "Model", "Solver", "Results", "Engine", "Traces", "Replay", "Frontends",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "Protocheck", dependencies: [
            "ProtocheckKit", "Model", "Engine", "Results", "Traces", "Replay",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "ProtocheckTool", dependencies: [
            "Protocheck", "ProtocheckKit", "Models", "Model", "Engine", "Results", "Traces", "Replay", "Frontends",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "TermsTests", dependencies: ["Terms"]),
        .testTarget(name: "SolverTests", dependencies: ["Solver", "Terms"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Results", "Model", "Terms", "Models"]),
        .testTarget(name: "ModelsTests", dependencies: ["ProtocheckKit", "Engine", "Results", "Model", "Terms", "Models", "Traces", "Replay"]),
        .testTarget(name: "TracesTests", dependencies: ["Traces", "Engine", "Results", "Model", "Terms"]),
        .testTarget(name: "ReplayTests", dependencies: ["Replay", "Engine", "Results", "Model", "Terms", "Models"]),
        .testTarget(name: "FrontendsTests", dependencies: ["Frontends", "Model", "Terms", "Engine", "Results", "Models", "Replay"], resources: [.copy("spdl")]),
        .testTarget(name: "ProtocheckTests", dependencies: [
            "ProtocheckKit", "Models", "Model", "Terms", "Engine", "Results", "Traces", "Replay", "Frontends",
            .product(name: "Yams", package: "Yams"),
        ]),
    ]
)
