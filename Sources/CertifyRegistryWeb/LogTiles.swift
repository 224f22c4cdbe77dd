import CertifyModel
import CertifyRegistry
import CertifyServer
import Foundation
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
/// tile the log does not have yet is 404 and not cached. Entry bundles
/// are sent gzipped (`Content-Encoding: gzip`, kept compressed in the
/// cache) to a client whose `Accept-Encoding` takes gzip, as the spec asks
/// ("SHOULD be compressed at the HTTP layer"); hash tiles, being hashes,
/// are not.
struct LogTiles: Sendable {
    let registry: Registry
    let cache = TileCache()
    let gzipped = TileCache()

    static let checkpointCaching = "public, max-age=5"
    static let tileCaching = "public, max-age=31536000, immutable"

    /// On the event loop: a tile in the cache is answered there; any other
    /// request reads SQLite, off the loop.
    func addRoutes(to router: RouterGroup<CertifyRequestContext>) {
        router.get("/log/checkpoint") { _, _ in await offLoop { self.checkpoint() } }
        router.get("/log/tile/**") { request, context in
            let path = context.parameters.getCatchAll().joined(separator: "/")
            let gzip = Self.acceptsGzip(request.headers[.acceptEncoding])
            if let cached = self.cached(path, gzip: gzip) { return cached }
            return await offLoop { self.tile(path, gzip: gzip) }
        }
    }

    /// The answer for a tile already in memory, or nil.
    func cached(_ rest: String, gzip: Bool) -> Response? {
        guard let tile = Tile(path: "tile/" + rest) else { return nil }
        if tile.level == nil {
            if gzip { return gzipped[tile].map { Self.bundle($0, gzip: true) } }
            return cache[tile].map { Self.bundle($0, gzip: false) }
        }
        return cache[tile].map { Self.answer(.ok, "application/octet-stream", Self.tileCaching, $0) }
    }

    func checkpoint() -> Response {
        do {
            let note = try registry.latestCheckpoint()
            return Self.answer(.ok, "text/plain; charset=utf-8", Self.checkpointCaching, ByteBuffer(string: note))
        } catch {
            return Self.failure(error)
        }
    }

    func tile(_ rest: String, gzip: Bool = false) -> Response {
        guard let tile = Tile(path: "tile/" + rest) else { return Self.notFound() }
        let compress = gzip && tile.level == nil
        if compress, let bytes = gzipped[tile] { return Self.bundle(bytes, gzip: true) }
        if !compress, let bytes = cache[tile] {
            return tile.level == nil ? Self.bundle(bytes, gzip: false) : Self.answer(.ok, "application/octet-stream", Self.tileCaching, bytes)
        }
        do {
            guard let bytes = try registry.tile(tile) else { return Self.notFound() }
            if compress {
                let buffer = ByteBuffer(bytes: Gzip.compress(bytes))
                gzipped[tile] = buffer
                return Self.bundle(buffer, gzip: true)
            }
            let buffer = ByteBuffer(bytes: bytes)
            cache[tile] = buffer
            return tile.level == nil ? Self.bundle(buffer, gzip: false) : Self.answer(.ok, "application/octet-stream", Self.tileCaching, buffer)
        } catch {
            return Self.failure(error)
        }
    }

    /// An entry bundle: its bytes vary with Accept-Encoding.
    static func bundle(_ body: ByteBuffer, gzip: Bool) -> Response {
        var response = answer(.ok, "application/octet-stream", tileCaching, body)
        response.headers[.vary] = "Accept-Encoding"
        if gzip { response.headers[.contentEncoding] = "gzip" }
        return response
    }

    /// Whether an Accept-Encoding header takes gzip (`gzip` or `*`, not with q=0).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, coding == "gzip" || coding == "x-gzip" || coding == "*" else { continue }
            let refused = parts.dropFirst().contains { $0.replacingOccurrences(of: " ", with: "").range(of: #"^q=0(\.0{0,3})?$"#, options: .regularExpression) != nil }
            if !refused { return true }
        }
        return false
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
