import Terms
import Model

/// Expands the claims about each partner (Alive, Weakagree) into one protocheck goal per partner role:
/// Scyther's verdict on such a claim is the conjunction of the goals' verdicts.
struct ClaimExpansion {
    let drafts: [RoleDraft]

    func roles() -> [Role] {
        drafts.enumerated().map { r, draft in
            var events: [Event] = []
            for item in draft.items {
                switch item {
                case .event(let e): events.append(e)
                case .pending(let claim, let at): events += expand(claim, role: r, at: at)
                }
            }
            return Role(name: draft.name, knows: draft.knows, events: events, location: draft.location)
        }
    }

    private func agent(_ r: Int) -> Term { .variable(Variable(drafts[r].name, sort: .agent)) }

    private func expand(_ claim: RoleDraft.PendingClaim, role c: Int, at: SourceLocation) -> [Event] {
        let partners = claim.about.map { n in drafts.indices.filter { drafts[$0].name == n } } ?? drafts.indices.filter { $0 != c }
        func named(_ p: Int) -> String { partners.count == 1 ? claim.name : "\(claim.name)/\(drafts[p].name)" }
        return partners.map { p in
            let goal: Goal = claim.kind == .Alive ? .aliveness(of: agent(p)) : .scytherWeakAgreement(with: agent(p))
            return Event(.claim(name: named(p), goal), location: at)
        }
    }
}
