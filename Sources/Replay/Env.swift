import Terms

/// What an honest run holds as bytes: its names, and every ciphertext, signature and other
/// randomised value it received or made. A received ciphertext is kept as received: re-encrypting
/// it would draw a new AES-GCM nonce, so a MAC over it could never be checked.
struct Env: ExpressibleByDictionaryLiteral {
    var names: [Variable: Value] = [:]
    /// Template terms (the run's own names) to the bytes this run saw or made for them.
    var made: [Term: Value] = [:]

    init(dictionaryLiteral elements: (Variable, Value)...) {
        for (k, v) in elements { names[k] = v }
    }

    subscript(v: Variable) -> Value? {
        get { names[v] }
        set { names[v] = newValue }
    }
}
