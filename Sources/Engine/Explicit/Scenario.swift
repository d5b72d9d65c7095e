import Model
import Terms

/// Who plays a part in a run.
package enum AgentRef: Hashable, Sendable, Comparable {
    /// The n-th honest agent (Alice, Bob, ...).
    case honest(Int)
    /// The one trusted agent of a trusted role (a server, a KDC), named after the role.
    case trusted(String)
    case intruder

    package static let honestNames = ["Alice", "Bob", "Carol", "Dave", "Frank", "Grace", "Heidi", "Ivan"]
    package static let intruderName = IntruderKnowledge.intruder.name

    package var name: String {
        switch self {
        case .honest(let i): return i < Self.honestNames.count ? Self.honestNames[i] : "Agent\(i + 1)"
        case .trusted(let r): return r
        case .intruder: return Self.intruderName
        }
    }

    package var atom: Atom { .agent(name) }
    package var isHonest: Bool { self != .intruder }

    private var key: (Int, Int, String) {
        switch self {
        case .honest(let i): return (0, i, "")
        case .trusted(let r): return (1, 0, r)
        case .intruder: return (2, 0, "")
        }
    }
    package static func < (a: AgentRef, b: AgentRef) -> Bool { a.key < b.key }
}

/// One run of a scenario: a role and the agent behind each role name (the role's own first).
package struct RunSpec: Hashable, Sendable, Comparable {
    package var role: Int
    /// Indexed like `model.roles`: `agents[role]` plays the run.
    package var agents: [AgentRef]
    /// An old session of a compromised-session setting.
    package var old: Bool

    package var isAllHonest: Bool { agents.allSatisfy(\.isHonest) }

    package static func < (a: RunSpec, b: RunSpec) -> Bool {
        if a.role != b.role { return a.role < b.role }
        if a.old != b.old { return !a.old }
        return a.agents.lexicographicallyPrecedes(b.agents)
    }
}

/// A bounded scenario: the runs that may execute.
package struct Scenario: Hashable, Sendable {
    package var runs: [RunSpec]
}

/// Enumerates the scenarios of exactly `size` runs, up to renaming of honest agents: each scenario
/// appears once, with agents introduced in order (Alice first). Dishonest agents never run: the
/// intruder plays them itself.
///
/// At most `honestAgents` distinct honest agents take part: by Comon-Lundh and Cortier ("Security
/// properties: two agents are sufficient", ESOP 2003), merging honest agents preserves attacks on
/// protocols that do not test agents for disequality, so two honest agents and the intruder suffice.
///
/// A role name that a role's script mentions only in its claims (or not at all) does not change what
/// the run does: it is varied only in runs of `claimRoles`, whose claims it names, and is Alice elsewhere.
package func scenarios(of model: ProtocolModel, setting: Setting, size: Int, relevantRoles: Set<Int>, claimRoles: Set<Int>? = nil,
                      honestAgents: Int = 2) -> [Scenario] {
    let roleCount = model.roles.count
    let claimRoles = claimRoles ?? Set(model.roles.indices)
    let used: [Set<Int>] = model.roles.map { role in
        var names = Set<Variable>()
        for t in role.knows { names.formUnion(t.variables) }
        for e in role.events {
            if case .claim = e.action { continue }
            for t in e.action.terms { names.formUnion(t.variables) }
        }
        return Set(model.roles.indices.filter { names.contains(model.roles[$0].me) })
    }
    let trustedRoles = model.roles.indices.filter { model.trusted.contains(model.roles[$0].name) }
    // Only a run that reveals something is worth playing as an old session: any other old run
    // is matched by a current run that simply goes first.
    let revealing = Set(model.roles.indices.filter { r in
        !trustedRoles.contains(r) && model.roles[r].events.contains { if case .reveal = $0.action { return true } else { return false } }
    })
    var out: [Scenario] = []
    var seen = Set<[RunSpec]>()

    func fields(of role: Int, maxHonest: Int) -> [[AgentRef]] {
        // Agents are introduced in the order runs are compared (role order), so that the least
        // renaming of every scenario is generated.
        let order = Array(0..<roleCount)
        var partial: [([AgentRef?], Int)] = [(Array(repeating: nil, count: roleCount), maxHonest)]
        for r in order {
            var next: [([AgentRef?], Int)] = []
            for (agents, m) in partial {
                var choices: [AgentRef] = []
                if trustedRoles.contains(r) {
                    choices = [.trusted(model.roles[r].name)]
                } else if r != role && !claimRoles.contains(role) && !used[role].contains(r) {
                    choices = [.honest(0)]
                } else {
                    choices = (0...min(m, honestAgents - 1)).map { AgentRef.honest($0) }
                    if r != role { choices.append(.intruder) }
                }
                for c in choices {
                    var a = agents
                    a[r] = c
                    var m2 = m
                    if case .honest(let i) = c, i == m { m2 = m + 1 }
                    next.append((a, m2))
                }
            }
            partial = next
        }
        return partial.map { $0.0.map { $0! } }
    }

    func canonical(_ runs: [RunSpec]) -> [RunSpec] {
        let used = Set(runs.flatMap { $0.agents.compactMap { if case .honest(let i) = $0 { return i } else { return nil } } }).sorted()
        var best: [RunSpec]?
        for perm in permute(used) {
            let map = Dictionary(uniqueKeysWithValues: zip(used, perm))
            let renamed = runs.map { r in
                RunSpec(role: r.role, agents: r.agents.map { if case .honest(let i) = $0 { return .honest(map[i]!) } else { return $0 } }, old: r.old)
            }.sorted()
            if best == nil || renamed.lexicographicallyPrecedes(best!) { best = renamed }
        }
        return best ?? runs.sorted()
    }

    func extend(_ runs: [RunSpec], maxHonest: Int) {
        if runs.count == size {
            guard runs.contains(where: { relevantRoles.contains($0.role) && $0.isAllHonest && !$0.old }) else { return }
            let c = canonical(runs)
            if seen.insert(c).inserted { out.append(Scenario(runs: c)) }
            return
        }
        for role in 0..<roleCount {
            for agents in fields(of: role, maxHonest: maxHonest) {
                for old in setting.oldSessions && revealing.contains(role) ? [false, true] : [false] {
                    let spec = RunSpec(role: role, agents: agents, old: old)
                    if let last = runs.last, spec < last { continue }
                    let m = max(maxHonest, agents.compactMap { if case .honest(let i) = $0 { return i + 1 } else { return nil } }.max() ?? 0)
                    extend(runs + [spec], maxHonest: m)
                }
            }
        }
    }
    extend([], maxHonest: 0)
    // Among scenarios of one size, those where agents talk to others come first: their attacks read
    // more naturally, and an attack is reported from the first scenario that has one of least length.
    func selfTalk(_ s: Scenario) -> Int { s.runs.filter { r in Set(r.agents).count < r.agents.count }.count }
    return out.enumerated().sorted { (selfTalk($0.element), $0.offset) < (selfTalk($1.element), $1.offset) }.map(\.element)
}

private func permute(_ xs: [Int]) -> [[Int]] {
    if xs.count <= 1 { return [xs] }
    var out: [[Int]] = []
    for i in xs.indices {
        var rest = xs
        let h = rest.remove(at: i)
        for p in permute(rest) { out.append([h] + p) }
    }
    return out
}
