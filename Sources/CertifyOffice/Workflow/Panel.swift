import CertifyModel
import Foundation
import GRDB

/// A reviewer or chair of a round, for the secretariat's lists.
public struct PanelMember: Sendable, Equatable {
    public var account: Account
    public var role: RoundRoleKind
    /// … for reviewers; C-01… for chairs.
    public var code: String
}

/// One assignment the assistant proposes.
public struct ProposedAssignment: Sendable, Equatable {
    public var applicationID: Int64
    public var reference: String
    public var accountID: Int64
    public var code: String
    public var role: RoundRoleKind
}

extension Office {
    // MARK: Invitations and affiliations

    /// The secretariat invites a reviewer or chair to a round: a new account
    /// (kind staff) gets a one-time link that sets its password (7 days);
    /// an existing one gets the role. The round code is the next free one.
    @discardableResult
    public func invite(roundID: Int64, email: String, name: String, role: RoundRoleKind, by actor: Actor) throws(OfficeError) -> PanelMember {
        try authorize(actor, .manageRounds)
        let email = try Self.normalisedEmail(email)
        guard try store.read({ try Round.fetchOne($0, key: roundID) }) != nil else { throw OfficeError(.notFound, .notFound) }
        let existing = try store.read { try Account.filter(Column("email") == email).fetchOne($0) }
        if let existing, existing.kind == .applicant { throw OfficeError(.conflict, .emailTaken, field: "email") }
        var link: String?
        if existing == nil {
            let issued = try createAccount(email: email, name: name, kind: .staff, by: actor, notice: false)
            link = url("/office/link/\(issued.token)")
        }
        return try store.write { db in
            guard let round = try Round.fetchOne(db, key: roundID) else { throw OfficeError(.notFound, .notFound) }
            let account = try Account.filter(Column("email") == email).fetchOne(db)!
            if let held = try RoundRole.fetchOne(db, key: ["roundID": roundID, "accountID": account.id!, "role": role.rawValue]) {
                return PanelMember(account: account, role: role, code: held.code)
            }
            let count = try RoundRole.filter(Column("roundID") == roundID && Column("role") == role.rawValue).fetchCount(db)
            let code = (role == .chair ? "C-" : "R-") + (count + 1 < 10 ? "0" : "") + String(count + 1)
            let row = RoundRole(roundID: roundID, accountID: account.id!, role: role, code: code)
            try row.insert(db)
            try log(db, actor.id, "round-role", "round-role:\(roundID)/\(account.id!)/\(role.rawValue)", stored: Snapshot.roundRole(row))
            try notify(db, account, .invited(round: round.name, role: role, url: link ?? url("/office")))
            return PanelMember(account: account, role: role, code: code)
        }
    }

    /// The reviewers and chairs of a round.
    public func panel(ofRound roundID: Int64, for actor: Actor) throws(OfficeError) -> [PanelMember] {
        try authorize(actor, .manageRounds)
        return try store.read { db in
            try RoundRole.filter(Column("roundID") == roundID).order(Column("role"), Column("code")).fetchAll(db).compactMap { role in
                try Account.fetchOne(db, key: role.accountID).map { PanelMember(account: $0, role: role.role, code: role.code) }
            }
        }
    }

    /// A reviewer or chair declares the organisations it is affiliated with
    /// (ids separated by spaces or commas); it replaces the earlier list.
    public func declareAffiliations(_ text: String, by actor: Actor) throws(OfficeError) -> Account {
        try authorize(actor, .declareAffiliations)
        let ids = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\r" || $0 == "\t" }).map(String.init)
        for id in ids {
            do { try Self.checkOrganisationID(id) } catch {
                throw OfficeError(.invalid, .affiliationInvalid(text: String(id.prefix(40))), field: "affiliations")
            }
        }
        return try store.write { db in
            var account = try Account.fetchOne(db, key: actor.id)!
            account.affiliations = Array(Set(ids)).sorted().joined(separator: " ")
            try account.update(db)
            try log(db, actor.id, "affiliations", "account:\(actor.id)", stored: Snapshot.account(account))
            // An assignment to an organisation now declared ends, as a declared conflict does (a submitted review stays on record).
            for assignment in try Assignment.filter(Column("accountID") == actor.id).fetchAll(db) {
                guard let application = try OfficeApplication.fetchOne(db, key: assignment.applicationID),
                      application.organisationIDs.contains(where: account.affiliationIDs.contains) else { continue }
                try assignment.delete(db)
                try log(db, actor.id, "unassign", "assignment:\(assignment.applicationID)/\(actor.id)", stored: nil)
            }
            return account
        }
    }

    // MARK: Conflicts and assignment

