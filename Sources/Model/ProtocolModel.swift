import Terms

/// The protocol a role comes from when a model runs several protocols side by side, as Scyther does
/// with the protocols of one SPDL file: runs of every protocol share the network, so runs of one can
/// break the claims of another.
public struct ForeignProtocol: Hashable, Sendable {
    public var name: String
    /// Scyther's helper protocols (names beginning with `@`): their runs serve other runs, make no
    /// claims, and are never anyone's partner; they approximate equations SPDL cannot state.
    public var isHelper: Bool
    public init(name: String, isHelper: Bool) {
        self.name = name
        self.isHelper = isHelper
    }
}

/// One role of a protocol: its name (which is also the name standing for the agent playing it), what
/// it knows before the run beyond the defaults, and its script.
public struct Role: Hashable, Sendable {
    public var name: String
    public var knows: [Term]
    public var events: [Event]
    public var location: SourceLocation
    /// Nil for a role of the model's own protocol; otherwise the protocol it runs beside it.
    public var foreign: ForeignProtocol?

    public init(_ name: String, knows: [Term] = [], file: StaticString = #filePath, line: UInt = #line,
                @ScriptBuilder _ script: () -> [Event]) {
        self.name = name
        self.knows = knows
        self.events = script()
        self.location = SourceLocation(file: "\(file)", line: Int(line))
    }

    public init(name: String, knows: [Term], events: [Event], location: SourceLocation, foreign: ForeignProtocol? = nil) {
        self.name = name
        self.knows = knows
        self.events = events
        self.location = location
        self.foreign = foreign
    }

    /// A run of a helper protocol: never anyone's partner.
    package var isHelper: Bool { foreign?.isHelper ?? false }

    /// The variable that stands for the agent playing this role.
    package var me: Variable { Variable(name, sort: .agent) }
}

/// A named set of assumptions about what the intruder holds beyond the network.
public struct Setting: Hashable, Sendable {
    public var name: String
    public var summary: String
    /// Terms handed to the intruder. A role name in a term stands for each honest agent playing that role.
    public var intruderKnows: [Term]
    /// Runs may be old sessions: their `Reveal` events hand terms to the intruder, and their claims are not checked.
    public var oldSessions: Bool

    public init(_ name: String, _ summary: String, intruderKnows: [Term] = [], oldSessions: Bool = false) {
        self.name = name
        self.summary = summary
        self.intruderKnows = intruderKnows
        self.oldSessions = oldSessions
    }

    public static let standard = Setting("standard", "the intruder controls the network and plays dishonest agents")

    /// Every assumption in words, for reports and verdict lines.
    package var assumptions: [String] {
        var out = [Setting.standard.summary]
        if !intruderKnows.isEmpty { out.append("the intruder knows " + intruderKnows.map(\.description).joined(separator: ", ")) }
        if oldSessions { out.append("old sessions reveal their keys (Reveal events)") }
        if name != Setting.standard.name { out.append(summary) }
        return out
    }
}

/// A conditional property: whenever signals matching `when` have all occurred (in honest runs), the
/// intruder does not know `secret`. Names in the patterns are the property's own variables.
public struct ConditionalSecrecy: Hashable, Sendable {
    public var name: String
    public var role: String
    public var summary: String
    public var when: [(name: String, data: [Term])]
    public var secret: Term
    public var settings: [String]?
    public var location: SourceLocation

    public init(_ name: String, role: String, _ summary: String, when: [(String, [Term])], secret: Term,
                settings: [String]? = nil, file: StaticString = #filePath, line: UInt = #line) {
        self.name = name
        self.role = role
        self.summary = summary
        self.when = when.map { (name: $0.0, data: $0.1) }
        self.secret = secret
        self.settings = settings
        self.location = SourceLocation(file: "\(file)", line: Int(line))
    }

    public static func == (a: ConditionalSecrecy, b: ConditionalSecrecy) -> Bool {
        a.name == b.name && a.role == b.role && a.secret == b.secret && a.when.map(\.name) == b.when.map(\.name)
            && a.when.map(\.data) == b.when.map(\.data)
    }
    public func hash(into h: inout Hasher) { h.combine(name); h.combine(secret) }
}

