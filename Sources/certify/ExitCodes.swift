import ArgumentParser
import CertifyModel
import CertifyReport

/// The one place where failures become exit codes (formats.md, reports.md).
enum ExitCodes {
    /// `verify`: the signature is invalid, the report tampered with, or the key untrusted.
    static let signatureInvalid: Int32 = 1
    /// `verify`: authentic, but not in force on the `--at` date.
    static let notCurrent: Int32 = 3
    /// `verify`: authentic, but re-scoring or a hash disagrees.
    static let disagreement: Int32 = 4
    /// `report`: the private key is readable by group or others.
    static let keyPermissions: Int32 = 77
    static let usage: Int32 = 64
    static let invalidInput: Int32 = 65
    static let unreadable: Int32 = 66
    static let software: Int32 = 70

    /// The exit code of a `verify` run over several reports: the worst
    /// outcome decides (unreadable, invalid, bad signature, disagreement,
    /// not current); nil when every report is valid and current.
    static func worstVerification(_ codes: [Int32]) -> Int32? {
        [unreadable, invalidInput, signatureInvalid, disagreement, notCurrent].first(where: codes.contains)
    }

    static func code(for error: CertifyError.Code) -> Int32 {
        switch error {
        case .invalidInput: invalidInput
        case .unreadable: unreadable
        case .usage: usage
        case .keyPermissions: keyPermissions
        case .badKey: invalidInput
        default: software
        }
    }

    /// The exit code for a run that met these errors: unreadable input wins
    /// over invalid input, which wins over success.
    static func worst(_ codes: [CertifyError.Code]) -> Int32 {
        if codes.contains(.unreadable) { return unreadable }
        if codes.contains(.invalidInput) { return invalidInput }
        return codes.map(code(for:)).max() ?? 0
    }
}

extension ExitCode {
    init(_ error: CertifyError) { self.init(ExitCodes.code(for: error.code)) }
}
