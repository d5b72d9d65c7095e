import Terms

/// What a compromising adversary may learn beyond the network and its own dishonest agents, in the
/// sense of Basin and Cremers ("Modeling and analyzing security in the presence of compromising
/// adversaries", ESORICS 2010; "Know your enemy", ACM TISSEC 2014). Each capability is judged from
/// the view of one claim (the *test* run and the runs that match it, `MatchingSession`), and says
/// which value it reveals, of which agent or run, and when. docs/adversaries.md gives an example of
/// each. The engines, the trace and replay read them from here.
public enum Capability: String, Hashable, Sendable, CaseIterable, Comparable, Codable {
    /// Long-term keys of agents other than the claimant and its intended partners, at any time.
    case lkrOthers = "LKRothers"
    /// The claimant's own long-term keys, at any time: key-compromise impersonation (KCI).
    case lkrActor = "LKRactor"
    /// Every agent's long-term keys, after the claim: perfect forward secrecy.
    case lkrAfter = "LKRafter"
    /// Every agent's long-term keys, after the claim, when the claiming run has a matching run: weak
    /// perfect forward secrecy.
    case lkrAfterCorrect = "LKRaftercorrect"
    /// The session key (what a role's `Reveal` names; SPDL's `SKR` claim term) of runs that do not
    /// match the claiming run, at any time after they computed it: known-key security.
    case skr = "SKR"
    /// The fresh values (randomness) of any run, the claiming run and its partners included, at
    /// any time after the run made them.
    case rnr = "RNR"

    public static func < (a: Capability, b: Capability) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// What the capability reveals, in words for reports and `--help`.
    package var summary: String {
        switch self {
        case .lkrOthers: return "long-term keys of agents other than the claimant and its intended partners"
        case .lkrActor: return "the claimant's own long-term keys (key-compromise impersonation)"
        case .lkrAfter: return "every long-term key, after the claim (perfect forward secrecy)"
        case .lkrAfterCorrect: return "every long-term key, after the claim of a run that has a matching partner (weak perfect forward secrecy)"
        case .skr: return "session keys of runs that do not match the claiming run (known-key security)"
        case .rnr: return "fresh values of any run (randomness reveal)"
        }
    }

    /// How a trace names a reveal this capability made: of `owner`'s long-term keys, or of run `run`.
    package func revealNote(owner: String? = nil, run: Int? = nil) -> String {
        let whose = owner ?? run.map { "run \($0)" } ?? "?"
        switch self {
        case .lkrOthers: return "\(whose)'s long-term key, not the claimant's nor its partners' [\(rawValue)]"
        case .lkrActor: return "the claimant \(whose)'s own long-term key [\(rawValue)]"
        case .lkrAfter: return "\(whose)'s long-term key, after the claim [\(rawValue)]"
        case .lkrAfterCorrect: return "\(whose)'s long-term key, after the claim of a run with a matching partner [\(rawValue)]"
        case .skr: return "session key of \(whose), which does not match the claiming run [\(rawValue)]"
        case .rnr: return "fresh value of \(whose) [\(rawValue)]"
        }
    }

    /// An old session's `Reveal`, as a trace names it.
    package static let oldSessionNote = "old session key revealed"

    /// Whether the capability reveals fresh values.
    package var revealsRandomness: Bool { self == .rnr }

    /// Whether the capability reveals long-term keys.
    package var revealsLongTermKeys: Bool {
        switch self {
        case .lkrOthers, .lkrActor, .lkrAfter, .lkrAfterCorrect: return true
        case .skr, .rnr: return false
        }
    }
}

