import CertifyModel
import CertifyOffice
import CertifyServer
import CertifyTemplates
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import Mustache
import Synchronization

/// The office's pages (`certify serve --data`), added to the server as an
/// extension: sessions, CSRF, the one policy on every route, and the pages
/// of accounts, rounds and applications.
public struct OfficeWeb: ServerExtension {
    public let office: Office
    /// The office's own origin (`--public-url`): every state-changing
    /// request must come from it, and cookies are `Secure` when it is https.
    let origin: String
    let secure: Bool
    let sessions: SessionStorage<OfficeSession>
    let driver: GRDBPersistDriver
    let library: MustacheLibrary
    /// Delivers queued notices, one delivery at a time.
    let courier = Courier()
    /// The address a trusted proxy reports in X-Forwarded-For, if one is configured.
    let trustProxy: Bool

    public static let idle: Duration = .seconds(30 * 60)
    public static let lifetime: TimeInterval = 12 * 3600
    static let cookieName = "certify_session"
    static let loginCookieName = "certify_login"
    static let sessionKeyPrefix = "s."

    public init(office: Office, publicURL: String, trustProxy: Bool = false) async throws {
        self.office = office
        guard let url = URL(string: publicURL), let scheme = url.scheme, let host = url.host else {
            throw OfficeError(.invalid, .storage(detail: "--public-url \(publicURL)"))
        }
        origin = "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
        secure = scheme == "https"
        self.trustProxy = trustProxy
        driver = GRDBPersistDriver(store: office.store, clock: office.clock)
        sessions = SessionStorage(driver, configuration: .init(
            sessionCookieParameters: .init(name: Self.cookieName, path: "/", secure: secure, sameSite: .lax), keyPrefix: Self.sessionKeyPrefix))
        let directory = Bundle.module.bundleURL.appendingPathComponent("Resources/templates").path + "/"
        library = try await CertifyServer.templates(adding: directory)
        try? driver.purgeExpired()
        try? office.sweepLapsed()
        _ = try? office.purgeExpired()
        // Work left by a stop: registry changes still queued, reminders now due, notices not yet sent.
        office.processRegistryQueue()
        try? office.sweepReminders()
        courier.kick(office)
        Self.startHourlyChores(office, courier)
    }

    /// Once an hour: lapse what is overdue, send the reminders now due, retry the registry queue.
    static func startHourlyChores(_ office: Office, _ courier: Courier) {
        Task.detached { [office, courier] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(3600))
                try? office.sweepLapsed()
                try? office.sweepReminders()
                office.processRegistryQueue()
                courier.kick(office)
            }
        }
    }

    public var layoutLinks: Set<String> { ["office"] }

    public func addRoutes(to router: RouterGroup<CertifyRequestContext>, server: CertifyServer) {
        OfficeRoutes(web: self, server: server).register(on: router)
    }
}

/// Runs `Office.deliverNotices` off the request, never twice at once; a
/// kick during a delivery runs one more after it.
final class Courier: Sendable {
    private let state = Mutex<(running: Bool, again: Bool)>((false, false))

    func kick(_ office: Office) {
        let start = state.withLock { state -> Bool in
            if state.running { state.again = true; return false }
            state.running = true
            return true
        }
        guard start else { return }
        Task.detached {
            while true {
                office.deliverNotices()
                let more = self.state.withLock { state -> Bool in
                    if state.again { state.again = false; return true }
                    state.running = false
                    return false
                }
                if !more { return }
            }
        }
    }
}
