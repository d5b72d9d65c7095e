import Terms

/// How run `number` of a role names the role's terms: role names become the run's agents, the names
/// the role makes fresh become values of this run (`Na#3`), every other name a variable of this run.
/// Both engines and replay name runs this way, so that a trace's terms mean the same to all of them.
package struct RunNaming: Sendable {
    package let number: Int
    /// The agent (an atom, or a variable where the search keeps agents symbolic) behind each role name.
    package let agents: [Variable: Term]
    private let fresh: Set<Variable>

    package init(role: Role, number: Int, agents: [Variable: Term]) {
        self.number = number
        self.agents = agents
        self.fresh = role.freshNames
    }

    package func callAsFunction(_ t: Term) -> Term {
        t.mapLeaves { leaf in
            guard case .variable(let v) = leaf, v.run == 0 else { return leaf }
            if v.sort == .agent, let a = agents[v] { return a }
            if fresh.contains(v) { return .atom(Atom(v.name, sort: v.sort, kind: .fresh(run: number))) }
            return .variable(Variable(v.name, sort: v.sort, run: number))
        }
    }

    package func callAsFunction(_ e: Event) -> Event { e.map { self($0) } }
}

extension Role {
    /// The names the role generates itself (its `Fresh` events).
    package var freshNames: Set<Variable> {
        Set(events.compactMap { e -> Variable? in
            if case .fresh(.variable(let v)) = e.action { return v } else { return nil }
        })
    }

    /// Whether the role hands terms to the intruder when it runs as an old session.
    package var reveals: Bool { events.contains { if case .reveal = $0.action { return true } else { return false } } }
}

extension ProtocolModel {
    /// The roles always played by their one trusted agent, by index.
    package var trustedRoles: Set<Int> { Set(roles.indices.filter { trusted.contains(roles[$0].name) }) }

    /// The trusted agent of a trusted role: an honest agent named after the role.
    package func trustedAgent(_ role: Int) -> Atom { .agent(roles[role].name) }
}
