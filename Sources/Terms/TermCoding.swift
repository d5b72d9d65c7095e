/// A JSON form of terms that `protocheck replay` reads back exactly:
/// atoms `{"atom":"Na","sort":"nonce","run":1}`, variables `{"var":"Nb","sort":"nonce","run":2}`,
/// `{"num":5}`, `{"offset":T,"by":5}`, `{"fn":"senc","args":[...]}`.
extension Term: Codable {
    private enum Key: String, CodingKey { case atom, sort, run, kind, `var`, num, offset, by, fn, args, `public` }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .atom(let a):
            try c.encode(a.name, forKey: .atom)
            try c.encode(a.sort, forKey: .sort)
            switch a.kind {
            case .agent: try c.encode("agent", forKey: .kind)
            case .constant(let p): try c.encode(p ? "public" : "secret", forKey: .kind)
            case .fresh(let run): try c.encode(run, forKey: .run)
            }
        case .variable(let v):
            try c.encode(v.name, forKey: .var)
            try c.encode(v.sort, forKey: .sort)
            try c.encode(v.run, forKey: .run)
        case .number(let n):
            try c.encode(n, forKey: .num)
        case .offset(let t, let n):
            try c.encode(t, forKey: .offset)
            try c.encode(n, forKey: .by)
        case .app(let f, let args):
            try c.encode(f.name, forKey: .fn)
            if case .user(_, let p) = f { try c.encode(p, forKey: .public) }
            try c.encode(args, forKey: .args)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        if let name = try c.decodeIfPresent(String.self, forKey: .atom) {
            let sort = try c.decode(Sort.self, forKey: .sort)
            if let run = try c.decodeIfPresent(Int.self, forKey: .run) {
                self = .atom(Atom(name, sort: sort, kind: .fresh(run: run)))
            } else {
                switch try c.decode(String.self, forKey: .kind) {
                case "agent": self = .atom(Atom(name, sort: sort, kind: .agent))
                case "public": self = .atom(Atom(name, sort: sort, kind: .constant(isPublic: true)))
                case "secret": self = .atom(Atom(name, sort: sort, kind: .constant(isPublic: false)))
                case let other:
                    throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown atom kind '\(other)'")
                }
            }
        } else if let name = try c.decodeIfPresent(String.self, forKey: .var) {
            self = .variable(Variable(name, sort: try c.decode(Sort.self, forKey: .sort), run: try c.decode(Int.self, forKey: .run)))
        } else if let n = try c.decodeIfPresent(Int.self, forKey: .num) {
            self = .number(n)
        } else if let t = try c.decodeIfPresent(Term.self, forKey: .offset) {
            self = .plus(t, try c.decode(Int.self, forKey: .by))
        } else if let name = try c.decodeIfPresent(String.self, forKey: .fn) {
            let args = try c.decode([Term].self, forKey: .args)
            let f: Function
            switch name {
            case "pair": f = .pair
            case "senc": f = .senc
            case "aenc": f = .aenc
            case "sign": f = .sign
            case "hash": f = .hash
            case "mac": f = .mac
            case "kdf": f = .kdf
            case "pk": f = .pk
            case "sk": f = .sk
            case "k": f = .shk
            case "exp": f = .exp
            default: f = .user(name, isPublic: try c.decodeIfPresent(Bool.self, forKey: .public) ?? true)
            }
            guard f.arity.map({ $0 == args.count }) ?? true, !(f == .exp && args.count < 2) else {
                throw DecodingError.dataCorruptedError(forKey: .args, in: c, debugDescription: "\(name) takes \(f.arity ?? 0) arguments, not \(args.count)")
            }
            self = .apply(f, args)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a term"))
        }
    }
}

extension Function {
    /// The fixed arity of a built-in function; nil where it varies (`exp`, user functions).
    package var arity: Int? {
        switch self {
        case .pair, .senc, .aenc, .sign, .mac, .shk: return 2
        case .hash, .kdf, .pk, .sk: return 1
        case .exp, .user: return nil
        }
    }
}
