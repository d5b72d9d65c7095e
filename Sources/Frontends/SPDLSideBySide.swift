import Terms
import Model

// Several protocols of one file, side by side as Scyther runs them: the model of one protocol holds
// its own roles and every other protocol's roles beside them.
extension Translator {
    /// The model of protocol `i`: its own roles, then every other protocol's roles under names
    /// prefixed with their protocol's (`nsl3-broken.I`, every name of theirs likewise, so that
    /// nothing clashes), without their claims and signals: their runs share the network, and only
    /// protocol `i`'s claims are checked.
    func assemble(_ i: Int, _ protocols: [TranslatedProtocol]) -> ProtocolModel {
        let own = protocols[i]
        var roles = own.roles
        var readings = ["Translated from Scyther SPDL (\(source.file)), protocol \(own.name)"] + globals.readings + own.readings
        for (j, other) in protocols.enumerated() where j != i {
            roles += embedded(other)
            readings.append(other.isHelper
                ? "helper protocol \(other.name) (roles \(other.roles.map { "\(other.name).\($0.name)" }.joined(separator: ", "))) runs beside \(own.name), as in Scyther: its runs serve other runs, make no claims and are never anyone's partner"
                : "protocol \(other.name) of the same file runs beside \(own.name), as in Scyther: runs of its roles (\(other.roles.map { "\(other.name).\($0.name)" }.joined(separator: ", "))) share the network, so they can break \(own.name)'s claims; its own claims are checked in its own model")
        }
        var model = ProtocolModel(name: own.name, title: own.name, source: "Scyther SPDL: \(source.file)",
                                  parts: roles.map { .role($0) } + [.sends(.asWritten)], location: own.location)
        if usesSharedKeys(model.roles) {
            readings.append(options.bidirectionalKeys
                ? "k(A,B) is read as one key shared by A and B: k(A,B) = k(B,A), unlike Scyther"
                : "k(A,B) is read as Scyther's directional key, kdf(k(A,B), A): k(A,B) and k(B,A) differ, and only A, B (and the intruder when one of them is dishonest) can compute it")
        }
        readings += synchronisationReadings(model)
        // Scyther runs a role that sends what it cannot build (a ticket from an earlier session);
        // so does protocheck, and says where.
        let written = Set(model.validate(sends: .asWritten).map(\.description))
        for e in model.validate(sends: .buildable) where !written.contains(e.description) {
            readings.append("sent as written, as Scyther does (line \(e.location.line)): \(e.message)")
        }
        model.readings = readings
        return model
    }

    private func embedded(_ p: TranslatedProtocol) -> [Role] {
        let prefix = p.name + "."
        func renamed(_ t: Term) -> Term {
            t.mapLeaves { leaf in
                guard case .variable(let v) = leaf, v.run == 0 else { return leaf }
                return .variable(Variable(prefix + v.name, sort: v.sort))
            }
        }
        return p.roles.map { r in
            let events = r.events.compactMap { e -> Event? in
                switch e.action {
                case .claim, .running: return nil
                default: return e.map(renamed)
                }
            }
            return Role(name: prefix + r.name, knows: r.knows.map(renamed), events: events, location: r.location,
                        foreign: ForeignProtocol(name: p.name, isHelper: p.isHelper))
        }
    }

    /// What each synchronisation and message agreement claim checks: the messages of its causal past.
    private func synchronisationReadings(_ model: ProtocolModel) -> [String] {
        var out: [String] = []
        for (r, role) in model.roles.enumerated() where role.foreign == nil {
            for (i, e) in role.events.enumerated() {
                guard case .claim(let name, let goal) = e.action, goal.isSynchronisation else { continue }
                let past = model.causalPast(role: r, event: i)
                let kind = goal == .synchronisation ? "synchronisation (Scyther's Nisynch)" : "message agreement (Scyther's Niagree)"
                let labels = past.links.map(\.label)
                var text = "\(name): \(kind) on " + (labels.isEmpty ? "no message: it holds whenever the claim is reached" : "messages \(labels.joined(separator: ", "))")
                text += ", with one run of each of \(past.roles.map { model.roles[$0].name }.joined(separator: ", "))"
                out.append(text)
            }
        }
        return out
    }

    private func usesSharedKeys(_ roles: [Role]) -> Bool {
        roles.contains { r in
            r.events.contains { e in
                switch e.action {
                case .send(_, let t), .receive(_, let t): return t.subterms.contains { if case .app(.shk, _) = $0 { return true } else { return false } }
                default: return false
                }
            }
        }
    }
}
