import Model
import Terms

/// What one goal-directed search holds fixed: the model, the setting, the intruder's initial
/// knowledge as schemas, and how terms are unified. A class: every pattern and refinement refers to it.
final class PatternContext: Sendable {
    let model: ProtocolModel
    let setting: Setting
    let unifier: Unifier
    /// `IntruderKnowledge.schemas`: the goal engine unifies goals with them.
    let schemas: [Term]
    let trustedAgents: Set<Atom>
    /// What the adversary may reveal beyond the network.
    let adversary: Adversary
    /// `adversary` has SKR: asked in the search's inner loops, so read once.
    let sessionKeyReveal: Bool
    /// `IntruderKnowledge.longTermKeys` of a schema owner: the long-term keys an adversary may reveal.
    let longTermKeySchemas: [Term]
    /// For each role: the index of each event's first output (send, or reveal of an old run) that
    /// mentions each of the role's fresh names, by name.
    let firstOutput: [[Variable: (current: Int?, old: Int?)]]
    /// For each role, the positions of its outputs the intruder can reach, as a run of the role names
    /// them before it exists: a goal is matched against these before a new run is made for it.
    let outputTemplates: [[OutputTemplate]]
    /// Run `n` of each role, as `RunNaming` names it, for the first `cachedRuns` run numbers: a run's
    /// names depend on its role and number only, and new runs are made all the time.
    private let instances: [[RunInstance]]
    static let cachedRuns = 12

    init(model: ProtocolModel, setting: Setting, typeFlaws: Bool, adversary: Adversary = .standard) {
        self.model = model
        self.setting = setting
        self.adversary = adversary
        self.sessionKeyReveal = adversary.capabilities.contains(.skr)
        self.longTermKeySchemas = adversary.capabilities.contains(where: \.revealsLongTermKeys)
            ? IntruderKnowledge.longTermKeys(of: .variable(IntruderKnowledge.owner), in: model) : []
        self.unifier = Unifier(typeFlaws: typeFlaws)
        self.schemas = IntruderKnowledge.schemas(of: model, setting: setting)
        self.trustedAgents = Set(model.trustedRoles.map(model.trustedAgent))
        self.firstOutput = model.roles.map { role in
            var out: [Variable: (current: Int?, old: Int?)] = [:]
            for v in role.freshNames {
                let mentions: (Event) -> Bool = { e in e.action.terms.contains { $0.contains(v) } }
                let current = role.events.firstIndex { e in
                    if case .send = e.action { return mentions(e) } else { return false }
                }
                let old = role.events.firstIndex { e in
                    switch e.action {
                    case .send, .reveal: return mentions(e)
                    default: return false
                    }
                }
                out[v] = (current, old)
            }
            return out
        }
        self.instances = model.roles.indices.map { role in
            (1...Self.cachedRuns).map { Self.instantiate(model, role: role, number: $0) }
        }
        self.outputTemplates = model.roles.indices.map { r in
            let role = model.roles[r]
            var agents: [Variable: Term] = [:]
            for (i, other) in model.roles.enumerated() {
                agents[other.me] = model.trusted.contains(other.name) ? .atom(model.trustedAgent(i)) : .variable(Variable(other.name, sort: .agent, run: OutputTemplate.run))
            }
            let naming = RunNaming(role: role, number: OutputTemplate.run, agents: agents)
            return role.events.indices.compactMap { i -> OutputTemplate? in
                let old: Bool
                switch role.events[i].action {
                case .send: old = false
                case .reveal: old = true
                default: return nil
                }
                var positions: [Term] = []
                Reach.positions(in: naming(role.events[i].action.outputTerm!), keys: []) { sub, _ in positions.append(sub) }
                return OutputTemplate(event: i, onlyOld: old, positions: positions)
            }
        }
    }
}

