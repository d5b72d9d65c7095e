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
    /// Models whose search stops sooner than `maxStates`, by name.
    public var maxStatesByModel: [String: Int]
    public var typeFlaws: Bool

    public init(maxRuns: Int, maxStates: Int, maxStatesByModel: [String: Int] = [:], typeFlaws: Bool = false) {
        self.maxRuns = maxRuns
        self.maxStates = maxStates
        self.maxStatesByModel = maxStatesByModel
        self.typeFlaws = typeFlaws
    }

    /// 300,000 states let every document finding complete at three runs (gemplus-elgamal, the largest,
    /// needs about 247,000). soda-machine's aliveness with the master key known does not complete within
    /// any bound that a test can afford (three-run states there cost ten times the others); its attacks
    /// are found within 30,000 states, so it stops at 40,000 and says so in its verdicts.
    public static let committed = ReportSettings(maxRuns: 3, maxStates: 300_000, maxStatesByModel: ["soda-machine": 40_000])

    public func maxStates(for model: String) -> Int { maxStatesByModel[model] ?? maxStates }

    /// The checker's options for a model, optionally for some properties only.
    public func options(for model: String, properties: Set<String>? = nil) -> CheckOptions {
        CheckOptions(maxRuns: maxRuns, typeFlaws: typeFlaws, maxStates: maxStates(for: model), timeout: nil, properties: properties)
    }
}
