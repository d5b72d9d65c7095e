import Foundation
import ProtocheckKit

let args = CommandLine.arguments.dropFirst()
let name = args.first ?? "nspk"
let runs = Int(args.dropFirst().first ?? "2") ?? 2
let typeFlaws = args.contains("--type-flaws")
guard let model = Registry.model(named: name) else { print("no model \(name)"); exit(2) }
let start = Date()
do {
    let results = try Checker(options: CheckOptions(maxRuns: runs, typeFlaws: typeFlaws)).check(model)
    for r in results {
        print("\(r.property)\t\(r.verdict.rawValue)\tstates=\(r.states)\t\(r.limit ?? "")")
        if let t = r.trace {
            for s in t.steps { print("   \(s.actor)\(s.run.map { "#\($0)" } ?? "") \(s.action.rawValue) \(s.label ?? "") \(s.term) \(s.rule.map { "\($0)" } ?? "") \(s.note ?? "")") }
            print("   violation: \(t.violation)")
            print("   witness: \(t.witness.map { "\($0.name)=\($0.value.map(String.init) ?? $0.term.description)" })")
        }
    }
} catch { print(error); exit(2) }
print("time \(Date().timeIntervalSince(start))")
if args.contains("--debug-scenarios") {
    for s in scenarios(of: model, setting: model.settings[0], size: runs, relevantRoles: Set(model.roles.indices)) {
        print(s.runs.map { "\(model.roles[$0.role].name):\($0.agents.map(\.name))" })
    }
}
