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
    var out: [Scenario] = []
    ScenarioWalk(model: model, setting: setting, size: size, relevantRoles: relevantRoles, claimRoles: claimRoles,
                 honestAgents: honestAgents).forEach { out.append($0); return true }
    return out
}

/// The scenarios of `scenarios(of:…)`, in the same order, one at a time: a model of many roles has
/// exponentially many (3^19 agent choices for one run of a 20-role protocol), so they are made as the
/// searches take them, never all up front, and the walk stops as soon as it is told to.
///
/// Among scenarios of one size, those where agents talk to others come first: their attacks read
/// more naturally, and an attack is reported from the first scenario that has one of least length.
/// The walk makes one pass per count of self-talking runs (0 to `size`) instead of sorting.
package struct ScenarioWalk: Sendable {
    let model: ProtocolModel
    let setting: Setting
    let size: Int
    let relevantRoles: Set<Int>
    let claimRoles: Set<Int>
    let honestAgents: Int
    private let used: [Set<Int>]
    private let trustedRoles: [Int]
    private let revealing: Set<Int>

    package init(model: ProtocolModel, setting: Setting, size: Int, relevantRoles: Set<Int>, claimRoles: Set<Int>? = nil, honestAgents: Int = 2) {
        self.model = model
        self.setting = setting
        self.size = size
        self.relevantRoles = relevantRoles
        self.claimRoles = claimRoles ?? Set(model.roles.indices)
        self.honestAgents = honestAgents
        used = model.roles.map { role in
            var names = Set<Variable>()
            for t in role.knows { names.formUnion(t.variables) }
            for e in role.events {
                if case .claim = e.action { continue }
                for t in e.action.terms { names.formUnion(t.variables) }
            }
            return Set(model.roles.indices.filter { names.contains(model.roles[$0].me) })
        }
        let trustedRoles = model.roles.indices.filter { model.trusted.contains(model.roles[$0].name) }
        self.trustedRoles = trustedRoles
        // Only a run that reveals something is worth playing as an old session: any other old run
        // is matched by a current run that simply goes first.
        revealing = Set(model.roles.indices.filter { r in
            !trustedRoles.contains(r) && model.roles[r].events.contains { if case .reveal = $0.action { return true } else { return false } }
        })
    }

    /// Calls `body` with each scenario in order until it returns false. `stop` is asked now and then
    /// while candidates are being made (a cancellation, a deadline): true ends the walk.
    package func forEach(stop: () -> Bool = { false }, _ body: (Scenario) -> Bool) {
        var steps = 0
        var going = true
        for talk in 0...size where going {
            var seen = Set<[RunSpec]>()
            extend([], maxHonest: 0, talkLeft: talk) { runs in
                steps += 1
                if steps % 1024 == 0, stop() { going = false; return false }
                guard runs.contains(where: { relevantRoles.contains($0.role) && $0.isAllHonest && !$0.old }) else { return true }
                let c = canonical(runs)
                guard seen.insert(c).inserted else { return true }
                if !body(Scenario(runs: c)) { going = false }
                return going
            }
        }
    }

    /// Each full list of runs with exactly `talkLeft` more self-talking runs, in the order of the
    /// plain recursive enumeration; false from `visit` ends it. (Self-talk does not change under
    /// renaming, so the canonical scenario of a list falls in the list's own pass.)
    @discardableResult
    private func extend(_ runs: [RunSpec], maxHonest: Int, talkLeft: Int, _ visit: ([RunSpec]) -> Bool) -> Bool {
        if runs.count == size { return talkLeft == 0 ? visit(runs) : true }
        // Room for the self-talking runs still owed decides what this run may be.
        let mayTalk = talkLeft > 0, mayNotTalk = size - runs.count - 1 >= talkLeft
        for role in model.roles.indices {
            let more = fields(of: role, maxHonest: maxHonest, selfTalk: mayTalk, distinct: mayNotTalk) { agents, talks in
                for old in setting.oldSessions && revealing.contains(role) ? [false, true] : [false] {
                    let spec = RunSpec(role: role, agents: agents, old: old)
                    if let last = runs.last, spec < last { continue }
                    let m = max(maxHonest, agents.compactMap { if case .honest(let i) = $0 { return i + 1 } else { return nil } }.max() ?? 0)
                    if !extend(runs + [spec], maxHonest: m, talkLeft: talkLeft - (talks ? 1 : 0), visit) { return false }
                }
                return true
            }
            if !more { return false }
        }
        return true
    }

    /// Each choice of agents for a run of `role`, introduced in the order runs are compared (role
    /// order) so that the least renaming of every scenario is made, and whether the run talks to
    /// itself (an agent in two of its roles); only the kinds allowed (`selfTalk`, `distinct`) are
    /// made, so a pass that needs distinct agents never walks the choices that repeat one. False
    /// from `visit` ends it.
    private func fields(of role: Int, maxHonest: Int, selfTalk: Bool, distinct: Bool, _ visit: ([AgentRef], Bool) -> Bool) -> Bool {
        var agents = [AgentRef](repeating: .intruder, count: model.roles.count)
        var taken = Set<AgentRef>()
        func place(_ r: Int, _ m: Int, _ repeated: Bool) -> Bool {
            if r == model.roles.count { return repeated ? (selfTalk ? visit(agents, true) : true) : (distinct ? visit(agents, false) : true) }
            var choices: [AgentRef]
            if trustedRoles.contains(r) {
                choices = [.trusted(model.roles[r].name)]
            } else if r != role && !claimRoles.contains(role) && !used[role].contains(r) {
                choices = [.honest(0)]
            } else {
                choices = (0...min(m, honestAgents - 1)).map { AgentRef.honest($0) }
                if r != role { choices.append(.intruder) }
            }
            for c in choices {
                let repeats = repeated || taken.contains(c)
                if repeats && !selfTalk { continue }
                agents[r] = c
                let added = taken.insert(c).inserted
                var m2 = m
                if case .honest(let i) = c, i == m { m2 = m + 1 }
                let more = place(r + 1, m2, repeats)
                if added { taken.remove(c) }
                if !more { return false }
            }
            return true
        }
        return place(0, maxHonest, false)
    }

    private func canonical(_ runs: [RunSpec]) -> [RunSpec] {
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
