import Terms
import Model

/// One role, translated statement by statement. Claims that need to know the other roles
/// (aliveness, agreement) wait in `pending` until every role is read.
struct RoleDraft {
    struct Communication {
        var isSend: Bool
        var label: String
        /// The other party, when it is one of the protocol's roles.
        var peer: String?
        var term: Term
    }

    enum PendingKind: String { case Alive, Weakagree, Niagree, Nisynch }

    struct PendingClaim {
        var kind: PendingKind
        var name: String
    }

    enum Item {
        case event(Event)
        case communication(Communication, Event)
        case pending(PendingClaim, SourceLocation)
    }

    var name: String
    var location: SourceLocation
    var knows: [Term]
    var items: [Item] = []
}

/// Turns the parsed file into models.
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
        var out: [ProtocolModel] = []
        for case .protocol(let p) in items { out.append(try model(p)) }
        return out
    }

    private func model(_ p: ProtocolSyntax) throws -> ProtocolModel {
        if p.name.text.hasPrefix("@") {
            throw source.error(at: p.name, "helper protocol '\(p.name.text)' (a name starting with @) is not supported by protocheck yet")
        }
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
        var claims = ClaimExpansion(drafts: drafts, options: options)
        let roles = claims.roles()
        var readings = ["Translated from Scyther SPDL (\(source.file)), protocol \(p.name.text)"] + globals.readings + claims.readings
        if usesSharedKeys(roles) {
            readings.append(options.bidirectionalKeys
                ? "k(A,B) is read as one key shared by A and B: k(A,B) = k(B,A), unlike Scyther"
                : "k(A,B) is read as Scyther's directional key, kdf(k(A,B), A): k(A,B) and k(B,A) differ, and only A, B (and the intruder when one of them is dishonest) can compute it")
        }
        let loose = globals.usertypes.sorted().filter { $0 != "SessionKey" && $0 != "Key" }
        if !loose.isEmpty {
            readings.append("user types (\(loose.joined(separator: ", "))) are read as nonces (atomic values, fresh or the intruder's): protocheck has no user sorts, so such a variable also accepts a value of another atomic user type or a Nonce, which Scyther's typing would refuse")
        }
        return ProtocolModel(name: p.name.text, title: p.name.text, source: "Scyther SPDL: \(source.file)",
                             parts: roles.map { .role($0) } + readings.map { .reading($0) }, location: location(p.keyword))
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
                let (mine, other) = isSend ? (args[0], args[1]) : (args[1], args[0])
                guard mine.bareName == me else {
                    throw source.error(at: mine.token, "role \(me) can only \(isSend ? "send as" : "receive for") itself, not '\(mine.bareName ?? "a compound term")'")
                }
                _ = try scope.term(other)
                let peer = other.bareName.flatMap { scope.roleNames.contains($0) && scope.variables[$0] == nil ? $0 : nil }
                let message = try scope.message(Array(args.dropFirst(2)))
                let action: Event.Action = isSend ? .send(label: label, message) : .receive(label: label, message)
                let c = RoleDraft.Communication(isSend: isSend, label: label, peer: peer, term: message)
                draft.items.append(.communication(c, Event(action, location: location(keyword))))
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
                switch type {
                case "Secret", "SKR":
                    guard !params.isEmpty else { throw source.error(at: args[1].token, "claim \(type) needs the term that stays secret") }
                    draft.items.append(.event(Event(.claim(name: name, .secret(try scope.message(params))), location: at)))
                case "Alive", "Weakagree", "Niagree", "Nisynch":
                    try noParameter()
                    draft.items.append(.pending(.init(kind: RoleDraft.PendingKind(rawValue: type)!, name: name), at))
                case "Commit", "Running":
                    guard let partner = params.first else { throw source.error(at: args[1].token, "claim \(type) needs the partner and the data") }
                    let peer = try scope.term(partner)
                    let data = try params.dropFirst().map { try scope.term($0) }
                    let action: Event.Action = type == "Commit"
                        ? .claim(name: name, .agreement(with: peer, on: data, injective: false))
                        : .running(peer: peer, data: data, tag: "")
                    draft.items.append(.event(Event(action, location: at)))
                case "Empty":
                    // Scyther checks nothing for it; its term is still read so that its names are checked.
                    if !params.isEmpty { _ = try scope.message(params) }
                case "Reachable":
                    throw source.error(at: args[1].token, "claim Reachable is not supported by protocheck yet")
                default:
                    throw source.error(at: args[1].token, "claim type '\(type)' is not supported by protocheck yet")
                }
            }
        }
        return draft
    }
}
