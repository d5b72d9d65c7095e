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
    /// Every identifier of the file, with the labels of its events: the names Scyther's symbol table
    /// holds, which generated claim labels avoid.
    let symbols: Set<String>

    init(_ source: SourceText, _ items: [TopLevel], options: SPDL.Options) throws {
        self.source = source
        self.items = items
        self.options = options
        self.globals = try Globals(source, items)
        var lexer = Lexer(source)
        var names = Set<String>()
        for t in try lexer.tokens() where t.kind == .identifier {
            names.insert(t.text)
            if let u = t.text.firstIndex(of: "_") { names.insert(String(t.text[t.text.index(after: u)...])) }
        }
        self.symbols = names
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
        var labels = ClaimLabels(names: symbols)
        for r in p.roles {
            let scope = RoleScope(source: source, globals: globals, roleNames: Set(roleNames), protocolMacros: macros,
                                  protocolLevel: protocolLevel, bidirectionalKeys: options.bidirectionalKeys)
            drafts.append(try role(r, scope, &labels))
        }
        let roles = ClaimExpansion(drafts: drafts).roles()
        return TranslatedProtocol(name: p.name.text, isHelper: p.name.text.hasPrefix("@"), roles: roles, readings: [],
                                  location: location(p.keyword))
    }

    private func role(_ r: RoleSyntax, _ initialScope: RoleScope, _ labels: inout ClaimLabels) throws -> RoleDraft {
        var scope = initialScope
        let me = r.name.text
        var draft = RoleDraft(name: me, location: location(r.name), knows: globals.secrets)
        var claims = 0
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
                claims += 1
                draft.items += try claim(keyword, label: label, args: args, role: me, scope: scope, position: claims, labels: &labels)
            }
        }
        return draft
    }
}
