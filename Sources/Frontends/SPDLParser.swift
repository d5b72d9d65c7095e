/// A recursive-descent parser for SPDL. Nesting of terms is bounded so that no input, however
/// malformed, can exhaust the stack.
struct Parser {
    static let maxNesting = 64

    private let source: SourceText
    private let tokens: [Token]
    private var i = 0

    init(_ source: SourceText) throws {
        self.source = source
        var lexer = Lexer(source)
        self.tokens = try lexer.tokens()
    }

    // MARK: - Token helpers

    private var current: Token { tokens[i] }

    private mutating func next() -> Token {
        let t = tokens[i]
        if i < tokens.count - 1 { i += 1 }
        return t
    }

    private func isSymbol(_ s: String) -> Bool { current.kind == .symbol && current.text == s }

    private func isKeyword(_ s: String) -> Bool { current.kind == .identifier && current.text == s }

    private mutating func accept(_ s: String) -> Bool {
        if isSymbol(s) { _ = next(); return true }
        return false
    }

    @discardableResult
    private mutating func expect(_ s: String, _ context: String) throws -> Token {
        guard isSymbol(s) else { throw source.error(at: current, "expected '\(s)' \(context), found \(describe(current))") }
        return next()
    }

    private mutating func identifier(_ what: String) throws -> Token {
        guard current.kind == .identifier else { throw source.error(at: current, "expected \(what), found \(describe(current))") }
        return next()
    }

    private func describe(_ t: Token) -> String {
        switch t.kind {
        case .end: return "end of file"
        case .string: return "a string"
        default: return "'\(t.text)'"
        }
    }

    private mutating func identifierList(_ what: String) throws -> [Token] {
        var out = [try identifier(what)]
        while accept(",") { out.append(try identifier(what)) }
        return out
    }

    private func unsupported(_ t: Token, _ what: String) -> SPDLError {
        source.error(at: t, "\(what) is not supported by protocheck yet")
    }

    // MARK: - File

    mutating func file() throws -> [TopLevel] {
        var out: [TopLevel] = []
        while current.kind != .end {
            let t = current
            guard t.kind == .identifier else { throw source.error(at: t, "expected a declaration or 'protocol', found \(describe(t))") }
            switch t.text {
            case "protocol": out.append(.protocol(try protocolBlock()))
            case "usertype":
                _ = next()
                out.append(.usertype(try identifierList("a type name")))
                try expect(";", "after the usertype declaration")
            case "const", "secret":
                out.append(.declaration(try declaration()))
            case "hashfunction":
                _ = next()
                out.append(.hashfunction(try identifierList("a function name")))
                try expect(";", "after the hashfunction declaration")
            case "inversekeys":
                _ = next()
                try expect("(", "after 'inversekeys'")
                let a = try identifier("a function name")
                try expect(",", "between the two inverse keys")
                let b = try identifier("a function name")
                try expect(")", "after the inverse keys")
                try expect(";", "after the inversekeys declaration")
                out.append(.inversekeys(keyword: t, a, b))
            case "macro":
                let (name, body) = try macro()
                out.append(.macro(name: name, body: body))
            case "untrusted", "compromised", "knows", "run", "option", "include", "trusted", "singular", "function":
                throw unsupported(t, "the '\(t.text)' declaration")
            case "fresh", "var":
                throw source.error(at: t, "'\(t.text)' declarations belong inside a role")
            case "role":
                throw source.error(at: t, "a role must be written inside a protocol block")
            default:
                throw source.error(at: t, "expected a declaration or 'protocol', found \(describe(t))")
            }
        }
        return out
    }

    private mutating func protocolBlock() throws -> ProtocolSyntax {
        let keyword = next()
        let name = try identifier("the protocol's name")
        try expect("(", "before the protocol's role names")
        let roleNames = try identifierList("a role name")
        try expect(")", "after the protocol's role names")
        try expect("{", "to open the protocol body")
        var roles: [RoleSyntax] = []
        var declarations: [Statement] = []
        while !isSymbol("}") {
            let t = current
            guard t.kind == .identifier else { throw source.error(at: t, "expected 'role' or '}', found \(describe(t))") }
            switch t.text {
            case "role": roles.append(try role())
            case "fresh", "var", "const", "secret": declarations.append(.declaration(try declaration()))
            case "macro":
                let (n, b) = try macro()
                declarations.append(.macro(name: n, body: b))
            default: throw source.error(at: t, "expected 'role' or '}', found \(describe(t))")
            }
        }
        _ = next()
        _ = accept(";")
        return ProtocolSyntax(keyword: keyword, name: name, roleNames: roleNames, roles: roles, declarations: declarations)
    }

