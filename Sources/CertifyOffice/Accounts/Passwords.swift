import Crypto
import Foundation
import HummingbirdBcrypt

/// Password rules (OWASP ASVS 4.0 V2.1): 12 to 128 characters, every
/// character counts (a password longer than bcrypt's 72 bytes is first
/// hashed with SHA-256, so nothing is silently ignored), not a common
/// password. Hashing is bcrypt (hummingbird-auth).
public enum Passwords {
    public static let minimum = 12
    public static let maximum = 128
    /// bcrypt's work factor.
    public static let cost: UInt8 = 12

    public static func check(_ password: String) throws(OfficeError) {
        let count = password.count
        if count < minimum { throw OfficeError(.invalid, .passwordTooShort(minimum: minimum), field: "password") }
        if count > maximum { throw OfficeError(.invalid, .passwordTooLong(maximum: maximum), field: "password") }
        if isCommon(password) { throw OfficeError(.invalid, .passwordCommon, field: "password") }
    }

    /// A common password, or one character or a keyboard run repeated.
    public static func isCommon(_ password: String) -> Bool {
        let folded = password.lowercased()
        if Set(folded).count <= 2 { return true }
        if common.contains(folded) { return true }
        // A common word padded with digits or punctuation to reach the minimum length.
        let letters = folded.filter(\.isLetter)
        return letters.count >= 4 && common.contains(letters) && letters.count * 2 >= folded.count
    }

    /// bcrypt's input: the password's UTF-8 if it fits bcrypt's 72 bytes,
    /// else the base64 of its SHA-256 (44 bytes), so that no byte is ignored.
    static func prepared(_ password: String) -> String {
        let bytes = Array(password.utf8)
        guard bytes.count > 72 else { return password }
        return Data(SHA256.hash(data: bytes)).base64EncodedString()
    }

    public static func hash(_ password: String, cost: UInt8 = cost) -> String {
        Bcrypt.hash(prepared(password), cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(prepared(password), hash: hash)
    }

    /// A fixed hash to verify against when the account does not exist, so
    /// that a sign-in takes as long whether or not the address is known.
    static let decoy = Bcrypt.hash("certify-decoy-password", cost: cost)

    /// Passwords that attackers try first (the most common entries of public
    /// breach lists, and Korean keyboard habits), lower case.
    static let common: Set<String> = [
        "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword",
        "qwerty", "qwertyuiop", "qwerty123", "qwerty1234", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4",
        "asdfghjkl", "zxcvbnm", "asdf1234", "qwer1234", "abcd1234", "abc123", "abcdefg", "abcdefgh", "abcdefghijkl",
        "123456789012", "1234567890", "12345678", "123456789", "0123456789", "iloveyou", "letmein", "welcome",
        "welcome1", "welcome123", "admin", "admin123", "administrator", "changeme", "monkey", "dragon", "football",
        "baseball", "master", "sunshine", "princess", "superman", "trustno1", "starwars", "whatever", "shadow",
        "michael", "jennifer", "computer", "internet", "samsung", "hyundai", "korea", "seoul", "daehanminguk",
        "sarang", "saranghae", "iloveyou1", "loveyou", "certify", "certification", "smartcity", "smart city",
        "passwordpassword", "qwertyqwerty", "11111111", "00000000", "aaaaaaaa", "secret", "secret123",
        "summer", "winter", "spring", "autumn", "letmein123", "trustme", "login", "hello", "hello123",
        "gksrmf", "dkssud", "dkssudgktpdy", "ekfkawnl", "tkfkdgo", "rhksflwk", "qkqh", "wlsdud",
    ]
}