    /// Why an account cannot be assigned to an application, or nil.
    func conflict(_ account: Account, _ code: String, _ application: OfficeApplication, _ db: Database) throws -> OfficeMessage? {
        if let organisation = application.organisationIDs.first(where: account.affiliationIDs.contains) {
            return .conflictAffiliated(reviewer: "\(code) \(account.name)", organisation: organisation)
        }
        if try Conflict.fetchOne(db, key: ["applicationID": application.id!, "accountID": account.id!]) != nil {
            return .conflictDeclared(reviewer: "\(code) \(account.name)")
        }
        return nil
    }

    /// The secretariat assigns a reviewer (or names the chair) of an
    /// application in review. A conflicted account is refused, saying why.
    public func assign(_ applicationID: Int64, accountID: Int64, role: RoundRoleKind, by actor: Actor) throws(OfficeError) {
        let now = clock.now()
        try store.write { db in
            try assign(db, applicationID, accountID: accountID, role: role, at: now, by: actor)
        }
    }

    func assign(_ db: Database, _ applicationID: Int64, accountID: Int64, role: RoundRoleKind, at now: Date, by actor: Actor?) throws {
        guard let application = try OfficeApplication.fetchOne(db, key: applicationID),
              let round = try Round.fetchOne(db, key: application.roundID) else { throw OfficeError(.notFound, .notFound) }
        if let actor { try authorize(actor, .assignPanel(application)) }
        guard application.state == .inReview else { throw OfficeError(.conflict, .stateForbids(state: application.state)) }
        if try pendingDecision(db, application) != nil { throw OfficeError(.conflict, .decisionWaitsForSignature) }
        guard let held = try RoundRole.fetchOne(db, key: ["roundID": round.id!, "accountID": accountID, "role": role.rawValue]),
              let account = try Account.fetchOne(db, key: accountID), !account.disabled else {
            throw OfficeError(.invalid, .noRoundRole(role: role), field: "member")
        }
        if let reason = try conflict(account, held.code, application, db) { throw OfficeError(.conflict, reason, field: "member") }
        if let current = try Assignment.fetchOne(db, key: ["applicationID": applicationID, "accountID": accountID]), current.role == role {
            return
        }
        if role == .chair {
            // One chair per application: naming another replaces the first.
            for old in try Assignment.filter(Column("applicationID") == applicationID && Column("role") == RoundRoleKind.chair.rawValue).fetchAll(db) {
                try old.delete(db)
                try log(db, actor?.id, "unassign", "assignment:\(applicationID)/\(old.accountID)", stored: nil)
            }
        }
        let row = Assignment(applicationID: applicationID, accountID: accountID, role: role, assignedAt: now, assignedBy: actor?.id)
        try row.upsert(db)
        try log(db, actor?.id, "assign", "assignment:\(applicationID)/\(accountID)", stored: Snapshot.assignment(row))
        try notify(db, account, .assigned(reference: application.reference, role: role, due: round.reviewDeadline,
                                          url: url("/office/applications/\(applicationID)")))
    }

    /// Removes an assignment that has no submitted review in this cycle.
    public func unassign(_ applicationID: Int64, accountID: Int64, by actor: Actor) throws(OfficeError) {
        try store.write { db in
            let application = try applicationRow(db, applicationID, actor, may: Permission.assignPanel)
            guard let row = try Assignment.fetchOne(db, key: ["applicationID": applicationID, "accountID": accountID]) else { return }
            if try pendingDecision(db, application) != nil { throw OfficeError(.conflict, .decisionWaitsForSignature) }
            if try SubmittedReview.filter(Column("applicationID") == applicationID && Column("accountID") == accountID
                                          && Column("cycle") == application.cycle).fetchCount(db) > 0 {
                let code = try RoundRole.filter(Column("roundID") == application.roundID && Column("accountID") == accountID).fetchOne(db)?.code ?? ""
                throw OfficeError(.conflict, .reviewedAlready(reviewer: code))
            }
            try row.delete(db)
            try log(db, actor.id, "unassign", "assignment:\(applicationID)/\(accountID)", stored: nil)
        }
    }

    /// A reviewer or chair declares a conflict with an application it is
    /// assigned to: the assignment ends and the secretariat is told.
    public func declareConflict(_ applicationID: Int64, reason: String, by actor: Actor) throws(OfficeError) {
        let reason = try Self.required(reason, field: "reason", else: .noteRequired)
        let now = clock.now()
        try store.write { db in
            let application = try applicationRow(db, applicationID, actor, may: Permission.declareConflict)
            if try pendingDecision(db, application) != nil { throw OfficeError(.conflict, .decisionWaitsForSignature) }
            let row = Conflict(applicationID: applicationID, accountID: actor.id, reason: String(reason.prefix(2000)), at: now)
            try row.upsert(db)
            try log(db, actor.id, "conflict", "conflict:\(applicationID)/\(actor.id)", stored: Snapshot.conflict(row))
            try Assignment.filter(Column("applicationID") == applicationID && Column("accountID") == actor.id).deleteAll(db)
            try log(db, actor.id, "unassign", "assignment:\(applicationID)/\(actor.id)", stored: nil)
        }
    }

