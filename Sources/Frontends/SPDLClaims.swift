import Terms
import Model

/// Expands the claims that talk about other roles (Alive, Weakagree, Niagree, Nisynch) into
/// protocheck goals, and places the `Running` signals that agreement needs in the partner roles.
struct ClaimExpansion {
    let drafts: [RoleDraft]
    let options: SPDL.Options
    private(set) var readings: [String] = []
    /// Events to insert in role `r` before its item `i`: `inserts[r][i]`.
    private var inserts: [[Int: [Event]]]

    init(drafts: [RoleDraft], options: SPDL.Options) {
        self.drafts = drafts
        self.options = options
        self.inserts = Array(repeating: [:], count: drafts.count)
    }

    mutating func roles() -> [Role] {
        var claimEvents: [[Int: [Event]]] = Array(repeating: [:], count: drafts.count)
        for (r, draft) in drafts.enumerated() {
            for (i, item) in draft.items.enumerated() {
                guard case .pending(let claim, let at) = item else { continue }
                claimEvents[r][i] = expand(claim, role: r, item: i, at: at)
            }
        }
        return drafts.enumerated().map { r, draft in
            var events: [Event] = []
            for (i, item) in draft.items.enumerated() {
                events += inserts[r][i] ?? []
                switch item {
                case .event(let e), .communication(_, let e): events.append(e)
                case .pending: events += claimEvents[r][i] ?? []
                }
            }
            return Role(name: draft.name, knows: draft.knows, events: events, location: draft.location)
        }
    }

    private func agent(_ r: Int) -> Term { .variable(Variable(drafts[r].name, sort: .agent)) }

    private mutating func expand(_ claim: RoleDraft.PendingClaim, role c: Int, item: Int, at: SourceLocation) -> [Event] {
        let others = drafts.indices.filter { $0 != c }
        func named(_ p: Int, among partners: [Int]) -> String {
            partners.count == 1 ? claim.name : "\(claim.name)/\(drafts[p].name)"
        }
        switch claim.kind {
        case .Alive:
            return others.map { Event(.claim(name: named($0, among: others), .aliveness(of: agent($0))), location: at) }
        case .Weakagree:
            return others.map { Event(.claim(name: named($0, among: others), .weakAgreement(with: agent($0))), location: at) }
        case .Niagree, .Nisynch:
            let injective = claim.kind == .Nisynch && options.nisynchInjective
            let past = causalPast(role: c, before: item)
            let partners = others.filter { past[$0] >= 0 }
            if partners.isEmpty {
                readings.append("\(claim.name) holds vacuously, as in Scyther: no event of another role precedes it, so it yields no property")
                return []
            }
            return partners.map { p in
                let name = named(p, among: partners)
                let (mine, theirs, labels) = agreementData(claimant: c, before: item, partner: p, upTo: past[p])
                let tag = name
                inserts[p][past[p], default: []].append(
                    Event(.running(peer: agent(c), data: theirs, tag: tag), location: at))
                let kind = injective ? "injective" : "non-injective"
                let on = labels.isEmpty ? "no message (it only shows that \(drafts[p].name) ran with \(drafts[c].name))" : "messages " + labels.joined(separator: ", ")
                let step = drafts[p].items[past[p]]
                var before = ""
                if case .communication(let comm, _) = step { before = " before its step \(comm.label)" }
                readings.append("\(name): Scyther's \(claim.kind.rawValue) read as \(kind) agreement of \(drafts[c].name) with \(drafts[p].name) on \(on); Running in \(drafts[p].name)\(before)")
                return Event(.claim(name: name, .agreement(with: agent(p), on: mine, injective: injective, tag: tag)), location: at)
            }
        }
    }

    /// For each role, the index of its last item that causally precedes item `item` of role `c`
    /// (-1: none). A receive's cause is every send with the same label in another role.
    private func causalPast(role c: Int, before item: Int) -> [Int] {
        var past = Array(repeating: -1, count: drafts.count)
        past[c] = item - 1
        var changed = true
        while changed {
            changed = false
            for r in drafts.indices where past[r] >= 0 {
                for case .communication(let recv, _) in drafts[r].items[0...past[r]] where !recv.isSend {
                    for s in drafts.indices where s != r {
                        if let j = drafts[s].items.lastIndex(where: { isSend($0, label: recv.label) }), j > past[s] {
                            past[s] = j
                            changed = true
                        }
                    }
                }
            }
        }
        return past
    }

    private func isSend(_ item: RoleDraft.Item, label: String) -> Bool {
        if case .communication(let c, _) = item { return c.isSend && c.label == label }
        return false
    }

    /// The messages the claimant exchanged with the partner before the claim and that the partner
    /// has sent or received by item `upTo`: the claimant's view, the partner's view, the labels.
    private func agreementData(claimant c: Int, before item: Int, partner p: Int, upTo: Int) -> ([Term], [Term], [String]) {
        var mine: [Term] = [], theirs: [Term] = [], labels: [String] = []
        for case .communication(let comm, _) in drafts[c].items[0..<item] where comm.peer == drafts[p].name {
            let match = drafts[p].items[0...upTo].first {
                if case .communication(let other, _) = $0 { return other.label == comm.label && other.isSend != comm.isSend }
                return false
            }
            guard case .communication(let other, _)? = match else { continue }
            mine.append(comm.term)
            theirs.append(other.term)
            labels.append(comm.label)
        }
        return (mine, theirs, labels)
    }
}
