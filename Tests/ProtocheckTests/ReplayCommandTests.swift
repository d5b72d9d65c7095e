// `protocheck replay`: exit 0 when the attack is confirmed on bytes, 2 with a clear error on bad input.
import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
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

private func temporaryFile(_ contents: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID()).json")
    try Data(contents.utf8).write(to: url)
    return url
}

/// A fresh attack from the search (the committed attacks/ may lag behind the models).
private func attestedKAttack() throws -> String {
    let r = try run(["check", "attested-k", "--max-runs", "2", "--property", "secret-K-SE", "--format", "json"])
    #expect(r.status == 1, "\(r.err)")
    return r.out
}

@Test func aFoundAttackReplaysConfirmedWithExitZero() throws {
    let file = try temporaryFile(try attestedKAttack())
    let text = try run(["replay", file.path])
    #expect(text.status == 0, "\(text.out)\(text.err)")
    #expect(text.out.contains("CONFIRMED"))
    let json = try run(["replay", file.path, "--format", "json"])
    #expect(json.status == 0)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    #expect(report["confirmed"] as? Bool == true)
}

@Test func aTruncatedAttackFileExitsTwoWithAClearError() throws {
    let whole = try attestedKAttack()
    let file = try temporaryFile(String(whole.prefix(whole.count / 2)))
    let r = try run(["replay", file.path])
    #expect(r.status == 2)
    #expect(r.out.isEmpty)
    #expect(r.err.contains(file.path) && r.err.contains("not an attack trace") && r.err.contains("not valid JSON"), "\(r.err)")
}

@Test func malformedAttackFilesExitTwo() throws {
    let notJSON = try temporaryFile("attack: yes\n")
    let noTrace = try temporaryFile(#"{"tool":"protocheck","results":[]}"#)
    let missingFields = try temporaryFile(#"{"model":"attested-k","steps":[]}"#)
    let unknownModel = try temporaryFile(try attestedKAttack().replacingOccurrences(of: #""model" : "attested-k""#, with: #""model" : "no-such-model""#))
    let cases: [(URL, String)] = [
        (notJSON, "not an attack trace"), (noTrace, "holds no attack trace"),
        (missingFields, "not an attack trace"), (unknownModel, "unknown model 'no-such-model'"),
    ]
    for (file, message) in cases {
        let r = try run(["replay", file.path])
        #expect(r.status == 2, "\(file.lastPathComponent): \(r.out)")
        #expect(r.err.contains(message), "\(r.err)")
    }
    let missing = try run(["replay", "/nonexistent/attack.json"])
    #expect(missing.status == 2)
    #expect(missing.err.contains("cannot read"))
    let encoding = try run(["replay", noTrace.path, "--encoding", "base64"])
    #expect(encoding.status == 2)
    #expect(encoding.err.contains("--encoding"))
}
