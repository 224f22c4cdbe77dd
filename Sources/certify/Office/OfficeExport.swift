import ArgumentParser
import CertifyModel
import CertifyOffice
import CertifyRuntime
import Foundation

/// `certify office export`: per signed decision, the signed report, the
/// dossier it decided and the reviews it used: what `certify verify
/// --dossier` needs.
struct OfficeExport: ParsableCommand {
    static let configuration = OfficeCommandHelp.export.configuration()

    @OptionGroup var data: OfficeDataOptions

    @Option(help: ArgumentHelp(OfficeHelp.exportOut, valueName: "DIR2"))
    var out: String

    func run() throws {
        let language = Output.language
        try refuseNonEmpty(out, .exportTargetNotEmpty(path: out))
        let office = try data.open()
        let decisions = try orExitOffice { try office.signedDecisions() }
        // Built beside the target, then renamed onto it (a missing or empty directory): all or nothing.
        var target = out
        while target.count > 1 && target.hasSuffix("/") { target.removeLast() }
        let slash = target.lastIndex(of: "/")
        let parent = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        let temporary = (parent.isEmpty ? "" : parent) + "/.\(name).export.\(getpid()).tmp"
        var lines: [String] = []
        do {
            try makeDirectory(temporary)
            for item in decisions {
                let exported = try office.exported(item.decision, reference: item.reference, folder: item.folder)
                let folder = temporary + "/" + exported.folder
                try makeDirectory(folder)
                try AtomicFile.write(Array(exported.report), to: folder + "/report.xml", mode: 0o600, replace: false)
                try AtomicFile.write(Array(exported.dossier), to: folder + "/dossier.xml", mode: 0o600, replace: false)
                for review in exported.reviews {
                    try AtomicFile.write(Array(review.bytes), to: folder + "/review-\(review.code).xml", mode: 0o600, replace: false)
                }
                lines.append(OfficeCommandText.exported(folder: exported.folder, decision: exported.decision.id!,
                                                        certified: exported.decision.certified, reviews: exported.reviews.count).text(language))
            }
            guard rename(temporary, target) == 0 else {
                throw OfficeError(.storage, .storage(detail: "\(target): \(String(cString: strerror(errno)))"))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            _ = try orExitOffice { throw error }
        }
        for line in lines { print(line) }
        if decisions.isEmpty { print(OfficeCommandText.exportedNone.text(language)) }
    }

    private func makeDirectory(_ path: String) throws {
        guard mkdir(path, 0o700) == 0 else {
            throw OfficeError(.storage, .storage(detail: "\(path): \(String(cString: strerror(errno)))"))
        }
    }
}

/// Refuses a path that exists and is not an empty directory (exit 73), saying why.
func refuseNonEmpty(_ path: String, _ text: OfficeCommandText) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
    if isDirectory.boolValue, (try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty == true { return }
    reportOfficeError(OfficeError(.conflict, text.message))
    throw ExitCode(73)
}
