import Foundation

/// `items.map(transform)` with one item per core at a time. Each transform must be independent of
/// the others (its own search, its own replay), so the values are those of a plain map; only the
/// wall time changes.
func concurrentMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
    let slots = Slots<U>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { i in slots.set(i, transform(items[i])) }
    return slots.all.map { $0! }
}

/// One slot per item, written by the worker that computed it. (NSLock rather than Synchronization's
/// Mutex, which needs macOS 15 where the package supports 13.)
private final class Slots<U: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [U?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: U) { lock.withLock { values[i] = value } }
    var all: [U?] { lock.withLock { values } }
}
