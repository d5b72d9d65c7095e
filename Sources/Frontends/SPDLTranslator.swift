import Terms
import Model

/// One role, translated statement by statement. Claims that need the protocol's other roles
/// (aliveness and weak agreement of each partner) wait in `pending` until every role is read.
struct RoleDraft {
    enum PendingKind: String { case Alive, Weakagree }

    struct PendingClaim {
        var kind: PendingKind
        var name: String
        /// The role the claim is about, when it names one (`claim(I, Alive, R)`); otherwise every other role.
        var about: String?
    }

    enum Item {
        case event(Event)
        case pending(PendingClaim, SourceLocation)
    }

    var name: String
    var location: SourceLocation
    var knows: [Term]
    var items: [Item] = []
}

/// One `protocol` block, translated: its roles under their own names, with their claims.
struct TranslatedProtocol {
    var name: String
    var isHelper: Bool
    var roles: [Role]
    var readings: [String]
    var location: SourceLocation

    var makesClaims: Bool {
        roles.contains { $0.events.contains { if case .claim = $0.action { return true } else { return false } } }
    }
}

/// Turns the parsed file into models: one per protocol that makes claims (every protocol but a helper
/// one without claims), each with the roles of every other protocol of the file beside its own, as
/// Scyther runs them.
struct Translator {
    let source: SourceText
    let items: [TopLevel]
    let options: SPDL.Options
    let globals: Globals

    init(_ source: SourceText, _ items: [TopLevel], options: SPDL.Options) throws {
        self.source = source
        self.items = items
        self.options = options
        self.globals = try Globals(source, items)
    }

    func location(_ t: Token) -> SourceLocation { SourceLocation(file: source.file, line: t.line, column: t.column) }

    func models() throws -> [ProtocolModel] {
        var protocols: [TranslatedProtocol] = []
        var names: [String: Token] = [:]
        for case .protocol(let p) in items {
            if let first = names[p.name.text] {
                throw source.error(at: p.name, "protocol '\(p.name.text)' is defined twice (first on line \(first.line))")
            }
            names[p.name.text] = p.name
            protocols.append(try translate(p))
        }
        return protocols.indices.filter { !protocols[$0].isHelper || protocols[$0].makesClaims }.map { assemble($0, protocols) }
    }

    // MARK: - Several protocols side by side

