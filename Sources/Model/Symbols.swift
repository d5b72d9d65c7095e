import Terms

// The vocabulary of models. A role script names things once (`let Na = nonce("Na")`); which of them a
// role generates, receives or already knows is decided per role when the model is compiled, exactly
// as in Alice&Bob narrations.

/// A role name: in a run it stands for the agent playing that role.
public func agent(_ name: String) -> Term { .variable(Variable(name, sort: .agent)) }
public func nonce(_ name: String) -> Term { .variable(Variable(name, sort: .nonce)) }
/// A symmetric key, fresh in the role that makes it and received by the others.
public func key(_ name: String) -> Term { .variable(Variable(name, sort: .key)) }
/// An integer-valued name (a balance, a counter).
public func number(_ name: String) -> Term { .variable(Variable(name, sort: .number)) }
/// A name that may stand for any message (a ticket, an opaque blob).
public func message(_ name: String) -> Term { .variable(Variable(name, sort: .message)) }

/// A constant of the whole model. Public ones (a generator, a price, a protocol tag) the intruder knows.
public func constant(_ name: String, _ sort: Sort = .message, public isPublic: Bool = true) -> Term {
    .atom(Atom(name, sort: sort, kind: .constant(isPublic: isPublic)))
}
public func literal(_ n: Int) -> Term { .number(n) }

public func pk(_ a: Term) -> Term { .app(.pk, [a]) }
public func sk(_ a: Term) -> Term { .app(.sk, [a]) }
/// The long-term symmetric key shared by two agents; `k(A,B) == k(B,A)`: one key per pair.
public func k(_ a: Term, _ b: Term) -> Term { .apply(.shk, [a, b]) }

public func tuple(_ items: Term...) -> Term { .tuple(items) }
public func senc(_ items: Term..., key: Term) -> Term { .app(.senc, [.tuple(items), key]) }
public func aenc(_ items: Term..., key: Term) -> Term { .app(.aenc, [.tuple(items), key]) }
public func sign(_ items: Term..., key: Term) -> Term { .app(.sign, [.tuple(items), key]) }
public func mac(_ items: Term..., key: Term) -> Term { .app(.mac, [.tuple(items), key]) }
public func hash(_ items: Term...) -> Term { .app(.hash, [.tuple(items)]) }
public func kdf(_ items: Term...) -> Term { .app(.kdf, [.tuple(items)]) }
/// Diffie-Hellman exponentiation; `exp(exp(g,x),y) == exp(exp(g,y),x)` holds as term equality.
public func exp(_ base: Term, _ exponent: Term) -> Term { .exp(base, exponent) }

/// A function of the model's own, e.g. Lagrange interpolation. A public one the intruder can
/// compute too; no inverse is assumed.
public struct UserFunction: Sendable {
    public let name: String
    public let isPublic: Bool
    public init(_ name: String, public isPublic: Bool = true) {
        self.name = name
        self.isPublic = isPublic
    }
    public func callAsFunction(_ args: Term...) -> Term { .app(.user(name, isPublic: isPublic), args) }
}

public func + (t: Term, n: Int) -> Term { .plus(t, n) }
public func - (t: Term, n: Int) -> Term { .plus(t, -n) }
