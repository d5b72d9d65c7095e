import Results
import Model

/// Markdown: one report per model (title, source, readings, a verdict table, every attack) and one
/// file per attack (a Mermaid sequence diagram followed by the text trace).
package enum MarkdownReport {
    /// `timings: false` leaves out the time column, for files that are committed and compared: a time
    /// would change on every run.
    package static func render(model: ProtocolModel, results: [PropertyResult], timings: Bool = true) -> String {
        var out = "# \(model.title) (`\(model.name)`)\n\n"
        out += "Source: \(model.source)\n\n"
        if !model.readings.isEmpty {
            out += "## Readings\n\n"
            for r in model.readings { out += "- " + r.replacingOccurrences(of: "\n", with: " ") + "\n" }
            out += "\n"
        }
        out += "## Verdicts\n\n"
        let replayed = Wording.replayed(results)
        out += "| property | kind | role | setting | verdict |" + (replayed ? " replay |" : "") + " bound | states |" + (timings ? " time |\n" : "\n")
        out += "|---|---|---|---|---|" + (replayed ? "---|" : "") + "---|---:|" + (timings ? "---:|\n" : "\n")
        for r in results {
            let cells = [r.identity, Wording.kind(r.kind), r.role, r.setting, Wording.verdictCell(r)]
                + (replayed ? [Wording.replayCell(r)] : [])
                + [Wording.bound(r.bound), String(r.states)] + (timings ? [Wording.seconds(r.seconds)] : [])
            out += "| " + cells.map(Escape.markdownCell).joined(separator: " | ") + " |\n"
        }
        out += "\n"
        out += "A verified verdict holds for any number of runs where it says so, and otherwise only within its bound: no attack exists with at most that many runs.\n\n"

        for r in results {
            out += "## \(r.identity): \(Wording.headline(r))\n\n"
            out += "\(r.summary)\n\n"
            out += "- view: \(r.role)\n- setting: \(r.setting)\n- bound: \(Wording.bound(r.bound))\n"
            out += "- verdict: \(Wording.meaning(r))\n"
            if let o = r.replay { out += "- replay: \(Wording.replay(o))\n" }
            for a in r.assumptions { out += "- assuming: \(a)\n" }
            out += "\n"
            if r.verdict == .attack, let trace = r.trace {
                out += "### Attack\n\n" + body(trace)
            }
        }
        return out
    }

    /// One attack file, with the outcome of its replay when it was replayed.
    package static func render(trace: Trace, replay: ReplayOutcome? = nil) -> String {
        var out = "# Attack on `\(trace.model)`: \(trace.property)\n\n"
        out += "\(Wording.kind(trace.kind)), \(Wording.view(trace.role)), setting \(trace.setting).\n\n"
        out += "\(Wording.traceLabel(trace.kind)): \(trace.violation)\n\n"
        if let replay { out += "Replay: \(Wording.replay(replay)).\n\n" }
        return out + body(trace)
    }

    /// Diagram, then the same trace as text for readers without Mermaid.
    static func body(_ trace: Trace) -> String {
        let text = TextRenderer.render(trace: trace, heading: false)
        let fence = Escape.codeFence(for: text)
        return "```mermaid\n" + MermaidDiagram.render(trace) + "```\n\n" + fence + "text\n" + text + fence + "\n\n"
    }
}
