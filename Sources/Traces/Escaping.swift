/// Escaping for the markup languages the reports are written in. Every string that reaches a report
/// comes from a model or a trace (role names, terms with `<`, `&`, quotes), so none is trusted.
enum Escape {
    /// Text and attribute values in XML, HTML and SVG. Characters XML 1.0 cannot carry at all
    /// (control characters other than tab, newline, carriage return) are dropped.
    static func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A cell of a Markdown table: pipes would end the cell, newlines the row.
    static func markdownCell(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
    }

    /// Text inside a Mermaid diagram. Mermaid reads `#name;` as an entity and `;` as a statement end,
    /// and `<`/`>` as HTML, so all four go through its entity codes (`#` first, as the others add one).
    static func mermaid(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "#": out += "#35;"
            case ";": out += "#59;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    /// A fenced code block must not be closed early by backticks in a term or name.
    static func codeFence(for body: String) -> String {
        var longest = 0, run = 0
        for ch in body {
            if ch == "`" { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}
