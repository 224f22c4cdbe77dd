import ArgumentParser
import CertifyModel
import CertifyRegistry
import CertifyRuntime
import Foundation

struct RegistryMonitor: ParsableCommand {
    static let configuration = RegistryCommandHelp.monitor.configuration()

    @Argument(help: ArgumentHelp(RegistryHelp.source, valueName: "URL|DIR"))
    var source: String

    @Option(name: .customLong("log-key"), help: ArgumentHelp(RegistryHelp.logKey, valueName: "VKEY"))
    var logKey: String

    @Option(help: ArgumentHelp(RegistryHelp.state, valueName: "FILE"))
    var state: String?

    @OptionGroup var quorumOptions: QuorumOptions

    func run() throws {
        let verifier = try NoteVerifier.argument(logKey, else: Message.tlog(.logKeyBad))
        let policy = try quorumOptions.policy()
        let report = try orExit { () throws(CertifyError) -> LogMonitor.Report in
            var seen: String?
            if let state, FileManager.default.fileExists(atPath: state) {
                guard let data = FileManager.default.contents(atPath: state), let text = String(data: data, encoding: .utf8) else {
                    throw CertifyError(.invalidInput, Message.tlog(.stateUnreadable(path: state)))
                }
                seen = text
                // A state file that is not a checkpoint of this log is refused as such, not as a fork.
                guard verifier.open(text).flatMap(Checkpoint.init(text:)) != nil else {
                    throw CertifyError(.invalidInput, Message.tlog(.stateUnreadable(path: state)))
                }
            }
            let report = try LogMonitor.check(published: source, verifier: verifier, seen: seen)
            try policy?.require(report.checkpoint, size: report.size)
            if let state { try AtomicFile.write(Array(report.checkpoint.utf8), to: state) }
            return report
        }
        let language = Output.language
        func line(_ message: Message.TlogMessage) { Output.write(Message.tlog(message).text(language) + "\n") }
        if report.new.isEmpty {
            line(.monitorUnchanged(size: report.size))
        } else {
            line(.monitorNew(from: report.previousSize, last: report.size - 1, size: report.size))
        }
        for (index, event) in report.new {
            let from = event.validFrom?.description ?? "", until = event.validUntil?.description ?? ""
            switch event.kind {
            case .issue:
                line(.monitorIssued(index: index, certificate: event.certificate, applicant: event.applicants.first?.id ?? "",
                                    validFrom: from, validUntil: until))
            case .renew:
                line(.monitorRenewed(index: index, certificate: event.certificate, predecessor: event.predecessor ?? "",
                                     validFrom: from, validUntil: until))
            case .revoke:
                line(.monitorRevoked(index: index, certificate: event.certificate, reason: event.reason ?? ""))
            }
        }
        Output.flush()
    }
}

extension LogMonitor {
    /// Checks the log published at `location`: a URL prefix (`http(s)://`)
    /// or a directory of `registry tiles` (monitor, verify --log).
    static func check(published location: String, verifier: NoteVerifier, seen: String?) throws(CertifyError) -> Report {
        location.hasPrefix("http://") || location.hasPrefix("https://")
            ? try check(HTTPSource(prefix: location), verifier: verifier, seen: seen)
            : try check(DirectorySource(location), verifier: verifier, seen: seen)
    }
}

/// A log served over HTTP(S) under a URL prefix (`serve`'s `/log`).
struct HTTPSource: LogSource {
    let prefix: String

    func fetch(_ path: String) throws(CertifyError) -> [UInt8] {
        let base = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        let url = base + "/" + path
        switch HTTP.request(url, headers: ["Accept-Encoding": "gzip, identity"]) {
        case .success(let (status, body)) where status == 200: return body
        case .success(let (status, _)): throw CertifyError(.unreadable, Message.tlog(.fetchFailed(path: url, reason: "HTTP \(status)")))
        case .failure(let error): throw error
        }
    }
}
