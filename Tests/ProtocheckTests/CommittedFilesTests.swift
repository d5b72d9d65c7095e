// The committed attacks/ and Reports/ are what the current code generates with the committed settings.
// This is the suite's one regeneration of every registered model (the searches take minutes in debug).
import Engine
import Foundation
import Model
import Models
import ProtocheckKit
import Replay
import Results
import Terms
import Testing
import Traces

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Every regular file under `dir`, as paths relative to it, sorted.
func files(under dir: URL) -> [String] {
    guard let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
    let base = dir.resolvingSymlinksInPath().path + "/"
    var out: [String] = []
    for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        out.append(String(url.resolvingSymlinksInPath().path.dropFirst(base.count)))
    }
    return out.sorted()
}

/// How two trees of generated files differ, one line per file; empty when they are the same.
func differences(committed: URL, generated: URL) -> [String] {
    let a = Set(files(under: committed)), b = Set(files(under: generated))
    var out: [String] = []
    for f in a.union(b).sorted() {
        if !b.contains(f) { out.append("\(f): committed, but the code no longer generates it") }
        else if !a.contains(f) { out.append("\(f): generated, but not committed") }
        else if FileManager.default.contents(atPath: committed.appendingPathComponent(f).path)
                    != FileManager.default.contents(atPath: generated.appendingPathComponent(f).path) {
            out.append("\(f): differs from what the code generates")
        }
    }
    return out
}

@Suite(.serialized) struct CommittedFilesTests {
    @Test func committedAttacksAndReportsAreWhatTheCodeGenerates() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("protocheck-generated-\(UUID())")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let checked = try ReportWriter.generate(Registry.all, resolver: ModelResolver(models: Registry.all), settings: .committed, into: tmp, expectations: true)
        #expect(checked.map(\.model.name) == Registry.all.map(\.name))

        var problems: [String] = []
        for folder in ["attacks", "Reports"] {
            problems += differences(committed: root.appendingPathComponent(folder), generated: tmp.appendingPathComponent(folder))
                .map { "\(folder)/\($0)" }
        }
        let settings = ReportSettings.committed
        #expect(problems.isEmpty, """
            The committed attacks/ and Reports/ are not what the code generates (max-runs \(settings.maxRuns), \
            max-states \(settings.maxStates)); run `make run` and commit the result:
            \(problems.joined(separator: "\n"))
            """)

        // Generated files travel between machines: nothing in them may name this one.
        for folder in ["attacks", "Reports"] {
            for f in files(under: tmp.appendingPathComponent(folder)) {
                let text = try String(contentsOf: tmp.appendingPathComponent(folder).appendingPathComponent(f), encoding: .utf8)
                #expect(!text.contains(tmp.path) && !text.contains(root.path) && !text.contains(NSHomeDirectory() + "/"),
                        "\(folder)/\(f) holds an absolute path")
            }
        }
    }

    @Test func differencesNameEachFile() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("protocheck-diff-\(UUID())")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let a = tmp.appendingPathComponent("a"), b = tmp.appendingPathComponent("b")
        for (dir, files) in [(a, ["same": "1", "changed": "1", "gone": "1"]), (b, ["same": "1", "changed": "2", "new/x": "1"])] {
            for (name, text) in files {
                let url = dir.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
        }
        #expect(differences(committed: a, generated: b) == [
            "changed: differs from what the code generates",
            "gone: committed, but the code no longer generates it",
            "new/x: generated, but not committed",
        ])
    }

    @Test func pruneRemovesOnlyModelsNoLongerListed() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("protocheck-prune-\(UUID())")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let keep = ["attacks/kept/x.json", "attacks/expected.yaml", "Reports/kept.md", "Reports/kept.html", "Reports/notes.txt"]
        let drop = ["attacks/gone/x.json", "Reports/gone.md", "Reports/gone.html"]
        for f in keep + drop {
            let url = tmp.appendingPathComponent(f)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "x".write(to: url, atomically: true, encoding: .utf8)
        }
        try ReportWriter.prune(tmp, keeping: ["kept"])
        #expect(files(under: tmp) == keep.sorted())
    }
}
