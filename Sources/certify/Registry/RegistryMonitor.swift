import ArgumentParser
import CertifyModel
import CertifyRegistry
import CertifyRuntime
import Foundation

struct RegistryMonitor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Check a published log (C2SP tlog-tiles, from a URL or a directory) and print what is new.",
        discussion: """
            Verifies the checkpoint's signature with --log-key, every tile and entry against it, its
            consistency with the checkpoint in --state (the last one seen; written after a clean run),
            and every entry's form and place; prints the entries added since (issued, renewed, revoked).
            With --witness VKEY... the checkpoint must carry valid cosignatures (C2SP tlog-cosignature) of
            --quorum of them (default: all).
            Exit codes: 0 consistent; 1 an inconsistency (named on stderr: a fork, a log that shrank or
            does not extend the one seen, a tile or entry that does not match, too few cosignatures); 65 bad key or state file;
            66 a file could not be fetched.
            """)

    @Argument(help: ArgumentHelp("The log's prefix: http(s)://HOST/log or a directory of `registry tiles`.", valueName: "URL|DIR"))
    var source: String

    @Option(name: .customLong("log-key"), help: ArgumentHelp("The log's verifier key (NAME+ID+KEY, as registry init printed it).", valueName: "VKEY"))
    var logKey: String

    @Option(help: ArgumentHelp("The file keeping the last checkpoint seen (created on the first run).", valueName: "FILE"))
    var state: String?

    @OptionGroup var quorumOptions: QuorumOptions

    func run() throws {
        guard let verifier = NoteVerifier(encoded: logKey) else {
            Output.report(CertifyError(.invalidInput, Message.tlog(.logKeyBad)))
            throw ExitCode(CertifyError.Code.invalidInput.exitCode)
        }
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
            let report: LogMonitor.Report
            if source.hasPrefix("http://") || source.hasPrefix("https://") {
                report = try LogMonitor.check(HTTPSource(prefix: source), verifier: verifier, seen: seen)
            } else {
                report = try LogMonitor.check(DirectorySource(source), verifier: verifier, seen: seen)
            }
            try policy?.require(report.checkpoint, size: report.size)
            if let state { try AtomicFile.write(Array(report.checkpoint.utf8), to: state) }
            return report
        }
        let language = Output.language
        func line(_ message: Message.TlogMessage) { Output.write(Message.tlog(message).text(language) + "\n") }
        if report.new.isEmpty {
            line(.monitorUnchanged(size: report.size))
        } else {
            line(.monitorNew(from: report.previousSize, to: report.size))
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
