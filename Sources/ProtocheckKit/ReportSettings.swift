/// The search bound behind the committed `attacks/` and `Reports/`, and the command line's default bound.
///
/// It is a state bound, never a wall-clock one: a search stopped by a clock gives verdicts that depend on
/// the machine's speed and load, so the generated files would change from one machine to another. With a
/// state bound every machine explores the same states and writes the same files. `make run`, `protocheck
/// report` and `protocheck check` without bound options, and the test that compares the committed files
/// with what the code generates all take it from here.
public struct ReportSettings: Hashable, Sendable {
    public var maxRuns: Int
    /// States per model before its search stops as inconclusive (the limit is named in the verdict).
    public var maxStates: Int
    public var typeFlaws: Bool

    public init(maxRuns: Int, maxStates: Int, typeFlaws: Bool = false) {
        self.maxRuns = maxRuns
        self.maxStates = maxStates
        self.typeFlaws = typeFlaws
    }

    public static let committed = ReportSettings(maxRuns: 3, maxStates: 200_000)

    /// The checker's options for these settings, optionally for some properties only.
    public func options(properties: Set<String>? = nil) -> CheckOptions {
        CheckOptions(maxRuns: maxRuns, typeFlaws: typeFlaws, maxStates: maxStates, timeout: nil, properties: properties)
    }
}
