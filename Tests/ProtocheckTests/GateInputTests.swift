// Every way the command line could exit 0 without having checked what the user meant is refused
// (exit 2, with file:line:col where there is one), and every misleading error says what is wrong.
import Foundation
import Testing

private let tiny = "protocol p(I,R) { role I { fresh n: Nonce; send_1(I,R,{n}pk(R)); claim_i1(I,Secret,n); } role R { var n: Nonce; recv_1(I,R,{n}pk(R)); } }\n"

@Suite struct GateInputTests {
    @Test(arguments: [["--max-runs", "0"], ["--max-runs=-1"], ["--max-runs=0"], ["--max-states", "0"], ["--jobs", "0"],
                      ["--timeout", "0"], ["--max-memory", "1K"], ["--max-memory", "lots"]])
    func boundsThatCheckNothingAreRefused(_ bound: [String]) throws {
        let r = try runProtocheck(["check", "nspk", "--property", "B-secret-Nb"] + bound)
        #expect(r.status == 2, "\(r.err)")
        #expect(r.out.isEmpty)
        #expect(r.err.contains(String(bound[0].split(separator: "=")[0])))
        let report = try runProtocheck(["report", "nspk", "--output", "/nonexistent/never-written"] + bound)
        #expect(report.status == 2)
    }

    @Test func filesWithNothingToCheckAreRefused() throws {
        let dir = try scratchFolder("nothing")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases = [("empty.spdl", "", "no protocol to check"),
                     ("comment.spdl", "// just a comment\n/* and another */\n", "no protocol to check"),
                     ("silent.spdl", "protocol p(I,R) { role I { fresh n: Nonce; send_1(I,R,n); } role R { var n: Nonce; recv_1(I,R,n); } }\n",
                      "makes no claims")]
        for (name, text, message) in cases {
            let file = dir.appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            for format in ["text", "json"] {
                let r = try runProtocheck(["check", file.path, "--format", format])
                #expect(r.status == 2, "\(name)")
                #expect(r.err.contains(file.path) && r.err.contains(message), "\(name): \(r.err)")
            }
        }
        let silent = try runProtocheck(["check", dir.appendingPathComponent("silent.spdl").path])
        #expect(silent.err.hasPrefix(dir.appendingPathComponent("silent.spdl").path + ":1:"))
    }

    @Test func aClaimLabelWrittenTwiceIsAnErrorWithItsLocation() throws {
        let dir = try scratchFolder("dup")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("dup.spdl")
        try tiny.replacingOccurrences(of: "claim_i1(I,Secret,n);", with: "claim_i1(I,Secret,n);\nclaim_i1(I,Secret,n);")
            .write(to: file, atomically: true, encoding: .utf8)
        let r = try runProtocheck(["check", file.path])
        #expect(r.status == 2)
        #expect(r.err.hasPrefix("\(file.path):2:1: error: claim Secret_i1 is written twice"), "\(r.err)")
    }

    @Test func unreadableFilesSayWhatIsWrong() throws {
        let dir = try scratchFolder("files")
        defer { try? FileManager.default.removeItem(at: dir) }
        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            let url = dir.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url.path
        }
        let text = Array(tiny.utf8)
        var latin1 = text
        latin1.insert(0xE9, at: 20)
        let cases: [(String, String)] = [
            (try file("latin1.spdl", latin1), "not UTF-8 at byte 20"),
            (try file("binary.spdl", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]), "a binary file, not a model file (NUL byte at byte 7)"),
            (try file("model.txt", text), "unknown model file extension '.txt'"),
            (try file("model.SPDL", text), "extensions are case-sensitive"),
            (dir.appendingPathComponent("missing.spdl").path, "no such file"),
            ("models/missing.spdl", "no such file"),
            (dir.path, "is a folder"),
        ]
        for (path, message) in cases {
            let r = try runProtocheck(["check", path])
            #expect(r.status == 2, "\(path)")
            #expect(r.err.hasPrefix(path + ": error: ") && r.err.contains(message), "\(path): \(r.err)")
            #expect(!r.err.contains("no model named"))
        }
        // A bare word is still a registered name.
        #expect(try runProtocheck(["check", "no-such-model"]).err.contains("no model named 'no-such-model'"))
    }

    @Test func aLongLineErrorPrintsAnExcerpt() throws {
        let dir = try scratchFolder("long")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("long.spdl")
        try (String(repeating: "x", count: 1_000_000) + "$\n").write(to: file, atomically: true, encoding: .utf8)
        let r = try runProtocheck(["check", file.path])
        #expect(r.status == 2)
        #expect(r.err.contains("\(file.path):1:1000001: error:"))
        #expect(r.err.utf8.count < 1_000, "\(r.err.utf8.count) bytes of stderr")
    }
}

/// `--expect` passes only when it compared every verdict.
@Suite struct ExpectationGateTests {
    static let model = "iso9798-2-2-noid"
    static let bound = ["--max-runs", "2"]

    func verdicts() throws -> [(String, String)] {
        let run = try runProtocheck(["check", Self.model, "--format", "json"] + Self.bound)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        return try #require(json["results"] as? [[String: Any]]).map { ($0["property"] as! String, $0["verdict"] as! String) }
    }

    func gate(_ yaml: String, _ extra: [String] = []) throws -> (status: Int32, out: String, err: String) {
        let dir = try scratchFolder("expect")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("expected.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let r = try runProtocheck(["check", Self.model, "--expect", file.path] + Self.bound + extra)
        return (r.status, r.out, r.err.replacingOccurrences(of: file.path, with: "FILE"))
    }

    @Test func anEmptyFileIsBadInput() throws {
        for empty in ["", "# nothing yet\n", "{}\n"] {
            let r = try gate(empty)
            #expect(r.status == 2, "\(empty)")
            #expect(r.err.contains("FILE: error: the file expects no verdicts"))
            #expect(r.out.isEmpty, "refused before any search")
        }
    }

    @Test func aPropertyTheFileDoesNotListFailsTheGateUnlessAllowed() throws {
        let all = try verdicts()
        try #require(all.count >= 2)
        let some = "\(Self.model):\n  \(all[0].0): \(all[0].1)\n"
        let unlisted = all.dropFirst().map { "\(Self.model) \($0.0): not in FILE (got \($0.1)" }
        let r = try gate(some)
        #expect(r.status == 1)
        for line in unlisted { #expect(r.err.contains(line), "\(r.err)") }
        #expect(r.err.contains("pass --allow-new"))
        let allowed = try gate(some, ["--allow-new"])
        #expect(allowed.status == 0)
        for line in unlisted { #expect(allowed.err.contains(line)) }
        // A file that lists every property passes, and says nothing.
        let full = try gate("\(Self.model):\n" + all.map { "  \($0.0): \($0.1)\n" }.joined())
        #expect(full.status == 0 && full.err.isEmpty, "\(full.err)")
    }

    @Test func anotherModelsFileFailsTheGate() throws {
        let r = try gate("nspk:\n  B-secret-Nb: attack\n")
        #expect(r.status == 1)
        #expect(r.err.contains("\(Self.model) ") && r.err.contains("not in FILE"))
    }
}