extension PatternContext {
    /// The agents behind run `number`'s role names (trusted roles' agents, fresh variables for the
    /// others) and its script as `RunNaming` names it.
    func instance(role: Int, number: Int) -> RunInstance {
        number <= Self.cachedRuns ? instances[role][number - 1] : Self.instantiate(model, role: role, number: number)
    }

    fileprivate static func instantiate(_ model: ProtocolModel, role: Int, number: Int) -> RunInstance {
        var agents: [Variable: Term] = [:]
        var list: [Term] = []
        for (i, r) in model.roles.enumerated() {
            let t: Term = model.trusted.contains(r.name) ? .atom(model.trustedAgent(i)) : .variable(Variable(r.name, sort: .agent, run: number))
            agents[r.me] = t
            list.append(t)
        }
        let naming = RunNaming(role: model.roles[role], number: number, agents: agents)
        let events = model.roles[role].events.map { naming($0) }
        let mentions = events.map { e -> ReceiveMentions? in
            guard case .receive(_, let t) = e.action else { return nil }
            var fresh: [Atom] = []
            for sub in t.subterms { if case .atom(let a) = sub, a.isFresh, !fresh.contains(a) { fresh.append(a) } }
            return ReceiveMentions(fresh: fresh, variables: t.variables.sorted())
        }
        return RunInstance(agents: list, events: events, receives: mentions)
    }
}

/// A run of a role with a number, as `RunNaming` names it: the same in every pattern.
struct RunInstance: Sendable {
    let agents: [Term]
    let events: [Event]
    /// For each receive event, what its pattern mentions before any substitution.
    let receives: [ReceiveMentions?]
}

/// The fresh values a receive pattern names itself and its variables, whose values may name more.
struct ReceiveMentions: Hashable, Sendable {
    let fresh: [Atom]
    let variables: [Variable]
}

/// An output of a role as a run not yet made names it: its fresh values belong to no run in any
/// pattern, its other names are variables.
struct OutputTemplate: Sendable {
    /// The run number template terms are named with.
    static let run = Int.max
    let event: Int
    /// A reveal: an output of old runs only.
    let onlyOld: Bool
    /// The subterms the intruder can reach.
    let positions: [Term]
}

/// A run in a pattern: a role, the agents behind its role names (variables where the search has not
/// decided them), and the prefix of its script that the pattern includes.
struct PatternRun: Hashable, Sendable {
    let role: Int
    /// 1-based, the number `RunNaming` gives its terms.
    let number: Int
    /// An old session of a compromised-session setting.
    let old: Bool
    /// The agent behind each role name, indexed like the model's roles.
    let agents: [Term]
    /// The role's whole script as this run names it.
    let events: [Event]
    /// For each receive, the fresh values and variables its pattern mentions.
    let receives: [ReceiveMentions?]
    /// The node of each included event: the included prefix is `nodes.count` long.
    var nodes: [Int] = []

    var length: Int { nodes.count }
}

/// A node of the causal order.
enum PatternNode: Hashable, Sendable {
    case event(run: Int, index: Int)
    /// The point where the intruder first holds a term (an entry of `Pattern.learned`).
    case learn
    /// After the claim: where a secret is asked of the intruder.
    case end
    /// Old sessions are over: every old run's event comes before it, every current run's after it.
    case boundary
}

/// "The intruder must hold `term` by `consumer`": a receive of an honest run, a premise of an
/// intruder step, or the secret of a secrecy claim.
struct OpenGoal: Hashable, Sendable {
    var term: Term
    var consumer: Int
    /// A key needed to open a ciphertext: chosen early, as Scyther does, since most are never held.
    var isKey: Bool
}

/// A term the intruder learns once, at its own node (C-minimality: every later need of the same
/// term is served by that node), and how.
struct Learned: Hashable, Sendable {
    enum Source: Hashable, Sendable {
        /// Initial knowledge.
        case initial
        /// Built by the intruder from parts that are goals of their own.
        case composed
        /// Taken out of the output at this node, opening ciphertexts on the way with keys that are goals.
        case extracted(output: Int)
        /// Revealed by a compromising adversary: a long-term key of `owner`, or a fresh value of a
        /// run (by index), under the capability that allows it (`AdversaryRules`).
        case revealedKey(Capability, owner: Term)
        case revealedRandomness(Capability, run: Int)
    }
    var term: Term
    var node: Int
    var source: Source
}

