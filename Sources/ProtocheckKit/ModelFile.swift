import Foundation

/// A file named on the command line that cannot be read as text, with what is wrong worded for a
/// person: "no model named" for a file that exists but is binary sends them looking in the wrong place.
package struct FileProblem: Error, CustomStringConvertible, Equatable {
    package enum Kind: Equatable {
        case noSuchFile
        case directory
        case unreadable(String)
        /// A NUL byte at this offset (0-based): a binary file, not a text notation.
        case binary(byte: Int)
        /// The bytes from this offset (0-based) are not UTF-8.
        case notUTF8(byte: Int)
        case unknownExtension(String)
    }

    package var path: String
    package var kind: Kind
    /// What the file was meant to be, for the message: "model file", "expectations file".
    package var what: String

    package var description: String {
        switch kind {
        case .noSuchFile: return "\(path): error: no such file (\(what))"
        case .directory: return "\(path): error: is a folder, not a \(what)"
        case .unreadable(let why): return "\(path): error: cannot read the \(what): \(why)"
        case .binary(let byte): return "\(path): error: a binary file, not a \(what) (NUL byte at byte \(byte))"
        case .notUTF8(let byte): return "\(path): error: not UTF-8 at byte \(byte): a \(what) must be UTF-8 text"
        case .unknownExtension(let ext):
            let hint = ext.lowercased() == "spdl" ? " (extensions are case-sensitive: rename it to .spdl)" : ""
            return "\(path): error: unknown model file extension '.\(ext)'\(hint): protocheck reads SPDL files (.spdl); Swift models are registered by name (`protocheck list`)"
        }
    }
}

package enum ModelFile {
    /// The model notations protocheck reads from files, by extension (case-sensitive, as the rest of
    /// the tool compares file names).
    package static let extensions = ["spdl"]

    /// Whether a command-line argument means a file rather than a registered name: registered names
    /// have neither slashes nor dots, so anything else is a path, even one that does not exist.
    package static func looksLikePath(_ argument: String) -> Bool {
        argument.contains("/") || argument.contains(".") || FileManager.default.fileExists(atPath: argument)
    }

    /// The file's text, or the first thing that makes it unusable as text.
    package static func text(at path: String, what: String = "model file") throws -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw FileProblem(path: path, kind: .noSuchFile, what: what) }
        if isDir.boolValue { throw FileProblem(path: path, kind: .directory, what: what) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw FileProblem(path: path, kind: .unreadable((error as NSError).localizedDescription), what: what)
        }
        return try decode(data, path: path, what: what)
    }

    /// UTF-8 text, refusing NUL bytes (a binary file) and invalid sequences, each at its byte offset.
    package static func decode(_ data: Data, path: String, what: String = "model file") throws -> String {
        let bytes = [UInt8](data)
        if let nul = bytes.firstIndex(of: 0) {
            // A NUL after invalid UTF-8 is still reported as the encoding problem it follows.
            if let bad = firstInvalidUTF8(bytes[..<nul]) { throw FileProblem(path: path, kind: .notUTF8(byte: bad), what: what) }
            throw FileProblem(path: path, kind: .binary(byte: nul), what: what)
        }
        if let bad = firstInvalidUTF8(bytes[...]) { throw FileProblem(path: path, kind: .notUTF8(byte: bad), what: what) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil. The
    /// standard library's parser knows the overlong forms, surrogates and the end of the code space.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
