import Foundation

/// Exit statuses of the command-line contract (DESIGN.md).
package enum Status: Int32 {
    case verified = 0, attack = 1, usage = 2, inconclusive = 3
}

/// Ends the process with a message on stderr: bad input never exits 0.
package func fail(_ message: String, _ status: Status = .usage) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status.rawValue)
}
