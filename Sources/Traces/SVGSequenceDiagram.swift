import Results
import Foundation

/// An inline SVG sequence diagram of a trace, for the HTML report: a lifeline per run with the
/// intruder's in the middle (every message goes through it, so arrows stay short), an arrow per
/// message with its label, and notes for derivations (over the intruder), events and claims (over the run).
/// Widths are estimated from character counts of a monospace font; no script or external resource.
enum SVGSequenceDiagram {
    static let charWidth = 7.2
    static let fontSize = 12
    static let headerHeight = 40.0
    static let top = 10.0
    static let messageRow = 34.0
    static let noteRow = 24.0
    static let lineHeight = 14.0
    /// The widest spacing of neighbouring lifelines: longer labels wrap, so that a diagram of a few
    /// runs fits a page and a wider one scrolls in its own box (HTMLReport's `figure`).
    static let maxGap = 400.0
    /// Notes wider than this many characters wrap: a long derivation stays near its lifeline.
    static let noteChars = 72

    enum Item {
        case message(from: Int, to: Int, label: String, fromIntruder: Bool)
        case note(column: Int, text: String, derivation: Bool)
    }

    /// `id` names the diagram: several diagrams share one HTML page, and their marker ids and styles
    /// must not collide with each other or with the page.
    static func render(_ trace: Trace, id: String = "seq") -> String {
        let script = TraceScript(trace)

        // Columns: half the runs, the intruder, the other half.
        var runNumbers = trace.runs.map(\.number)
        for entry in script.entries { if let r = entry.step.run, !runNumbers.contains(r) { runNumbers.append(r) } }
        let left = runNumbers.count / 2
        var headers: [(title: String, subtitle: String)] = []
        var column: [Int: Int] = [:]
        for (i, n) in runNumbers.enumerated() {
            if i == left { headers.append((trace.intruder, "intruder")) }
            column[n] = headers.count
            let run = script.run(numbered: n)
            headers.append(("\(run?.agent ?? "?") (run \(n))", run.map { "role \($0.role)" + ($0.old ? ", old" : "") } ?? ""))
        }
        if runNumbers.count == left { headers.append((trace.intruder, "intruder")) }
        let intruderColumn = left
        func col(_ step: Trace.Step) -> Int { step.run.flatMap { column[$0] } ?? intruderColumn }

        var items: [Item] = []
        func notes(_ ds: [Trace.Step]) {
            for d in ds { items.append(.note(column: intruderColumn, text: "\(d.actor) " + TraceScript.describeDerivation(d), derivation: true)) }
        }
        for entry in script.entries {
            let step = entry.step
            let label = "\(entry.number). " + (step.label.map { "msg \($0): " } ?? "") + step.term.description
            switch step.action {
            case .send:
                items.append(.message(from: col(step), to: intruderColumn, label: label, fromIntruder: false))
            case .receive:
                notes(entry.derivations)
                items.append(.message(from: intruderColumn, to: col(step), label: label, fromIntruder: true))
            case .reveal where step.run != nil:
                items.append(.message(from: col(step), to: intruderColumn, label: "\(entry.number). " + TraceScript.describeMark(step), fromIntruder: false))
            case .claim, .event, .derive, .reveal:
                notes(entry.derivations)
                items.append(.note(column: col(step), text: "\(entry.number). " + TraceScript.describeMark(step), derivation: false))
            }
        }
        notes(script.trailing)

        // Spacing wide enough for the longest message label between neighbouring lifelines.
        let longestLabel = items.compactMap { item -> Int? in
            if case .message(_, _, let label, _) = item { return label.count } else { return nil }
        }.max() ?? 0
        let gap = min(max(Double(longestLabel) * charWidth + 30, 200), maxGap)
        let x0 = gap / 2 + 10
        func x(_ c: Int) -> Double { x0 + Double(c) * gap }

        var body: [String] = []
        var minX = 0.0, maxX = x(headers.count - 1) + gap / 2 + 10
        var y = top + headerHeight + 24

        for item in items {
            switch item {
            case let .message(from, to, label, fromIntruder):
                let (x1, x2) = (x(from), x(to))
                // A label wider than the arrow wraps onto lines above it, rather than widening the
                // diagram or squeezing its glyphs out of legibility.
                let lines = wrap(label, width: Int((abs(x2 - x1) - 12) / charWidth))
                y += Double(lines.count - 1) * lineHeight
                let cls = fromIntruder ? "forged" : "sent"
                body.append(text(lines, cls: "label", x: (x1 + x2) / 2, lastY: y - 6))
                body.append("<line class=\"\(cls)\" x1=\"\(fmt(x1))\" y1=\"\(fmt(y))\" x2=\"\(fmt(x2 + (x2 > x1 ? -2 : 2)))\" y2=\"\(fmt(y))\" marker-end=\"url(#\(id)-arrow-\(cls))\"/>")
                y += messageRow
            case let .note(c, note, derivation):
                let lines = wrap(note, width: noteChars)
                let width = Double(lines.map(\.count).max() ?? 0) * charWidth + 16
                let extra = Double(lines.count - 1) * lineHeight
                let left = x(c) - width / 2
                minX = min(minX, left - 10)
                maxX = max(maxX, left + width + 10)
                let cls = derivation ? "derivation" : "mark"
                body.append("<rect class=\"\(cls)\" x=\"\(fmt(left))\" y=\"\(fmt(y - 16))\" width=\"\(fmt(width))\" height=\"\(fmt(20 + extra))\"/>")
                body.append(text(lines, cls: "note", x: x(c), lastY: y - 2 + extra))
                y += noteRow + extra
            }
        }
        let height = y + 10

        var head: [String] = []
        for (i, h) in headers.enumerated() {
            let cx = x(i), w = gap - 24
            let cls = i == intruderColumn ? "intruder" : "run"
            head.append("<line class=\"lifeline\" x1=\"\(fmt(cx))\" y1=\"\(fmt(top + headerHeight))\" x2=\"\(fmt(cx))\" y2=\"\(fmt(height - 10))\"/>")
            head.append("<rect class=\"\(cls)\" x=\"\(fmt(cx - w / 2))\" y=\"\(fmt(top))\" width=\"\(fmt(w))\" height=\"\(fmt(headerHeight))\" rx=\"4\"/>")
            head.append("<text class=\"head\" x=\"\(fmt(cx))\" y=\"\(fmt(top + 17))\" text-anchor=\"middle\">\(Escape.xml(h.title))</text>")
            head.append("<text class=\"sub\" x=\"\(fmt(cx))\" y=\"\(fmt(top + 32))\" text-anchor=\"middle\">\(Escape.xml(h.subtitle))</text>")
        }

        let width = maxX - minX
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" role=\"img\" viewBox=\"\(fmt(minX)) 0 \(fmt(width)) \(fmt(height))\" width=\"\(fmt(width))\" height=\"\(fmt(height))\">\n"
        svg += "<title>\(Escape.xml("Attack on \(trace.model) \(trace.property)"))</title>\n"
        svg += """
        <defs>
        <marker id="\(id)-arrow-sent" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#222"/></marker>
        <marker id="\(id)-arrow-forged" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#b00020"/></marker>
        </defs>
        <style>
        #\(id) text { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: \(fontSize)px; fill: #111; }
        #\(id) .head { font-weight: bold; } #\(id) .sub { font-size: 10px; fill: #555; }
        #\(id) .run { fill: #eef3fb; stroke: #4a6fa5; } #\(id) .intruder { fill: #fbeeee; stroke: #b00020; }
        #\(id) .lifeline { stroke: #999; stroke-dasharray: 4 4; }
        #\(id) .sent { stroke: #222; stroke-width: 1.3; } #\(id) .forged { stroke: #b00020; stroke-width: 1.3; }
        #\(id) .derivation { fill: #fff8d6; stroke: #c9a400; } #\(id) .mark { fill: #e6f4ea; stroke: #2e7d32; }
        </style>

        """
        svg += (head + body).joined(separator: "\n") + "\n</svg>\n"
        return svg
    }

