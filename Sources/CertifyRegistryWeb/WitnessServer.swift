import CertifyModel
import CertifyRegistry
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// `certify registry witness`: a C2SP `tlog-witness` witness over HTTP.
/// `POST /add-checkpoint` (the submission prefix is the root) answers as
/// `Witness.add` decides; `GET /<hex SHA-256 of an origin>/checkpoint`
/// (the monitoring prefix, the same root) gives the latest checkpoint it
/// cosigned for that log. Each cosignature and each refusal is logged.
public enum WitnessServer {
    public static func application(
        witness: Witness, host: String, port: Int, logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void
    ) -> some ApplicationProtocol {
        let router = Router()
        router.post("/add-checkpoint") { request, _ -> Response in
            let body: ByteBuffer
            do { body = try await request.body.collect(upTo: Witness.maxBody) } catch {
                return answer(Witness.Answer(status: 413, contentType: "text/plain; charset=utf-8", body: "too large\n",
                                             outcome: .witnessRequestMalformed))
            }
            let result = witness.add(Array(buffer: body))
            let said = Message.tlog(result.outcome).text(.en)
            if result.status == 200 {
                logger.info("\(said)")
            } else {
                logger.notice("\(Message.tlog(.witnessRefused(status: result.status, reason: said)).text(.en))")
            }
            return answer(result)
        }
        router.get("/:origin/checkpoint") { _, context -> Response in
            answer(witness.checkpoint(originHash: context.parameters.get("origin") ?? ""))
        }
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "certify-witness"),
            onServerRunning: onServerRunning,
            logger: logger)
    }

    static func answer(_ answer: Witness.Answer) -> Response {
        Response(status: HTTPResponse.Status(code: answer.status),
                 headers: [.contentType: answer.contentType, .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: answer.body)))
    }
}
