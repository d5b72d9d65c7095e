// docs/modelling.md "Your own package" and Examples/ChallengeResponse are the same package: the section
// shows the example's files as they are (CI builds and checks the example, `make examples`), so a
// newcomer copying the section gets a package that builds. And the version a user depends on is the
// one protocheck reports, wherever it is named.
import Foundation
import ProtocheckKit
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let example = root.appendingPathComponent("Examples/ChallengeResponse")

private func read(_ path: String, in dir: URL = root) throws -> String {
    try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
}

/// The code blocks of a Markdown text that follow a `<!-- own-package: PATH -->` marker, by path.
func ownPackageBlocks(_ markdown: String) -> [String: String] {
    var out: [String: String] = [:]
    let lines = markdown.components(separatedBy: "\n")
    var i = 0
    while i < lines.count {
        let line = lines[i].trimmingCharacters(in: .whitespaces)
        if line.hasPrefix("<!-- own-package: "), line.hasSuffix(" -->") {
            let path = String(line.dropFirst("<!-- own-package: ".count).dropLast(" -->".count))
            var j = i + 1
            while j < lines.count, !lines[j].hasPrefix("```") { j += 1 }
            var body: [String] = []
            j += 1
            while j < lines.count, lines[j] != "```" { body.append(lines[j]); j += 1 }
            out[path] = body.joined(separator: "\n") + "\n"
            i = j
        }
        i += 1
    }
    return out
}

@Test func theSectionShowsTheExamplesFilesAsTheyAre() throws {
    let blocks = ownPackageBlocks(try read("docs/modelling.md"))
    #expect(Set(blocks.keys) == ["Package.swift", "Sources/ChallengeResponse/SignedChallenge.swift", "Sources/check-protocols/main.swift"])
    for (path, shown) in blocks {
        var file = try read(path, in: example)
        // The example sits two folders down in this checkout; the section's package sits beside a clone.
        if path == "Package.swift" { file = file.replacingOccurrences(of: "path: \"../..\"", with: "path: \"../protocheck\"") }
        #expect(shown == file, "docs/modelling.md shows \(path) otherwise than Examples/ChallengeResponse/\(path)")
    }
}

@Test func theVersionToDependOnIsTheOneProtocheckReports() throws {
    let dependency = "from: \"\(protocheckVersion)\""
    for file in ["README.md", "CHANGELOG.md", "docs/modelling.md", "Examples/ChallengeResponse/Package.swift"] {
        #expect(try read(file).contains(dependency), "\(file) does not name \(dependency)")
    }
    let changelog = try read("CHANGELOG.md")
    let newest = changelog.components(separatedBy: "\n").first { $0.hasPrefix("## ") }
    #expect(newest == "## \(protocheckVersion)", "CHANGELOG.md's newest entry is not \(protocheckVersion)")
    #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("LICENSE").path))
}

@Test func versionComesFromTheConstant() throws {
    let candidates = [".build/debug/protocheck", ".build/release/protocheck"].map { root.appendingPathComponent($0) }
    let binary = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }, "build protocheck first")
    let p = Process()
    p.executableURL = binary
    p.arguments = ["--version"]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == protocheckVersion)
}
