import Foundation
import Model
import Terms

/// The negation of one property, as the goal-directed search starts from it and judges its patterns.
///
/// - Secrecy: an all-honest run of the claiming role at its claim, and the goal that the intruder
///   holds the secret after it.
/// - Authentication: the claiming run at its claim; a pattern in which a partner (by the one
///   definition, `PartnerRequirement`) comes before the claim is no attack, nor is any refinement of
///   it. Injective agreement asks it of two claiming runs at once, with a partner each.
///   Synchronisation and message agreement ask instead for runs of the claim's causal past that
///   match (`SynchronisationRequirement`); reachability asks for nothing, so any pattern with every
///   goal met is its witness.
/// - Conditional secrecy: honest runs that emitted matching signals, and the goal that the intruder
///   holds the secret after them.
struct Query: Sendable {
    enum Kind: Sendable {
        case secrecy
        case authentication(injective: Bool)
        case conditional(ConditionalSecrecy)
    }

    let property: Property
    let kind: Kind
    /// For claims: the claiming role and the claim's event.
    let claim: (role: Int, event: Int)?
    /// Claiming runs the patterns start from: two to break injectivity, one otherwise.
    let claimingRuns: Int
    /// The synchronisation requirement, computed on first use: it needs the model, which the
    /// query is made without.
    private let synchronisationMemo = Memo<SynchronisationRequirement?>()

    /// `claimingRuns: 1` asks an injective agreement for its non-injective part: a claim with no
    /// partner at all breaks both.
    init(_ property: Property, claimingRuns: Int? = nil) {
        self.property = property
        switch property.origin {
        case .claim(let role, let event, let goal):
            claim = (role, event)
            switch goal {
            case .secret: kind = .secrecy
            case .agreement(_, _, true, _): kind = .authentication(injective: true)
            default: kind = .authentication(injective: false)
            }
        case .conditional(let c):
            claim = nil
            kind = .conditional(c)
        }
        if case .authentication(injective: true) = kind { self.claimingRuns = claimingRuns ?? 2 } else { self.claimingRuns = 1 }
    }

    /// The non-injective part of an injective agreement.
    var nonInjective: Query? {
        guard case .authentication(injective: true) = kind, claimingRuns > 1 else { return nil }
        return Query(property, claimingRuns: 1)
    }

    /// Whether the agreed data hold a value the claimant makes fresh: then no partner run can agree
    /// with two claims (their fresh values differ), so injective agreement is exactly its
    /// non-injective part, for any number of runs.
    func dataFreshForClaimant(_ model: ProtocolModel) -> Bool {
        guard case .claim(let role, _, .agreement(_, let data, _, _)) = property.origin else { return false }
        let fresh = model.roles[role].freshNames
        return data.contains { !$0.variables.isDisjoint(with: fresh) }
    }

    /// Runs the smallest attack needs.
    var minimumRuns: Int { claimingRuns }

    // MARK: - Where the search starts

    /// The patterns the search starts from; `claims` in each are the claiming runs, in order.
    func initialPatterns(_ ctx: PatternContext) -> [Pattern] {
        switch kind {
        case .secrecy:
            return claimingRuns(1, ctx).map { p in
                var q = p
                let end = q.newNode(.end)
                guard q.edge(q.claimNode(0), end), case .claim(_, .secret(let t)) = q.runs[0].events[claim!.event].action else { return nil }
                q.addGoal(t, at: end)
                return q
            }.compactMap { $0 }
        case .authentication:
            return claimingRuns(claimingRuns, ctx)
        case .conditional(let c):
            return signallingRuns(c, ctx)
        }
    }

    private func claimingRuns(_ count: Int, _ ctx: PatternContext) -> [Pattern] {
        guard let claim else { return [] }
        var out = [Pattern()]
        for _ in 0..<count {
            out = out.flatMap { p -> [Pattern] in
                var q = p
                let r = q.addRun(role: claim.role, old: false, ctx, allHonest: true)
                q.claims.append((r, claim.event))
                return q.extending(r, to: claim.event + 1, ctx)
            }
        }
        return out
    }

