import ArgumentParser
import CertifyModel
import CertifyOffice
import CertifyRegistry
import CertifyReport
import CertifyRuntime
import Foundation

/// `certify office`: the certification office's data from the command line (office.md).
struct OfficeCommand: ParsableCommand {
    static let configuration = OfficeCommandHelp.office.configuration(subcommands: [
        OfficeInit.self, OfficeUser.self, OfficeBackup.self, OfficeRestore.self, OfficeAudit.self, OfficePurge.self,
        OfficeSign.self, OfficeExport.self, OfficeDemo.self,
    ])
}

/// `--data DIR`, shared by every office subcommand.
struct OfficeDataOptions: ParsableArguments {
    @Option(help: ArgumentHelp(OfficeHelp.data, valueName: "DIR"))
    var data: String

    /// Opens the office, or reports why not and exits.
    func open(create: Bool = false, retentionDays: Int = 5 * 365, publicURL: String = "http://127.0.0.1:8080",
              signer: ReportSigner? = nil, registry: Registry? = nil) throws -> Office {
        try orExitOffice {
            let store = try OfficeStore(directory: data, create: create)
            return Office(store: store, certifier: try Certifier(rubricsOption: nil), retentionDays: retentionDays,
                          publicURL: publicURL, signer: signer, registry: registry)
        }
    }
}

/// Reports an office error on stderr in the user's language and exits with its code.
func orExitOffice<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch { throw exit(error) }
}

/// `orExitOffice` for async set-up.
func orExitOfficeAsync<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch { throw exit(error) }
}

/// Reports a failure of an office command and gives its exit code.
private func exit(_ error: any Error) -> ExitCode {
    switch error {
    case let error as OfficeError:
        reportOfficeError(error)
        return ExitCode(error)
    case let error as CertifyError:
        Output.report(error)
        return ExitCode(error)
    case let error as ExitCode:
        return error
    default:
        reportOfficeError(OfficeError(.storage, .storage(detail: "\(error)")))
        return ExitCode(74)
    }
}

/// An office error on stderr, every problem of it on its own line, in the user's language.
func reportOfficeError(_ error: OfficeError) {
    Output.flush()
    FileHandle.standardError.write(Data((error.all.map { "error: " + $0.text(Output.language) }.joined(separator: "\n") + "\n").utf8))
}

extension ExitCode {
    /// The exit code of an office failure (sysexits.h).
    init(_ error: OfficeError) {
        switch (error.kind, error.message) {
        case (.conflict, .dataDirInUse): self.init(73)
        case (.invalid, _): self.init(65)
        case (.notFound, _): self.init(66)
        case (.storage, _): self.init(74)
        case (.forbidden, _), (.unauthenticated, _): self.init(77)
        case (.conflict, _), (.throttled, _): self.init(75)
        }
    }
}

/// The link that sets a password, built from the office's public URL.
func passwordLink(_ publicURL: String, _ token: String) -> String {
    var base = publicURL
    while base.hasSuffix("/") { base.removeLast() }
    return "\(base)/office/link/\(token)"
}
