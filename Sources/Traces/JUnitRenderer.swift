import Results
import Model

/// JUnit XML for CI test dashboards: a `testsuite` per model (in the order the results name them), a
/// `testcase` per property (`classname` the model, `name` the property). An attack is a `<failure>`
/// carrying the trace text. `file` and `line` on a test case say where the property is claimed
/// (the attributes that dashboards such as action-junit-report link to). An inconclusive property is an `<error>`, not a `<skipped>`: the check was
/// asked for and did not complete, which a dashboard must not count as passing (the CLI exits 3 for it).
package enum JUnitRenderer {
    package static func render(_ results: [PropertyResult], sources: PropertySources = .none) -> String {
        var models: [String] = []
        var byModel: [String: [PropertyResult]] = [:]
        for r in results {
            if byModel[r.model] == nil { models.append(r.model) }
            byModel[r.model, default: []].append(r)
        }
        let e = Escape.xml
        func counts(_ rs: [PropertyResult]) -> String {
            let failures = rs.filter { $0.verdict == .attack }.count
            let errors = rs.filter { $0.verdict == .inconclusive }.count
            let time = rs.reduce(0) { $0 + $1.seconds }
            return "tests=\"\(rs.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\" time=\"\(seconds(time))\""
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"protocheck\" \(counts(results))>\n"
        for model in models {
            let rs = byModel[model]!
            out += "  <testsuite name=\"\(e(model))\" \(counts(rs))>\n"
            for r in rs {
                let at = sources.location(of: r).map { " file=\"\(e($0.file))\" line=\"\($0.line)\"" } ?? ""
                out += "    <testcase classname=\"\(e(r.model))\" name=\"\(e(r.identity))\"\(at) time=\"\(seconds(r.seconds))\">\n"
                switch r.verdict {
                case .verified:
                    break
                case .attack:
                    let violation = r.trace?.violation ?? "a trace violates the property"
                    // The replay leads the failure text: a dashboard shows the message first.
                    let replay = r.replay.map { "replay: " + Wording.replay($0) }
                    let message = violation + (replay.map { " (\($0))" } ?? "")
                    let body = (replay.map { $0 + "\n" } ?? "") + (r.trace.map { TextRenderer.render(trace: $0, heading: true) } ?? "")
                    out += "      <failure type=\"attack\" message=\"\(e(message))\">\(e(body))</failure>\n"
                case .inconclusive:
                    let limit = r.limit ?? "a limit was reached"
                    out += "      <error type=\"inconclusive\" message=\"\(e("inconclusive: " + limit))\">\(e(TextRenderer.verdictLine(r)))</error>\n"
                }
                out += "      <system-out>\(e(TextRenderer.verdictLine(r) + "\n" + r.summary + "\n" + r.assumptions.map { "assuming: \($0)\n" }.joined()))</system-out>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// JUnit's time is plain decimal seconds.
    static func seconds(_ s: Double) -> String {
        String(Wording.seconds(s).dropLast(2))
    }
}