/// How replay realises the abstract functions, where a model departs from the defaults of DESIGN.md.
public struct CryptoChoices: Hashable, Sendable {
    public enum PublicKey: String, Hashable, Sendable { case rsaOAEP, textbookRSAe3 }
    public enum Hash: String, Hashable, Sendable { case sha256, sha1 }
    public enum Group: String, Hashable, Sendable { case x25519, p256, elgamalP256 }
    public var publicKey: PublicKey = .rsaOAEP
    public var hash: Hash = .sha256
    public var group: Group = .x25519
    public init(publicKey: PublicKey = .rsaOAEP, hash: Hash = .sha256, group: Group = .x25519) {
        self.publicKey = publicKey
        self.hash = hash
        self.group = group
    }
}

/// The parts a model is written from, in any order.
public enum ModelPart: Sendable {
    case role(Role)
    case setting(Setting)
    case conditional(ConditionalSecrecy)
    /// Roles always played by one trusted honest agent (a server, a KDC, a CA): never the intruder.
    case trusted([String])
    case crypto(CryptoChoices)
    /// A reading of the source document that the model takes, for the report.
    case reading(String)
    case sends(SendDiscipline)
}

/// What validation asks of the messages a role sends and the `Running` signals it gives.
public enum SendDiscipline: Hashable, Sendable {
    /// Each can be built from what the role knows at that point (the DSL's rule).
    case buildable
    /// Each is sent as written, as Scyther does: a `^Repeat` model sends a ticket from an earlier
    /// session, and a `Running` signal may name a value the role receives later. Names must still be
    /// bound somewhere in the role.
    case asWritten
}

@resultBuilder
public enum ModelBuilder {
    public static func buildExpression(_ r: Role) -> [ModelPart] { [.role(r)] }
    public static func buildExpression(_ s: Setting) -> [ModelPart] { [.setting(s)] }
    public static func buildExpression(_ c: ConditionalSecrecy) -> [ModelPart] { [.conditional(c)] }
    public static func buildExpression(_ p: ModelPart) -> [ModelPart] { [p] }
    public static func buildBlock(_ parts: [ModelPart]...) -> [ModelPart] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [ModelPart]?) -> [ModelPart] { part ?? [] }
    public static func buildEither(first: [ModelPart]) -> [ModelPart] { first }
    public static func buildEither(second: [ModelPart]) -> [ModelPart] { second }
    public static func buildArray(_ parts: [[ModelPart]]) -> [ModelPart] { parts.flatMap { $0 } }
}

public func Trusted(_ roles: String...) -> ModelPart { .trusted(roles) }
public func Reading(_ text: String) -> ModelPart { .reading(text) }
public func Crypto(_ choices: CryptoChoices) -> ModelPart { .crypto(choices) }

/// A protocol model: roles, settings and properties. A value; `compile()` validates it.
public struct ProtocolModel: Hashable, Sendable {
    public var name: String
    public var title: String
    /// The document and section the model follows.
    public var source: String
    public var roles: [Role]
    public var settings: [Setting]
    public var conditionals: [ConditionalSecrecy]
    public var trusted: Set<String>
    public var crypto: CryptoChoices
    public var readings: [String]
    public var location: SourceLocation
    public var sends: SendDiscipline = .buildable

    public init(_ name: String, title: String, source: String, file: StaticString = #filePath, line: UInt = #line,
                @ModelBuilder _ parts: () -> [ModelPart]) {
        self.init(name: name, title: title, source: source, parts: parts(), location: SourceLocation(file: "\(file)", line: Int(line)))
    }

    public init(name: String, title: String, source: String, parts: [ModelPart], location: SourceLocation) {
        self.name = name
        self.title = title
        self.source = source
        self.location = location
        self.roles = []
        self.settings = []
        self.conditionals = []
        self.trusted = []
        self.crypto = CryptoChoices()
        self.readings = []
        for part in parts {
            switch part {
            case .role(let r): roles.append(r)
            case .setting(let s): settings.append(s)
            case .conditional(let c): conditionals.append(c)
            case .trusted(let rs): trusted.formUnion(rs)
            case .crypto(let c): crypto = c
            case .reading(let r): readings.append(r)
            case .sends(let d): sends = d
            }
        }
        if settings.isEmpty { settings = [.standard] }
    }

    package func role(named name: String) -> Role? { roles.first { $0.name == name } }

    package func setting(named name: String) -> Setting? { settings.first { $0.name == name } }

    /// The role-name variables of the protocol.
    package var roleNames: [Variable] { roles.map(\.me) }

    /// The roles of the same protocol as role `r` (its own protocol's, or one foreign protocol's), in order.
    package func protocolRoles(of r: Int) -> [Int] {
        roles.indices.filter { roles[$0].foreign == roles[r].foreign }
    }
}
