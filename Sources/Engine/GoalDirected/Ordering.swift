/// A set of pattern nodes, as bits.
struct NodeSet: Hashable, Sendable {
    private(set) var words: [UInt64] = []

    func contains(_ n: Int) -> Bool {
        let w = n >> 6
        return w < words.count && words[w] & (1 << UInt64(n & 63)) != 0
    }

    mutating func insert(_ n: Int) {
        let w = n >> 6
        if w >= words.count { words += Array(repeating: 0, count: w - words.count + 1) }
        words[w] |= 1 << UInt64(n & 63)
    }

    mutating func formUnion(_ other: NodeSet) {
        if other.words.count > words.count { words += Array(repeating: 0, count: other.words.count - words.count) }
        for (i, x) in other.words.enumerated() { words[i] |= x }
    }

    var members: [Int] {
        var out: [Int] = []
        for (i, w) in words.enumerated() where w != 0 {
            var x = w
            while x != 0 {
                let b = x.trailingZeroBitCount
                out.append(i << 6 | b)
                x &= x - 1
            }
        }
        return out
    }
}

/// The causal order of a pattern's nodes, kept transitively closed so that "must `a` happen before
/// `b`" is one bit test. Patterns hold a few dozen nodes: closing under each new edge is cheaper
/// than searching paths on every question.
struct Ordering: Hashable, Sendable {
    /// `after[a]`: every node that must come after `a`.
    private(set) var after: [NodeSet] = []

    var count: Int { after.count }

    mutating func addNode() -> Int {
        after.append(NodeSet())
        return after.count - 1
    }

    func precedes(_ a: Int, _ b: Int) -> Bool { after[a].contains(b) }

    /// Adds `a` before `b`; false when `b` already comes before `a` (a cycle: the pattern is impossible).
    mutating func add(_ a: Int, _ b: Int) -> Bool {
        if a == b || after[b].contains(a) { return false }
        if after[a].contains(b) { return true }
        var later = after[b]
        later.insert(b)
        for x in after.indices where x == a || after[x].contains(a) { after[x].formUnion(later) }
        return true
    }

    /// The nodes that come before `b`.
    func predecessors(of b: Int) -> [Int] { after.indices.filter { after[$0].contains(b) } }
}
