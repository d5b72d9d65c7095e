import Terms
import Model

// SPDL's claims: each claim statement's events (`Translator.claim`, Scyther's claim types with
// Scyther's meaning, docs/spdl.md), and the claims about each partner expanded once every role is read.

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

extension Translator {
    /// One claim statement: the events it becomes (several for a claim about each partner, which waits
    /// for the protocol's other roles). `position` is its rank among the role's claim statements
    /// (from 1), `labels` the protocol's claim labels so far.
    func claim(_ keyword: Token, label written: String?, args: [SyntaxTerm], role me: String, scope: RoleScope,
               position: Int, labels: inout ClaimLabels) throws -> [RoleDraft.Item] {
        var items: [RoleDraft.Item] = []
        guard args.count >= 2 else { throw source.error(at: keyword, "a claim takes a role and a claim type") }
        guard args[0].bareName == me else {
            throw source.error(at: args[0].token, "role \(me) can only claim for itself, not '\(args[0].bareName ?? "a compound term")'")
        }
        guard let type = args[1].bareName else { throw source.error(at: args[1].token, "expected a claim type") }
        if let written, let first = labels.written["\(type)_\(written)"] {
            // Two claims written with one name: Scyther renames the second silently, and its verdict
            // would be filed under a name the author never wrote. (A label reused by a claim of
            // another type names another property, and is renamed as Scyther renames it.)
            throw source.error(at: keyword, "claim \(type)_\(written) is written twice in this protocol (first on line \(first.line)): give each claim its own label")
        }
        if let written { labels.written["\(type)_\(written)"] = keyword }
        let name = "\(type)_" + labels.label(written, role: me, position: position)
        let params = Array(args.dropFirst(2))
        let at = location(keyword)
        func noParameter() throws {
            if let extra = params.first { throw source.error(at: extra.token, "claim \(type) takes no parameter") }
        }
        func claim(_ goal: Goal) { items.append(.event(Event(.claim(name: name, goal), location: at))) }
        switch type {
        case "Secret", "SKR":
            guard !params.isEmpty else { throw source.error(at: args[1].token, "claim \(type) needs the term that stays secret") }
            let secret = try scope.message(params)
            // SKR's term is the run's session key: revealed under session-key reveal (docs/adversaries.md),
            // of runs that do not match the claim; otherwise the event does nothing.
            if type == "SKR" { items.append(.event(Event(.reveal(secret), location: at))) }
            claim(.secret(secret))
        case "Alive", "Weakagree":
            // Scyther's optional parameter names the one role the claim is about.
            if params.count > 1 { throw source.error(at: params[1].token, "claim \(type) takes at most one role") }
            var about: String?
            if let p = params.first {
                guard let n = p.bareName, scope.roleNames.contains(n), scope.variables[n] == nil else {
                    throw source.error(at: p.token, "claim \(type) takes a role of the protocol, not '\(p.bareName ?? "a compound term")'")
                }
                about = n
            }
            items.append(.pending(.init(kind: RoleDraft.PendingKind(rawValue: type)!, name: name, about: about), at))
        case "Niagree":
            try noParameter()
            claim(.messageAgreement)
        case "Nisynch":
            try noParameter()
            claim(.synchronisation)
        case "Reachable":
            try noParameter()
            claim(.reachable)
        case "Commit", "Running":
            guard let partner = params.first else { throw source.error(at: args[1].token, "claim \(type) needs the partner and the data") }
            guard let n = partner.bareName, scope.roleNames.contains(n), scope.variables[n] == nil else {
                throw source.error(at: partner.token, "claim \(type) takes a role of the protocol as its partner (claim(R, \(type), R', data)), not '\(partner.bareName ?? "a compound term")'")
            }
            let peer = try scope.term(partner)
            let data = try params.dropFirst().map { try scope.term($0) }
            if type == "Commit" {
                claim(.agreement(with: peer, on: data, injective: false))
            } else {
                items.append(.event(Event(.running(peer: peer, data: data, tag: ""), location: at)))
            }
        case "NotEqual":
            // Scyther's inequality constraint: the run goes on only while the two terms differ.
            guard params.count == 2 else { throw source.error(at: args[1].token, "claim NotEqual takes two terms") }
            items.append(.event(Event(.check(.notEqual(try scope.term(params[0]), try scope.term(params[1]))), location: at)))
        case "Empty", "SID":
            // Signals: Scyther checks nothing for them. Their terms are still read so that
            // their names are checked.
            if !params.isEmpty { _ = try scope.message(params) }
        default:
            throw source.error(at: args[1].token, "claim type '\(type)' is not supported by protocheck (Scyther's claim types: Secret, SKR, Alive, Weakagree, Niagree, Nisynch, Commit, Running, Reachable, Empty, SID, NotEqual)")
        }
        return items
    }
}

/// Scyther's claim labels within one protocol (`commEvent`, `claimCreate`): a claim keeps the label
/// written unless a claim of the protocol already has it; an unlabelled claim is labelled with its
/// role and its rank among the role's claim statements (`I3`); a label already taken gives way to
/// the role and the first number that names nothing yet (Scyther's `symbolNextFree`).
struct ClaimLabels {
    /// Every name of the file, as Scyther's symbol table holds them (labels split off their keyword).
    private var symbols: Set<String>
    private var used: Set<String> = []
    /// Claim names written in the source (`Secret_x`), where each was first written.
    var written: [String: Token] = [:]

    init(names: Set<String>) { self.symbols = names }

    mutating func label(_ written: String?, role: String, position: Int) -> String {
        var label = written ?? "\(role)\(position)"
        symbols.insert(label)
        if used.contains(label) {
            var n = 1
            while symbols.contains("\(role)\(n)") { n += 1 }
            label = "\(role)\(n)"
            symbols.insert(label)
        }
        used.insert(label)
        return label
    }
}
