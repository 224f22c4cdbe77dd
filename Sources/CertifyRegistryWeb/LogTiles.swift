import CertifyModel
import CertifyRegistry
import CertifyServer
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// `/log/`: the log as C2SP `tlog-tiles` serves it — `/log/checkpoint`,
/// `/log/tile/<L>/<N>[.p/<W>]` and `/log/tile/entries/<N>[.p/<W>]` — read
/// from the database opened read-only. A tile's bytes never change once it
/// exists (a partial tile's width is in its path), so tiles are cached here
/// and answered with long-lived, immutable caching headers; the checkpoint
/// changes with every append and may be cached for a few seconds only. A
/// tile the log does not have yet is 404 and not cached.
struct LogTiles: Sendable {
    let registry: Registry
    let cache = TileCache()

    static let checkpointCaching = "public, max-age=5"
    static let tileCaching = "public, max-age=31536000, immutable"

    func addRoutes(to router: RouterGroup<CertifyRequestContext>) {
        router.get("/log/checkpoint") { _, _ in self.checkpoint() }
        router.get("/log/tile/**") { _, context in
            self.tile(context.parameters.getCatchAll().joined(separator: "/"))
        }
    }

    func checkpoint() -> Response {
        do {
            let note = try registry.latestCheckpoint()
            return Self.answer(.ok, "text/plain; charset=utf-8", Self.checkpointCaching, ByteBuffer(string: note))
        } catch {
            return Self.failure(error)
        }
    }

    func tile(_ rest: String) -> Response {
        guard let tile = Tile(path: "tile/" + rest) else { return Self.notFound() }
        if let bytes = cache[tile] { return Self.answer(.ok, "application/octet-stream", Self.tileCaching, bytes) }
        do {
            guard let bytes = try registry.tile(tile) else { return Self.notFound() }
            let buffer = ByteBuffer(bytes: bytes)
            cache[tile] = buffer
            return Self.answer(.ok, "application/octet-stream", Self.tileCaching, buffer)
        } catch {
            return Self.failure(error)
        }
    }

    static func answer(_ status: HTTPResponse.Status, _ type: String, _ caching: String, _ body: ByteBuffer) -> Response {
        // Any origin may read the log: it is public, and mirrors and
        // monitors in a browser are among its readers.
        Response(status: status, headers: [.contentType: type, .cacheControl: caching, .accessControlAllowOrigin: "*"],
                 body: .init(byteBuffer: body))
    }

    static func notFound() -> Response {
        answer(.notFound, "text/plain; charset=utf-8", "no-store", ByteBuffer(string: "not found\n"))
    }

    static func failure(_ error: CertifyError) -> Response {
        answer(.internalServerError, "text/plain; charset=utf-8", "no-store",
               ByteBuffer(string: error.diagnostics.map { $0.message(.en) }.joined(separator: "\n") + "\n"))
    }
}

/// Tiles read so far, up to `limit` of them (a full hash tile is 8 KiB).
final class TileCache: Sendable {
    static let limit = 4096
    private let tiles = Mutex<[Tile: ByteBuffer]>([:])

    subscript(tile: Tile) -> ByteBuffer? {
        get { tiles.withLock { $0[tile] } }
        set {
            tiles.withLock { tiles in
                if tiles.count < Self.limit || tiles[tile] != nil { tiles[tile] = newValue }
            }
        }
    }
}
