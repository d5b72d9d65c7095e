import Model
import Terms

/// Swift DSL twins of our SPDL models, stating Scyther's claim kinds in the DSL: Scyther's weak
/// agreement, message agreement, synchronisation and reachability. Each sends and receives with the
/// sender and recipient named, as SPDL does, so that synchronisation compares them alike.
enum ScytherKindTwins {
    static let A = agent("A"), B = agent("B")
    static let Na = nonce("Na"), Nb = nonce("Nb")

    /// nspk.spdl and nsl.spdl.
    static func needhamSchroeder(lowe: Bool) -> ProtocolModel {
        let m1 = aenc(Na, A, key: pk(B))
        let m2 = lowe ? aenc(Na, Nb, B, key: pk(A)) : aenc(Na, Nb, key: pk(A))
        let m3 = aenc(Nb, key: pk(B))
        return ProtocolModel(lowe ? "nsl-scyther-kinds" : "nspk-scyther-kinds", title: "Needham-Schroeder with Scyther's claims", source: "test twin") {
            Role("A") {
                Fresh(Na)
                Send("1", m1, from: A, to: B)
                Recv("2", m2, from: B, to: A)
                Send("3", m3, from: A, to: B)
                Claim("A-secret-Na", .secret(Na))
                Claim("A-secret-Nb", .secret(Nb))
                Claim("A-alive", .aliveness(of: B))
                Claim("A-weak-agree", .scytherWeakAgreement(with: B))
                Claim("A-message-agree", .messageAgreement)
                Claim("A-sync", .synchronisation)
            }
            Role("B") {
                Fresh(Nb)
                Recv("1", m1, from: A, to: B)
                Send("2", m2, from: B, to: A)
                Recv("3", m3, from: A, to: B)
                Claim("B-secret-Na", .secret(Na))
                Claim("B-secret-Nb", .secret(Nb))
                Claim("B-alive", .aliveness(of: A))
                Claim("B-weak-agree", .scytherWeakAgreement(with: A))
                Claim("B-message-agree", .messageAgreement)
                Claim("B-sync", .synchronisation)
            }
        }
    }

    /// sync-order.spdl: message 1 carries nothing the intruder lacks.
    static let syncOrder = ProtocolModel("sync-order-dsl", title: "synchronisation against message agreement", source: "test twin") {
        Role("A") {
            Send("1", A, from: A, to: B)
            Recv("2", aenc(Nb, B, key: pk(A)), from: B, to: A)
            Send("3", aenc(Nb, key: pk(B)), from: A, to: B)
        }
        Role("B") {
            Fresh(Nb)
            Recv("1", A, from: A, to: B)
            Send("2", aenc(Nb, B, key: pk(A)), from: B, to: A)
            Recv("3", aenc(Nb, key: pk(B)), from: A, to: B)
            Claim("B-message-agree", .messageAgreement)
            Claim("B-sync", .synchronisation)
        }
    }

    /// reachable.spdl: A's second claim follows a message nobody sends.
    static let reachable = ProtocolModel("reachable-dsl", title: "reachability", source: "test twin") {
        Role("A") {
            Fresh(Na)
            Send("1", aenc(A, Na, key: pk(B)), from: A, to: B)
            Recv("2", aenc(Na, Nb, key: pk(A)), from: B, to: A)
            Claim("A-reach-2", .reachable)
            Recv("!3", sign(A, key: sk(B)), from: B, to: A)
            Claim("A-reach-3", .reachable)
        }
        Role("B") {
            Fresh(Nb)
            Recv("1", aenc(A, Na, key: pk(B)), from: A, to: B)
            Send("2", aenc(Na, Nb, key: pk(A)), from: B, to: A)
            Claim("B-reach", .reachable)
        }
    }
}
