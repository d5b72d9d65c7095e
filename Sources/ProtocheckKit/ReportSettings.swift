import Engine

/// The search bound behind the committed `attacks/` and `Reports/`, and the command line's default bound.
///
/// It is a state bound, never a wall-clock one: a search stopped by a clock gives verdicts that depend on
/// the machine's speed and load, so the generated files would change from one machine to another. With a
/// state bound every machine explores the same states and writes the same files. `make run`, `protocheck
/// report` and `protocheck check` without bound options, and the test that compares the committed files
/// with what the code generates all take it from here.
package struct ReportSettings: Hashable, Sendable {
    package var maxRuns: Int
    /// States one scenario's search may explore before it stops as inconclusive (the limit is named in
    /// the verdict). Per scenario, so that it does not depend on how the workers share the scenarios out.
    package var maxStates: Int
    package var typeFlaws: Bool

    package init(maxRuns: Int, maxStates: Int, typeFlaws: Bool = false) {
        self.maxRuns = maxRuns
        self.maxStates = maxStates
        self.typeFlaws = typeFlaws
    }

    /// Scyther's bound, five runs. The goal-directed search of the largest shipped property explores a
    /// few thousand patterns; 300,000 leaves room for models people add.
    package static let committed = ReportSettings(maxRuns: 5, maxStates: 300_000)

    /// The checker's options for a model, optionally for some properties only.
    package func options(for model: String, properties: Set<String>? = nil) -> CheckOptions {
        CheckOptions(maxRuns: maxRuns, typeFlaws: typeFlaws, maxStates: maxStates, timeout: nil, properties: properties)
    }
}
