import Engine
import Foundation
import Model
import Replay
import Results
import Traces

/// A model and the verdicts its search gave.
package struct CheckedModel: Sendable {
    package var model: ProtocolModel
    package var results: [PropertyResult]
    package init(model: ProtocolModel, results: [PropertyResult]) {
        self.model = model
        self.results = results
    }
}

/// Writes the generated files the repository keeps: `attacks/MODEL/PROPERTY.json|.md` for each attack,
/// `Reports/MODEL.md|.html` per model and `attacks/expected.yaml`. Names are stable and contents
/// deterministic (no clocks, no timings, no absolute paths), so that CI can compare them with what is
/// committed.
package enum ReportWriter {
    /// Checks every model with `settings`, replays every attack on real cryptography, and writes the
    /// attacks and reports under `dir`, plus `attacks/expected.yaml` when `expectations` is set. The
    /// test of the committed files comes here, and `make run` (`protocheck report all`) does the same
    /// steps, so they cannot drift apart.
    /// `progress` receives the checker's progress of long searches.
    package static func generate(_ models: [ProtocolModel], resolver: ModelResolver, settings: ReportSettings, into dir: URL, expectations: Bool,
                                progress: (@Sendable (Engine.Progress) -> Void)? = nil) throws -> [CheckedModel] {
        let checked = AttackReplay.replay(try ModelChecks.run(models, resolver: resolver, options: { settings.options(for: $0.name) }, progress: progress))
        try write(checked, to: dir, expectations: expectations)
        return checked
    }

    /// Writes attacks and reports for checked models (and `attacks/expected.yaml` for all of them).
    package static func write(_ checked: [CheckedModel], to dir: URL, expectations: Bool) throws {
        let attacks = dir.appendingPathComponent("attacks"), reports = dir.appendingPathComponent("Reports")
        for c in checked {
            try writeAttacks(model: c.model, results: c.results, to: attacks)
            try writeReports(model: c.model, results: c.results, to: reports)
        }
        if expectations {
            try FileManager.default.createDirectory(at: attacks, withIntermediateDirectories: true)
            try Expectations.render(checked.flatMap(\.results))
                .write(to: attacks.appendingPathComponent("expected.yaml"), atomically: true, encoding: .utf8)
        }
    }

    /// `write` (after `prune` when `keeping` is given), staged so that an interrupt or a failure
    /// never leaves a partial folder: a new `dir` appears whole, and in an existing one `attacks/`
    /// and `Reports/` are each replaced whole (`StagedFolder`).
    package static func writeStaged(_ checked: [CheckedModel], to dir: URL, expectations: Bool, pruneKeeping keep: [String]? = nil) throws {
        func all(_ base: URL) throws {
            if let keep { try prune(base, keeping: keep) }
            try write(checked, to: base, expectations: expectations)
        }
        if FileManager.default.fileExists(atPath: dir.path) {
            try StagedFolder.update(dir, entries: ["attacks", "Reports"], all)
        } else {
            try StagedFolder.create(dir, all)
        }
    }

    /// Removes what an earlier generation wrote for models that are no longer among `models` (a renamed
    /// or removed model): `attacks/NAME/` folders and `Reports/NAME.md|.html`. Other files stay.
    package static func prune(_ dir: URL, keeping models: [String]) throws {
        let fm = FileManager.default
        let keep = Set(models)
        let attacks = dir.appendingPathComponent("attacks"), reports = dir.appendingPathComponent("Reports")
        for name in (try? fm.contentsOfDirectory(atPath: attacks.path)) ?? [] where !keep.contains(name) {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: attacks.appendingPathComponent(name).path, isDirectory: &isDir), isDir.boolValue {
                try fm.removeItem(at: attacks.appendingPathComponent(name))
            }
        }
        for name in (try? fm.contentsOfDirectory(atPath: reports.path)) ?? [] {
            let url = reports.appendingPathComponent(name)
            guard ["md", "html"].contains(url.pathExtension), !keep.contains(url.deletingPathExtension().lastPathComponent) else { continue }
            try fm.removeItem(at: url)
        }
    }

    /// `nspk: 3 attacks (3 confirmed on real cryptography), 2 verified, 0 inconclusive`
    package static func summary(_ c: CheckedModel) -> String {
        let counts = Dictionary(grouping: c.results, by: \.verdict).mapValues(\.count)
        let replays = c.results.compactMap(\.replay)
        let replayed = replays.isEmpty ? "" : " (\(replays.filter(\.confirmed).count) confirmed on real cryptography)"
        return "\(c.model.name): \(counts[.attack] ?? 0) attacks\(replayed), \(counts[.verified] ?? 0) verified, \(counts[.inconclusive] ?? 0) inconclusive"
    }

    /// Results with the timing fields zeroed and the byte strings of a failed replay's reason left
    /// out (every replay draws new keys and nonces), so that generated files do not change from run
    /// to run.
    package static func stable(_ results: [PropertyResult]) -> [PropertyResult] {
        results.map { r in
            var r = r
            r.seconds = 0
            if let reason = r.replay?.reason { r.replay?.reason = withoutBytes(reason) }
            return r
        }
    }

    /// `received 0a1b2c3d…(48 bytes) where …` becomes `received … where …`: runs of eight or more hex
    /// digits, with the `…(N bytes)` that abbreviates them, are values of this one replay.
    static func withoutBytes(_ s: String) -> String {
        let chars = Array(s)
        var out = "", run = ""
        var i = 0
        func isHex(_ c: Character) -> Bool { c.isHexDigit && !c.isUppercase }
        /// The length of `…(N bytes)` at position j, or 0.
        func abbreviation(at j: Int) -> Int {
            let tail = Array(" bytes)")
            guard j + 2 < chars.count, chars[j] == "…", chars[j + 1] == "(" else { return 0 }
            var k = j + 2
            while k < chars.count, chars[k].isWholeNumber { k += 1 }
            guard k > j + 2, k + tail.count <= chars.count, Array(chars[k..<(k + tail.count)]) == tail else { return 0 }
            return k + tail.count - j
        }
        while i < chars.count {
            let c = chars[i]
            if isHex(c) { run.append(c); i += 1; continue }
            if run.count >= 8 {
                out += "…"
                run = ""
                let n = abbreviation(at: i)
                if n > 0 { i += n; continue }
            } else {
                out += run
                run = ""
            }
            out.append(c)
            i += 1
        }
        out += run.count >= 8 ? "…" : run
        return out
    }

    package static func fileName(_ property: String) -> String {
        String(property.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    }

    package static func writeAttacks(model: ProtocolModel, results: [PropertyResult], to dir: URL) throws {
        let folder = dir.appendingPathComponent(model.name)
        try? FileManager.default.removeItem(at: folder)
        let attacks = stable(results).filter { $0.trace != nil }
        guard !attacks.isEmpty else { return }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for r in attacks {
            let base = folder.appendingPathComponent(fileName(r.property))
            try (try JSONRenderer.render([r], version: protocheckVersion) + "\n").write(to: base.appendingPathExtension("json"), atomically: true, encoding: .utf8)
            try MarkdownReport.render(trace: r.trace!, replay: r.replay).write(to: base.appendingPathExtension("md"), atomically: true, encoding: .utf8)
        }
    }

    package static func writeReports(model: ProtocolModel, results: [PropertyResult], to dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let r = stable(results)
        try MarkdownReport.render(model: model, results: r, timings: false)
            .write(to: dir.appendingPathComponent("\(model.name).md"), atomically: true, encoding: .utf8)
        try HTMLReport.render(model: model, results: r, timings: false)
            .write(to: dir.appendingPathComponent("\(model.name).html"), atomically: true, encoding: .utf8)
    }
}
