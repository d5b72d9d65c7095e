import Foundation
import Frontends

/// A model argument that names nothing protocheck knows.
public struct UnknownModel: Error, CustomStringConvertible {
    public var name: String
    public var description: String {
        "error: no model named '\(name)' (run `protocheck list` for the registered models, or give the path of a model file)"
    }
}

/// A model file with no protocol to check: only helper protocols (which make no claims), or none.
public struct NothingToCheck: Error, CustomStringConvertible {
    public var file: String
    public var description: String {
        "\(file): error: no protocol to check: the file has none, or only helper protocols (names beginning with @), which make no claims"
    }
}

/// Turns command-line model arguments into models: a registered name, or a path to a model file.
public enum ModelResolver {
    public static func resolve(_ argument: String) throws -> [ProtocolModel] {
        if let m = Registry.model(named: argument) { return [m] }
        if argument.hasSuffix(".spdl") {
            guard let text = try? String(contentsOfFile: argument, encoding: .utf8) else { throw UnknownModel(name: argument) }
            let models = try SPDL.parse(text, file: argument)
            if models.isEmpty { throw NothingToCheck(file: argument) }
            return models
        }
        throw UnknownModel(name: argument)
    }

    /// The file a model was written in, relative to the package root, for reports and SARIF locations.
    public static func sourceFile(of model: ProtocolModel) -> String {
        let file = model.location.file
        // #fileID is "Module/File.swift": the Models module lives in models/.
        if file.hasPrefix("Models/") {
            let name = String(file.dropFirst("Models/".count))
            for dir in ["models", "models/Validation", "models/Documents"] {
                if FileManager.default.fileExists(atPath: "\(dir)/\(name)") { return "\(dir)/\(name)" }
            }
            return "models/\(name)"
        }
        return file
    }
}