/// A pattern: a partial execution that every attack it stands for contains. Symbolic runs, the causal
/// order of their events, the terms the intruder has to hold (open goals) and how it learnt the
/// others, and the constraints on variables (substitution, honest agents, checked conditions).
struct Pattern: Sendable {
    var runs: [PatternRun] = []
    var nodes: [PatternNode] = []
    var order = Ordering()
    var substitution = Substitution.identity
    var goals: [OpenGoal] = []
    var learned: [Learned] = []
    /// Agent variables that are honest agents (never the intruder).
    var honest: [Variable] = []
    /// Role-name variables of untrusted roles: never the one agent of a trusted role.
    var untrusted: [Variable] = []
    /// Checked conditions other than equalities (disequalities, integer comparisons).
    var conditions: [Condition] = []
    var boundary: Int?
    /// The claiming runs of the property and their claim events (two for injective agreement).
    var claims: [(run: Int, event: Int)] = []
    /// For a conditional property: the nodes of the signals it is conditioned on.
    var signals: [Int] = []
    /// Renames schema variables apart.
    var nextSchemaVariable = 0
    /// A goal was unified with a variable that may hold compound terms (a ticket, or any variable
    /// under type flaws): a term inside such a value is not followed, so no proof for any number of
    /// runs is claimed (Scyther's "Athena" case).
    var opaque = false

    /// Events included: attacks of fewer come first.
    var size: Int { runs.reduce(0) { $0 + $1.length } }

    /// Runs set up with one agent in two of their roles (Alice talking to Alice): among attacks of
    /// as many runs, those where agents talk to others read more naturally and come first, as in the
    /// explicit search. Refinement only makes agents equal, never apart, so this only grows along a
    /// branch and is a bound like the size.
    var selfTalk: Int {
        runs.filter { run in
            let agents = run.agents.map(apply)
            return Set(agents).count < agents.count
        }.count
    }

    /// What the search minimises: runs, then self-talk, then size.
    var cost: (Int, Int, Int) { (runs.count, selfTalk, size) }

    func apply(_ t: Term) -> Term { substitution.apply(t) }

    mutating func newNode(_ kind: PatternNode) -> Int {
        nodes.append(kind)
        return order.addNode()
    }

    mutating func edge(_ a: Int, _ b: Int) -> Bool { order.add(a, b) }

    // MARK: - Runs

    /// Adds a run of `role` with no event included yet. Role names become fresh variables of the run
    /// (a trusted role's name its trusted agent); the run's own agent is honest.
    mutating func addRun(role: Int, old: Bool, _ ctx: PatternContext, allHonest: Bool = false) -> Int {
        let number = runs.count + 1
        let instance = ctx.instance(role: role, number: number)
        for (i, a) in instance.agents.enumerated() {
            guard let v = a.asVariable else { continue }
            untrusted.append(v)
            if i == role || allHonest { honest.append(v) }
        }
        runs.append(PatternRun(role: role, number: number, old: old, agents: instance.agents, events: instance.events,
                               receives: instance.receives))
        if old || ctx.setting.oldSessions, boundary == nil { boundary = newNode(.boundary) }
        return runs.count - 1
    }

