import Terms

// Role-script statements, written one per line like a narration:
//
//     Fresh(Na)
//     Send("1", aenc(Na, A, key: pk(B)))
//     Recv("2", aenc(Na, Nb, key: pk(A)))
//
// Each captures its source line so that a model error can point at it.

@resultBuilder
public enum ScriptBuilder {
    public static func buildExpression(_ e: Event) -> [Event] { [e] }
    public static func buildExpression(_ es: [Event]) -> [Event] { es }
    public static func buildBlock(_ parts: [Event]...) -> [Event] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Event]?) -> [Event] { part ?? [] }
    public static func buildEither(first: [Event]) -> [Event] { first }
    public static func buildEither(second: [Event]) -> [Event] { second }
    public static func buildArray(_ parts: [[Event]]) -> [Event] { parts.flatMap { $0 } }
}

private func here(_ file: StaticString, _ line: UInt, _ column: UInt) -> SourceLocation {
    SourceLocation(file: "\(file)", line: Int(line), column: Int(column))
}

/// `Send("1", m)`, or `Send("1", m, from: A, to: B)` to name the sender and the intended recipient,
/// which synchronisation claims then compare (as Scyther's do).
public func Send(_ label: String, _ t: Term, from: Term? = nil, to: Term? = nil,
                 file: StaticString = #filePath, line: UInt = #line, column: UInt = #column) -> Event {
    Event(.send(label: label, t), location: here(file, line, column), endpoints: endpoints(from, to))
}

public func Recv(_ label: String, _ pattern: Term, from: Term? = nil, to: Term? = nil,
                 file: StaticString = #filePath, line: UInt = #line, column: UInt = #column) -> Event {
    Event(.receive(label: label, pattern), location: here(file, line, column), endpoints: endpoints(from, to))
}

private func endpoints(_ from: Term?, _ to: Term?) -> Endpoints? {
    guard let from, let to else { return nil }
    return Endpoints(from: from, to: to)
}

public func Fresh(_ names: Term..., file: StaticString = #filePath, line: UInt = #line, column: UInt = #column) -> [Event] {
    names.map { Event(.fresh($0), location: here(file, line, column)) }
}

/// `Assign(K, hash(R, n))`: the role computes a value and names it.
public func Assign(_ name: Term, _ value: Term, file: StaticString = #filePath, line: UInt = #line, column: UInt = #column) -> Event {
    Event(.assign(name, value), location: here(file, line, column))
}

public func Check(_ c: Condition, file: StaticString = #filePath, line: UInt = #line, column: UInt = #column) -> Event {
    Event(.check(c), location: here(file, line, column))
}

/// The partner's side of an agreement: "I am running the protocol with `peer`, on `data`".
public func Running(with peer: Term, _ data: Term..., tag: String = "", file: StaticString = #filePath, line: UInt = #line, column: UInt = #column) -> Event {
    Event(.running(peer: peer, data: data, tag: tag), location: here(file, line, column))
}

/// An event that conditional properties talk about, e.g. `Signal("stored", Id, K)`.
public func Signal(_ name: String, _ data: Term..., file: StaticString = #filePath, line: UInt = #line, column: UInt = #column) -> Event {
    Event(.signal(name: name, data: data), location: here(file, line, column))
}

/// In a setting with compromised old sessions, an old run hands `t` to the intruder here.
public func Reveal(_ t: Term, file: StaticString = #filePath, line: UInt = #line, column: UInt = #column) -> Event {
    Event(.reveal(t), location: here(file, line, column))
}

public func Claim(_ name: String, _ goal: Goal, file: StaticString = #filePath, line: UInt = #line, column: UInt = #column) -> Event {
    Event(.claim(name: name, goal), location: here(file, line, column))
}

