import Model
import Terms

/// A role script instantiated for one run of a scenario: role names replaced by the run's agents,
/// fresh names by values of this run, the other names by this run's variables.
struct RunScript: Sendable {
    var number: Int
    var spec: RunSpec
    var events: [Event]

    init(number: Int, spec: RunSpec, model: ProtocolModel) {
        self.number = number
        self.spec = spec
        let role = model.roles[spec.role]
        var fresh = Set<Variable>()
        for e in role.events { if case .fresh(.variable(let v)) = e.action { fresh.insert(v) } }
        let roleAgents = Dictionary(uniqueKeysWithValues: zip(model.roleNames, spec.agents.map(\.atom)))
        let rename = { (t: Term) -> Term in
            guard case .variable(let v) = t else { return t }
            if let a = roleAgents[v] { return .atom(a) }
            if fresh.contains(v) { return .atom(Atom(v.name, sort: v.sort, kind: .fresh(run: number))) }
            return .variable(Variable(v.name, sort: v.sort, run: number))
        }
        self.events = role.events.map { $0.map { $0.mapLeaves(rename) } }
    }

    var agent: AgentRef { spec.agents[spec.role] }
}

/// Instantiates a term that mentions role names for a run (used for settings and knowledge).
func instantiate(_ t: Term, roleNames: [Variable], agents: [AgentRef]) -> Term {
    let map = Dictionary(uniqueKeysWithValues: zip(roleNames, agents.map(\.atom)))
    return t.mapLeaves { leaf in
        if case .variable(let v) = leaf, let a = map[v] { return .atom(a) }
        return leaf
    }
}
