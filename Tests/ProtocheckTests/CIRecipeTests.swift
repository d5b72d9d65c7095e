// docs/ci.md is run, not just read: its record and check blocks run as they are in a scratch project,
// and its workflow is parsed and compared with what the check block writes.
import Foundation
import Testing
import Yams

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The fenced block that follows `<!-- ci-recipe: NAME -->` in docs/ci.md.
func recipe(_ name: String) throws -> String {
    let doc = try String(contentsOf: root.appendingPathComponent("docs/ci.md"), encoding: .utf8)
    let marker = try #require(doc.range(of: "<!-- ci-recipe: \(name) -->\n"), "docs/ci.md has no block marked \(name)")
    let rest = doc[marker.upperBound...]
    let open = try #require(rest.range(of: "\n"), "unterminated block \(name)")
    #expect(rest.hasPrefix("```"), "the \(name) block must follow its marker")
    let close = try #require(rest[open.upperBound...].range(of: "\n```\n"), "unterminated block \(name)")
    return String(rest[open.upperBound..<close.lowerBound]) + "\n"
}

private func builtProtocheck() throws -> URL {
    let candidates = [".build/debug/protocheck", ".build/release/protocheck"].map { root.appendingPathComponent($0) }
    return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }, "build protocheck first")
}

/// Runs a shell script with bash in `dir`, with PROTOCHECK pointing at the built binary.
private func bash(_ script: String, in dir: URL) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/bash")
    p.arguments = ["-c", script]
    p.currentDirectoryURL = dir
    var env = ProcessInfo.processInfo.environment
    env["PROTOCHECK"] = try builtProtocheck().path
    p.environment = env
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

/// Lines that report a verdict differing from the expected one.
private func diffLines(_ stderr: String) -> [Substring] {
    stderr.split(separator: "\n").filter { $0.contains(": expected ") }
}