    /// Includes run `r`'s events up to `length`: each gets a node after the previous one, its receive
    /// becomes a goal, its assignment or equality check a unification (which may branch or fail).
    func extending(_ r: Int, to length: Int, _ ctx: PatternContext) -> [Pattern] {
        var out = [self]
        let start = runs[r].length
        guard length > start else { return out }
        for i in start..<length {
            var next: [Pattern] = []
            for var p in out {
                let node = p.newNode(.event(run: r, index: i))
                if let last = p.runs[r].nodes.last, !p.edge(last, node) { continue }
                p.runs[r].nodes.append(node)
                let run = p.runs[r]
                if let b = p.boundary, !ctx.model.trusted.contains(ctx.model.roles[run.role].name) {
                    guard run.old ? p.edge(node, b) : p.edge(b, node) else { continue }
                }
                switch run.events[i].action {
                case .receive(_, let pattern):
                    p.addGoal(pattern, at: node)
                    next.append(p)
                case .assign(let a, let b), .check(.equal(let a, let b)):
                    for s in ctx.unifier.unify(a, b, under: p.substitution) {
                        var q = p
                        q.substitution = s
                        next.append(q)
                    }
                case .check(let c):
                    p.conditions.append(c)
                    next.append(p)
                default:
                    next.append(p)
                }
            }
            out = next
        }
        return out
    }

    // MARK: - Goals

    /// Adds "the intruder holds `t` by `node`", split into the components of tuples (holding a
    /// pair is holding both parts).
    mutating func addGoal(_ t: Term, at node: Int, isKey: Bool = false) {
        let u = apply(t)
        if case .app(.pair, let xs) = u {
            addGoal(xs[0], at: node, isKey: isKey)
            addGoal(xs[1], at: node, isKey: isKey)
            return
        }
        let g = OpenGoal(term: u, consumer: node, isKey: isKey)
        if !goals.contains(g) { goals.append(g) }
    }

    /// A goal the intruder meets without any step: a value it may choose itself (a variable the
    /// search left free), a public name, or a public function of such.
    static func isTrivial(_ t: Term) -> Bool {
        switch t {
        case .variable, .number: return true
        case .atom(let a): return a.isPublic
        case .offset(let b, _): return isTrivial(b)
        case .app(let f, let xs): return f.isPublic && xs.allSatisfy(isTrivial)
        }
    }

    /// The node where the intruder learnt `t`, if it did.
    func learnedNode(of t: Term) -> Int? {
        learned.first { apply($0.term) == t }?.node
    }

    // MARK: - Reading the pattern

    /// The message of an included send, receive or (old-session) reveal event.
    func message(at node: Int, _ ctx: PatternContext) -> (term: Term, isOutput: Bool)? {
        guard case .event(let r, let i) = nodes[node] else { return nil }
        let run = runs[r]
        switch run.events[i].action {
        case .send(_, let t): return (t, true)
        case .reveal(let t) where revealsSessionKey(r, ctx): return (t, true)
        case .receive(_, let t): return (t, false)
        default: return nil
        }
    }

    /// Whether run `r`'s `Reveal` events hand their terms to the intruder: an old session's, or under
    /// SKR any run but a claiming one (that it does not match a claim is judged on the complete
    /// pattern, `AdversaryRules`).
    func revealsSessionKey(_ r: Int, _ ctx: PatternContext) -> Bool {
        runs[r].old || (ctx.sessionKeyReveal && !claims.contains { $0.run == r })
    }

    /// Whether `a` happens before `b` in every execution of the pattern.
    func precedes(_ a: Int, _ b: Int) -> Bool { order.precedes(a, b) }
}

extension Pattern {
    func debugDescription(_ ctx: PatternContext) -> String {
        var out = "pattern: \(runs.count) runs, size \(size)\n"
        for (r, run) in runs.enumerated() {
            out += "  run \(r) \(ctx.model.roles[run.role].name)\(run.old ? " old" : "") agents \(run.agents.map(apply)):\n"
            for (i, n) in run.nodes.enumerated() { out += "    [\(n)] \(run.events[i].map(apply).action)\n" }
        }
        for g in goals { out += "  goal \(apply(g.term)) @\(g.consumer)\(Pattern.isTrivial(apply(g.term)) ? " (trivial)" : "")\n" }
        for l in learned { out += "  learned \(apply(l.term)) @\(l.node) \(l.source)\n" }
        return out
    }
}
