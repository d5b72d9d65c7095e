import Terms

/// A send or receive a run executed, as a claim's judgment sees it.
package struct Communication<Value: Equatable> {
    package var label: String
    package var isSend: Bool
    package var message: Value
    /// Sender and recipient, where the script names them.
    package var endpoints: (from: Value, to: Value)?
    /// The event's index in the run's script: with the run, it names the step in the judge's order.
    package var event: Int

    package init(label: String, isSend: Bool, message: Value, endpoints: (from: Value, to: Value)?, event: Int) {
        self.label = label
        self.isSend = isSend
        self.message = message
        self.endpoints = endpoints
        self.event = event
    }

    /// The communication of event `i` of a run whose events are `events` (as the run names them),
    /// its terms read with `value`; nil for an event that is no send or receive.
    package static func of(_ events: [Event], _ i: Int, value: (Term) -> Value) -> Communication? {
        let e = events[i]
        let (label, isSend, message): (String, Bool, Term)
        switch e.action {
        case .send(let l, let t): (label, isSend, message) = (l, true, t)
        case .receive(let l, let t): (label, isSend, message) = (l, false, t)
        default: return nil
        }
        return Communication(label: label, isSend: isSend, message: value(message),
                             endpoints: e.endpoints.map { (value($0.from), value($0.to)) }, event: i)
    }

    /// Same content, sender and recipient (the last two where both sides name them).
    func matches(_ other: Communication) -> Bool {
        guard message == other.message else { return false }
        if let a = endpoints, let b = other.endpoints { return a.from == b.from && a.to == b.to }
        return true
    }
}

/// One run as a claim's judgment sees it at the moment of the claim, in whatever values the judge
/// works with: terms in the searches, bytes in replay.
package struct RunAtClaim<Value: Equatable> {
    package var role: Int
    /// The agent playing the run.
    package var actor: Value
    /// The agent the run was set up with for each role name (indexed like the model's roles).
    package var bindings: [Value?]
    /// Whether the run executed an event before the claim.
    package var started: Bool
    /// The `Running` events it executed before the claim: their tag, peer and data.
    package var running: [(tag: String, peer: Value, data: [Value])]
    /// Its sends and receives before the claim, in script order.
    package var communications: [Communication<Value>]
    /// A run of a helper protocol: never anyone's partner.
    package var helper: Bool
    /// The roles of the run's own protocol, when the model runs several side by side (nil: every role).
    private var ownProtocol: [Int]?

    /// `bindings` covers every role of the model; helper status and the run's own protocol are read
    /// from `model`.
    package init(role: Int, actor: Value, bindings: [Value?], started: Bool, running: [(tag: String, peer: Value, data: [Value])],
                communications: [Communication<Value>] = [], in model: ProtocolModel) {
        self.role = role
        self.actor = actor
        self.bindings = bindings
        self.started = started
        self.running = running
        self.communications = communications
        let known = model.roles.indices.contains(role)
        self.helper = known && model.roles[role].isHelper
        self.ownProtocol = known && model.roles.contains(where: { $0.foreign != nil }) ? model.protocolRoles(of: role) : nil
    }

    /// The agents its own protocol's roles were set up with (Scyther's ρ of the run).
    package var agents: [Value] {
        guard let own = ownProtocol else { return bindings.compactMap { $0 } }
        return own.compactMap { $0 < bindings.count ? bindings[$0] : nil }
    }
}

