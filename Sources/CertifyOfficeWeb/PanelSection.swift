import CertifyModel
import CertifyOffice
import Foundation

/// The panel's part of an application's page, by what the caller may do:
/// the assignments (secretariat, chair), the reviewer's own links, the
/// decisions and their reports, the appeal, the plan.
extension OfficeRoutes {
    func panelSection(_ call: Call, _ application: OfficeApplication, _ round: Round) throws(OfficeError) -> [String: Any] {
        let actor = call.actor!
        let language = call.language
        let policy = office.policy
        let base = "/office/applications/\(application.id!)"
        var view: [String: Any] = [:]
        let secretariat = policy.decide(actor, .assignPanel(application)) == .allow
        let chair = policy.decide(actor, .decide(application)) == .allow
        let reviewer = policy.decide(actor, .review(application)) == .allow
        let ownSubmitted = try office.hasSubmittedReview(application, by: actor)

        if secretariat || chair {
            let counted = Set((try? office.reviews(of: application.id!, for: actor))?.map(\.accountID) ?? [])
            view["assignments"] = try office.assignments(of: application).map { entry -> [String: Any] in
                ["code": entry.member.code, "name": entry.member.account.name, "accountID": entry.assignment.accountID,
                 "role": entry.member.role.word.text(language),
                 "submitted": counted.contains(entry.assignment.accountID), "canRemove": secretariat]
            }
            view["showAssignments"] = true
        }
        if secretariat, application.state == .inReview {
            view["assignable"] = try office.panel(ofRound: round.id!, for: actor).map { member -> [String: Any] in
                ["value": "\(member.account.id!)|\(member.role.rawValue)",
                 "label": "\(member.code) \(member.account.name) (\(member.role.word.text(language)))"]
            }
            view["canAssign"] = true
        }
        view["canReopen"] = secretariat && application.state == .appealed
        if reviewer {
            view["reviewLink"] = "\(base)/review\(lq(call))"
            view["ownSubmitted"] = ownSubmitted
            // Its own submitted reviews, as the review XML `certify validate` accepts.
            view["ownReviews"] = try office.reviewerDesk(application.id!, for: actor).submitted.map { review -> [String: Any] in
                ["label": "\(review.code) · \(OfficeWord.version.text(language)) \(review.number)",
                 "href": "\(base)/reviews/\(review.xmlSHA256)"]
            }
        }
        view["canDeclareConflict"] = policy.decide(actor, .declareConflict(application)) == .allow
        if policy.decide(actor, .viewPanel(application, ownReviewSubmitted: ownSubmitted)) == .allow {
            view["panelLink"] = "\(base)/panel\(lq(call))"
        }

        // Decisions: the applicant sees signed ones; the secretariat and chair also one waiting for its signature;
        // a reviewer none until its review of the current cycle is in (reports carry every reviewer's scores).
        let blind = actor.assignments[application.id!] == .reviewer && !ownSubmitted
        let decisions = blind ? [] : try office.decisions(of: application).filter { $0.isSigned || secretariat || chair }
        view["decisions"] = try decisions.reversed().map { decision throws(OfficeError) -> [String: Any] in
            var row: [String: Any] = [
                "outcome": (decision.certified ? OfficeWord.certified : .notCertified).text(language),
                "certified": decision.certified, "total": decision.total, "grade": decision.grade ?? "",
                "date": decision.decisionDate, "validUntil": decision.validUntil ?? "—", "note": decision.note,
                "signed": decision.isSigned,
            ]
            if decision.isSigned {
                row["xml"] = "\(base)/decisions/\(decision.id!)/report.xml"
                row["html"] = "\(base)/decisions/\(decision.id!)/report.html\(lq(call))"
                if let certificate = try office.certificateID(of: decision) {
                    row["certificate"] = certificate
                    row["certificateHref"] = "/certificates/\(certificate)\(lq(call))"
                }
            }
            return row
        }
        view["hasDecisions"] = !decisions.isEmpty
        let owner = policy.decide(actor, .appeal(application)) == .allow
        let appeals = try office.appeals(of: application)
        if owner, application.state == .decided, appeals.isEmpty, let due = application.appealDue, due >= office.today.description {
            view["canAppeal"] = true
            view["appealDue"] = due
        }
        view["appeals"] = appeals.map { ["reason": $0.reason, "at": ActionLog.timestamp($0.filedAt)] }
        if application.state == .decided, !blind, let last = decisions.last(where: \.isSigned), !last.certified {
            view["planLink"] = "\(base)/plan\(lq(call))"
        }
        return view
    }
}
