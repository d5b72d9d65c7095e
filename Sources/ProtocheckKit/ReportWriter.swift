import Engine
import Foundation
import Results

/// A model and the verdicts its search gave.
public struct CheckedModel: Sendable {
    public var model: ProtocolModel
    public var results: [PropertyResult]
    public init(model: ProtocolModel, results: [PropertyResult]) {
        self.model = model
        self.results = results
    }
}

/// Writes the generated files the repository keeps: `attacks/MODEL/PROPERTY.json|.md` for each attack,
/// `Reports/MODEL.md|.html` per model and `attacks/expected.yaml`. Names are stable and contents
/// deterministic (no clocks, no timings, no absolute paths), so that CI can compare them with what is
/// committed.
public enum ReportWriter {
    /// Checks every model with `settings` and writes its attacks and reports under `dir`, plus
    /// `attacks/expected.yaml` when `expectations` is set. `make run` (through `protocheck report all`)
    /// and the test of the committed files both come here, so they cannot drift apart.
    /// `progress` receives the checker's progress of long searches.
    public static func generate(_ models: [ProtocolModel], settings: ReportSettings, into dir: URL, expectations: Bool,
                                progress: (@Sendable (Engine.Progress) -> Void)? = nil) throws -> [CheckedModel] {
        let checked = try ModelChecks.run(models, options: { settings.options(for: $0.name) }, progress: progress)
        try write(checked, to: dir, expectations: expectations)
        return checked
    }

    /// Writes attacks and reports for checked models (and `attacks/expected.yaml` for all of them).
    public static func write(_ checked: [CheckedModel], to dir: URL, expectations: Bool) throws {
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

    /// Removes what an earlier generation wrote for models that are no longer among `models` (a renamed
    /// or removed model): `attacks/NAME/` folders and `Reports/NAME.md|.html`. Other files stay.
    public static func prune(_ dir: URL, keeping models: [String]) throws {
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

    /// Results with the timing fields zeroed, so that generated files do not change from run to run.
    public static func stable(_ results: [PropertyResult]) -> [PropertyResult] {
        results.map { var r = $0; r.seconds = 0; return r }
    }

    public static func fileName(_ property: String) -> String {
        String(property.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    }

    public static func writeAttacks(model: ProtocolModel, results: [PropertyResult], to dir: URL) throws {
        let folder = dir.appendingPathComponent(model.name)
        try? FileManager.default.removeItem(at: folder)
        let attacks = stable(results).filter { $0.trace != nil }
        guard !attacks.isEmpty else { return }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for r in attacks {
            let base = folder.appendingPathComponent(fileName(r.property))
            try (try JSONRenderer.render([r], version: protocheckVersion) + "\n").write(to: base.appendingPathExtension("json"), atomically: true, encoding: .utf8)
            try MarkdownReport.render(trace: r.trace!).write(to: base.appendingPathExtension("md"), atomically: true, encoding: .utf8)
        }
    }

    public static func writeReports(model: ProtocolModel, results: [PropertyResult], to dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let r = stable(results)
        try MarkdownReport.render(model: model, results: r, timings: false)
            .write(to: dir.appendingPathComponent("\(model.name).md"), atomically: true, encoding: .utf8)
        try HTMLReport.render(model: model, results: r, timings: false)
            .write(to: dir.appendingPathComponent("\(model.name).html"), atomically: true, encoding: .utf8)
    }
}
