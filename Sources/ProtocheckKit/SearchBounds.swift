import Foundation

/// Bounds as the command line gives them, refused where they would let a search check nothing: a
/// search of zero runs finds no attack and "verifies" every property, which a CI gate must never
/// read as a pass.
package enum SearchBounds {
    /// The first problem with the given bounds, worded for the option that carries it; nil when all
    /// are usable.
    package static func problem(maxRuns: Int?, maxStates: Int?, jobs: Int?, timeout: Double?, maxMemory: MemorySize?) -> String? {
        if let n = maxRuns, n < 1 { return "--max-runs must be at least 1 (got \(n)): a search of no runs checks nothing" }
        if let n = maxStates, n < 1 { return "--max-states must be at least 1 (got \(n))" }
        if let n = jobs, n < 1 { return "--jobs must be at least 1 (got \(n))" }
        if let t = timeout, !(t > 0) || !t.isFinite { return "--timeout must be a positive number of seconds (got \(t))" }
        if let m = maxMemory, m.bytes < MemorySize.minimum.bytes {
            return "--max-memory must be at least \(MemorySize.minimum) (got \(m))"
        }
        return nil
    }
}

/// A size in bytes as a person writes it: `8G`, `8GiB`, `512M`, `1.5g`, or plain bytes. Units are
/// binary (1K = 1024 bytes), as resident memory is counted in pages.
package struct MemorySize: Hashable, Sendable, CustomStringConvertible {
    package var bytes: Int

    package init(bytes: Int) { self.bytes = bytes }

    /// The default bound of `check` and `report`: far below the 24 GiB machines CI runs on, far
    /// above what any shipped model needs (under 1 GiB).
    package static let defaultLimit = MemorySize(bytes: 8 << 30)
    /// Below this the process itself (Z3, the runtime) does not fit.
    package static let minimum = MemorySize(bytes: 64 << 20)

    package init?(parsing text: String) {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Int)] = [("gib", 1 << 30), ("mib", 1 << 20), ("kib", 1 << 10), ("gb", 1 << 30), ("mb", 1 << 20),
                                      ("kb", 1 << 10), ("g", 1 << 30), ("m", 1 << 20), ("k", 1 << 10), ("b", 1)]
        var number = s, scale = 1
        for (suffix, factor) in units where s.hasSuffix(suffix) {
            number = String(s.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            scale = factor
            break
        }
        guard let value = Double(number), value.isFinite, value >= 0, value * Double(scale) < Double(Int.max / 2) else { return nil }
        bytes = Int(value * Double(scale))
    }

    /// `8 GiB`, `512 MiB`, `1.5 GiB`
    package var description: String {
        for (unit, factor) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= factor {
            let v = Double(bytes) / Double(factor)
            return (v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)) + " " + unit
        }
        return "\(bytes) bytes"
    }
}
