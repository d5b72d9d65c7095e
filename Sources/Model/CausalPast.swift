import Terms

/// A communication in a claim's causal past: its label and the roles at its two ends, nil where no
/// role of the claim's protocol has that end (then no run can supply it).
package struct CausalLink: Hashable, Sendable {
    package var label: String
    package var sender: Int?
    package var recipient: Int?
    package init(label: String, sender: Int?, recipient: Int?) {
        self.label = label
        self.sender = sender
        self.recipient = recipient
    }
}

/// The communications that precede a claim in the role scripts (Scyther's `prec` set, computed by its
/// `compute_prec_sets`), which synchronisation and message agreement judge.
package struct CausalPast: Hashable, Sendable {
    /// The labels received before the claim, with their ends. Labels that begin with `!` are left
    /// out, as Scyther leaves them out: a model marks with `!` a step it does not want checked.
    package var links: [CausalLink]
    /// Every role at an end of a communication of the past (marked ones included), the claimant's
    /// role first: the judgment chooses one run of each.
    package var roles: [Int]

    package init(links: [CausalLink], roles: [Int]) {
        self.links = links
        self.roles = roles
    }

    /// Scyther's marker for a step whose agreement is not checked.
    package static func isUnchecked(_ label: String) -> Bool { label.hasPrefix("!") }
}

extension ProtocolModel {
    /// The causal past of the claim at `event` of role `role`: the events before it in its own role,
    /// and, following each receive back to every send with the same label in a role of the same
    /// protocol, the events before that send, and so on. Its receives are the past's communications.
    package func causalPast(role c: Int, event e: Int) -> CausalPast {
        let members = protocolRoles(of: c)
        func label(_ r: Int, _ i: Int) -> (label: String, isSend: Bool)? {
            switch roles[r].events[i].action {
            case .send(let l, _): return (l, true)
            case .receive(let l, _): return (l, false)
            default: return nil
            }
        }
        // Backwards from the claim over "comes before": the previous event of the role, and for a
        // receive every send of its label.
        var seen = Set<[Int]>()
        var work: [[Int]] = e > 0 ? [[c, e - 1]] : []
        while let node = work.popLast() {
            guard seen.insert(node).inserted else { continue }
            let (r, i) = (node[0], node[1])
            if i > 0 { work.append([r, i - 1]) }
            guard let here = label(r, i), !here.isSend else { continue }
            for s in members {
                for j in roles[s].events.indices where label(s, j).map({ $0.isSend && $0.label == here.label }) ?? false {
                    work.append([s, j])
                }
            }
        }
        var labels: [String] = []
        for node in seen.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            if let l = label(node[0], node[1]), !l.isSend, !labels.contains(l.label) { labels.append(l.label) }
        }
        func end(_ l: String, send: Bool) -> Int? {
            members.first { r in roles[r].events.indices.contains { label(r, $0).map { $0.label == l && $0.isSend == send } ?? false } }
        }
        var links: [CausalLink] = []
        var involved: Set<Int> = [c]
        for l in labels {
            let link = CausalLink(label: l, sender: end(l, send: true), recipient: end(l, send: false))
            for r in [link.sender, link.recipient].compactMap({ $0 }) { involved.insert(r) }
            if !CausalPast.isUnchecked(l) { links.append(link) }
        }
        return CausalPast(links: links, roles: [c] + members.filter { $0 != c && involved.contains($0) })
    }
}
