/// Something in a model that is legal but almost certainly not what its author meant; the check
/// goes on, and the warning says what to look at.
package struct ModelWarning: Hashable, Sendable, CustomStringConvertible {
    package var model: String
    package var location: SourceLocation
    package var message: String

    package var description: String { "\(location): warning: \(model): \(message)" }
}

extension ProtocolModel {
    /// A `Running` signal after the role's last send: no message of the role follows it, so no
    /// partner's claim can be ordered after it, and every agreement that waits for it fails on a
    /// correct protocol with an "attack" that only says the signal came too late.
    package func warnings() -> [ModelWarning] {
        var out: [ModelWarning] = []
        // Roles of another protocol of the file are that protocol's model's to warn about.
        for role in roles where role.foreign == nil {
            guard let lastSend = role.events.lastIndex(where: { if case .send = $0.action { return true } else { return false } }) else { continue }
            for e in role.events[(lastSend + 1)...] {
                guard case .running(let peer, _, _) = e.action else { continue }
                out.append(ModelWarning(model: name, location: e.location,
                                        message: "role \(role.name): Running with \(peer) comes after the role's last send, so no partner can observe it before its claim (put it before the send the partner's claim follows)"))
            }
        }
        return out
    }
}