extension RunAtClaim {
    /// Whether this run matches `test` (the claiming run): Basin and Cremers' matching sessions,
    /// partnering by the conversation up to the claim, as Scyther's default partner definition
    /// ("matching histories") compares it: messages, with their sender and recipient where the
    /// script names them, not the agents each run was set up with. It is a run of another role of
    /// the test run's protocol, not a helper's, that shares at least one communication with it; it
    /// sent every message of its role's script that the test run received, with the same content;
    /// and what it received of the test run's sends has the content the test run sent (the test
    /// run's last message may still be on its way). `self` and `test` are read with their
    /// communications. The compromising adversaries (`Capability`) are judged with this one definition.
    package func matches(_ test: RunAtClaim, in model: ProtocolModel) -> Bool {
        guard started, !helper, role != test.role, model.protocolRoles(of: test.role).contains(role) else { return false }
        var sends = Set<String>(), receives = Set<String>()
        for e in model.roles[role].events {
            switch e.action {
            case .send(let l, _): sends.insert(l)
            case .receive(let l, _): receives.insert(l)
            default: break
            }
        }
        var shared = 0
        for c in test.communications {
            if c.isSend {
                guard receives.contains(c.label) else { continue }
                guard let got = communications.first(where: { !$0.isSend && $0.label == c.label }) else { continue }
                guard got.matches(c) else { return false }
            } else {
                guard sends.contains(c.label) else { continue }
                guard let sent = communications.first(where: { $0.isSend && $0.label == c.label }), sent.matches(c) else { return false }
            }
            shared += 1
        }
        return shared > 0
    }
}

/// What an authentication claim asks of a partner run (Lowe's hierarchy and Scyther's weak agreement,
/// docs/modelling.md). Both searches and replay judge partners with this one definition. A run of a
/// helper protocol is never a partner.
package enum PartnerRequirement<Value: Equatable> {
    /// Some run played by `partner` has executed an event.
    case aliveness(partner: Value)
    /// A run of `partnerRole` played by `partner` has executed an event, and was set up with the
    /// claimant in the claimant's role or said it is running with the claimant (with no partner
    /// role, any run played by `partner`).
    case weakAgreement(partner: Value, partnerRole: Int?)
    /// A run of `partnerRole` played by `partner` executed `Running(with: claimant, data...)` with `tag`.
    case agreement(partner: Value, partnerRole: Int?, data: [Value], tag: String)
    /// A run played by `partner`, in any role, was set up with the same set of agents as the
    /// claimant's run (Scyther's `has_weakagree_agent`).
    case scytherWeakAgreement(partner: Value)

    package func isMet(by run: RunAtClaim<Value>, claimant: RunAtClaim<Value>) -> Bool {
        guard run.started, !run.helper else { return false }
        switch self {
        case .scytherWeakAgreement(let p):
            guard run.actor == p else { return false }
            return run.agents.allSatisfy(claimant.agents.contains) && claimant.agents.allSatisfy(run.agents.contains)
        case .aliveness(let p):
            return run.actor == p
        case .weakAgreement(let p, let role):
            guard run.actor == p else { return false }
            // A partner that is no role name: any run it plays will do.
            guard let role else { return true }
            guard run.role == role else { return false }
            if run.bindings[claimant.role] == claimant.actor { return true }
            return run.running.contains { $0.peer == claimant.actor }
        case .agreement(let p, let role, let data, let tag):
            guard run.actor == p, role.map({ $0 == run.role }) ?? true else { return false }
            return run.running.contains { $0.tag == tag && $0.peer == claimant.actor && $0.data == data }
        }
    }
}

extension Goal {
    /// The role whose agent the claim's partner term names, when it is a role name.
    package func partnerRole(in model: ProtocolModel) -> Int? {
        let partner: Term? = switch self {
        case .aliveness(let a), .weakAgreement(let a), .agreement(let a, _, _, _), .scytherWeakAgreement(let a): a
        case .secret, .synchronisation, .messageAgreement, .reachable: nil
        }
        return partner?.asVariable.flatMap { v in model.roles.firstIndex { $0.me == v } }
    }
}

/// Whether each claim can be given a partner of its own (Kuhn's augmenting paths): injective
/// agreement holds for a set of claims exactly when this does for their candidate partners.
package func hasPerfectMatching(_ candidates: [[Int]]) -> Bool {
    var owner: [Int: Int] = [:]
    func augment(_ i: Int, _ visited: inout Set<Int>) -> Bool {
        for r in candidates[i] where visited.insert(r).inserted {
            if owner[r] == nil || augment(owner[r]!, &visited) {
                owner[r] = i
                return true
            }
        }
        return false
    }
    for i in candidates.indices {
        var visited = Set<Int>()
        if !augment(i, &visited) { return false }
    }
    return true
}

