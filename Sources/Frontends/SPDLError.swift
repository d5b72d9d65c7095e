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
    /// token are kept so that the caret lines up in a terminal.
    package var description: String {
        let prefix = sourceLine.unicodeScalars.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        let visible = max(1, min(length, sourceLine.unicodeScalars.count - (column - 1)))
        return "\(file):\(line):\(column): error: \(message)\n\(sourceLine)\n\(prefix)^" + String(repeating: "~", count: visible - 1)
    }
}
