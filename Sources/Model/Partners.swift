import Terms

/// One run as a claim's judgment sees it at the moment of the claim, in whatever values the judge
/// works with: terms in the searches, bytes in replay.
public struct RunAtClaim<Value: Equatable> {
    public var role: Int
    /// The agent playing the run.
    public var actor: Value
    /// The agent the run was set up with for each role name (indexed like the model's roles).
    public var bindings: [Value?]
    /// Whether the run executed an event before the claim.
    public var started: Bool
    /// The `Running` events it executed before the claim: their tag, peer and data.
    public var running: [(tag: String, peer: Value, data: [Value])]

    public init(role: Int, actor: Value, bindings: [Value?], started: Bool, running: [(tag: String, peer: Value, data: [Value])]) {
        self.role = role
        self.actor = actor
        self.bindings = bindings
        self.started = started
        self.running = running
    }
}

/// What an authentication claim asks of a partner run (Lowe's hierarchy, docs/modelling.md). Both
/// searches and replay judge partners with this one definition.
public enum PartnerRequirement<Value: Equatable> {
    /// Some run played by `partner` has executed an event.
    case aliveness(partner: Value)
    /// A run of `partnerRole` played by `partner` has executed an event, and was set up with the
    /// claimant in the claimant's role or said it is running with the claimant (with no partner
    /// role, any run played by `partner`).
    case weakAgreement(partner: Value, partnerRole: Int?)
    /// A run of `partnerRole` played by `partner` executed `Running(with: claimant, data...)` with `tag`.
    case agreement(partner: Value, partnerRole: Int?, data: [Value], tag: String)

    public func isMet(by run: RunAtClaim<Value>, claimant: RunAtClaim<Value>) -> Bool {
        guard run.started else { return false }
        switch self {
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
    public func partnerRole(in model: ProtocolModel) -> Int? {
        let partner: Term? = switch self {
        case .aliveness(let a), .weakAgreement(let a), .agreement(let a, _, _, _): a
        case .secret: nil
        }
        return partner?.asVariable.flatMap { v in model.roles.firstIndex { $0.me == v } }
    }
}

/// Whether each claim can be given a partner of its own (Kuhn's augmenting paths): injective
/// agreement holds for a set of claims exactly when this does for their candidate partners.
public func hasPerfectMatching(_ candidates: [[Int]]) -> Bool {
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
