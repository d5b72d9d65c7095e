/// A problem in an SPDL file: a syntax error, a name that is not declared, or a construct protocheck
/// cannot check yet. It points at the token, compiler style.
public struct SPDLError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based.
    public var line: Int
    /// 1-based, in Unicode scalars.
    public var column: Int
    public var message: String
    /// The text of the offending line, without its line break.
    public var sourceLine: String
    /// How many columns the caret underlines (at least one).
    public var length: Int

    public init(file: String, line: Int, column: Int, message: String, sourceLine: String, length: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
        self.length = max(1, length)
    }

    /// `file:line:col: error: message`, then the line and a caret under the token. Tabs before the
    /// token are kept so that the caret lines up in a terminal.
    public var description: String {
        let prefix = sourceLine.unicodeScalars.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        let visible = max(1, min(length, sourceLine.unicodeScalars.count - (column - 1)))
        return "\(file):\(line):\(column): error: \(message)\n\(sourceLine)\n\(prefix)^" + String(repeating: "~", count: visible - 1)
    }
}
