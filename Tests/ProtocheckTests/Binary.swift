import Foundation
import Testing

/// The package root, where the tests run the built binary.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `protocheck` (debug first: `swift test` builds it).
func protocheckBinary() throws -> URL {
    let candidates = [".build/debug/protocheck", ".build/release/protocheck"].map { packageRoot.appendingPathComponent($0) }
    return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }, "build protocheck first")
}

/// Runs the binary to the end: exit status (128 + signal when a signal ended it), stdout, stderr.
func runProtocheck(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
    try runToTheEnd(try protocheckBinary(), args)
}

/// Runs `executable` in the package root to the end, with `environment` added to the test's own.
func runToTheEnd(_ executable: URL, _ args: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = executable
    p.arguments = args
    p.currentDirectoryURL = packageRoot
    p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    // Read both pipes at once, so that a full stderr cannot block the child while stdout is read.
    let group = DispatchGroup()
    nonisolated(unsafe) var e = Data()
    DispatchQueue.global().async(group: group) { e = err.fileHandleForReading.readDataToEndOfFile() }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    let status = p.terminationReason == .uncaughtSignal ? 128 + p.terminationStatus : p.terminationStatus
    return (status, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

/// A scratch folder, removed by the caller's `defer`.
func scratchFolder(_ name: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}
