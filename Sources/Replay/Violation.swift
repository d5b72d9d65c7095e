import Results
import Model
import Terms

/// The property's violation, checked on the bytes the replay produced.
struct Violation {
    let session: Session

    struct Outcome {
        var holds: Bool
        var evidence: String
    }

    private var wire: Wire { session.world.wire }
    private var runs: [HonestRun] { session.runs.keys.sorted().map { session.runs[$0]! } }

    func check() -> Outcome {
        let trace = session.trace
        if trace.kind == .custom, let c = session.model.conditionals.first(where: { $0.name == session.claimName }) {
            return conditional(c)
        }
        let claimants = claimantRuns()
        guard !claimants.isEmpty else {
            let stops = runs.filter { $0.role.name == trace.role }.compactMap { r in r.stopped.map { "run \(r.spec.number) stopped: \($0)" } }
            return Outcome(holds: false, evidence: (["no run of \(trace.role) reached claim \(session.claimName)"] + stops).joined(separator: "; "))
        }
        let (run, reached) = claimants.last!
        switch reached.goal {
        case .secret(let t):
            return secrecy(run, t, reached.values[0])
        case .aliveness(let peer):
            let p = reached.values[0]
            let alive = partners(of: run, .aliveness(partner: same(p)))
            return Outcome(holds: alive.isEmpty, evidence: alive.isEmpty
                ? "no run played by \(text(p)) (\(peer)) executed any event, yet run \(run.spec.number) of \(run.role.name) finished"
                : "run \(alive[0].spec.number) played by \(text(p)) was alive")
        case .weakAgreement(let peer):
            let p = reached.values[0]
            let partners = partners(of: run, .weakAgreement(partner: same(p), partnerRole: reached.goal.partnerRole(in: session.model)))
            return Outcome(holds: partners.isEmpty, evidence: partners.isEmpty
                ? "no run played by \(text(p)) (\(peer)) ran with \(run.me.map(text) ?? "?") as \(run.role.name)"
                : "run \(partners[0].spec.number) of \(text(p)) ran with \(run.me.map(text) ?? "?")")
        case .agreement(_, let data, let injective, let tag):
            return agreement(claimants.map { ($0.0, $0.1) }, data: data, injective: injective, tag: tag)
        case .scytherWeakAgreement(let peer):
            let p = reached.values[0]
            let partners = partners(of: run, .scytherWeakAgreement(partner: same(p)))
            return Outcome(holds: partners.isEmpty, evidence: partners.isEmpty
                ? "no run played by \(text(p)) (\(peer)) was set up with the agents of run \(run.spec.number)"
                : "run \(partners[0].spec.number) of \(text(p)) was set up with the same agents")
        case .synchronisation, .messageAgreement:
            return synchronisation(run, reached)
        case .reachable:
            return Outcome(holds: true, evidence: "run \(run.spec.number) (\(run.spec.agent) as \(run.role.name)) reached claim \(reached.name)")
        }
    }

    /// Synchronisation and message agreement on the bytes the runs sent and received, in the order
    /// the replay executed them.
    private func synchronisation(_ run: HonestRun, _ reached: HonestRun.Reached) -> Outcome {
        let model = session.model
        guard let r = model.roles.firstIndex(where: { $0.name == run.role.name }),
              let event = model.roles[r].events.firstIndex(where: { if case .claim(let n, _) = $0.action { return n == reached.name } else { return false } }),
              let sync = SynchronisationRequirement(reached.goal, role: r, event: event, in: model),
              let claimant = runs.firstIndex(where: { $0.spec.number == run.spec.number }) else {
            return Outcome(holds: false, evidence: "claim \(reached.name) is not a synchronisation claim of role \(run.role.name)")
        }
        let views = runs.map { view($0, exchanges: true) }
        let steps = runs.map { r in Dictionary(r.exchanged.map { ($0.communication.event, $0.step) }, uniquingKeysWith: { a, _ in a }) }
        let met = sync.isMet(claimant: claimant, runs: views) { a, b in
            (steps[a.run][a.event] ?? .max) < (steps[b.run][b.event] ?? .min)
        }
        let what = sync.ordered ? "sent and received in order" : "sent and received with the same content"
        let labels = sync.past.links.map(\.label).joined(separator: ", ")
        return Outcome(holds: !met, evidence: met
            ? "runs of \(sync.past.roles.map { model.roles[$0].name }.joined(separator: ", ")) \(what) every message before claim \(reached.name) (\(labels))"
            : "no choice of runs \(what) every message before claim \(reached.name) of run \(run.spec.number) (\(labels))")
    }

