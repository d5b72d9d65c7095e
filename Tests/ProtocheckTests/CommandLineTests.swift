// The command-line contract: formats and exit statuses, by running the built binary.
import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func protocheck(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
    let candidates = [".build/debug/protocheck", ".build/release/protocheck"].map { root.appendingPathComponent($0) }
    let binary = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }, "build protocheck first")
    let p = Process()
    p.executableURL = binary
    p.arguments = args
    p.currentDirectoryURL = root
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

@Test func attackExitsOneWithAJSONTrace() throws {
    let r = try protocheck(["check", "nspk", "--max-runs", "2", "--property", "B-secret-Nb", "--format", "json"])
    #expect(r.status == 1)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(json["tool"] as? String == "protocheck")
    let result = try #require((json["results"] as? [[String: Any]])?.first)
    #expect(result["verdict"] as? String == "attack")
    #expect(result["kind"] as? String == "secrecy")
    #expect(result["role"] as? String == "B")
    #expect((result["bound"] as? [String: Any])?["maxRuns"] as? Int == 2)
    #expect(((result["trace"] as? [String: Any])?["steps"] as? [Any])?.isEmpty == false)
}

@Test func verifiedExitsZero() throws {
    let r = try protocheck(["check", "iso9798-2-2", "--max-runs", "2"])
    #expect(r.status == 0)
    #expect(r.out.contains("VERIFIED"))
}

@Test func badInputExitsTwo() throws {
    let unknown = try protocheck(["check", "no-such-model"])
    #expect(unknown.status == 2)
    #expect(unknown.err.contains("no-such-model"))
    #expect(try protocheck(["check", "nspk", "--no-such-flag"]).status == 2)
    #expect(try protocheck(["check", "nspk", "--property", "nope"]).status == 2)
    let truncated = FileManager.default.temporaryDirectory.appendingPathComponent("truncated-\(UUID()).json")
    try Data("{\"tool\":\"protocheck\",\"results\":[{\"trace\":{\"model\":".utf8).write(to: truncated)
    #expect(try protocheck(["replay", truncated.path]).status == 2)
}

@Test func expectationsGateOnVerdicts() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("expect-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let good = dir.appendingPathComponent("good.yaml"), bad = dir.appendingPathComponent("bad.yaml"), unknown = dir.appendingPathComponent("unknown.yaml")
    try "iso9798-2-2-noid:\n  B-alive: attack\n  B-ni-agree: attack\n".write(to: good, atomically: true, encoding: .utf8)
    try "iso9798-2-2-noid:\n  B-alive: verified\n  B-ni-agree: attack\n".write(to: bad, atomically: true, encoding: .utf8)
    try "iso9798-2-2-noid:\n  B-nothing: attack\n".write(to: unknown, atomically: true, encoding: .utf8)
    #expect(try protocheck(["check", "iso9798-2-2-noid", "--max-runs", "2", "--expect", good.path]).status == 0)
    let diff = try protocheck(["check", "iso9798-2-2-noid", "--max-runs", "2", "--expect", bad.path])
    #expect(diff.status == 1)
    #expect(diff.err.contains("B-alive"))
    #expect(try protocheck(["check", "iso9798-2-2-noid", "--max-runs", "2", "--expect", unknown.path]).status == 2)
}
