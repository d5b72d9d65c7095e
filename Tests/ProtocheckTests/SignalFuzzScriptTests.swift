// scripts/signal-fuzz.sh in CI, with a few rounds: signals at random times (a fixed seed) during
// searches and reports, and the malformed inputs. The script fails on a crash, a partial report
// folder or a silent pass; the test reads its summary too, so that a script that stopped early
// cannot pass.
import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Test func signalsAndMalformedInputsNeverCrashNorPassSilently() throws {
    let binary = root.appendingPathComponent(".build/debug/protocheck")
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build protocheck first")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/bash")
    p.arguments = ["scripts/signal-fuzz.sh", "8"]
    p.currentDirectoryURL = root
    p.environment = ProcessInfo.processInfo.environment.merging(["PROTOCHECK": binary.path, "SEED": "7"]) { _, new in new }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "\(o)\n\(e)")
    // 8 rounds and 14 malformed inputs; a run that ended before its signal came counts no signal.
    let summary = try #require(o.firstMatch(of: /inputs tried: (\d+), signals sent: (\d+), crashes: 0, partial folders: 0, silent passes: 0/), "\(o)\n\(e)")
    #expect(Int(summary.1) == 22)
    #expect((Int(summary.2) ?? 0) >= 1)
}
