/// The parsed form of an SPDL file, before names are resolved into terms.

/// A term as written.
indirect enum SyntaxTerm: Sendable {
    /// A bare identifier: a variable, role name, constant or macro.
    case name(Token)
    /// `f(a, b)`.
    case apply(Token, [SyntaxTerm])
    /// `(a, b)`: the token is the opening parenthesis.
    case tuple(Token, [SyntaxTerm])
    /// `{a, b}key`: the token is the opening brace.
    case encrypt(Token, [SyntaxTerm], key: SyntaxTerm)

    var token: Token {
        switch self {
        case .name(let t), .apply(let t, _), .tuple(let t, _), .encrypt(let t, _, _): return t
        }
    }

    /// The identifier, if the term is a bare name.
    var bareName: String? { if case .name(let t) = self { return t.text } else { return nil } }
}

/// `fresh`, `var`, `const`, `secret`: names and an optional type.
struct Declaration: Sendable {
    enum Kind: String, Sendable { case fresh, `var`, const, secret }
    var kind: Kind
    var keyword: Token
    var names: [Token]
    /// Nil when no type is written.
    var type: Token?
}

/// A statement of a role.
enum Statement: Sendable {
    case declaration(Declaration)
    /// `send_L(...)`, `recv_L(...)`, `claim_L(...)`: the keyword token carries the label.
    case send(keyword: Token, label: String, args: [SyntaxTerm])
    case recv(keyword: Token, label: String, args: [SyntaxTerm])
    case claim(keyword: Token, label: String?, args: [SyntaxTerm])
    case macro(name: Token, body: SyntaxTerm)
}

struct RoleSyntax: Sendable {
    var keyword: Token
    var name: Token
    var statements: [Statement]
}

struct ProtocolSyntax: Sendable {
    var keyword: Token
    var name: Token
    var roleNames: [Token]
    var roles: [RoleSyntax]
    /// Declarations and macros written in the protocol body outside any role.
    var declarations: [Statement]
}

/// What a file says at the top level, in order.
enum TopLevel: Sendable {
    case usertype([Token])
    case declaration(Declaration)
    case hashfunction([Token])
    case inversekeys(keyword: Token, Token, Token)
    case macro(name: Token, body: SyntaxTerm)
    case `protocol`(ProtocolSyntax)
}