    private mutating func role() throws -> RoleSyntax {
        let keyword = next()
        let name = try identifier("the role's name")
        try expect("{", "to open the role")
        var statements: [Statement] = []
        while !isSymbol("}") {
            statements.append(try statement())
        }
        _ = next()
        _ = accept(";")
        return RoleSyntax(keyword: keyword, name: name, statements: statements)
    }

    private mutating func declaration() throws -> Declaration {
        let keyword = next()
        let kind = Declaration.Kind(rawValue: keyword.text)!
        let names = try identifierList("a name to declare")
        var type: Token?
        if accept(":") {
            type = try identifier("a type")
            if isSymbol("|") { throw unsupported(current, "a union of types") }
        }
        try expect(";", "after the declaration")
        return Declaration(kind: kind, keyword: keyword, names: names, type: type)
    }

    private mutating func macro() throws -> (Token, SyntaxTerm) {
        _ = next()
        let name = try identifier("the macro's name")
        try expect("=", "after the macro's name")
        let body = try term(depth: 0)
        try expect(";", "after the macro")
        return (name, body)
    }

    private mutating func statement() throws -> Statement {
        let t = current
        guard t.kind == .identifier else { throw source.error(at: t, "expected a role event or declaration, found \(describe(t))") }
        switch t.text {
        case "fresh", "var", "const", "secret": return .declaration(try declaration())
        case "macro":
            let (n, b) = try macro()
            return .macro(name: n, body: b)
        case "match", "not": throw unsupported(t, "'\(t.text)' (pattern matching)")
        default: break
        }
        let head: Substring
        let label: String?
        if let u = t.text.firstIndex(of: "_") {
            head = t.text[..<u]
            label = String(t.text[t.text.index(after: u)...])
        } else {
            head = Substring(t.text)
            label = nil
        }
        switch head {
        case "send", "recv", "read", "claim": break
        default: throw source.error(at: t, "expected a role event (send_, recv_, claim) or a declaration, found \(describe(t))")
        }
        _ = next()
        if head != "claim", label == nil || label!.isEmpty || label == "!" {
            throw source.error(at: t, "'\(head)' needs a label, as in \(head)_1")
        }
        try expect("(", "after '\(t.text)'")
        var args = [try term(depth: 0)]
        while accept(",") { args.append(try term(depth: 0)) }
        try expect(")", "to close '\(t.text)'")
        try expect(";", "after '\(t.text)(...)'")
        switch head {
        case "send": return .send(keyword: t, label: label!, args: args)
        case "claim": return .claim(keyword: t, label: label.flatMap { $0.isEmpty ? nil : $0 }, args: args)
        default: return .recv(keyword: t, label: label!, args: args)
        }
    }

    // MARK: - Terms

    private mutating func term(depth: Int) throws -> SyntaxTerm {
        let t = current
        guard depth < Self.maxNesting else { throw source.error(at: t, "terms nested more than \(Self.maxNesting) deep") }
        if accept("(") {
            let items = try termList(depth: depth + 1, closing: ")", context: "to close the tuple")
            return items.count == 1 ? items[0] : .tuple(t, items)
        }
        if accept("{") {
            let items = try termList(depth: depth + 1, closing: "}", context: "to close the encryption")
            let key = try term(depth: depth + 1)
            return .encrypt(t, items, key: key)
        }
        let name = try identifier("a term")
        if accept("(") {
            let args = try termList(depth: depth + 1, closing: ")", context: "to close the arguments of '\(name.text)'")
            return .apply(name, args)
        }
        return .name(name)
    }

    private mutating func termList(depth: Int, closing: String, context: String) throws -> [SyntaxTerm] {
        if isSymbol(closing) { throw source.error(at: current, "empty term list") }
        var items = [try term(depth: depth)]
        while accept(",") { items.append(try term(depth: depth)) }
        try expect(closing, context)
        return items
    }
}
