import Terms

/// A mistake in a model, found before any search: it names the model, the role, the step and the term.
package struct ModelError: Error, Hashable, Sendable, CustomStringConvertible {
    package var model: String
    package var location: SourceLocation
    package var message: String

    package init(model: String, location: SourceLocation, message: String) {
        self.model = model
        self.location = location
        self.message = message
    }

    package var description: String { "\(location): error: \(model): \(message)" }
}

/// What a role knows at the start of a run, by convention: every role name, every public key (a
/// public function of a name), its own private key, the long-term keys it shares with every other
/// role, the public constants, and whatever the role declares with `knows:`.
package func initialKnowledge(of role: Role, in model: ProtocolModel) -> [Term] {
    let me = Term.variable(role.me)
    var out: [Term] = model.roleNames.map { .variable($0) }
    out.append(sk(me))
    for other in model.roleNames where other != role.me {
        out.append(k(me, .variable(other)))
        out.append(k(.variable(other), me))
    }
    return out + role.knows
}

extension ProtocolModel {
    /// Checks that every role can do what its script says from what it knows: each message it sends
    /// and each value it assigns can be built, each name is bound before use, each claim is about a
    /// term the role has. Returns every error found, in script order. Under `SendDiscipline.asWritten`
    /// (the model's `sends`) a send or `Running` signal needs only names the role binds somewhere.
    package func validate() -> [ModelError] { validate(sends: sends) }

    package func validate(sends discipline: SendDiscipline) -> [ModelError] {
        var errors: [ModelError] = []
        var names = Set<String>()
        for role in roles where !names.insert(role.name).inserted {
            errors.append(ModelError(model: name, location: role.location, message: "two roles are named '\(role.name)'"))
        }
        let allNames = Set(roleNames)
        for t in trusted where role(named: t) == nil {
            errors.append(ModelError(model: name, location: location, message: "trusted role '\(t)' is not a role of the model"))
        }
        for role in roles {
            var known = Knowledge(initialKnowledge(of: role, in: self), variablesKnown: false)
            var bound = allNames
            for t in role.knows { bound.formUnion(t.variables) }
            // Every name the role binds at some point: what a step sent as written may mention.
            var everBound = bound
            for e in role.events {
                switch e.action {
                case .receive(_, let p): everBound.formUnion(p.variables)
                case .fresh(let t), .assign(let t, _): everBound.formUnion(t.variables)
                default: break
                }
            }
            func fail(_ e: Event, _ message: String) {
                errors.append(ModelError(model: name, location: e.location, message: "role \(role.name): \(message)"))
            }
            // Sends and Running signals may be written beyond what the role can build (`asWritten`).
            func need(_ e: Event, _ t: Term, _ what: String, asWritten: Bool = false) {
                if asWritten && discipline == .asWritten {
                    if let v = t.variables.sorted().first(where: { !everBound.contains($0) }) {
                        fail(e, "\(what) \(t), but \(v) is never bound in the role")
                    }
                    return
                }
                if !known.canDerive(t) {
                    let missing = t.subterms.first { !known.canDerive($0) && $0.size == 1 } ?? t
                    fail(e, "\(what) \(t), but it cannot build \(missing) from what it knows")
                }
            }
            for e in role.events {
                switch e.action {
                case .send(let label, let t):
                    need(e, t, "step \(label) sends", asWritten: true)
                case .receive(_, let p):
                    bound.formUnion(p.variables)
                    known.add(p)
                case .fresh(let t):
                    guard let v = t.asVariable else { fail(e, "Fresh takes a name, not \(t)"); continue }
                    if bound.contains(v) { fail(e, "\(v) is already bound and cannot be made fresh") }
                    bound.insert(v)
                    known.add(t)
                case .assign(let v, let value):
                    guard v.isVariable else { fail(e, "Assign takes a name, not \(v)"); continue }
                    need(e, value, "assigns \(v) :=")
                    bound.formUnion(v.variables)
                    known.add(v)
                case .check(let c):
                    for t in c.terms { need(e, t, "checks") }
                case .running(let peer, let ds, let tag):
                    for t in [peer] + ds { need(e, t, "signals \(Event.Action.runningName(tag)) with", asWritten: true) }
                case .signal(let n, let ds):
                    for t in ds { need(e, t, "signals \(n) with") }
                case .reveal(let t):
                    need(e, t, "reveals")
                case .claim(let n, let goal):
                    // Scyther asks nothing of what a secrecy claim names; the names must be bound (below).
                    if case .secret(let t) = goal, discipline == .buildable, !known.canDerive(t) {
                        fail(e, "claim \(n) is about \(t), a term the role never has at this point")
                    }
                    for t in goal.terms where !t.variables.isSubset(of: bound) {
                        fail(e, "claim \(n) names \(t), a term the role never has at this point")
                    }
                }
            }
        }
        // One name, one verdict: two properties of one name would share a line of an expectations
        // file, and one of them would gate nothing.
        var claimed: [String: SourceLocation] = [:]
        let named = roles.flatMap { r in r.events.compactMap { e -> (String, SourceLocation)? in
            if case .claim(let n, _) = e.action { return (n, e.location) } else { return nil }
        } } + conditionals.map { ($0.name, $0.location) }
        for (n, at) in named {
            if let first = claimed[n] {
                errors.append(ModelError(model: name, location: at, message: "two properties are named '\(n)' (the first at \(first))"))
            } else {
                claimed[n] = at
            }
        }
        for c in conditionals where role(named: c.role) == nil {
            errors.append(ModelError(model: name, location: c.location, message: "conditional property \(c.name) takes the view of '\(c.role)', which is not a role"))
        }
        return errors
    }
}
