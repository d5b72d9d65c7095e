import Model
import Terms

/// A property as one scenario sees it: the claim events (one per run of the claiming role whose
/// agents are all honest and that is not an old session), or a conditional secrecy.
struct GoalSlot: Sendable {
    var property: Int
    var run: Int
    var event: Int
    var goal: Goal
    /// The role whose agent the goal's partner term names, when it is a role name.
    var partnerRole: Int?
}

struct ConditionalSlot: Sendable {
    var property: Int
    var when: [(name: String, data: [Term])]
    var secret: Term
}

/// Checks authentication goals at the moment a claim executes, on the current state, with the one
/// definition of a partner (`PartnerRequirement`) and of synchronisation
/// (`SynchronisationRequirement`). Agreement is judged under the most general instantiation:
/// variables still free are values the intruder chooses, so two terms that differ syntactically can
/// be made to differ.
///
/// A state holds how far each run has got, not the order in which the runs got there, so this
/// engine judges synchronisation without the order of a send and its receive: it finds the attacks
/// on message agreement over the claim's causal past, and ends a synchronisation claim it finds none
/// for inconclusive; the goal-directed engine alone finds attacks that only reorder messages.
struct AgreementJudge {
    var network: Network
    let model: ProtocolModel
    /// The synchronisation requirement of each synchronisation claim, by role and event.
    private let synchronisations: [[Int]: SynchronisationRequirement]

    init(network: Network, model: ProtocolModel) {
        self.network = network
        self.model = model
        var table: [[Int]: SynchronisationRequirement] = [:]
        for (r, role) in model.roles.enumerated() {
            for (i, e) in role.events.enumerated() {
                if case .claim(_, let g) = e.action, let sync = SynchronisationRequirement(g, role: r, event: i, in: model) { table[[r, i]] = sync }
            }
        }
        self.synchronisations = table
    }

    /// Run `m` as the claim of `slot` sees it in `state`.
    func view(_ m: Int, _ state: SearchState, exchanges: Bool = false) -> RunAtClaim<Term> {
        let run = network.runs[m]
        let s = state.substitution
        var running: [(tag: String, peer: Term, data: [Term])] = []
        var communications: [Communication<Term>] = []
        for (i, e) in run.events.prefix(state.pcs[m]).enumerated() {
            if case .running(let p, let ds, let tag) = e.action {
                running.append((tag, s.apply(p), ds.map(s.apply)))
            } else if exchanges, let c = Communication.of(run.events, i, value: s.apply) {
                communications.append(c)
            }
        }
        return RunAtClaim(role: run.spec.role, actor: .atom(run.agent.atom), bindings: run.spec.agents.map { .atom($0.atom) },
                          started: state.pcs[m] > 0, running: running, communications: communications, in: model)
    }

    func requirement(_ slot: GoalSlot, _ state: SearchState) -> PartnerRequirement<Term>? {
        let s = state.substitution
        switch slot.goal {
        case .secret, .synchronisation, .messageAgreement, .reachable: return nil
        case .aliveness(let p): return .aliveness(partner: s.apply(p))
        case .weakAgreement(let p): return .weakAgreement(partner: s.apply(p), partnerRole: slot.partnerRole)
        case .agreement(let p, let ds, _, let tag):
            return .agreement(partner: s.apply(p), partnerRole: slot.partnerRole, data: ds.map(s.apply), tag: tag)
        case .scytherWeakAgreement(let p): return .scytherWeakAgreement(partner: s.apply(p))
        }
    }

    func matches(_ m: Int, _ slot: GoalSlot, _ state: SearchState) -> Bool {
        guard let r = requirement(slot, state) else { return true }
        return r.isMet(by: view(m, state), claimant: view(slot.run, state))
    }

    /// Whether the claim of `slot` (just executed) is violated in `state`. For injective agreement,
    /// `others` are the slots of the same property whose claims have executed too. Reaching a
    /// reachability claim is its witness, reported the way a violation is.
    func violated(_ slot: GoalSlot, in state: SearchState, others: [GoalSlot]) -> Bool {
        if slot.goal == .reachable { return true }
        if let sync = synchronisations[[network.runs[slot.run].spec.role, slot.event]] {
            let runs = network.runs.indices.map { view($0, state, exchanges: true) }
            return !sync.isMet(claimant: slot.run, runs: runs) { _, _ in true }
        }
        let partners = network.runs.indices.filter { matches($0, slot, state) }
        if partners.isEmpty { return true }
        guard case .agreement(_, _, true, _) = slot.goal else { return false }
        // Injective: every committed claim needs a partner run of its own.
        let claims = others + [slot]
        let candidates = claims.map { c in network.runs.indices.filter { matches($0, c, state) } }
        return !hasPerfectMatching(candidates)
    }
}
