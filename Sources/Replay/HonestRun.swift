import Engine
import Model
import Terms

/// One honest run executing its role script as real code: its names bound to bytes, its position
/// in the script, what it signalled and which claims it reached.
struct HonestRun {
    struct Reached {
        var name: String
        var goal: Goal
        /// The goal's terms as this run holds them, in `goal.terms` order.
        var values: [Value]
    }

    let spec: Trace.Run
    let role: Role
    var pc = 0
    var env: Env = [:]
    var signals: [(name: String, data: [Value])] = []
    var claims: [Reached] = []
    /// Whether the run executed any event (for aliveness).
    var active = false
    var stopped: String?

    init(spec: Trace.Run, role: Role, model: ProtocolModel, world: World) {
        self.spec = spec
        self.role = role
        for name in model.roleNames {
            let agent = name == role.me ? spec.agent : spec.bindings[name.name]
            if let agent { env[name] = world.leaf(.atom(.agent(agent))) }
        }
    }

    var me: Value? { env[role.me] }

    /// How the engine names this run's instance of a template term: role names become agents,
    /// fresh names this run's values, other names this run's variables.
    func instance(_ t: Term) -> Term {
        let fresh = Set(role.events.compactMap { e -> Variable? in
            if case .fresh(.variable(let v)) = e.action { return v } else { return nil }
        })
        return t.mapLeaves { leaf in
            guard case .variable(let v) = leaf else { return leaf }
            if v.run == 0, v.sort == .agent, let a = v == role.me ? spec.agent : spec.bindings[v.name] { return .atom(.agent(a)) }
            if fresh.contains(v) { return .atom(Atom(v.name, sort: v.sort, kind: .fresh(run: spec.number))) }
            return .variable(Variable(v.name, sort: v.sort, run: spec.number))
        }
    }
}
