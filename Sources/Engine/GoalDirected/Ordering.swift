/// The causal order of a pattern's nodes, kept transitively closed so that "must `a` happen before
/// `b`" is one bit test. Patterns hold a few dozen nodes: closing under each new edge is cheaper
/// than searching paths on every question. The rows of the closure share one flat buffer, so that a
/// pattern copied from its parent copies the order once, not once per node.
struct Ordering: Hashable, Sendable {
    /// Row `a` (words `a * width ..< (a + 1) * width`): every node that must come after `a`.
    private var words: [UInt64] = []
    private var width = 1
    private(set) var count = 0

    mutating func addNode() -> Int {
        if count == width * 64 {
            // Widen every row by one word.
            var wider = [UInt64](repeating: 0, count: (count + 1) * (width + 1))
            for r in 0..<count {
                for w in 0..<width { wider[r * (width + 1) + w] = words[r * width + w] }
            }
            words = wider
            width += 1
        } else {
            words.append(contentsOf: repeatElement(0, count: width))
        }
        count += 1
        return count - 1
    }

    @inline(__always)
    func precedes(_ a: Int, _ b: Int) -> Bool { words[a * width + b >> 6] & (1 << UInt64(b & 63)) != 0 }

    /// Adds `a` before `b`; false when `b` already comes before `a` (a cycle: the pattern is impossible).
    mutating func add(_ a: Int, _ b: Int) -> Bool {
        if a == b || precedes(b, a) { return false }
        if precedes(a, b) { return true }
        let w = width
        // Everything after b, and b itself, comes after every node at or before a.
        var later = Array(words[b * w ..< (b + 1) * w])
        later[b >> 6] |= 1 << UInt64(b & 63)
        words.withUnsafeMutableBufferPointer { buffer in
            for x in 0..<count where x == a || buffer[x * w + a >> 6] & (1 << UInt64(a & 63)) != 0 {
                for i in 0..<w { buffer[x * w + i] |= later[i] }
            }
        }
        return true
    }

    /// The nodes that come before `b`.
    func predecessors(of b: Int) -> [Int] { (0..<count).filter { precedes($0, b) } }
}
