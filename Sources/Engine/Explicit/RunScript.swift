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
        let naming = RunNaming(role: role, number: number,
                               agents: Dictionary(uniqueKeysWithValues: zip(model.roleNames, spec.agents.map { .atom($0.atom) })))
        self.events = role.events.map { naming($0) }
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