    /// For each signal the property names, a run of a role that emits it (a new run, or one already
    /// chosen for another signal), all honest and current, extended to the signal and unified with it.
    private func signallingRuns(_ c: ConditionalSecrecy, _ ctx: PatternContext) -> [Pattern] {
        let rename = Self.ownNames(of: c)
        var out = [Pattern()]
        for pattern in c.when {
            var next: [Pattern] = []
            for p in out {
                var options: [(Pattern, Int)] = []
                for r in p.runs.indices { options.append((p, r)) }
                for role in ctx.model.roles.indices {
                    var q = p
                    let r = q.addRun(role: role, old: false, ctx, allHonest: true)
                    options.append((q, r))
                }
                for (q, r) in options {
                    for (i, e) in q.runs[r].events.enumerated() {
                        guard case .signal(let name, let data) = e.action, name == pattern.name, data.count == pattern.data.count else { continue }
                        for ext in q.extending(r, to: max(q.runs[r].length, i + 1), ctx) {
                            let pairs = zip(pattern.data.map(rename.apply), data).map { ($0, $1) }
                            for s in ctx.unifier.unify(pairs, under: ext.substitution) {
                                var signalled = ext
                                signalled.substitution = s
                                signalled.signals.append(ext.runs[r].nodes[i])
                                next.append(signalled)
                            }
                        }
                    }
                }
            }
            out = next
        }
        return out.compactMap { p in
            var q = p
            let end = q.newNode(.end)
            for n in q.signals where !q.edge(n, end) { return nil }
            q.addGoal(rename.apply(c.secret), at: end)
            return q
        }
    }

    /// The property's own names (the same name, the same value in every signal). They stay as the
    /// property writes them: no run's names are role-level, so they clash with nothing.
    static func ownNames(of c: ConditionalSecrecy) -> Substitution { .identity }

    // MARK: - Judging patterns

    /// Whether the property holds in every execution the pattern stands for, and so in every
    /// refinement of it: authentication claims that already have their partners.
    func holds(in p: Pattern, _ ctx: PatternContext) -> Bool {
        guard case .authentication = kind else { return false }
        if let sync = synchronisation(ctx) { return p.claims.indices.allSatisfy { synchronised($0, sync, in: p, ctx) } }
        let candidates = p.claims.indices.map { partners(of: $0, in: p, ctx) }
        return hasPerfectMatching(candidates)
    }

    // MARK: - Synchronisation and message agreement

    /// The requirement of a synchronisation or message agreement claim, read off the model once.
    func synchronisation(_ ctx: PatternContext) -> SynchronisationRequirement? {
        guard case .claim(let role, let event, let goal) = property.origin, goal.isSynchronisation else { return nil }
        return synchronisationMemo.value { SynchronisationRequirement(goal, role: role, event: event, in: ctx.model) }
    }

    /// The runs of the pattern as claim `c` sees them.
    private func views(before c: Int, in p: Pattern, _ ctx: PatternContext, _ timing: Timing) -> [RunAtClaim<Term>] {
        p.runs.indices.map { view($0, before: c, in: p, ctx, timing, exchanges: true) }
    }

    /// Whether claim `c` is synchronised in every execution of the pattern: matching runs whose
    /// sends come before their receives in the pattern's order.
    func synchronised(_ c: Int, _ sync: SynchronisationRequirement, in p: Pattern, _ ctx: PatternContext) -> Bool {
        sync.isMet(claimant: p.claims[c].run, runs: views(before: c, in: p, ctx, .always)) { a, b in
            p.precedes(p.runs[a.run].nodes[a.event], p.runs[b.run].nodes[b.event])
        }
    }

    /// A pattern with every goal met, with the orders that make its synchronisation claim fail in every
    /// execution: for each choice of runs that matches in content, some receive placed before its
    /// send (the intruder built the message first). Nil when no such order exists. Message agreement
    /// does not depend on the order: it fails exactly when no choice matches.
    func synchronisationViolated(_ p: Pattern, _ ctx: PatternContext) -> Pattern? {
        guard let sync = synchronisation(ctx) else { return p }
        // Every included event comes before the claim (each serves a goal before it), so the runs'
        // whole included scripts are what the claim sees.
        let choices = sync.matchingChoices(claimant: p.claims[0].run, runs: views(before: 0, in: p, ctx, .regardless))
        guard sync.ordered else { return choices.isEmpty ? p : nil }
        func node(_ s: SynchronisationRequirement.Step, _ q: Pattern) -> Int { q.runs[s.run].nodes[s.event] }
        func broken(_ rest: ArraySlice<[SynchronisationRequirement.Exchange]>, _ q: Pattern) -> Pattern? {
            guard let first = rest.first else { return q }
            if first.contains(where: { q.precedes(node($0.receive, q), node($0.send, q)) }) { return broken(rest.dropFirst(), q) }
            for x in first where !q.precedes(node(x.send, q), node(x.receive, q)) {
                var r = q
                guard r.edge(node(x.receive, r), node(x.send, r)) else { continue }
                if let done = broken(rest.dropFirst(), r) { return done }
            }
            return nil
        }
        return broken(choices[...], p)
    }

