import ArgumentParser
import CertifyModel
import CertifyOffice
import CertifyRegistry
import CertifyReport
import CertifyRuntime
import Foundation

/// `certify office demo`: a new office with a whole round on the samples,
/// through the same workflow the pages use (office.md, Start).
struct OfficeDemo: ParsableCommand {
    static let configuration = OfficeCommandHelp.demo.configuration()

    @OptionGroup var data: OfficeDataOptions

    @Option(name: .customLong("signing-key"), help: ArgumentHelp(OfficeHelp.demoSigningKey, valueName: "KEY.pem"))
    var signingKey: String

    @OptionGroup var signer: SignerOption

    @Option(help: ArgumentHelp(OfficeHelp.demoRegistry, valueName: "PATH"))
    var registry: String

    @Option(help: ArgumentHelp(OfficeHelp.demoOrigin, valueName: "NAME"))
    var origin = "demo.example/certify-registry"

    @Option(help: ArgumentHelp(OfficeHelp.samples, valueName: "DIR"))
    var samples: String?

    @Option(name: .customLong("public-url"), help: ArgumentHelp(OfficeHelp.noticeURL, valueName: "URL"))
    var publicURL = "http://127.0.0.1:8080"

    func run() throws {
        let language = Output.language
        try refuseNonEmpty(data.data, .demoDataNotEmpty(path: data.data))
        let key = try orExitOffice { try Keys.privateKey(at: signingKey) }
        let samplesURL = samples.map { URL(fileURLWithPath: $0) }
            ?? Installation.shippedRubrics()?.deletingLastPathComponent().appendingPathComponent("Samples")
        guard let samplesURL, FileManager.default.fileExists(atPath: samplesURL.path) else {
            reportOfficeError(OfficeError(.notFound, OfficeCommandText.demoSamplesMissing(path: samples ?? "Samples").message))
            throw ExitCode(66)
        }
        let createdRegistry = !FileManager.default.fileExists(atPath: registry)
        let createdData = !FileManager.default.fileExists(atPath: data.data)
        let opened = try orExitOffice { () throws -> Registry in
            guard !createdRegistry else { return try Registry.create(at: registry, origin: origin) }
            let existing = try Registry.open(at: registry)
            if try existing.size() > 0 {
                reportOfficeError(OfficeError(.conflict, OfficeCommandText.demoRegistryNotEmpty(path: registry).message))
                throw ExitCode(73)
            }
            return existing
        }
        let outcome: DemoOutcome
        let office: Office
        do {
            office = try data.open(create: true, publicURL: publicURL, signer: ReportSigner(key: key, name: signer.signer), registry: opened)
            outcome = try orExitOffice { try office.runDemo(samples: samplesURL) }
        } catch {
            // A demo that failed half-way is removed, so that it can be run again (only what it made).
            for suffix in ["", "-wal", "-shm"] { unlink(data.data + "/" + OfficeStore.fileName + suffix) }
            if createdData { rmdir(data.data) }
            if createdRegistry {
                for path in [registry, registry + "-wal", registry + "-shm", Registry.keyPath(for: registry)] { unlink(path) }
            }
            throw error
        }

        print(OfficeCommandText.demoWarning.text(language))
        print(OfficeCommandText.demoAccountsHeading.text(language))
        for account in outcome.accounts {
            print(OfficeCommandText.demoAccount(role: account.role, email: account.email, password: account.password).text(language))
            if let secret = account.secondFactor {
                print(OfficeCommandText.demoSecondFactor(email: account.email, base32: secret).text(language))
            }
        }
        print()
        for item in outcome.applications {
            print(OfficeCommandText.demoApplication(reference: item.application.reference, sample: item.sample,
                                                    state: item.application.state).text(language))
        }
        for item in outcome.applications {
            for decision in item.decisions {
                let certificate = try orExitOffice { try office.certificateID(of: decision) }
                print(OfficeCommandText.demoDecision(reference: item.application.reference, decision: decision.id!,
                                                     certified: decision.certified, certificate: certificate).text(language))
            }
        }
        print()
        let serve = "certify serve --data \(data.data) --public-url \(publicURL) --signing-key \(signingKey) --registry \(registry)"
        print(OfficeCommandText.demoSignIn(command: serve, url: publicURL).text(language))
    }
}
