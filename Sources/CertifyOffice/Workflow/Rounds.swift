import CertifyModel
import Foundation
import GRDB

/// What the secretariat types to open a round.
public struct RoundForm: Sendable {
    public var name = ""
    public var rubric = ""  // "id version"
    public var opens = ""
    public var closes = ""
    public var reviewDeadline = ""
    public var responseDays = "10"
    public var appealDays = "14"
    public var reviewerCount = "3"
    public init() {}
}

extension Office {
    /// Opens a round. Every field is checked and every problem reported at once.
    public func createRound(_ form: RoundForm, by actor: Actor) throws(OfficeError) -> Round {
        try authorize(actor, .manageRounds)
        var problems: [OfficeError] = []
        let name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems.append(OfficeError(.invalid, .fieldRequired(label: .roundName), field: "name")) }
        let parts = form.rubric.split(separator: " ").map(String.init)
        let entry = parts.count == 2
            ? certifier.catalog.entries.first { $0.rubric.id == parts[0] && $0.rubric.version == parts[1] } : nil
        if entry == nil { problems.append(OfficeError(.invalid, .fieldRequired(label: .rubric), field: "rubric")) }
        func date(_ text: String, _ label: OfficeWord, _ field: String) -> CalendarDate? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                problems.append(OfficeError(.invalid, .fieldRequired(label: label), field: field))
                return nil
            }
            guard let value = CalendarDate(iso: trimmed) else {
                problems.append(OfficeError(.invalid, .dateInvalid(label: label, text: String(trimmed.prefix(20))), field: field))
                return nil
            }
            return value
        }
        func number(_ text: String, _ label: OfficeWord, _ field: String, _ range: ClosedRange<Int>) -> Int? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let value = Int(trimmed), range.contains(value) else {
                problems.append(OfficeError(.invalid, .numberInvalid(label: label, text: String(trimmed.prefix(20)),
                                                                     min: range.lowerBound, max: range.upperBound), field: field))
                return nil
            }
            return value
        }
        let opens = date(form.opens, .opens, "opens")
        let closes = date(form.closes, .closes, "closes")
        let deadline = date(form.reviewDeadline, .reviewDeadline, "review-deadline")
        let response = number(form.responseDays, .responseDays, "response-days", 1...90)
        let appeal = number(form.appealDays, .appealDays, "appeal-days", 1...90)
        let reviewers = number(form.reviewerCount, .reviewerCount, "reviewer-count", 1...15)
        if let opens, let closes, let deadline, !(opens <= closes && closes <= deadline) {
            problems.append(OfficeError(.invalid, .windowOrder, field: "closes"))
        }
        guard problems.isEmpty, let entry, let opens, let closes, let deadline, let response, let appeal, let reviewers else {
            throw OfficeError.combined(problems) ?? OfficeError(.invalid, .fieldRequired(label: .rubric))
        }
        var round = Round(id: nil, name: name, rubricID: entry.rubric.id, rubricVersion: entry.rubric.version,
                          opens: opens.description, closes: closes.description, reviewDeadline: deadline.description,
                          responseDays: response, appealDays: appeal, reviewerCount: reviewers, closed: false)
        try store.write { db in
            try round.insert(db)
            try log(db, actor.id, "round-create", "round:\(round.id!)", stored: Snapshot.round(round))
        }
        return round
    }

    public func closeRound(_ id: Int64, by actor: Actor) throws(OfficeError) {
        try authorize(actor, .manageRounds)
        try store.write { db in
            guard var round = try Round.fetchOne(db, key: id) else { throw OfficeError(.notFound, .notFound) }
            round.closed = true
            try round.update(db)
            try log(db, actor.id, "round-close", "round:\(id)", stored: Snapshot.round(round))
        }
    }

    public func rounds(for actor: Actor) throws(OfficeError) -> [Round] {
        try authorize(actor, .viewRounds)
        return try store.read { try Round.order(Column("id").desc).fetchAll($0) }
    }

    public func round(_ id: Int64, for actor: Actor) throws(OfficeError) -> Round {
        try authorize(actor, .viewRounds)
        guard let round = try store.read({ try Round.fetchOne($0, key: id) }) else { throw OfficeError(.notFound, .notFound) }
        return round
    }

    /// Whether the round takes applications today (Seoul).
    public func isOpen(_ round: Round) -> Bool {
        let today = today.description
        return !round.closed && round.opens <= today && today <= round.closes
    }
}

