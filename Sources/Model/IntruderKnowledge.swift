import Terms

/// What the intruder holds before any message is sent (docs/modelling.md). Written once: the
/// explicit-state search instantiates it over a scenario's agents, the goal-directed search unifies
/// goals with its schemas, and replay hands it to the intruder as bytes.
package enum IntruderKnowledge {
    /// The intruder's own name: it plays every dishonest agent under this one name.
    package static let intruder = Atom.agent("Eve")
    /// The intruder's own nonce and key, values it can always send.
    package static let nonce = Atom("nE", sort: .nonce, kind: .constant(isPublic: true))
    package static let key = Atom("kE", sort: .key, kind: .constant(isPublic: true))

    /// The intruder's own value for a variable of `sort` that nothing else fixes: its nonce or key,
    /// or `TE` for a type `T` of the model's own, which typed matching requires to be of type `T`.
    /// (Agents are the intruder itself; integers are Z3's to choose.)
    package static func ownValue(for sort: Sort) -> Atom {
        guard let type = sort.type else { return sort.base == .key ? key : nonce }
        return Atom("\(type)E", sort: sort, kind: .constant(isPublic: true))
    }

    /// A variable of a schema: it stands for every agent.
    package static func anyAgent(_ i: Int) -> Variable { Variable("X\(i)", sort: .agent, run: -1) }

    package static func isSchemaVariable(_ v: Variable) -> Bool { v.run == -1 }

    /// The agent whose long-term keys `longTermKeys(of: .variable(owner))` names: a schema variable.
    package static let owner = Variable("Owner", sort: .agent, run: -1)

    /// The long-term keys of `agent`: its private key, the key it shares with every agent (a schema
    /// variable stands for the other), and each role's `knows:` terms about the role itself. The
    /// intruder holds these of its own name from the start; a compromising adversary
    /// (`Capability.revealsLongTermKeys`) may reveal them of an honest agent.
    package static func longTermKeys(of agent: Term, in model: ProtocolModel) -> [Term] {
        var out: [Term] = [sk(agent), k(agent, .variable(anyAgent(0)))]
        let trusted = trustedAgents(model)
        for role in model.roles {
            for t in role.knows where t.contains(role.me) && t.variables.allSatisfy({ $0 == role.me || trusted[$0] != nil }) {
                let own = t.mapLeaves { leaf in
                    guard case .variable(let v) = leaf else { return leaf }
                    return v == role.me ? agent : trusted[v] ?? leaf
                }
                if !out.contains(own) { out.append(own) }
            }
        }
        return out
    }

    /// Each trusted role's name and its one agent.
    private static func trustedAgents(_ model: ProtocolModel) -> [Variable: Term] {
        Dictionary(uniqueKeysWithValues: model.trustedRoles.map { (model.roles[$0].me, Term.atom(model.trustedAgent($0))) })
    }

    /// The initial knowledge as schemas: terms whose schema variables (`anyAgent`) stand for every
    /// agent. The intruder's nonce and key, its private key, the long-term key it shares with every
    /// agent, each role's `knows:` terms about the role itself as Eve holds them (its own certificate),
    /// and what the setting hands it. A role name in the setting's terms stands for every agent
    /// (trusted roles for their one agent).
    package static func schemas(of model: ProtocolModel, setting: Setting) -> [Term] {
        var out: [Term] = [.atom(nonce), .atom(key)] + longTermKeys(of: .atom(intruder), in: model)
        let trusted = trustedAgents(model)
        for t in setting.intruderKnows {
            var names: [Variable: Term] = trusted
            var next = 1
            for v in t.variables.sorted() where names[v] == nil && model.roleNames.contains(v) {
                names[v] = .variable(anyAgent(next))
                next += 1
            }
            let schema = t.mapLeaves { leaf in
                guard case .variable(let v) = leaf else { return leaf }
                return names[v] ?? leaf
            }
            if !out.contains(schema) { out.append(schema) }
        }
        return out
    }

    /// The schemas instantiated over the agents that take part (the intruder included), each term once.
    package static func instances(of model: ProtocolModel, setting: Setting, agents: [Atom]) -> [Term] {
        let all = Array(Set(agents + [intruder])).sorted()
        var out: [Term] = []
        var seen = Set<Term>()
        for schema in schemas(of: model, setting: setting) {
            let vars = schema.variables.filter(isSchemaVariable).sorted()
            var choices: [[Variable: Term]] = [[:]]
            for v in vars { choices = choices.flatMap { c in all.map { a in c.merging([v: .atom(a)]) { x, _ in x } } } }
            for c in choices {
                let t = Substitution(c).apply(schema)
                if t.variables.isEmpty, seen.insert(t).inserted { out.append(t) }
            }
        }
        return out
    }
}
