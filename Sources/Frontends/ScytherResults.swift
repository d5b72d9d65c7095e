import Model

/// One line of Scyther's recorded output (`--plain`): a claim and Scyther's verdict on it.
///
///     claim  PROTOCOL,ROLE  LABEL  PARAMETER  Ok|Fail  [reason]
package struct ScytherVerdict: Hashable, Sendable {
    package var protocolName: String
    package var role: String
    /// The claim's name as Scyther prints it (`Secret_r1`, `Niagree_I3` for an unlabelled one).
    package var claim: String
    /// The claim's parameter (`-` when it has none).
    package var parameter: String
    /// Scyther's verdict: true for `Ok` (no attack), false for `Fail`.
    package var holds: Bool
    /// `proof of correctness`, `no attack within bounds`, `at least 1 attack`, `does not occur`...
    package var reason: String
    /// Scyther's time limit stopped it on this claim (`time=60` on the line): the verdict is what it had
    /// found by then, not the end of its search.
    package var timedOut: Bool

    /// Scyther proved the claim for every number of runs (not only within its bound).
    package var proved: Bool { reason == "proof of correctness" }

    package init(protocolName: String, role: String, claim: String, parameter: String, holds: Bool, reason: String, timedOut: Bool = false) {
        self.protocolName = protocolName
        self.role = role
        self.claim = claim
        self.parameter = parameter
        self.holds = holds
        self.reason = reason
        self.timedOut = timedOut
    }
}

package enum ScytherResults {
    /// Reads Scyther's recorded verdicts; lines that are not claims are skipped.
    package static func parse(_ text: String) -> [ScytherVerdict] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(trimmed)
            guard cols.count >= 5, cols[0] == "claim", cols[4] == "Ok" || cols[4] == "Fail" else { return nil }
            let pr = cols[1].split(separator: ",", maxSplits: 1).map(String.init)
            guard pr.count == 2 else { return nil }
            var reason = cols.count > 5 ? cols[5] : ""
            if reason.hasPrefix("[") && reason.hasSuffix("]") { reason = String(reason.dropFirst().dropLast()) }
            return ScytherVerdict(protocolName: pr[0], role: pr[1], claim: cols[2], parameter: cols[3],
                                  holds: cols[4] == "Ok", reason: reason, timedOut: cols.dropFirst(5).contains { $0.hasPrefix("time=") })
        }
    }

    private static func trimmed(_ s: Substring) -> String {
        String(s.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    /// The properties a claim of Scyther's became in our translation of its protocol: the property of
    /// the same role with the claim's name, or one per partner (`Niagree_i3/R`) when the claim talks
    /// about several roles. Empty when the claim yields no property (an `Empty` claim, a vacuous
    /// agreement): see the model's readings.
    package static func properties(for verdict: ScytherVerdict, in model: ProtocolModel) -> [Property] {
        model.properties.filter { p in
            p.role == verdict.role && (p.name == verdict.claim || p.name.hasPrefix(verdict.claim + "/"))
        }
    }

    /// What a Scyther claim type is in protocheck, in a few words, for tables.
    package static func reading(ofClaim claim: String) -> String {
        let type = claim.split(separator: "_").first.map(String.init) ?? claim
        switch type {
        case "Secret", "SKR": return "secrecy"
        case "Alive": return "aliveness of each partner"
        case "Weakagree": return "Scyther's weak agreement with each partner"
        case "Niagree": return "message agreement on the causal past"
        case "Nisynch": return "synchronisation on the causal past"
        case "Commit": return "agreement"
        case "Reachable": return "reachability"
        case "Empty", "SID": return "no property"
        default: return type
        }
    }
}
