import Foundation

/// Writes the generated files the repository keeps: `attacks/MODEL/PROPERTY.json|.md` for each attack and
/// `Reports/MODEL.md|.html` per model. Names are stable and contents deterministic (no clocks, no
/// timings), so that CI can compare them with what is committed.
public enum ReportWriter {
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
        try MarkdownReport.render(model: model, results: r).write(to: dir.appendingPathComponent("\(model.name).md"), atomically: true, encoding: .utf8)
        try HTMLReport.render(model: model, results: r).write(to: dir.appendingPathComponent("\(model.name).html"), atomically: true, encoding: .utf8)
    }
}
