import Foundation

/// Hands a `ScenarioWalk`'s scenarios to the search workers as it makes them, numbered in walk order,
/// a few ahead of the workers: the scenarios of a large model are never all in memory, the first
/// searches start at once, and a cancellation or a deadline stops the walk itself.
final class ScenarioFeed: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [(index: Int, scenario: Scenario)] = []
    private var made = 0
    private var finished = false
    private var stopping = false
    /// Why the walk ended before its last scenario, if it did.
    private var cutShort: String?

    /// `stop` is asked as the walk goes: a reason ends it (the scenarios not made are not searched).
    init(_ walk: ScenarioWalk, ahead capacity: Int, stop: @escaping @Sendable () -> String?) {
        let thread = Thread { [self] in
            walk.forEach(stop: {
                guard let why = stop() else { return false }
                self.condition.withLock { self.cutShort = self.cutShort ?? why }
                return true
            }) { scenario in
                self.condition.withLock {
                    while self.buffer.count >= capacity && !self.stopping { self.condition.wait() }
                    guard !self.stopping else { return false }
                    self.buffer.append((self.made, scenario))
                    self.made += 1
                    self.condition.broadcast()
                    return true
                }
            }
            self.condition.withLock {
                self.finished = true
                self.condition.broadcast()
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next scenario and its number, or nil once the walk has ended and every scenario is taken.
    func next() -> (index: Int, scenario: Scenario)? {
        condition.withLock {
            while buffer.isEmpty && !finished { condition.wait() }
            guard !buffer.isEmpty else { return nil }
            condition.broadcast()
            return buffer.removeFirst()
        }
    }

    /// Ends the walk (after a deadline or a cancellation seen by a worker): the workers drain what is made.
    func stop(_ why: String) {
        condition.withLock {
            if !finished { cutShort = cutShort ?? why }
            stopping = true
            condition.broadcast()
        }
    }

    /// Waits for the walk to end; then the reason it was cut short, if it was.
    func end() -> String? {
        condition.withLock {
            while !finished { condition.wait() }
            return cutShort
        }
    }

    /// Scenarios made so far, and whether the walk has more to make.
    var progress: (made: Int, more: Bool) { condition.withLock { (made, !finished) } }
}
