import Foundation
import Model
import Results

/// Where each property is written, for the locations of SARIF results and JUnit test cases: the file
/// and line of its claim (or conditional property), as the DSL records them (`#filePath`, `#line`)
/// or as an SPDL file was given. A path under the current directory is made relative to it, so that
/// a code-scanning dashboard finds the file in the repository it was run from.
package struct PropertySources: Sendable {
    private var locations: [String: SourceLocation] = [:]

    package init(_ models: [ProtocolModel], currentDirectory: String = FileManager.default.currentDirectoryPath) {
        for model in models {
            for p in model.properties {
                var at: SourceLocation
                switch p.origin {
                case .claim(let role, let event, _): at = model.roles[role].events[event].location
                case .conditional(let c): at = c.location
                }
                at.file = SourceLocation.shown(at.file, relativeTo: currentDirectory)
                locations[Self.key(model.name, p.name)] = at
            }
        }
    }

    /// Locations given one by one: (model, property, where it is written).
    package init(_ entries: [(model: String, property: String, location: SourceLocation)]) {
        for e in entries { locations[Self.key(e.model, e.property)] = e.location }
    }

    /// No locations: results are then named by logical location only.
    package static let none = PropertySources([ProtocolModel]())

    package func location(of r: PropertyResult) -> SourceLocation? { locations[Self.key(r.model, r.property)] }

    private static func key(_ model: String, _ property: String) -> String { model + "\u{0}" + property }
}
