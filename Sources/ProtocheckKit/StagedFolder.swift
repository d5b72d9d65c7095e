import Foundation

/// Writes folders so that each is, at every moment, its old complete self, absent, or its new
/// complete self: the writing goes to a temporary folder beside them, whose entries are then renamed
/// into place. An interrupt or a failure midway leaves the targets untouched and removes the
/// temporary folder.
package enum StagedFolder {
    /// Runs `write` on a staging folder that holds a copy of each of `entries` of `parent` that
    /// exists, then moves each entry of the staging folder named in `entries` into `parent`.
    package static func update(_ parent: URL, entries: [String], _ write: (URL) throws -> Void) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let tag = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".protocheck-staging-\(tag)")
        defer { try? fm.removeItem(at: staging) }
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        for name in entries where fm.fileExists(atPath: parent.appendingPathComponent(name).path) {
            try fm.copyItem(at: parent.appendingPathComponent(name), to: staging.appendingPathComponent(name))
        }
        try write(staging)
        try Interrupts.shared.committing {
            for name in entries {
                let target = parent.appendingPathComponent(name), new = staging.appendingPathComponent(name)
                let old = staging.appendingPathComponent(".old-\(name)")
                let replacing = fm.fileExists(atPath: target.path)
                guard fm.fileExists(atPath: new.path) else {
                    if replacing { try fm.removeItem(at: target) }
                    continue
                }
                if replacing { try fm.moveItem(at: target, to: old) }
                do { try fm.moveItem(at: new, to: target) } catch {
                    if replacing { try? fm.moveItem(at: old, to: target) }
                    throw error
                }
            }
        }
    }

    /// `folder` written whole: absent until `write` has finished it.
    package static func create(_ folder: URL, _ write: (URL) throws -> Void) throws {
        try update(folder.deletingLastPathComponent(), entries: [folder.lastPathComponent]) { staging in
            let inside = staging.appendingPathComponent(folder.lastPathComponent)
            try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
            try write(inside)
        }
    }
}
