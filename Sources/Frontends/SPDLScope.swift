import Terms
import Model

/// What a name declared outside the roles stands for.
enum GlobalName {
    /// A `const` or `secret` constant.
    case constant(Atom, isFunction: Bool)
    case hashFunction(Function)
}

/// The declarations of a file that every protocol sees: types, constants, hash functions, macros.
struct Globals {
    var usertypes: Set<String> = []
    var names: [String: GlobalName] = [:]
    var macros: [String: SyntaxTerm] = [:]
    /// Secret constants: every role knows them, the intruder does not.
    var secrets: [Term] = []
    var readings: [String] = []
    /// Inverse key functions of which one is secret: a key pair of its own, `{t}public` read as
    /// `aenc(t, pk(owner))` and `{t}secret` as `sign(t, sk(owner))`.
    var keyPairs: [String: (owner: Term, isPublicHalf: Bool)] = [:]
    private var hashCount = 0

    /// Scyther's built-in key functions, which older models declare themselves.
    static let builtInFunctions: Set<String> = ["pk", "sk", "k"]

    init(_ source: SourceText, _ items: [TopLevel]) throws {
        for item in items {
            switch item {
            case .usertype(let ts):
                for t in ts { usertypes.insert(t.text) }
            case .declaration(let d):
                for n in d.names {
                    try checkFree(n, source)
                    let type = try d.type.map { try Globals.sort(of: $0, usertypes, source) } ?? .sort(.message)
                    let isPublic = d.kind == .const
                    switch type {
                    case .function where Globals.builtInFunctions.contains(n.text):
                        readings.append("the declaration of \(n.text) as a Function (line \(n.line)) is read as Scyther's built-in \(n.text)")
                    case .function:
                        // A secret function: the roles compute it, the intruder cannot.
                        names[n.text] = .constant(Atom(n.text, sort: .message, kind: .constant(isPublic: isPublic)), isFunction: true)
                    case .sort(let s):
                        let atom = s == .agent ? Atom.agent(n.text) : Atom(n.text, sort: s, kind: .constant(isPublic: isPublic))
                        names[n.text] = .constant(atom, isFunction: false)
                        if !isPublic { secrets.append(.atom(atom)) }
                    }
                }
            case .hashfunction(let ts):
                for t in ts {
                    try checkFree(t, source)
                    names[t.text] = .hashFunction(hashCount == 0 ? .hash : .user(t.text, isPublic: true))
                    hashCount += 1
                }
            case .macro(let name, let body):
                guard macros[name.text] == nil else { throw source.error(at: name, "macro '\(name.text)' is defined twice") }
                macros[name.text] = body
            case .inversekeys, .protocol:
                break
            }
        }
        // Inverse keys are checked once every constant is known, wherever it was declared.
        for case .inversekeys(_, let a, let b) in items {
            if Set([a.text, b.text]) == ["pk", "sk"] { continue }
            var open: [Bool] = []
            for t in [a, b] {
                guard case .constant(let atom, true)? = names[t.text] else {
                    throw source.error(at: t, "inversekeys with '\(t.text)', which is not a constant of type Function, is not supported by protocheck yet")
                }
                open.append(atom.isPublic)
            }
            switch (open[0], open[1]) {
            case (true, true):
                readings.append("inversekeys(\(a.text), \(b.text)): both keys are public, so {t}\(a.text) is read as senc(t, \(a.text)), which anyone can build and open")
            case (true, false), (false, true):
                let (pub, sec) = open[0] ? (a, b) : (b, a)
                let owner = Term.atom(Atom("\(pub.text)/\(sec.text)", sort: .message, kind: .constant(isPublic: true)))
                keyPairs[pub.text] = (owner, true)
                keyPairs[sec.text] = (owner, false)
                readings.append("inversekeys(\(pub.text), \(sec.text)) with \(sec.text) secret is a key pair of its own: {t}\(pub.text) is read as aenc(t, pk(\(pub.text)/\(sec.text))), which only the roles open, and {t}\(sec.text) as sign(t, sk(\(pub.text)/\(sec.text))), which only the roles make")
            case (false, false):
                throw source.error(at: a, "inversekeys of two secret functions ('\(a.text)', '\(b.text)') is not supported by protocheck yet")
            }
        }
    }

    private func checkFree(_ t: Token, _ source: SourceText) throws {
        if names[t.text] != nil { throw source.error(at: t, "'\(t.text)' is declared twice") }
    }

    enum TypeReading { case sort(Sort), function }

    static func sort(of t: Token, _ usertypes: Set<String>, _ source: SourceText) throws -> TypeReading {
        switch t.text {
        case "Nonce": return .sort(.nonce)
        case "Agent": return .sort(.agent)
        // Scyther's typed matching gives a variable of an atomic type (`SessionKey`, a `usertype`)
        // only atoms of that type: never a compound key such as k(A,B), nor a value of another type.
        // Keys are built as keys, the other types as nonces (atomic, fresh or the intruder's).
        case "SessionKey": return .sort(Sort(.key, type: t.text))
        case "Key": return .sort(usertypes.contains(t.text) ? Sort(.key, type: t.text) : .key)
        case "Ticket": return .sort(.message)
        case "Function": return .function
        default:
            guard usertypes.contains(t.text) else { throw source.error(at: t, "unknown type '\(t.text)' (declare it with 'usertype \(t.text);')") }
            return .sort(Sort(.nonce, type: t.text))
        }
    }
}

