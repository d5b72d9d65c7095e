import Results
import Model

/// A self-contained HTML page per model: no script, no external font or stylesheet. The verdict
/// table, each result's bound and assumptions, and each attack as an SVG sequence diagram plus text.
package enum HTMLReport {
    /// `timings: false` leaves out the time column (see `MarkdownReport.render(model:results:timings:)`).
    package static func render(model: ProtocolModel, results: [PropertyResult], timings: Bool = true) -> String {
        let e = Escape.xml
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e("protocheck: \(model.title)"))</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #111; }
        code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; }
        pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; }
        td.num { text-align: right; }
        .attack { color: #b00020; font-weight: bold; } .verified { color: #2e7d32; font-weight: bold; }
        .inconclusive { color: #a66a00; font-weight: bold; }
        .not-confirmed { color: #a66a00; font-weight: bold; }
        figure { margin: 1em 0; max-width: 100%; overflow-x: auto; }
        </style>
        </head>
        <body>
        <h1>\(e(model.title)) (<code>\(e(model.name))</code>)</h1>
        <p>Source: \(e(model.source))</p>

        """
        if !model.readings.isEmpty {
            out += "<h2>Readings</h2>\n<ul>\n"
            for r in model.readings { out += "<li>\(e(r))</li>\n" }
            out += "</ul>\n"
        }
        let replayed = Wording.replayed(results)
        out += "<h2>Verdicts</h2>\n<table>\n<thead><tr><th>property</th><th>kind</th><th>role</th><th>setting</th><th>verdict</th>" + (replayed ? "<th>replay</th>" : "") + "<th>bound</th><th>states</th>" + (timings ? "<th>time</th>" : "") + "</tr></thead>\n<tbody>\n"
        for (i, r) in results.enumerated() {
            out += "<tr><td><a href=\"#\(anchor(i))\">\(e(r.identity))</a></td><td>\(e(Wording.kind(r.kind)))</td><td>\(e(r.role))</td>"
            out += "<td>\(e(r.setting))</td><td class=\"\(r.verdict.rawValue)\">\(e(Wording.verdictCell(r)))</td>"
            if replayed { out += "<td\(replayClass(r))>\(e(Wording.replayCell(r)))</td>" }
            out += "<td>\(e(Wording.bound(r.bound)))</td>"
            out += "<td class=\"num\">\(r.states)</td>"
            out += (timings ? "<td class=\"num\">\(e(Wording.seconds(r.seconds)))</td>" : "") + "</tr>\n"
        }
        out += "</tbody>\n</table>\n<p>A verified verdict holds for any number of runs where it says so, and otherwise only within its bound: no attack exists with at most that many runs.</p>\n"

        for (i, r) in results.enumerated() {
            out += "<section id=\"\(anchor(i))\">\n"
            out += "<h2>\(e(r.identity)): <span class=\"\(r.verdict.rawValue)\">\(e(Wording.headline(r)))</span></h2>\n"
            out += "<p>\(e(r.summary))</p>\n<ul>\n"
            out += "<li>view: \(e(r.role))</li>\n<li>setting: \(e(r.setting))</li>\n<li>bound: \(e(Wording.bound(r.bound)))</li>\n"
            out += "<li>verdict: \(e(Wording.meaning(r)))</li>\n"
            if let o = r.replay { out += "<li\(replayClass(r))>replay: \(e(Wording.replay(o)))</li>\n" }
            for a in r.assumptions { out += "<li>assuming: \(e(a))</li>\n" }
            out += "</ul>\n"
            if r.verdict == .attack, let trace = r.trace {
                out += "<h3>Attack</h3>\n<p>Violated: \(e(trace.violation))</p>\n"
                out += "<figure>\n" + SVGSequenceDiagram.render(trace, id: "diagram-\(i + 1)") + "</figure>\n"
                out += "<pre>" + e(TextRenderer.render(trace: trace, heading: false)) + "</pre>\n"
            }
            out += "</section>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// ` class="not-confirmed"`: an attack that did not replay stands out, as a warning does.
    static func replayClass(_ r: PropertyResult) -> String {
        r.replay.map { " class=\"\($0.status.rawValue)\"" } ?? ""
    }

    /// Property names may hold characters an id cannot; the position is unique and stable.
    static func anchor(_ i: Int) -> String { "result-\(i + 1)" }
}