/// An adversary: the Dolev-Yao intruder of every check, with a set of compromise capabilities. The
/// standard adversary has none.
public struct Adversary: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The name a user gives (`pfs`, `kci`, `eck`, or the capabilities joined with `+`).
    public var name: String
    public var capabilities: Set<Capability>

    public init(name: String, capabilities: Set<Capability>) {
        self.name = name
        self.capabilities = capabilities
    }

    /// The intruder of every check: the network and the dishonest agents, no compromise.
    public static let standard = Adversary(name: "ext", capabilities: [])

    public var isStandard: Bool { capabilities.isEmpty }

    public var description: String { name }

    /// Named adversaries: the adversary models of Basin and Cremers as the IKE study names them
    /// (Cremers, ESORICS 2011; Scyther's `gui/Protocols/IKE/verify.sh` maps each name to Scyther's
    /// switches), weakest first. docs/adversaries.md cites each. CK and CKw need session-state reveal
    /// (SSR), which protocheck does not model yet, so they are not offered.
    package static let named: [Adversary] = [
        Adversary(name: "ext", capabilities: []),
        Adversary(name: "int", capabilities: [.lkrOthers]),
        Adversary(name: "ca", capabilities: [.lkrActor]),
        Adversary(name: "afc", capabilities: [.lkrAfterCorrect]),
        Adversary(name: "af", capabilities: [.lkrAfter]),
        Adversary(name: "br", capabilities: [.lkrOthers, .skr]),
        Adversary(name: "eck1", capabilities: [.lkrOthers, .skr, .rnr]),
        Adversary(name: "eck2", capabilities: [.lkrOthers, .lkrActor, .lkrAfterCorrect, .skr]),
    ]

    /// The names of the literature for single capabilities: `kci`, `pfs`, `wpfs`, `kk` (known-key
    /// security), `rnr`, `dy` (the standard adversary, `ext`).
    package static let aliases: [String: String] = ["dy": "ext", "kci": "ca", "pfs": "af", "wpfs": "afc", "kk": "br"]

    /// The adversaries `--adversaries all` checks, weakest first.
    package static var all: [Adversary] { named }

    /// An adversary from `--adversary`: a named one (or an alias), or capabilities joined with `,` or `+`
    /// (`LKRactor,SKR`), matched without regard to case.
    package static func parse(_ text: String) -> Adversary? {
        let written = text.trimmingCharacters(in: .whitespaces).lowercased()
        let key = aliases[written] ?? written
        if let n = named.first(where: { $0.name == key }) { return n }
        var caps = Set<Capability>()
        for part in key.split(whereSeparator: { $0 == "," || $0 == "+" }) {
            guard let c = Capability.allCases.first(where: { $0.rawValue.lowercased() == part.trimmingCharacters(in: .whitespaces) })
            else { return nil }
            caps.insert(c)
        }
        guard !caps.isEmpty else { return nil }
        if let n = named.first(where: { $0.capabilities == caps }) { return n }
        return Adversary(name: caps.sorted().map(\.rawValue).joined(separator: "+"), capabilities: caps)
    }

    /// A list for `--adversaries`: `all`, or names and capability sets separated by spaces or `;`.
    package static func parseList(_ text: String) -> [Adversary]? {
        if text.trimmingCharacters(in: .whitespaces).lowercased() == "all" { return all }
        var out: [Adversary] = []
        for part in text.split(whereSeparator: { $0 == " " || $0 == ";" }) {
            guard let a = parse(String(part)) else { return nil }
            if !out.contains(a) { out.append(a) }
        }
        return out.isEmpty ? nil : out
    }

    /// The words for `--help` and errors.
    package static var vocabulary: String {
        named.map { "\($0.name) (\($0.capabilities.isEmpty ? "no compromise" : $0.capabilities.sorted().map(\.rawValue).joined(separator: "+")))" }
            .joined(separator: ", ") + "; " + aliases.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
    }

    /// Every assumption in words, for reports and verdict lines.
    package var assumptions: [String] {
        capabilities.sorted().map { "the adversary reveals \($0.summary) [\($0.rawValue)]" }
    }

    /// Whether `self` has every capability of `other`.
    package func includes(_ other: Adversary) -> Bool { other.capabilities.isSubset(of: capabilities) }

    public static func < (a: Adversary, b: Adversary) -> Bool {
        let ia = named.firstIndex(of: a) ?? Int.max, ib = named.firstIndex(of: b) ?? Int.max
        return (ia, a.name) < (ib, b.name)
    }
}

extension Adversary: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let a = Adversary.parse(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown adversary '\(text)'")
        }
        self = a
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }
}