/// The names one role sees, and the translation of its terms.
struct RoleScope {
    let source: SourceText
    let globals: Globals
    let roleNames: Set<String>
    /// Macros of the protocol block, seen before the file's.
    let protocolMacros: [String: SyntaxTerm]
    /// Names declared at protocol level, outside the roles: usable only where a role redeclares them.
    var protocolLevel: [String: Token] = [:]
    /// Read `k(A,B)` as protocheck's bidirectional key rather than Scyther's directional one.
    var bidirectionalKeys = false
    var macros: [String: SyntaxTerm] = [:]
    var variables: [String: Variable] = [:]

    /// Bounds the size of a term after macro expansion, so that macros cannot blow up.
    static let maxTermSize = 20_000

    func lookupMacro(_ name: String) -> SyntaxTerm? {
        macros[name] ?? protocolMacros[name] ?? globals.macros[name]
    }

    func term(_ s: SyntaxTerm) throws -> Term {
        var budget = Self.maxTermSize
        var expanding: [String] = []
        return try term(s, &budget, &expanding)
    }

    /// A list of terms as one message: several are a tuple.
    func message(_ items: [SyntaxTerm]) throws -> Term {
        var budget = Self.maxTermSize
        var expanding: [String] = []
        return .tuple(try items.map { try term($0, &budget, &expanding) })
    }

    private func term(_ s: SyntaxTerm, _ budget: inout Int, _ expanding: inout [String]) throws -> Term {
        budget -= 1
        if budget < 0 { throw source.error(at: s.token, "term too large after macro expansion (over \(Self.maxTermSize) symbols)") }
        switch s {
        case .name(let t):
            return try name(t, &budget, &expanding)
        case .tuple(_, let items):
            return .tuple(try items.map { try term($0, &budget, &expanding) })
        case .apply(let f, let args):
            return try apply(f, args, &budget, &expanding)
        case .encrypt(_, let items, let key):
            let body = Term.tuple(try items.map { try term($0, &budget, &expanding) })
            if let k = key.bareName, variables[k] == nil, case .hashFunction(let h)? = globals.names[k] {
                return .app(h, [body])
            }
            if let k = key.bareName, variables[k] == nil, let pair = globals.keyPairs[k] {
                return pair.isPublicHalf ? .app(.aenc, [body, .app(.pk, [pair.owner])]) : .app(.sign, [body, .app(.sk, [pair.owner])])
            }
            let k = try term(key, &budget, &expanding)
            switch k {
            case .app(.pk, _): return .app(.aenc, [body, k])
            case .app(.sk, _): return .app(.sign, [body, k])
            default: return .app(.senc, [body, k])
            }
        }
    }

    private func name(_ t: Token, _ budget: inout Int, _ expanding: inout [String]) throws -> Term {
        if let v = variables[t.text] { return .variable(v) }
        if roleNames.contains(t.text) { return .variable(Variable(t.text, sort: .agent)) }
        if let body = lookupMacro(t.text) {
            if expanding.contains(t.text) { throw source.error(at: t, "macro '\(t.text)' refers to itself") }
            expanding.append(t.text)
            defer { expanding.removeLast() }
            return try term(body, &budget, &expanding)
        }
        if let d = protocolLevel[t.text], globals.names[t.text] == nil {
            throw source.error(at: t, "'\(t.text)' is declared at protocol level (line \(d.line)), outside the role; protocheck does not support that yet: declare it in the role")
        }
        switch globals.names[t.text] {
        case .constant(let a, _)?: return .atom(a)
        case .hashFunction?: throw source.error(at: t, "hash function '\(t.text)' used as a term; apply it as \(t.text)(...)")
        case nil: throw source.error(at: t, "undeclared name '\(t.text)'")
        }
    }

    private func apply(_ f: Token, _ args: [SyntaxTerm], _ budget: inout Int, _ expanding: inout [String]) throws -> Term {
        if variables[f.text] != nil || roleNames.contains(f.text) || lookupMacro(f.text) != nil {
            throw source.error(at: f, "'\(f.text)' is not a function")
        }
        let xs = try args.map { try term($0, &budget, &expanding) }
        switch globals.names[f.text] {
        case .hashFunction(let h)?: return .app(h, [.tuple(xs)])
        case .constant(let a, true)?: return .app(.user(a.name, isPublic: a.isPublic), [.tuple(xs)])
        case .constant?: throw source.error(at: f, "'\(f.text)' is a constant, not a function")
        case nil: break
        }
        switch f.text {
        case "pk", "sk":
            guard xs.count == 1 else { throw source.error(at: f, "\(f.text) takes one argument, not \(xs.count)") }
            return .app(f.text == "pk" ? .pk : .sk, xs)
        case "k":
            guard xs.count == 2 else { throw source.error(at: f, "k takes two arguments (k(A,B)), not \(xs.count)") }
            // Scyther's k(A,B) and k(B,A) are different keys; protocheck's k is one key shared by both.
            // The directional key is derived from the shared one and its first agent: only A and B
            // can compute it, and the intruder can for the keys it shares as a dishonest agent.
            let shared = Term.apply(.shk, xs)
            return bidirectionalKeys ? shared : .app(.kdf, [.tuple([shared, xs[0]])])
        default:
            throw source.error(at: f, "unknown function '\(f.text)' (declare it with 'hashfunction \(f.text);' or 'const \(f.text): Function;')")
        }
    }
}
