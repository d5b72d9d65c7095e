import Foundation
import Frontends

/// Where the test data lives: the package root from this file's path, Scyther's library beside it.
enum Corpus {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scyther = packageRoot.appendingPathComponent("../shared/corpus/scyther").standardized
    static let protocols = scyther.appendingPathComponent("protocols")
    static let expected = scyther.appendingPathComponent("expected")

    /// Every `.spdl` file of Scyther's library, sorted by name.
    static func scytherFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: protocols, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "spdl" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// Our own SPDL twins of the classic models, copied as test resources.
    static func twin(_ name: String) throws -> (text: String, path: String) {
        guard let url = Bundle.module.url(forResource: name, withExtension: "spdl", subdirectory: "spdl") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return (try text(url), "Tests/FrontendsTests/spdl/\(name).spdl")
    }

    /// Scyther's recorded verdicts for a file.
    static func expectedClaims(_ file: String) throws -> [ScytherVerdict] {
        ScytherResults.parse(try text(expected.appendingPathComponent(file + ".out")))
    }
}