    /// The model of protocol `i`: its own roles, then every other protocol's roles under names
    /// prefixed with their protocol's (`nsl3-broken.I`, every name of theirs likewise, so that
    /// nothing clashes), without their claims and signals: their runs share the network, and only
    /// protocol `i`'s claims are checked.
    private func assemble(_ i: Int, _ protocols: [TranslatedProtocol]) -> ProtocolModel {
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
        let loose = globals.usertypes.sorted().filter { $0 != "SessionKey" && $0 != "Key" }
        if !loose.isEmpty {
            readings.append("user types (\(loose.joined(separator: ", "))) are read as nonces (atomic values, fresh or the intruder's): protocheck has no user sorts, so such a variable also accepts a value of another atomic user type or a Nonce, which Scyther's typing would refuse")
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

    // MARK: - One protocol

    private func translate(_ p: ProtocolSyntax) throws -> TranslatedProtocol {
        var roleNames: [String] = []
        for r in p.roleNames {
            if roleNames.contains(r.text) { throw source.error(at: r, "role '\(r.text)' is named twice") }
            if globals.names[r.text] != nil { throw source.error(at: r, "role '\(r.text)' has the name of a declared constant or function") }
            roleNames.append(r.text)
        }
        var macros: [String: SyntaxTerm] = [:]
        var protocolLevel: [String: Token] = [:]
        for s in p.declarations {
            switch s {
            case .macro(let n, let body):
                guard macros[n.text] == nil else { throw source.error(at: n, "macro '\(n.text)' is defined twice") }
                macros[n.text] = body
            case .declaration(let d):
                // Scyther's library uses these only for names every role redeclares (neumannstub's
                // Kir), so they are accepted as long as no role relies on them.
                for n in d.names { protocolLevel[n.text] = n }
            default:
                break
            }
        }
        var seen: Set<String> = []
        for r in p.roles {
            guard roleNames.contains(r.name.text) else {
                throw source.error(at: r.name, "role '\(r.name.text)' is not among the roles of protocol \(p.name.text)(\(roleNames.joined(separator: ",")))")
            }
            guard seen.insert(r.name.text).inserted else { throw source.error(at: r.name, "role '\(r.name.text)' is defined twice") }
        }
        if let missing = p.roleNames.first(where: { !seen.contains($0.text) }) {
            throw source.error(at: missing, "role '\(missing.text)' has no role block")
        }
        var drafts: [RoleDraft] = []
        for r in p.roles {
            let scope = RoleScope(source: source, globals: globals, roleNames: Set(roleNames), protocolMacros: macros,
                                  protocolLevel: protocolLevel, bidirectionalKeys: options.bidirectionalKeys)
            drafts.append(try role(r, scope))
        }
        let roles = ClaimExpansion(drafts: drafts).roles()
        return TranslatedProtocol(name: p.name.text, isHelper: p.name.text.hasPrefix("@"), roles: roles, readings: [],
                                  location: location(p.keyword))
    }

    private func role(_ r: RoleSyntax, _ initialScope: RoleScope) throws -> RoleDraft {
        var scope = initialScope
        let me = r.name.text
        var draft = RoleDraft(name: me, location: location(r.name), knows: globals.secrets)
        var unlabelled = 0
        for statement in r.statements {
            switch statement {
            case .macro(let n, let body):
                guard scope.macros[n.text] == nil else { throw source.error(at: n, "macro '\(n.text)' is defined twice") }
                scope.macros[n.text] = body
            case .declaration(let d):
                guard d.kind == .fresh || d.kind == .var else {
                    throw source.error(at: d.keyword, "a '\(d.kind.rawValue)' declaration inside a role is not supported by protocheck yet; declare it at the top of the file")
                }
                let sort: Sort
                if let t = d.type {
                    switch try Globals.sort(of: t, globals.usertypes, source) {
                    case .function: throw source.error(at: t, "a \(d.kind.rawValue) of type Function is not supported by protocheck yet")
                    case .sort(let s): sort = s
                    }
                } else {
                    sort = d.kind == .fresh ? .nonce : .message
                }
                for n in d.names {
                    if scope.roleNames.contains(n.text) { throw source.error(at: n, "'\(n.text)' is a role name and cannot be redeclared") }
                    if scope.variables[n.text] != nil { throw source.error(at: n, "'\(n.text)' is declared twice in role \(me)") }
                    let v = Variable(n.text, sort: sort)
                    scope.variables[n.text] = v
                    if d.kind == .fresh { draft.items.append(.event(Event(.fresh(.variable(v)), location: location(n)))) }
                }
            case .send(let keyword, let label, let args), .recv(let keyword, let label, let args):
                let isSend: Bool
                if case .send = statement { isSend = true } else { isSend = false }
                guard args.count >= 3 else {
                    throw source.error(at: keyword, "\(keyword.text) takes a sender, a recipient and a message")
                }
                let mine = isSend ? args[0] : args[1]
                guard mine.bareName == me else {
                    throw source.error(at: mine.token, "role \(me) can only \(isSend ? "send as" : "receive for") itself, not '\(mine.bareName ?? "a compound term")'")
                }
                let ends = Endpoints(from: try scope.term(args[0]), to: try scope.term(args[1]))
                let message = try scope.message(Array(args.dropFirst(2)))
                let action: Event.Action = isSend ? .send(label: label, message) : .receive(label: label, message)
                draft.items.append(.event(Event(action, location: location(keyword), endpoints: ends)))
            case .claim(let keyword, let label, let args):
                guard args.count >= 2 else { throw source.error(at: keyword, "a claim takes a role and a claim type") }
                guard args[0].bareName == me else {
                    throw source.error(at: args[0].token, "role \(me) can only claim for itself, not '\(args[0].bareName ?? "a compound term")'")
                }
                guard let type = args[1].bareName else { throw source.error(at: args[1].token, "expected a claim type") }
                let name: String
                if let label { name = "\(type)_\(label)" } else { unlabelled += 1; name = "\(type)_\(me)\(unlabelled)" }
                let params = Array(args.dropFirst(2))
                let at = location(keyword)
                func noParameter() throws {
                    if let extra = params.first { throw source.error(at: extra.token, "claim \(type) takes no parameter") }
                }
                func claim(_ goal: Goal) { draft.items.append(.event(Event(.claim(name: name, goal), location: at))) }
                switch type {
                case "Secret", "SKR":
                    guard !params.isEmpty else { throw source.error(at: args[1].token, "claim \(type) needs the term that stays secret") }
                    claim(.secret(try scope.message(params)))
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
                    draft.items.append(.pending(.init(kind: RoleDraft.PendingKind(rawValue: type)!, name: name, about: about), at))
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
                        draft.items.append(.event(Event(.running(peer: peer, data: data, tag: ""), location: at)))
                    }
                case "NotEqual":
                    // Scyther's inequality constraint: the run goes on only while the two terms differ.
                    guard params.count == 2 else { throw source.error(at: args[1].token, "claim NotEqual takes two terms") }
                    draft.items.append(.event(Event(.check(.notEqual(try scope.term(params[0]), try scope.term(params[1]))), location: at)))
                case "Empty", "SID":
                    // Signals: Scyther checks nothing for them. Their terms are still read so that
                    // their names are checked.
                    if !params.isEmpty { _ = try scope.message(params) }
                default:
                    throw source.error(at: args[1].token, "claim type '\(type)' is not supported by protocheck (Scyther's claim types: Secret, SKR, Alive, Weakagree, Niagree, Nisynch, Commit, Running, Reachable, Empty, SID, NotEqual)")
                }
            }
        }
        return draft
    }
}
