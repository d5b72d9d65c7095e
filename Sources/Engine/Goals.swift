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

/// Checks authentication goals at the moment a claim executes, on the current state. Agreement is
/// judged under the most general instantiation: variables still free are values the intruder
/// chooses, so two terms that differ syntactically can be made to differ.
struct AgreementJudge {
    var network: Network

    func signals(in state: SearchState, named name: String, run m: Int) -> [[Term]] {
        let run = network.runs[m]
        var out: [[Term]] = []
        for e in run.events.prefix(state.pcs[m]) {
            if case .signal(let n, let ds) = e.action, n == name { out.append(ds.map(state.substitution.apply)) }
        }
        return out
    }

    /// Whether run `m` could be the partner a claim needs: a run of the partner role played by `agent`
    /// that has started and either was set up to talk to the claimant or signalled running with it
    /// (a role may learn its peer from a message rather than from its setup).
    func isPartner(_ m: Int, of slot: GoalSlot, in state: SearchState, agent: Term) -> Bool {
        let run = network.runs[m]
        guard state.pcs[m] > 0, .atom(run.agent.atom) == agent else { return false }
        guard let pr = slot.partnerRole else { return true }
        guard run.spec.role == pr else { return false }
        let claimant = network.runs[slot.run]
        if run.spec.agents[claimant.spec.role] == claimant.agent { return true }
        let me = Term.atom(claimant.agent.atom)
        return run.events.prefix(state.pcs[m]).contains { e in
            if case .signal(let n, let ds) = e.action, isRunningSignal(n), let peer = ds.first {
                return state.substitution.apply(peer) == me
            }
            return false
        }
    }

    func matches(_ m: Int, _ slot: GoalSlot, _ state: SearchState) -> Bool {
        let s = state.substitution
        switch slot.goal {
        case .secret: return true
        case .aliveness(let p):
            let agent = s.apply(p)
            let run = network.runs[m]
            return state.pcs[m] > 0 && .atom(run.agent.atom) == agent
        case .weakAgreement(let p):
            return isPartner(m, of: slot, in: state, agent: s.apply(p))
        case .agreement(let p, let ds, _, let tag):
            let run = network.runs[m]
            guard .atom(run.agent.atom) == s.apply(p), slot.partnerRole.map({ $0 == run.spec.role }) ?? true else { return false }
            let me = Term.atom(network.runs[slot.run].agent.atom)
            let want = [me] + ds.map(s.apply)
            return signals(in: state, named: runningSignal(tag), run: m).contains(want)
        }
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

/// Whether each left vertex can be matched to a distinct right vertex (Kuhn's augmenting paths).
func hasPerfectMatching(_ candidates: [[Int]]) -> Bool {
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