    /// The assignments of an application, with each member's round code.
    public func assignments(of application: OfficeApplication) throws(OfficeError) -> [(assignment: Assignment, member: PanelMember)] {
        try store.read { db in try assignments(db, application) }
    }

    func assignments(_ db: Database, _ application: OfficeApplication) throws -> [(assignment: Assignment, member: PanelMember)] {
        try Assignment.filter(Column("applicationID") == application.id!).fetchAll(db).compactMap { assignment in
            guard let account = try Account.fetchOne(db, key: assignment.accountID),
                  let role = try RoundRole.fetchOne(db, key: ["roundID": application.roundID, "accountID": assignment.accountID,
                                                              "role": assignment.role.rawValue]) else { return nil }
            return (assignment, PanelMember(account: account, role: assignment.role, code: role.code))
        }.sorted { ($0.member.role.rawValue, $0.member.code) > ($1.member.role.rawValue, $1.member.code) ? false : true }
    }

    /// The assistant: for every application of the round in review, the
    /// reviewers it still needs (up to the round's count) and a chair if it
    /// has none, each time the eligible member with the least load (then the
    /// lowest code), never one with a conflict.
    public func proposeAssignments(roundID: Int64, by actor: Actor) throws(OfficeError) -> [ProposedAssignment] {
        try authorize(actor, .manageRounds)
        return try store.read { db in try proposal(db, roundID) }
    }

    func proposal(_ db: Database, _ roundID: Int64) throws -> [ProposedAssignment] {
        guard let round = try Round.fetchOne(db, key: roundID) else { throw OfficeError(.notFound, .notFound) }
        let roles = try RoundRole.filter(Column("roundID") == roundID).order(Column("code")).fetchAll(db)
        var accounts: [Int64: Account] = [:]
        for role in roles { accounts[role.accountID] = try Account.fetchOne(db, key: role.accountID) }
        let applications = try OfficeApplication.select(sql: Self.listColumns)
            .filter(Column("roundID") == roundID && Column("state") == ApplicationState.inReview.rawValue).order(Column("id")).fetchAll(db)
        var load: [Int64: Int] = [:]
        var current: [Int64: [Assignment]] = [:]
        for assignment in try Assignment.fetchAll(db, sql: """
            SELECT assignment.* FROM assignment JOIN application ON application.id = assignment.applicationID WHERE application.roundID = ?
            """, arguments: [roundID]) {
            load[assignment.accountID, default: 0] += 1
            current[assignment.applicationID, default: []].append(assignment)
        }
        var proposed: [ProposedAssignment] = []
        for application in applications {
            let assigned = current[application.id!] ?? []
            for kind in [RoundRoleKind.chair, .reviewer] {
                let have = assigned.filter { $0.role == kind }.count
                var needed = (kind == .chair ? 1 : round.reviewerCount) - have
                guard needed > 0 else { continue }
                let taken = Set(assigned.map(\.accountID))
                var candidates: [(RoundRole, Account)] = []
                for role in roles where role.role == kind && !taken.contains(role.accountID) {
                    guard let account = accounts[role.accountID], !account.disabled,
                          try conflict(account, role.code, application, db) == nil else { continue }
                    candidates.append((role, account))
                }
                while needed > 0, let best = candidates.min(by: { (load[$0.0.accountID] ?? 0, $0.0.code) < (load[$1.0.accountID] ?? 0, $1.0.code) }) {
                    candidates.removeAll { $0.0.accountID == best.0.accountID }
                    load[best.0.accountID, default: 0] += 1
                    proposed.append(ProposedAssignment(applicationID: application.id!, reference: application.reference,
                                                       accountID: best.0.accountID, code: best.0.code, role: kind))
                    needed -= 1
                }
            }
        }
        return proposed
    }

    /// Assigns everything the assistant proposes now (re-computed, so a
    /// change since it was shown is taken into account). Returns how many.
    @discardableResult
    public func applyProposal(roundID: Int64, by actor: Actor) throws(OfficeError) -> Int {
        try authorize(actor, .manageRounds)
        let now = clock.now()
        return try store.write { db in
            let proposed = try proposal(db, roundID)
            for item in proposed { try assign(db, item.applicationID, accountID: item.accountID, role: item.role, at: now, by: actor) }
            return proposed.count
        }
    }
}