@Suite(.serialized) struct CIRecipeTests {
    @Test func shellRecipeGatesOnTheRecordedVerdicts() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("ci-project-\(UUID())")
        defer { try? FileManager.default.removeItem(at: project) }
        let models = project.appendingPathComponent("models")
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        // Two small SPDL models: ISO/IEC 9798-2 two-pass (all verified) and Needham-Schroeder public key (Lowe's attack).
        for name in ["iso9798-2-2.spdl", "nspk.spdl"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent("Tests/FrontendsTests/spdl/\(name)"),
                                            to: models.appendingPathComponent(name))
        }
        let check = project.appendingPathComponent("ci/protocheck.sh")
        try FileManager.default.createDirectory(at: check.deletingLastPathComponent(), withIntermediateDirectories: true)
        try recipe("check").write(to: check, atomically: true, encoding: .utf8)

        let record = try bash(recipe("record"), in: project)
        #expect(record.status == 0, "record: \(record.err)")
        let expectedFile = project.appendingPathComponent("attacks/expected.yaml")
        let recorded = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("Reports").path))

        // As recorded: exit 0, and the SARIF and JUnit files are there.
        let ok = try bash("bash ci/protocheck.sh", in: project)
        #expect(ok.status == 0, "check: \(ok.out) \(ok.err)")
        #expect(diffLines(ok.err).isEmpty)
        let sarifData = try Data(contentsOf: project.appendingPathComponent("protocheck-out/protocheck.sarif"))
        let sarif = try #require(try JSONSerialization.jsonObject(with: sarifData) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        let junit = try String(contentsOf: project.appendingPathComponent("protocheck-out/protocheck-junit.xml"), encoding: .utf8)
        #expect(junit.contains("<testsuites"))
        // Attacks in the SARIF log are the recorded attacks.
        let attacks = recorded.split(separator: "\n").filter { $0.hasSuffix(": attack") }.count
        let sarifResults = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(sarifResults.filter { $0["kind"] as? String == "fail" }.count == attacks)

        // An attack and a verified property flipped: exit 1 and exactly one line for each.
        var lines = recorded.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // A verified verdict is recorded with its reach (`verified within 5 runs`, `verified for any number of runs`).
        let flipped = [lines.firstIndex { $0.hasSuffix(": attack") }, lines.firstIndex { $0.contains(": verified") }].compactMap { $0 }
        try #require(flipped.count == 2, "the recorded models need an attack and a verified property:\n\(recorded)")
        for i in flipped {
            let verified = lines[i].range(of: ": verified")
            lines[i] = verified.map { String(lines[i][..<$0.lowerBound]) + ": attack" } ?? lines[i].replacingOccurrences(of: ": attack", with: ": verified")
        }
        try lines.joined(separator: "\n").write(to: expectedFile, atomically: true, encoding: .utf8)
        let changed = try bash("bash ci/protocheck.sh", in: project)
        #expect(changed.status == 1)
        let diffs = diffLines(changed.err)
        #expect(diffs.count == 2, "\(changed.err)")
        for i in flipped {
            let property = lines[i].trimmingCharacters(in: .whitespaces).split(separator: ":")[0]
            #expect(diffs.contains { $0.contains(" \(property): expected ") }, "no diff line for \(property)")
        }

        // An expectation naming a property that does not exist: exit 2, naming it.
        try (recorded + "  no-such-property: verified\n").write(to: expectedFile, atomically: true, encoding: .utf8)
        let unknown = try bash("bash ci/protocheck.sh", in: project)
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("no-such-property"))
    }

    @Test func workflowBuildsRunsTheScriptAndUploadsItsFiles() throws {
        let yaml = try #require(try Yams.load(yaml: recipe("workflow")) as? [String: Any])
        let permissions = try #require(yaml["permissions"] as? [String: Any])
        #expect(permissions["security-events"] as? String == "write")
        let jobs = try #require(yaml["jobs"] as? [String: Any])
        let job = try #require(jobs.values.first as? [String: Any])
        let steps = try #require(job["steps"] as? [[String: Any]])
        func step(using action: String) -> [String: Any]? {
            steps.first { ($0["uses"] as? String)?.hasPrefix(action + "@") == true }
        }
        func with(_ step: [String: Any]?, _ key: String) -> String? { (step?["with"] as? [String: Any])?[key] as? String }

        // The check step runs the shell recipe's script with the binary the build step makes.
        let checkStep = try #require(steps.first { ($0["run"] as? String)?.contains("ci/protocheck.sh") == true })
        let binary = try #require((checkStep["env"] as? [String: Any])?["PROTOCHECK"] as? String)
        let checkout = try #require(steps.first { with($0, "repository")?.hasSuffix("/protocheck") == true })
        let package = try #require(with(checkout, "path"))
        #expect(binary == "\(package)/.build/release/protocheck")
        #expect(steps.contains { ($0["run"] as? String)?.contains("swift build -c release --package-path \(package)") == true })
        #expect(try recipe("check").contains("PROTOCHECK=${PROTOCHECK:-\(binary)}"))

        // It uploads the files that script writes.
        let script = try recipe("check")
        let sarif = try #require(with(step(using: "github/codeql-action/upload-sarif"), "sarif_file"))
        let junit = try #require(with(step(using: "mikepenz/action-junit-report"), "report_paths"))
        for (path, option) in [(sarif, "--sarif"), (junit, "--junit")] {
            let (dir, file) = (String(path.split(separator: "/").first!), String(path.split(separator: "/").last!))
            #expect(script.contains("OUT=\(dir)\n"), "the script writes into another folder than \(path)")
            #expect(script.contains("\(option) \"$OUT/\(file)\""), "the script does not write \(path)")
        }
        // The publishing steps run also when the check failed.
        #expect(step(using: "github/codeql-action/upload-sarif")?["if"] as? String == "always()")
        #expect(step(using: "mikepenz/action-junit-report")?["if"] as? String == "always()")
    }
}
