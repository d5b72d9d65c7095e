/// A token of SPDL. Identifiers take Scyther's liberal spelling: protocol names like `ccitt509-1` or
/// `neustub^Repeat`, labels like `send_!2`, helper protocols like `@swapkey`.
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case identifier, symbol, string, end }
    var kind: Kind
    var text: String
    var line: Int
    var column: Int
    var length: Int
}

/// Splits SPDL source into tokens, skipping `#`, `//` and `/* */` comments.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var i = 0
    private var line = 1
    private var column = 1
    private let source: SourceText

    init(_ source: SourceText) {
        self.source = source
        self.scalars = source.scalars
    }

    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "@"
    }

    /// Scyther's identifiers also take `-`, `^`, `!` and `'` (`msrand'`).
    private static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || c == "-" || c == "^" || c == "!" || c == "'"
    }

    private static let symbols: Set<Unicode.Scalar> = ["(", ")", "{", "}", ",", ";", ":", "=", "|"]

    private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < scalars.count ? scalars[i + k] : nil }

    private mutating func advance() {
        if scalars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
        i += 1
    }

    mutating func tokens() throws -> [Token] {
        var out: [Token] = []
        while true {
            try skipTrivia()
            guard let c = peek() else {
                out.append(Token(kind: .end, text: "end of file", line: line, column: column, length: 1))
                return out
            }
            let (l, col, start) = (line, column, i)
            if Self.isIdentifierStart(c) {
                while let d = peek(), Self.isIdentifierPart(d) { advance() }
                out.append(Token(kind: .identifier, text: text(start, i), line: l, column: col, length: i - start))
            } else if c == "!" {
                // A label may start with `!` only after `send_`; anywhere else it is not SPDL.
                throw source.error(line: l, column: col, "unexpected character '!'")
            } else if Self.symbols.contains(c) {
                advance()
                out.append(Token(kind: .symbol, text: String(Character(c)), line: l, column: col, length: 1))
            } else if c == "\"" {
                advance()
                while let d = peek(), d != "\"", d != "\n" { advance() }
                guard peek() == "\"" else { throw source.error(line: l, column: col, "unterminated string") }
                advance()
                out.append(Token(kind: .string, text: text(start + 1, i - 1), line: l, column: col, length: i - start))
            } else {
                throw source.error(line: l, column: col, "unexpected character '\(c.escaped(asASCII: true))'")
            }
        }
    }

    private func text(_ a: Int, _ b: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[a..<b])
        return String(s)
    }

    private mutating func skipTrivia() throws {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                advance()
            } else if c == "#" || (c == "/" && peek(1) == "/") {
                while let d = peek(), d != "\n" { advance() }
            } else if c == "/" && peek(1) == "*" {
                let (l, col) = (line, column)
                advance(); advance()
                while true {
                    guard let d = peek() else { throw source.error(line: l, column: col, "unterminated comment", length: 2) }
                    if d == "*" && peek(1) == "/" { advance(); advance(); break }
                    advance()
                }
            } else {
                return
            }
        }
    }
}

/// The source of one file, kept to quote lines in errors.
struct SourceText: Sendable {
    let file: String
    let scalars: [Unicode.Scalar]
    /// Where each line starts in `scalars` (split on scalars: a CRLF is one Character but two scalars).
    private let lineStarts: [Int]

    init(_ text: String, file: String) {
        self.file = file
        self.scalars = Array(text.unicodeScalars)
        var starts = [0]
        for (k, c) in scalars.enumerated() where c == "\n" { starts.append(k + 1) }
        self.lineStarts = starts
    }

    func line(_ n: Int) -> String {
        guard n >= 1, n <= lineStarts.count else { return "" }
        var end = n < lineStarts.count ? lineStarts[n] - 1 : scalars.count
        if end > lineStarts[n - 1], scalars[end - 1] == "\r" { end -= 1 }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[lineStarts[n - 1]..<max(lineStarts[n - 1], end)])
        return String(s)
    }

    func error(line: Int, column: Int, _ message: String, length: Int = 1) -> SPDLError {
        SPDLError(file: file, line: line, column: column, message: message, sourceLine: self.line(line), length: length)
    }

    func error(at t: Token, _ message: String) -> SPDLError {
        error(line: t.line, column: t.column, message, length: t.length)
    }
}
