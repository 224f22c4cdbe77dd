import CertifyModel
import CertifyRegistry
import CertifyRegistryWeb
@testable import CertifyServer
import CertifyTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `/log/` of `serve --registry`: the C2SP tlog-tiles layout with its
/// content types and caching headers, tiles the log does not have refused,
/// nothing written to the database.
@Suite("Log tiles")
struct LogTilesTests {
    @Test(arguments: setups)
    func servesCheckpointTilesAndBundles(_ setup: TestingSetup) async throws {
        let made = try TestRegistry()
        let before = made.fingerprint()
        let registry = try Registry.open(at: made.path, readOnly: true)
        let size = try registry.size()
        #expect(size == 4)
        let note = try registry.latestCheckpoint()
        let entries = try (0..<size).map { try registry.entry($0) }
        let bundle = try Tile.bundle(entries, firstIndex: 0)
        try await made.app().test(setup) { client in
            try await client.execute(uri: "/log/checkpoint", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                #expect(response.headers[.cacheControl] == "public, max-age=5")
                #expect(String(buffer: response.body) == note)
            }
            try await client.execute(uri: "/log/tile/0/000.p/4", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/octet-stream")
                #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
                let bytes = Array(buffer: response.body)
                #expect(bytes == entries.flatMap { RFC9162.leafHash($0) })
            }
            for _ in 0..<2 {  // the second answer comes from the cache
                try await client.execute(uri: "/log/tile/entries/000.p/4", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/octet-stream")
                    #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
                    #expect(Tile.entries(ofBundle: Array(buffer: response.body)) == entries)
                }
            }
            // Entry bundles are gzipped for a client that accepts gzip (Vary: Accept-Encoding).
            for accept in ["gzip", "identity;q=0.5, GZIP", "*"] {
                try await client.execute(uri: "/log/tile/entries/000.p/4", method: .get, headers: [.acceptEncoding: accept]) { response in
                    #expect(response.headers[.contentEncoding] == "gzip", "\(accept)")
                    #expect(response.headers[.vary] == "Accept-Encoding")
                    #expect(Array(buffer: response.body) == Gzip.compress(bundle))
                }
            }
            for accept in ["identity", "gzip;q=0", "br"] {
                try await client.execute(uri: "/log/tile/entries/000.p/4", method: .get, headers: [.acceptEncoding: accept]) { response in
                    #expect(response.headers[.contentEncoding] == nil, "\(accept)")
                    #expect(Tile.entries(ofBundle: Array(buffer: response.body)) == entries)
                }
            }
            try await client.execute(uri: "/log/tile/0/000.p/4", method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.headers[.contentEncoding] == nil)
            }
            try await client.execute(uri: "/log/tile/0/000.p/2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Array(buffer: response.body).count == 64)
            }
            // Tiles the log does not have, and paths that are not the spec's.
            for path in ["0/000", "0/000.p/5", "entries/000", "1/000.p/1", "0/001.p/1", "00/000.p/4", "0/000.p/04",
                         "0/x000/000.p/4", "0/0.p/4", "0/000.p/256", "entries/000.p/0", "0/000.p", "-1/000", "x/000"] {
                try await client.execute(uri: "/log/tile/\(path)", method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(response.headers[.cacheControl] == "no-store", "\(path)")
                }
            }
        }
        #expect(made.fingerprint() == before)
    }
}