/// What synchronisation and message agreement ask of the runs (Scyther's
/// `arachne_claim_authentications`): one run of each role of the claim's causal past, the claiming
/// run for its own role, such that every communication of the past was sent and received by these
/// runs with the same content, sender and recipient, and, for synchronisation, each sent before it
/// was received. Both searches and replay judge these claims with this one definition.
package struct SynchronisationRequirement: Sendable {
    package var past: CausalPast
    /// Synchronisation: each send must come before its receive.
    package var ordered: Bool

    package init(past: CausalPast, ordered: Bool) {
        self.past = past
        self.ordered = ordered
    }

    /// The requirement of a synchronisation or message agreement claim at `event` of role `role`.
    package init?(_ goal: Goal, role: Int, event: Int, in model: ProtocolModel) {
        guard goal.isSynchronisation else { return nil }
        self.init(past: model.causalPast(role: role, event: event), ordered: goal == .synchronisation)
    }

    /// A step of a run: the run's index among the judge's runs and the event's in its script.
    package struct Step: Hashable, Sendable {
        package var run: Int
        package var event: Int
    }

    /// One communication of the past as the chosen runs did it.
    package struct Exchange: Hashable, Sendable {
        package var send: Step
        package var receive: Step
    }

    /// Every choice of runs under which each communication of the past matches, with its exchanges.
    /// `claimant` indexes `runs`.
    package func matchingChoices<Value>(claimant: Int, runs: [RunAtClaim<Value>]) -> [[Exchange]] {
        var out: [[Exchange]] = []
        var chosen: [Int: Int] = [past.roles[0]: claimant]
        func exchanges() -> [Exchange]? {
            var xs: [Exchange] = []
            for link in past.links {
                guard let s = link.sender.flatMap({ chosen[$0] }), let r = link.recipient.flatMap({ chosen[$0] }) else { return nil }
                guard let sent = runs[s].communications.first(where: { $0.label == link.label && $0.isSend }),
                      let received = runs[r].communications.first(where: { $0.label == link.label && !$0.isSend }),
                      sent.matches(received) else { return nil }
                xs.append(Exchange(send: Step(run: s, event: sent.event), receive: Step(run: r, event: received.event)))
            }
            return xs
        }
        // Whether the links between roles chosen so far can still match.
        func consistent() -> Bool {
            for link in past.links {
                guard let sr = link.sender, let rr = link.recipient, let s = chosen[sr], let r = chosen[rr] else { continue }
                guard let sent = runs[s].communications.first(where: { $0.label == link.label && $0.isSend }),
                      let received = runs[r].communications.first(where: { $0.label == link.label && !$0.isSend }),
                      sent.matches(received) else { return false }
            }
            return true
        }
        func choose(_ k: Int) {
            if k == past.roles.count {
                if let xs = exchanges() { out.append(xs) }
                return
            }
            let role = past.roles[k]
            for (m, run) in runs.enumerated() where m != claimant && run.role == role && run.started {
                chosen[role] = m
                if consistent() { choose(k + 1) }
                chosen[role] = nil
            }
        }
        if past.links.contains(where: { $0.sender == nil || $0.recipient == nil }) { return [] }
        choose(1)
        return out
    }

    /// Whether the claim holds among `runs`, with `precedes` the judge's order of steps.
    package func isMet<Value>(claimant: Int, runs: [RunAtClaim<Value>], precedes: (Step, Step) -> Bool) -> Bool {
        matchingChoices(claimant: claimant, runs: runs).contains { xs in
            !ordered || xs.allSatisfy { precedes($0.send, $0.receive) }
        }
    }
}
