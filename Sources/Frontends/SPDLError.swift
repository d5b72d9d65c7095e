/// A problem in an SPDL file: a syntax error, a name that is not declared, or a construct protocheck
/// cannot check yet. It points at the token, compiler style.
package struct SPDLError: Error, Hashable, Sendable, CustomStringConvertible {
    package var file: String
    /// 1-based.
    package var line: Int
    /// 1-based, in Unicode scalars.
    package var column: Int
    package var message: String
    /// The text of the offending line, without its line break.
    package var sourceLine: String
    /// How many columns the caret underlines (at least one).
    package var length: Int

    package init(file: String, line: Int, column: Int, message: String, sourceLine: String, length: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
        self.length = max(1, length)
    }

    /// `file:line:col: error: message`, then the line and a caret under the token. Tabs before the
    /// token are kept so that the caret lines up in a terminal. A long line (a generated or minified
    /// file) is cut to an excerpt around the column, marked with `…`, so that one error does not
    /// print megabytes.
    package var description: String {
        let (excerpt, caretColumn) = Self.excerpt(of: sourceLine, column: column)
        let prefix = excerpt.unicodeScalars.prefix(max(0, caretColumn - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        let visible = max(1, min(length, excerpt.unicodeScalars.count - (caretColumn - 1), Self.context))
        return "\(file):\(line):\(column): error: \(message)\n\(excerpt)\n\(prefix)^" + String(repeating: "~", count: visible - 1)
    }

    /// Scalars shown on each side of the column of a long line.
    static let context = 60

    /// The part of `line` shown, and the column of the caret in it.
    static func excerpt(of line: String, column: Int) -> (String, Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > 3 * context else { return (line, column) }
        let at = min(max(0, column - 1), scalars.count)
        let from = max(0, at - context), to = min(scalars.count, at + context)
        var view = String.UnicodeScalarView()
        if from > 0 { view.append("…") }
        view.append(contentsOf: scalars[from..<to])
        if to < scalars.count { view.append("…") }
        return (String(view), at - from + 1 + (from > 0 ? 1 : 0))
    }
}