    /// Which events of another run count as before a claim.
    enum Timing {
        /// Those that come before it in every execution of the pattern.
        case always
        /// Those that may come before it in some execution.
        case possibly
        /// All the run's included events.
        case regardless
    }

    /// The runs that are partners of claim `c` of the pattern: they meet the requirement with events
    /// that come before the claim (in every execution, by default).
    func partners(of c: Int, in p: Pattern, _ ctx: PatternContext, _ timing: Timing = .always) -> [Int] {
        guard let requirement = requirement(of: c, in: p, ctx) else { return [] }
        let claimant = view(p.claims[c].run, before: c, in: p, ctx, .regardless)
        return p.runs.indices.filter { requirement.isMet(by: view($0, before: c, in: p, ctx, timing), claimant: claimant) }
    }

    func requirement(of c: Int, in p: Pattern, _ ctx: PatternContext) -> PartnerRequirement<Term>? {
        let (r, i) = p.claims[c]
        guard case .claim(_, let goal) = p.runs[r].events[i].action,
              case .claim(_, let template) = ctx.model.roles[p.runs[r].role].events[i].action else { return nil }
        // The partner's role is read off the role script, where the partner is still a role name.
        let partnerRole = template.partnerRole(in: ctx.model)
        switch goal {
        case .secret, .synchronisation, .messageAgreement, .reachable: return nil
        case .scytherWeakAgreement(let a): return .scytherWeakAgreement(partner: p.apply(a))
        case .aliveness(let a): return .aliveness(partner: p.apply(a))
        case .weakAgreement(let a): return .weakAgreement(partner: p.apply(a), partnerRole: partnerRole)
        case .agreement(let a, let ds, _, let tag):
            return .agreement(partner: p.apply(a), partnerRole: partnerRole, data: ds.map(p.apply), tag: tag)
        }
    }

    /// Run `m` as claim `c` sees it: what it did before the claim (its sends and receives only when
    /// `exchanges`: synchronisation needs them, the partner requirements do not).
    func view(_ m: Int, before c: Int, in p: Pattern, _ ctx: PatternContext, _ timing: Timing = .always,
              exchanges: Bool = false) -> RunAtClaim<Term> {
        let run = p.runs[m]
        let (cr, ci) = p.claims[c]
        let claimNode = p.runs[cr].nodes[ci]
        func before(_ i: Int) -> Bool {
            if m == cr { return i < ci }
            switch timing {
            case .always: return p.precedes(run.nodes[i], claimNode)
            case .possibly: return !p.precedes(claimNode, run.nodes[i])
            case .regardless: return true
            }
        }
        var running: [(tag: String, peer: Term, data: [Term])] = []
        var communications: [Communication<Term>] = []
        for i in 0..<run.length where before(i) {
            if case .running(let peer, let ds, let tag) = run.events[i].action {
                running.append((tag, p.apply(peer), ds.map(p.apply)))
            } else if exchanges, let c = Communication.of(run.events, i, value: p.apply) {
                communications.append(c)
            }
        }
        return RunAtClaim(role: run.role, actor: p.apply(run.agents[run.role]), bindings: run.agents.map(p.apply),
                          started: m == cr || (run.length > 0 && before(0)), running: running,
                          communications: communications, in: ctx.model)
    }
}

extension Pattern {
    func claimNode(_ c: Int) -> Int { runs[claims[c].run].nodes[claims[c].event] }
}

/// A value computed once, on first use, by whichever thread asks first.
final class Memo<Value>: @unchecked Sendable {
    private var stored: Value?
    private let lock = NSLock()

    func value(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let v = stored { return v }
        let v = make()
        stored = v
        return v
    }
}
