// swift-tools-version:6.1
// Protocol models of your own, and a command line that checks them. protocheck comes from a checkout
// by path; to depend on a release instead, write
//     .package(url: "https://github.com/your-org/protocheck", from: "0.6.0"),
// and keep `package: "protocheck"` below.
import PackageDescription

let package = Package(
    name: "ChallengeResponse",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "protocheck", path: "../.."),
    ],
    targets: [
        // The models: the DSL and nothing else.
        .target(name: "ChallengeResponse", dependencies: [
            .product(name: "ProtocheckDSL", package: "protocheck"),
        ]),
        // protocheck's command line (list, check, report, replay) for these models.
        .executableTarget(name: "check-protocols", dependencies: [
            "ChallengeResponse",
            .product(name: "Protocheck", package: "protocheck"),
        ]),
    ]
)
