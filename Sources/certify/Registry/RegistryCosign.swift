import ArgumentParser
import AsyncHTTPClient
import CertifyModel
import CertifyRegistry
import Foundation
import NIOCore
import NIOHTTP1

/// `--witness URL=VKEY...`: the witnesses a writing command asks for
/// cosignatures of the new checkpoint (add, revoke, cosign).
struct CosignOptions: ParsableArguments {
    @Option(name: .customLong("witness"), help: ArgumentHelp(RegistryHelp.cosignWitness, valueName: "URL=VKEY"))
    var witnesses: [String] = []

    func targets() throws -> [WitnessTarget] {
        try witnesses.map { argument in
            guard let target = WitnessTarget(argument: argument) else {
                throw failure(CertifyError(.usage, Message.tlog(.witnessTargetBad(value: argument))))
            }
            return target
        }
    }

    /// Asks the witnesses (if any) to cosign the registry's latest
    /// checkpoint; one line each on stderr. The writing already succeeded:
    /// a witness that does not cosign leaves the earlier cosigned checkpoint
    /// published, and `registry cosign` asks again.
    @discardableResult
    func cosign(_ registry: Registry, targets: [WitnessTarget]) throws -> Int {
        guard !targets.isEmpty else { return 0 }
        let outcomes = try orExit { () throws(CertifyError) in try registry.cosign(witnesses: targets, post: HTTP.post) }
        for outcome in outcomes {
            let line = Message.tlog(outcome.message).text(Output.language)
            FileHandle.standardError.write(Data(((outcome.cosigned ? "" : "warning: ") + line + "\n").utf8))
        }
        return outcomes.filter(\.cosigned).count
    }
}

struct RegistryCosign: ParsableCommand {
    static let configuration = RegistryCommandHelp.cosign.configuration()

    @OptionGroup var writing: RegistryWriteOptions

    func validate() throws {
        if writing.cosign.witnesses.isEmpty { throw ValidationError(.witnessNeeded) }
    }

    func run() throws {
        let cosigned = try writing.write { _ in }
        if cosigned < writing.cosign.witnesses.count { throw ExitCode(CertifyError.Code.auditFailed.exitCode) }
    }
}

/// `--witness VKEY... --quorum N`: the cosignatures a reader requires on
/// a log's checkpoint (verify, registry status, registry monitor).
struct QuorumOptions: ParsableArguments {
    @Option(name: .customLong("witness"), help: ArgumentHelp(RegistryHelp.quorumWitness, valueName: "VKEY"))
    var witnesses: [String] = []

    @Option(help: ArgumentHelp(RegistryHelp.quorum, valueName: "N"))
    var quorum: Int?

    func validate() throws {
        if let quorum {
            guard !witnesses.isEmpty else { throw ValidationError(.quorumWithWitness) }
            guard quorum >= 1 && quorum <= witnesses.count else { throw ValidationError(.quorumRange) }
        }
    }

    /// The policy, or nil without --witness; a bad key exits 65.
    func policy() throws -> WitnessPolicy? {
        guard !witnesses.isEmpty else { return nil }
        let verifiers = try witnesses.map { value in
            guard let verifier = CosignatureVerifier(encoded: value) else {
                throw failure(CertifyError(.invalidInput, Message.tlog(.witnessKeyBad(value: value))))
            }
            return verifier
        }
        return WitnessPolicy(witnesses: verifiers, quorum: quorum ?? verifiers.count)
    }
}

/// Blocking HTTP for the CLI (AsyncHTTPClient, one request at a time).
enum HTTP {
    /// The largest answer read (a tile is 8 KiB; an entry bundle a few hundred KiB).
    static let maxBody = 64 * 1024 * 1024

    /// The status and body of a request, or why there was none.
    static func request(_ url: String, method: String = "GET", body: [UInt8]? = nil,
                        headers: [String: String] = [:]) -> Result<(status: Int, body: [UInt8]), CertifyError> {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        final class Box: @unchecked Sendable { var result: Result<(Int, [UInt8]), any Error>? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                var buffer = try await response.body.collect(upTo: maxBody)
                box.result = .success((Int(response.status.code), buffer.readBytes(length: buffer.readableBytes) ?? []))
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        switch box.result {
        case .success(let (status, bytes)): return .success((status, bytes))
        case .failure(let error):
            return .failure(CertifyError(.unreadable, Message.tlog(.fetchFailed(path: url, reason: "\(error)"))))
        case nil:
            return .failure(CertifyError(.unreadable, Message.tlog(.fetchFailed(path: url, reason: "no answer"))))
        }
    }

    static func post(_ url: String, _ body: [UInt8]) -> Result<(status: Int, body: [UInt8]), CertifyError> {
        request(url, method: "POST", body: body)
    }
}
