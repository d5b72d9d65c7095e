import Model
import Results

/// `check --adversaries`: the verdict of each claim under each adversary, claims down and
/// adversaries across, with the strongest adversaries each claim survives (Basin and Cremers'
/// protocol-security hierarchy, row by row). Adversaries are ordered by their capabilities, so
/// "strongest" means every adversary under which the claim is verified that no other such one
/// includes.
package struct AdversaryMatrix {
    package struct Row {
        package var model: String
        package var property: String
        package var cells: [Adversary: PropertyResult]
    }

    package var adversaries: [Adversary]
    package var rows: [Row]

    package init(_ results: [PropertyResult]) {
        var adversaries: [Adversary] = []
        var rows: [Row] = []
        var index: [String: Int] = [:]
        for r in results {
            if !adversaries.contains(r.adversary) { adversaries.append(r.adversary) }
            let key = r.model + "\u{0}" + r.property
            if index[key] == nil {
                index[key] = rows.count
                rows.append(Row(model: r.model, property: r.property, cells: [:]))
            }
            rows[index[key]!].cells[r.adversary] = r
        }
        self.adversaries = adversaries
        self.rows = rows
    }

    /// The strongest adversaries under which the row's claim is verified.
    package func strongest(_ row: Row) -> [Adversary] {
        let survived = adversaries.filter { row.cells[$0]?.verdict == .verified }
        return survived.filter { a in !survived.contains { b in b != a && b.includes(a) && !a.includes(b) } }
    }

    private static func cell(_ r: PropertyResult?) -> String {
        guard let r else { return "-" }
        switch r.verdict {
        case .attack: return "attack"
        case .verified: return r.scope == .unbounded ? "verified" : "verified≤\(r.bound.maxRuns)"
        case .inconclusive: return "inconclusive"
        }
    }

    /// The matrix as aligned text, one line per claim.
    package var text: String {
        let head = ["model", "property"] + adversaries.map(\.name) + ["strongest survived"]
        var table = [head]
        for row in rows {
            let strongest = strongest(row).map(\.name).joined(separator: ", ")
            table.append([row.model, row.property] + adversaries.map { Self.cell(row.cells[$0]) } + [strongest.isEmpty ? "none" : strongest])
        }
        let widths = head.indices.map { c in table.map { $0[c].count }.max() ?? 0 }
        var out = table.map { line in
            line.enumerated().map { c, s in c == line.count - 1 ? s : s.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
        out += "\nverified: for any number of runs; verified≤N: within N runs. Adversaries: "
        out += adversaries.map { "\($0.name) = " + ($0.capabilities.isEmpty ? "no compromise" : $0.capabilities.sorted().map(\.rawValue).joined(separator: "+")) }
            .joined(separator: "; ") + " (docs/adversaries.md).\n"
        return out
    }

    /// The matrix as a Markdown table.
    package var markdown: String {
        var out = "| property | " + adversaries.map(\.name).joined(separator: " | ") + " | strongest survived |\n"
        out += "|---|" + adversaries.map { _ in "---|" }.joined() + "---|\n"
        for row in rows {
            let strongest = strongest(row).map(\.name).joined(separator: ", ")
            out += "| \(row.property) | " + adversaries.map { Self.cell(row.cells[$0]) }.joined(separator: " | ") + " | \(strongest.isEmpty ? "none" : strongest) |\n"
        }
        return out
    }
}
