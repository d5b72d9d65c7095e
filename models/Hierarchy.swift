import Model
import Terms

// Lowe's authentication hierarchy from one role's view, named the same way in every document model:
//   alive-<Partner>, weak-agree-<Partner>, ni-agree-<Partner>-<data>, i-agree-<Partner>-<data>
// Secrecy claims are written in place as `secret-<term>-<claiming role>`.
// Claims keep the caller's source line so that a model error points at the model, not at this file.

/// Aliveness, weak agreement, non-injective and injective agreement with `partner` on `data`.
/// The partner's role must say `Running(with: <this role>, data...)` (same `tag`) before it can match.
func authenticationClaims(with partner: Term, on data: [Term], named dataName: String, tag: String = "",
                          file: StaticString = #filePath, line: UInt = #line) -> [Event] {
    let p = partner.description
    return [
        Claim("alive-\(p)", .aliveness(of: partner), file: file, line: line),
        Claim("weak-agree-\(p)", .weakAgreement(with: partner), file: file, line: line),
        Claim("ni-agree-\(p)-\(dataName)", .agreement(with: partner, on: data, injective: false, tag: tag), file: file, line: line),
        Claim("i-agree-\(p)-\(dataName)", .agreement(with: partner, on: data, injective: true, tag: tag), file: file, line: line),
    ]
}
