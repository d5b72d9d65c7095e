// SIGINT and SIGTERM stop a search cooperatively: what was decided is printed, the rest is
// inconclusive ("interrupted"), the status is 130 or 143, and no partial folder is left. The signal is
// sent once the search has printed progress (an event, not a clock), so it lands mid-search.
import Foundation
import ProtocheckKit
import Testing

/// A search long enough to be interrupted: the explicit engine over two models at four runs prints
/// progress after a second and runs for many more.
private let longSearch = ["nspk", "nsl", "--engine", "explicit", "--max-runs", "4"]

private func interrupted(_ args: [String], with sig: Int32) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = try protocheckBinary()
    p.arguments = args
    p.currentDirectoryURL = packageRoot
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    nonisolated(unsafe) var o = Data()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { o = out.fileHandleForReading.readDataToEndOfFile() }
    var e = Data()
    // Progress lines say "searched"; the signal goes once the first has come.
    while !String(decoding: e, as: UTF8.self).contains("searched") {
        let chunk = err.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        e.append(chunk)
    }
    kill(p.processIdentifier, sig)
    e.append(err.fileHandleForReading.readDataToEndOfFile())
    group.wait()
    p.waitUntilExit()
    let status = p.terminationReason == .uncaughtSignal ? 128 + p.terminationStatus : p.terminationStatus
    return (status, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

@Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
func aSignalStopsTheCheckAndPrintsWhatWasDecided(_ sig: Int32, _ status: Int32) throws {
    let r = try interrupted(["check"] + longSearch + ["--format", "json"], with: sig)
    #expect(r.status == status, "\(r.err)")
    #expect(r.err.contains("received: stopping the searches"))
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.out)")
    let results = try #require(json["results"] as? [[String: Any]])
    // Every property is there; the undecided ones say why.
    #expect(Set(results.compactMap { $0["model"] as? String }) == ["nspk", "nsl"])
    let undecided = results.filter { $0["verdict"] as? String == "inconclusive" }
    #expect(!undecided.isEmpty)
    #expect(results.allSatisfy { $0["verdict"] as? String != "verified" || $0["scope"] != nil })
}

@Test func aSignalDuringReportLeavesNoFolder() throws {
    let dir = try scratchFolder("report-signal")
    defer { try? FileManager.default.removeItem(at: dir) }
    let target = dir.appendingPathComponent("out")
    let r = try interrupted(["report"] + longSearch + ["--output", target.path], with: SIGTERM)
    #expect(r.status == 143)
    #expect(r.out.contains("inconclusive"))
    #expect(!FileManager.default.fileExists(atPath: target.path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "no staging folder left behind")
}

@Test func aFolderIsReplacedWholeOrNotAtAll() throws {
    let dir = try scratchFolder("staged")
    defer { try? FileManager.default.removeItem(at: dir) }
    let attacks = dir.appendingPathComponent("attacks")
    try FileManager.default.createDirectory(at: attacks, withIntermediateDirectories: true)
    try "old".write(to: attacks.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
    struct Midway: Error {}
    #expect(throws: Midway.self) {
        try StagedFolder.update(dir, entries: ["attacks", "Reports"]) { staging in
            try "new".write(to: staging.appendingPathComponent("attacks/a.json"), atomically: true, encoding: .utf8)
            try FileManager.default.createDirectory(at: staging.appendingPathComponent("Reports"), withIntermediateDirectories: true)
            throw Midway()
        }
    }
    #expect(try String(contentsOf: attacks.appendingPathComponent("a.json"), encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["attacks"])
    try StagedFolder.update(dir, entries: ["attacks", "Reports"]) { staging in
        try "new".write(to: staging.appendingPathComponent("attacks/a.json"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("Reports"), withIntermediateDirectories: true)
    }
    #expect(try String(contentsOf: attacks.appendingPathComponent("a.json"), encoding: .utf8) == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["Reports", "attacks"])
}

/// Past --max-memory the searches stop as inconclusive with the limit named, instead of being killed.
@Test func aMemoryLimitEndsTheSearchAsInconclusive() throws {
    let r = try runProtocheck(["check"] + longSearch + ["--max-memory", "64M", "--format", "json"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.err)")
    let results = try #require(json["results"] as? [[String: Any]])
    let stopped = results.filter { $0["verdict"] as? String == "inconclusive" }
    #expect(!stopped.isEmpty)
    #expect(r.out.contains("memory limit of 64 MiB"))
    #expect(r.status == 1 || r.status == 3)
}