    /// The runs of the property's role that reached its claim (old sessions excluded), in order,
    /// the trace's claiming run last.
    private func claimantRuns() -> [(HonestRun, HonestRun.Reached)] {
        var out: [(HonestRun, HonestRun.Reached)] = []
        for r in runs where r.role.name == session.trace.role && !r.spec.old {
            if let c = r.claims.first(where: { $0.name == session.claimName }) { out.append((r, c)) }
        }
        if let n = session.trace.steps.last(where: { $0.action == .claim })?.run, let i = out.firstIndex(where: { $0.0.spec.number == n }) {
            out.append(out.remove(at: i))
        }
        return out
    }

    private func secrecy(_ run: HonestRun, _ t: Term, _ secret: Value) -> Outcome {
        let who = "run \(run.spec.number) (\(run.spec.agent) as \(run.role.name))"
        if let held = session.intruder.holdsBytes(secret) {
            return Outcome(holds: true, evidence: "the intruder's \(held) = \(text(secret)) equals \(who)'s \(t) = \(text(secret))")
        }
        // The secret may be a value the intruder chose itself (it sent its own nE as the key).
        if let shown = session.trace.steps.last(where: { $0.action == .claim && $0.run == run.spec.number })?.term,
           let mine = try? session.intruder.obtain(shown), wire.same(mine, secret) {
            return Outcome(holds: true, evidence: "the intruder's \(shown) = \(text(mine)) equals \(who)'s \(t) = \(text(secret))")
        }
        return Outcome(holds: false, evidence: "the intruder holds no bytes equal to \(who)'s \(t) = \(text(secret))")
    }

    /// A value compared as the wire compares it, for the shared partner judgment.
    struct Same: Equatable {
        let value: Value
        let wire: Wire
        static func == (a: Same, b: Same) -> Bool { a.wire.same(a.value, b.value) }
    }

    private func same(_ v: Value) -> Same { Same(value: v, wire: wire) }

    /// A run as the partner judgment sees it once the trace has been played.
    private func view(_ r: HonestRun, exchanges: Bool = false) -> RunAtClaim<Same> {
        let model = session.model
        return RunAtClaim(role: model.roles.firstIndex { $0.name == r.role.name } ?? -1,
                          actor: same(r.me ?? Value(.agent, [])),
                          bindings: model.roleNames.map { r.env[$0].map(same) },
                          started: r.active,
                          running: r.running.compactMap { s in
                              guard let peer = s.data.first else { return nil }
                              return (s.tag, same(peer), s.data.dropFirst().map(same))
                          },
                          communications: !exchanges ? [] : r.exchanged.map { x in
                              let c = x.communication
                              return Communication(label: c.label, isSend: c.isSend, message: same(c.message),
                                                   endpoints: c.endpoints.map { (same($0.from), same($0.to)) }, event: c.event)
                          },
                          in: model)
    }

    /// The runs that meet the claim's requirement of a partner, claimant `c` included where it does.
    private func partners(of c: HonestRun, _ requirement: PartnerRequirement<Same>) -> [HonestRun] {
        let claimant = view(c)
        return runs.filter { requirement.isMet(by: view($0), claimant: claimant) }
    }

