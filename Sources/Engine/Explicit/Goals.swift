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
/// definition of a partner (`PartnerRequirement`). Agreement is judged under the most general
/// instantiation: variables still free are values the intruder chooses, so two terms that differ
/// syntactically can be made to differ.
struct AgreementJudge {
    var network: Network

    /// Run `m` as the claim of `slot` sees it in `state`.
    func view(_ m: Int, _ state: SearchState) -> RunAtClaim<Term> {
        let run = network.runs[m]
        let s = state.substitution
        var running: [(tag: String, peer: Term, data: [Term])] = []
        for e in run.events.prefix(state.pcs[m]) {
            if case .running(let p, let ds, let tag) = e.action { running.append((tag, s.apply(p), ds.map(s.apply))) }
        }
        return RunAtClaim(role: run.spec.role, actor: .atom(run.agent.atom), bindings: run.spec.agents.map { .atom($0.atom) },
                          started: state.pcs[m] > 0, running: running)
    }

    func requirement(_ slot: GoalSlot, _ state: SearchState) -> PartnerRequirement<Term>? {
        let s = state.substitution
        switch slot.goal {
        case .secret: return nil
        case .aliveness(let p): return .aliveness(partner: s.apply(p))
        case .weakAgreement(let p): return .weakAgreement(partner: s.apply(p), partnerRole: slot.partnerRole)
        case .agreement(let p, let ds, _, let tag):
            return .agreement(partner: s.apply(p), partnerRole: slot.partnerRole, data: ds.map(s.apply), tag: tag)
        }
    }

    func matches(_ m: Int, _ slot: GoalSlot, _ state: SearchState) -> Bool {
        guard let r = requirement(slot, state) else { return true }
        return r.isMet(by: view(m, state), claimant: view(slot.run, state))
    }

    /// Whether the claim of `slot` (just executed) is violated in `state`. For injective agreement,
    /// `others` are the slots of the same property whose claims have executed too.
    func violated(_ slot: GoalSlot, in state: SearchState, others: [GoalSlot]) -> Bool {
        let partners = network.runs.indices.filter { matches($0, slot, state) }
        if partners.isEmpty { return true }
        guard case .agreement(_, _, true, _) = slot.goal else { return false }
        // Injective: every committed claim needs a partner run of its own.
        let claims = others + [slot]
        let candidates = claims.map { c in network.runs.indices.filter { matches($0, c, state) } }
        return !hasPerfectMatching(candidates)
    }
}
