import Results
import Model
import Terms

/// A run's parameters: names a role knows from the start that are neither role names nor fresh
/// (the card's balance B1). The search chose their values; the trace shows them only inside the
/// run's messages and signals, so they are read back by matching the role's script against them.
enum RunParameters {
    static func values(for run: HonestRun, in trace: Trace, model: ProtocolModel, world: World) -> [Variable: Value] {
        let roleNames = Set(model.roleNames)
        let params = Set(run.role.knows.flatMap(\.variables)).subtracting(roleNames)
        guard !params.isEmpty else { return [:] }
        let instances = Dictionary(uniqueKeysWithValues: params.map { (run.instance(.variable($0)).asVariable ?? $0, $0) })
        var found: [Variable: Term] = [:]
        for step in trace.steps where step.run == run.spec.number {
            for e in run.role.events {
                guard let pattern = template(e.action, for: step) else { continue }
                var b: [Variable: Term] = [:]
                if bind(run.instance(pattern), step.term, Set(instances.keys), &b) {
                    found.merge(b) { old, _ in old }
                }
            }
        }
        let full = Evaluation(world: world, leaf: { world.leaf($0) })
        var out: [Variable: Value] = [:]
        for (instance, term) in found {
            if let p = instances[instance], let v = try? full.value(term) { out[p] = v }
        }
        return out
    }

    /// The script's term for the event a trace step shows.
    private static func template(_ a: Event.Action, for step: Trace.Step) -> Term? {
        switch (a, step.action) {
        case (.send(let l, let t), .send) where l == step.label: return t
        case (.receive(let l, let t), .receive) where l == step.label: return t
        case (.signal(let name, let data), .event) where name == step.note: return .tuple(data)
        case (.running(let peer, let data, let tag), .event) where Event.Action.runningName(tag) == step.note: return .tuple([peer] + data)
        default: return nil
        }
    }

    /// Syntactic matching that binds only the parameters (everything else is taken as it stands).
    private static func bind(_ p: Term, _ t: Term, _ params: Set<Variable>, _ out: inout [Variable: Term]) -> Bool {
        switch p {
        case .variable(let v):
            guard params.contains(v) else { return true }
            if let old = out[v] { return old == t }
            out[v] = t
            return true
        case .atom, .number:
            return p == t
        case .offset(let base, let n):
            guard case .offset(let tb, let m) = t, n == m else { return false }
            return bind(base, tb, params, &out)
        case .app(let f, let xs):
            guard case .app(let g, let ys) = t, f == g, xs.count == ys.count else { return false }
            for (x, y) in zip(xs, ys) where !bind(x, y, params, &out) { return false }
            return true
        }
    }
}
