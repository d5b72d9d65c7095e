/// Key bundles are several byte strings in one field, each with a 4-byte length prefix.
enum LengthPrefixed {
    static func join(_ parts: [Bytes]) -> Bytes {
        parts.flatMap { p -> Bytes in
            let n = UInt32(p.count)
            return [UInt8(n >> 24), UInt8((n >> 16) & 0xff), UInt8((n >> 8) & 0xff), UInt8(n & 0xff)] + p
        }
    }

    static func split(_ b: Bytes) throws -> [Bytes] {
        var out: [Bytes] = []
        var i = 0
        while i < b.count {
            guard b.count - i >= 4 else { throw ReplayError("truncated key bundle") }
            let n = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard b.count - i - 4 >= n else { throw ReplayError("truncated key bundle") }
            out.append(Array(b[(i + 4)..<(i + 4 + n)]))
            i += 4 + n
        }
        return out
    }
}
