import ArgumentParser

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the registered models and their properties.")
    func run() {
        for m in session.models {
            print("\(m.name)\t\(m.title)\t" + m.properties.map(\.name).joined(separator: " "))
        }
    }
}