    private func agreement(_ claimants: [(HonestRun, HonestRun.Reached)], data: [Term], injective: Bool, tag: String) -> Outcome {
        let signal = Event.Action.runningName(tag)
        /// Partner runs whose Running signal matches this claimant's (peer, data).
        func partners(_ c: HonestRun, _ reached: HonestRun.Reached) -> [Int] {
            let requirement = PartnerRequirement<Same>.agreement(partner: same(reached.values[0]),
                                                                 partnerRole: reached.goal.partnerRole(in: session.model),
                                                                 data: reached.values.dropFirst().map(same), tag: tag)
            return self.partners(of: c, requirement).map(\.spec.number)
        }
        func claimed(_ c: HonestRun, _ reached: HonestRun.Reached) -> String {
            "run \(c.spec.number) (\(c.spec.agent) as \(c.role.name)) accepted with \(text(reached.values[0])) on "
                + zip(data, reached.values.dropFirst()).map { "\($0) = \(text($1))" }.joined(separator: ", ")
        }
        func offered() -> String {
            let lines = runs.flatMap { r in r.running.filter { $0.tag == tag }.map { s in
                "run \(r.spec.number) (\(r.spec.agent)) signalled \(signal) with " + s.data.map(text).joined(separator: ", ")
            } }
            return lines.isEmpty ? "no run signalled \(signal)" : lines.joined(separator: "; ")
        }
        let (last, lastReached) = claimants.last!
        let mine = partners(last, lastReached)
        if mine.isEmpty {
            return Outcome(holds: true, evidence: claimed(last, lastReached) + ", but no partner run has matching data: " + offered())
        }
        guard injective else {
            return Outcome(holds: false, evidence: claimed(last, lastReached) + " and run \(mine[0]) agrees")
        }
        // Injective: every claimant needs a partner run of its own (a bipartite matching).
        let options = claimants.map { partners($0.0, $0.1) }
        if !hasPerfectMatching(options) {
            // Name the claimants that compete for the same partners.
            let i = options.indices.first { i in options.indices.contains { $0 != i && !Set(options[$0]).isDisjoint(with: options[i]) } } ?? 0
            let same = claimants.indices.filter { $0 != i && !Set(options[$0]).isDisjoint(with: options[i]) }
            let others = same.map { claimed(claimants[$0].0, claimants[$0].1) }
            return Outcome(holds: true, evidence: ([claimed(claimants[i].0, claimants[i].1)] + others).joined(separator: "; ")
                + "; these accepted the same partner data, offered only by run(s) \(options[i].map(String.init).joined(separator: ", "))")
        }
        return Outcome(holds: false, evidence: "each of \(claimants.count) claimant run(s) has its own partner run")
    }

    /// Whenever honest runs emitted signals matching every pattern, the intruder must not hold the secret.
    private func conditional(_ c: ConditionalSecrecy) -> Outcome {
        let emitted = runs.filter { !$0.spec.old }.flatMap { r in r.signals.map { (run: r.spec.number, name: $0.name, data: $0.data) } }
        var found: String?
        func search(_ i: Int, _ env: Env, _ used: [String]) {
            guard found == nil else { return }
            if i == c.when.count {
                guard let secret = try? session.evaluate(c.secret, env: env) else { return }
                if let held = session.intruder.holdsBytes(secret) {
                    found = used.joined(separator: "; ") + "; the intruder's \(held) = \(text(secret)) equals \(c.secret)"
                }
                return
            }
            let pattern = c.when[i]
            for s in emitted where s.name == pattern.name && s.data.count == pattern.data.count {
                var e = env
                var ok = true
                for (p, v) in zip(pattern.data, s.data) {
                    if let x = p.asVariable, e[x] == nil { e[x] = v; continue }
                    guard let expected = try? session.evaluate(p, env: e), wire.same(expected, v) else { ok = false; break }
                }
                if ok { search(i + 1, e, used + ["run \(s.run) signalled \(s.name)(" + s.data.map(text).joined(separator: ", ") + ")"]) }
            }
        }
        search(0, [:], [])
        if let found { return Outcome(holds: true, evidence: found) }
        return Outcome(holds: false, evidence: "no matching signals of \(c.when.map(\.name).joined(separator: ", ")) with \(c.secret) held by the intruder")
    }

    /// Values in evidence: in full when short enough to compare by eye.
    private func text(_ v: Value) -> String {
        if v.tag == .agent, let s = String(bytes: v.content, encoding: .utf8) { return s }
        return v.content.count <= 48 ? hex(v.content) : abbreviated(v.content)
    }
}
