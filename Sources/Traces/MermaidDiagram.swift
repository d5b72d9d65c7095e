import Results

/// A Mermaid `sequenceDiagram` of a trace: a participant per run (`Alice (run 1, A)`) and one for the
/// intruder, an arrow per message, the intruder's derivations as notes over it, events and claims as
/// notes over their run.
enum MermaidDiagram {
    static func render(_ trace: Trace) -> String {
        let script = TraceScript(trace)
        let intruderID = "I"
        func id(_ step: Trace.Step) -> String { step.run.map { "R\($0)" } ?? intruderID }

        var lines = ["sequenceDiagram"]
        for run in trace.runs {
            lines.append("    participant R\(run.number) as " + Escape.mermaid("\(run.agent) (run \(run.number), \(run.role))"))
        }
        // Steps of an actor outside every listed run still need a lifeline.
        var extra: [String] = []
        for entry in script.entries where entry.step.run.map({ script.run(numbered: $0) == nil }) ?? false {
            let rid = id(entry.step)
            if !extra.contains(rid) {
                extra.append(rid)
                lines.append("    participant \(rid) as " + Escape.mermaid(script.who(entry.step)))
            }
        }
        lines.append("    participant \(intruderID) as " + Escape.mermaid("\(trace.intruder) (intruder)"))

        func notes(_ derivations: [Trace.Step]) {
            for d in derivations {
                lines.append("    Note over \(intruderID): " + Escape.mermaid(TraceScript.describeDerivation(d)))
            }
        }
        for entry in script.entries {
            let step = entry.step
            let label = "\(entry.number). " + (step.label.map { "msg \($0): " } ?? "") + step.term.description
            switch step.action {
            case .receive:
                notes(entry.derivations)
                lines.append("    \(intruderID)->>\(id(step)): " + Escape.mermaid(label))
            case .send:
                lines.append("    \(id(step))->>\(intruderID): " + Escape.mermaid(label))
            case .reveal where step.run != nil:
                lines.append("    \(id(step))-->>\(intruderID): " + Escape.mermaid("\(entry.number). " + TraceScript.describeMark(step)))
            case .claim, .event, .derive, .reveal:
                notes(entry.derivations)
                lines.append("    Note over \(id(step)): " + Escape.mermaid("\(entry.number). " + TraceScript.describeMark(step)))
            }
        }
        notes(script.trailing)
        return lines.joined(separator: "\n") + "\n"
    }
}