    /// A `<text>` of one or more lines, centred on `x`, whose last line sits on `lastY`.
    static func text(_ lines: [String], cls: String, x: Double, lastY: Double) -> String {
        if lines.count == 1 {
            return "<text class=\"\(cls)\" x=\"\(fmt(x))\" y=\"\(fmt(lastY))\" text-anchor=\"middle\">\(Escape.xml(lines[0]))</text>"
        }
        let firstY = lastY - Double(lines.count - 1) * lineHeight
        let spans = lines.enumerated().map { i, line in
            "<tspan x=\"\(fmt(x))\" y=\"\(fmt(firstY + Double(i) * lineHeight))\">\(Escape.xml(line))</tspan>"
        }
        return "<text class=\"\(cls)\" text-anchor=\"middle\">" + spans.joined() + "</text>"
    }

    /// `s` in lines of at most `width` characters, broken after a space or comma where there is one
    /// in the second half of the line (terms have few spaces: `{Na#1, A}pk(B)`), anywhere otherwise.
    static func wrap(_ s: String, width: Int) -> [String] {
        let width = max(width, 12)
        var lines: [String] = []
        var rest = Substring(s)
        while rest.count > width {
            let head = rest.prefix(width)
            let cut = head.lastIndex { $0 == " " || $0 == "," }.flatMap { i -> Substring.Index? in
                head.distance(from: head.startIndex, to: i) >= width / 2 ? head.index(after: i) : nil
            } ?? head.endIndex
            lines.append(String(rest[..<cut]).trimmingCharacters(in: .whitespaces))
            rest = rest[cut...].drop { $0 == " " }
        }
        lines.append(String(rest))
        return lines
    }

    /// Coordinates with at most one decimal, printed the same way everywhere.
    static func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", locale: Locale(identifier: "en_US_POSIX"), r)
    }
}
