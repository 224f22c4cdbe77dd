import CertifyModel
import Foundation

/// One applicant of a certificate: its id (no spaces) and its names as the
/// report gives them (Korean and English joined by " / ").
public struct Applicant: Sendable, Equatable, Codable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// One event of the registry's log. Its text (`encoded`) is the log entry,
/// fixed once written:
///
/// ```
/// certify-registry-event/v1
/// type issue | renew | revoke
/// certificate KR-SC-2026-0001
/// applicant KR-HANSOL            (issue, renew: one pair per applicant, the first is the
/// applicant-name 한솔시 / Hansol City    certificate's applicant)
/// rubric kr-smart-city 1.0
/// report-sha256 9f86d081…
/// valid-from 2026-03-02
/// valid-until 2028-03-01
/// predecessor KR-SC-2024-0003    (renew only)
/// reason …                       (revoke only)
/// time 2026-03-02T09:00:00Z
/// ```
public struct Event: Sendable, Equatable {
    public enum Kind: String, Sendable { case issue, renew, revoke }

    public static let header = "certify-registry-event/v1"

    public var kind: Kind
    public var certificate: String
    public var applicants: [Applicant] = []
    public var rubric = ""
    public var rubricVersion = ""
    public var reportSHA256 = ""
    public var validFrom: CalendarDate?
    public var validUntil: CalendarDate?
    public var predecessor: String?
    public var reason: String?
    /// UTC, RFC 3339 to the second.
    public var time: String

    public init(kind: Kind, certificate: String, time: String) {
        self.kind = kind
        self.certificate = certificate
        self.time = time
    }

    /// The Seoul calendar date of `time`: a revocation takes effect on it.
    /// Every date of the scheme is a Korean date, and a resident checking a
    /// certificate reads it so: a certificate revoked at 16:00 UTC on 6 March
    /// (01:00 on 7 March in Seoul) was still valid all of 6 March.
    public var day: CalendarDate? { Self.isTime(time) ? Self.seoulDate(of: time) : nil }

    private static func seoulDate(of time: String) -> CalendarDate? {
        guard let instant = try? Date(time, strategy: .iso8601) else { return nil }
        return CalendarDate(of: instant)
    }

    /// The entry's bytes.
    public var encoded: [UInt8] {
        var lines = [Self.header, "type \(kind.rawValue)", "certificate \(certificate)"]
        if kind == .revoke {
            lines.append("reason \(reason ?? "")")
        } else {
            for applicant in applicants {
                lines.append("applicant \(applicant.id)")
                lines.append("applicant-name \(applicant.name)")
            }
            lines.append("rubric \(rubric) \(rubricVersion)")
            lines.append("report-sha256 \(reportSHA256)")
            lines.append("valid-from \(validFrom?.description ?? "")")
            lines.append("valid-until \(validUntil?.description ?? "")")
            if kind == .renew { lines.append("predecessor \(predecessor ?? "")") }
        }
        lines.append("time \(time)")
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// A token: printable ASCII without spaces (ids, rubric ids, versions).
    public static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 200 && text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// One line of free text: no control characters, no line breaks, not blank.
    public static func isLine(_ text: String) -> Bool {
        !text.trimmingCharacters(in: .whitespaces).isEmpty && text.utf8.count <= 2000
            && !text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    /// UTC, RFC 3339 to the second, on a day that is a date in Seoul too.
    static func isTime(_ text: String) -> Bool {
        text.utf8.count == 20 && text.hasSuffix("Z") && CalendarDate(iso: String(text.prefix(10))) != nil
            && text.wholeMatch(of: /\d{4}-\d\d-\d\dT([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ/) != nil
            && seoulDate(of: text) != nil
    }

    static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Parses an entry strictly: the exact line order `encoded` writes, so
    /// that an entry parses only if re-encoding gives the same bytes.
    public init(parsing bytes: [UInt8]) throws(EventError) {
        guard let text = String(validating: bytes, as: UTF8.self), text.hasSuffix("\n") else {
            throw EventError("not UTF-8 text ending in a newline")
        }
        var lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        func take(_ key: String) throws(EventError) -> String {
            guard let line = lines.first, line.hasPrefix(key + " ") else {
                throw EventError("expected a \(key) line, found \(lines.first.map { "'\($0.prefix(40))'" } ?? "the end")")
            }
            lines.removeFirst()
            return String(line.dropFirst(key.count + 1))
        }
        guard lines.popFirst() == Self.header else { throw EventError("the first line is not \(Self.header)") }
        guard let kind = Kind(rawValue: try take("type")) else { throw EventError("unknown event type") }
        let certificate = try take("certificate")
        guard Self.isToken(certificate) else { throw EventError("bad certificate id") }
        var event = Event(kind: kind, certificate: certificate, time: "")
        if kind == .revoke {
            let reason = try take("reason")
            guard Self.isLine(reason) else { throw EventError("bad reason") }
            event.reason = reason
        } else {
            while lines.first?.hasPrefix("applicant ") == true {
                let id = try take("applicant")
                let name = try take("applicant-name")
                guard Self.isToken(id), Self.isLine(name) else { throw EventError("bad applicant") }
                event.applicants.append(Applicant(id: id, name: name))
            }
            guard !event.applicants.isEmpty else { throw EventError("no applicant") }
            let rubric = try take("rubric").split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard rubric.count == 2, Self.isToken(rubric[0]), Self.isToken(rubric[1]) else { throw EventError("bad rubric line") }
            (event.rubric, event.rubricVersion) = (rubric[0], rubric[1])
            event.reportSHA256 = try take("report-sha256")
            guard Self.isSHA256(event.reportSHA256) else { throw EventError("bad report-sha256") }
            event.validFrom = CalendarDate(iso: try take("valid-from"))
            event.validUntil = CalendarDate(iso: try take("valid-until"))
            guard let from = event.validFrom, let until = event.validUntil, from <= until else {
                throw EventError("bad validity dates")
            }
            if kind == .renew {
                let predecessor = try take("predecessor")
                guard Self.isToken(predecessor) else { throw EventError("bad predecessor") }
                event.predecessor = predecessor
            }
        }
        event.time = try take("time")
        guard Self.isTime(event.time) else { throw EventError("bad time") }
        guard lines.isEmpty else { throw EventError("unexpected line '\(lines.first!.prefix(40))'") }
        guard event.encoded == bytes else { throw EventError("not in canonical form") }
        self = event
    }

    /// Now, UTC, to the second.
    public static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}

public struct EventError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
