import Terms

/// A property to check: a claim of a role (or a conditional secrecy) under one setting.
package struct Property: Hashable, Sendable {
    package enum Origin: Hashable, Sendable {
        /// The claim event at `event` in role `role` (indices into the model).
        case claim(role: Int, event: Int, Goal)
        case conditional(ConditionalSecrecy)
    }

    package var name: String
    package var kind: PropertyKind
    /// Whose view the property takes, as the source document names the role.
    package var role: String
    package var setting: Setting
    package var origin: Origin
    /// What the adversary may reveal beyond the network (`Adversary.standard`: nothing).
    package var adversary: Adversary = .standard

    /// The claiming role's index, for a claim.
    package var claimRole: Int? {
        if case .claim(let role, _, _) = origin { return role }
        return nil
    }

    /// The property in words, for reports and traces.
    package var summary: String {
        switch origin {
        case .conditional(let c): return c.summary
        case .claim(_, _, let goal):
            switch goal {
            case .secret(let t): return "\(role) believes the intruder never learns \(t)"
            case .aliveness(let a): return "when \(role) finishes, \(a) has been running the protocol"
            case .weakAgreement(let a): return "when \(role) finishes with \(a), \(a) has been running the protocol with \(role)"
            case .agreement(let a, let ds, let inj, _):
                let on = ds.map(\.description).joined(separator: ", ")
                return inj
                    ? "each run of \(role) that finishes with \(a) has its own run of \(a) with \(role) agreeing on \(on)"
                    : "when \(role) finishes with \(a), \(a) has been running with \(role) agreeing on \(on)"
            case .scytherWeakAgreement(let a):
                return "when \(role) finishes, \(a) has run the protocol (in any role) with the same agents as \(role)'s run"
            case .synchronisation:
                return "when \(role) finishes, every message before the claim was sent and received as the protocol says, by one run of each role, each sent before it was received"
            case .messageAgreement:
                return "when \(role) finishes, every message before the claim was sent and received with the same content, sender and recipient by one run of each role"
            case .reachable:
                return "some execution with honest agents reaches this claim of \(role)"
            }
        }
    }
}

extension ProtocolModel {
    /// Every property: each claim and each conditional secrecy, under each setting it applies to.
    /// A property checked outside the first setting is named `claim@setting`.
    package var properties: [Property] {
        var out: [Property] = []
        for (si, setting) in settings.enumerated() {
            let suffix = si == 0 ? "" : "@\(setting.name)"
            for (ri, role) in roles.enumerated() {
                for (ei, e) in role.events.enumerated() {
                    guard case .claim(let name, let goal) = e.action else { continue }
                    out.append(Property(name: name + suffix, kind: goal.kind, role: role.name, setting: setting,
                                        origin: .claim(role: ri, event: ei, goal)))
                }
            }
            for c in conditionals where c.settings?.contains(setting.name) ?? true {
                out.append(Property(name: c.name + suffix, kind: .custom, role: c.role, setting: setting, origin: .conditional(c)))
            }
        }
        return out
    }
}

extension ProtocolModel {
    /// Every property, each checked under `adversary`.
    package func properties(under adversary: Adversary) -> [Property] {
        properties.map { p in
            var q = p
            q.adversary = adversary
            return q
        }
    }
}

extension Goal {
    /// How a violation of the goal reads in a trace, for the goals whose wording needs no more than the
    /// claimant (both engines word the others themselves). `claimant` names the claiming run.
    package func failure(claimant me: String) -> String {
        switch self {
        case .scytherWeakAgreement(let a):
            return "\(me) finished, but no run of \(a) was set up with the same agents"
        case .synchronisation:
            return "\(me) finished, but no runs sent and received the messages before its claim as the protocol says, each send before its receive"
        case .messageAgreement:
            return "\(me) finished, but no runs sent and received the messages before its claim with the same content, sender and recipient"
        case .reachable:
            return "\(me) reaches its claim"
        case .secret, .aliveness, .weakAgreement, .agreement:
            return "\(me) finished"
        }
    }
}
