import CertifyModel

/// JSON Canonicalization Scheme (RFC 8785) for the flat objects the action
/// log hashes: members sorted by key (the keys are ASCII, so code-unit order
/// is byte order), written by the one JSON writer in its canonical mode.
public enum CanonicalJSON {
    public enum Value: Sendable, Equatable {
        case string(String), integer(Int64), bool(Bool), null
    }

    public static func encode(_ members: [String: Value]) -> String {
        var json = JSONWriter(canonical: true)
        json.object { json in
            for key in members.keys.sorted() {
                json.key(escaping: key)
                switch members[key]! {
                case .string(let text): json.string(text)
                case .integer(let number): json.number(Int(number))
                case .bool(let flag): json.bool(flag)
                case .null: json.null()
                }
            }
        }
        return json.text()
    }
}
