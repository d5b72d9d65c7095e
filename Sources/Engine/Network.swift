import Model
import Terms

/// The fixed part of one search: the runs' scripts and what the intruder knows before any message.
/// Knowledge at a point of a trace is determined by how far each run has got (a "time" vector of
/// program counters), which makes it independent of the order of the interleaving.
struct Network {
    var runs: [RunScript]
    var initialKnowledge: [Term]

    /// Every message the intruder has seen when run j has executed `time[j]` events.
    func messages(at time: [Int], under s: Substitution) -> [Term] {
        var out = initialKnowledge.map(s.apply)
        for (j, run) in runs.enumerated() {
            for e in run.events.prefix(time[j]) {
                switch e.action {
                case .send(_, let t): out.append(s.apply(t))
                case .reveal(let t) where run.spec.old: out.append(s.apply(t))
                default: break
                }
            }
        }
        return out
    }

    func knowledge(at time: [Int], under s: Substitution) -> Knowledge {
        let msgs = messages(at: time, under: s)
        if let k = cache.table[msgs] { return k }
        let k = Knowledge(msgs, variablesKnown: true)
        if cache.table.count > 50_000 { cache.table.removeAll(keepingCapacity: true) }
        cache.table[msgs] = k
        return k
    }

    /// Analysed knowledge by the list of messages it comes from: the search asks for the same
    /// knowledge again and again (every receive and every secrecy check of a state).
    let cache = KnowledgeCache()
}

final class KnowledgeCache {
    var table: [[Term]: Knowledge] = [:]
}

extension Network {
    /// What the intruder holds from the start in a scenario under a setting (see docs/modelling.md).
    static func intruderKnowledge(model: ProtocolModel, setting: Setting, runs: [RunScript]) -> [Term] {
        let eve = Term.atom(AgentRef.intruder.atom)
        var agents = Set<Atom>([AgentRef.intruder.atom])
        for r in runs { for a in r.spec.agents { agents.insert(a.atom) } }
        var out: [Term] = [
            .atom(Atom("nE", sort: .nonce, kind: .constant(isPublic: true))),
            .atom(Atom("kE", sort: .key, kind: .constant(isPublic: true))),
            sk(eve),
        ]
        for a in agents.sorted() {
            out.append(k(eve, .atom(a)))
            if a != AgentRef.intruder.atom { out.append(k(.atom(a), eve)) }
        }
        for role in model.roles {
            for t in role.knows where t.variables.allSatisfy({ $0 == role.me }) && t.contains(role.me) {
                out.append(instantiate(t, roleNames: [role.me], agents: [.intruder]))
            }
        }
        var compromised: [Term] = []
        for t in setting.intruderKnows {
            let mentioned = t.variables.filter { v in model.roleNames.contains(v) }
            if mentioned.isEmpty { compromised.append(t); continue }
            for r in runs where r.agent.isHonest {
                let inst = instantiate(t, roleNames: model.roleNames, agents: r.spec.agents)
                if inst.variables.isEmpty { compromised.append(inst) }
            }
        }
        for t in compromised where !out.contains(t) { out.append(t) }
        return out
    }
}
