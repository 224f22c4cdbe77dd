import CertifyModel
import CertifyRuntime
import Foundation
import GRDB
import HummingbirdOTP

/// An account `certify office demo` made. Its password is generated and
/// shown once; accounts that need a second factor enrol one whose secret
/// is shown too.
public struct DemoAccount: Sendable {
    public var email: String
    public var role: OfficeWord
    public var password: String
    /// The TOTP secret in base32, for an authenticator app.
    public var secondFactor: String?
}

/// An application the demo made: the sample it came from and its decisions.
public struct DemoApplication: Sendable {
    public var application: OfficeApplication
    public var sample: String
    public var decisions: [OfficeDecision]
}

public struct DemoOutcome: Sendable {
    public var accounts: [DemoAccount]
    public var applications: [DemoApplication]
}

/// A sample dossier made fit for an office application: the parts the
/// office writes (dossier id, lead applicant, submission date) stamped in,
/// and each declared evidence digest replaced by that of a small
/// placeholder file, returned for upload, so that digests match.
public struct StampedDossier: Sendable {
    public struct File: Sendable {
        public var name: String
        public var bytes: Data
    }

    public var bytes: [UInt8]
    public var evidence: [File]

    public init(sample text: String, stamp: SubmissionStamp) {
        var text = text
        func replaceFirst(_ pattern: String, _ template: String) {
            guard let expression = try? NSRegularExpression(pattern: pattern),
                  let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let range = Range(match.range, in: text) else { return }
            let replaced = expression.replacementString(for: match, in: text, offset: 0, template: template)
            text.replaceSubrange(range, with: replaced)
        }
        replaceFirst(#"(<dossier\b[^>]*?\s)id="[^"]*""#, "$1id=\"\(stamp.dossierID)\"")
        replaceFirst(#"<applicant\s+id="[^"]*""#, "<applicant id=\"\(stamp.leadApplicant)\"")
        replaceFirst(#"<submitted>[^<]*</submitted>"#, "<submitted>\(stamp.submitted)</submitted>")
        // Each <evidence> element's digest becomes that of a placeholder naming it.
        var files: [File] = []
        let element = try! NSRegularExpression(pattern: #"<evidence\b[^>]*>"#)
        let digest = try! NSRegularExpression(pattern: #"sha256="[0-9a-fA-F]{64}""#)
        let href = try! NSRegularExpression(pattern: #"href="([^"]*)""#)
        for match in element.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let range = Range(match.range, in: text) else { continue }
            var tag = String(text[range])
            let index = files.count
            let name = href.firstMatch(in: tag, range: NSRange(tag.startIndex..., in: tag))
                .flatMap { Range($0.range(at: 1), in: tag) }
                .map { String(tag[$0].split(separator: "/").last ?? "") } ?? ""
            let bytes = Data("Certify demo evidence: \(name.isEmpty ? "file" : name) of \(stamp.dossierID) (\(index))\n".utf8)
            guard let found = digest.firstMatch(in: tag, range: NSRange(tag.startIndex..., in: tag)),
                  let digestRange = Range(found.range, in: tag) else { continue }
            tag.replaceSubrange(digestRange, with: "sha256=\"\(sha256Hex(bytes))\"")
            text.replaceSubrange(range, with: tag)
            files.append(File(name: name.isEmpty ? "evidence-\(index + 1).bin" : name, bytes: bytes))
        }
        bytes = Array(text.utf8)
        evidence = files.reversed()
    }

    /// A sample review sheet rewritten for an application and a reviewer's round code.
    public static func review(_ text: String, reference: String, code: String) -> [UInt8] {
        var text = text
        text = text.replacingOccurrences(of: #"dossier="[^"]*""#, with: "dossier=\"\(reference)\"", options: .regularExpression)
        text = text.replacingOccurrences(of: #"reviewer="[^"]*""#, with: "reviewer=\"\(code)\"", options: .regularExpression)
        return Array(text.utf8)
    }
}

extension Office {
    /// One sample: a dossier and the review sheets beside it (none for a
    /// dossier file alone).
    struct DemoSample {
        var name: String
        var dossier: String
        var parsed: Dossier
        var reviews: [String]
    }

    /// The samples in `groups` under `samples`: every directory holding
    /// `dossier.xml` (with its `review-*.xml`) and every `.xml` file (e.g.
    /// `service/parking-pass/`, `city/hansol-grade-a.xml`) whose dossier
    /// loads against a rubric this office has.
    func demoSamples(_ samples: URL, groups: [String]) throws(OfficeError) -> [DemoSample] {
        let files = FileManager.default
        var found: [DemoSample] = []
        for group in groups {
            let folder = samples.appendingPathComponent(group)
            for entry in ((try? files.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
                let url = folder.appendingPathComponent(entry)
                var dossierURL = url
                var reviews: [String] = []
                if entry.hasSuffix(".xml") {
                    // A dossier file alone.
                } else if files.fileExists(atPath: url.appendingPathComponent("dossier.xml").path) {
                    dossierURL = url.appendingPathComponent("dossier.xml")
                    reviews = ((try? files.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
                        .filter { $0.hasPrefix("review-") && $0.hasSuffix(".xml") }
                        .compactMap { try? String(contentsOf: url.appendingPathComponent($0), encoding: .utf8) }
                } else { continue }
                guard let text = try? String(contentsOf: dossierURL, encoding: .utf8),
                      let parsed = try? certifier.loadDossier(.bytes(Array(text.utf8), name: dossierURL.path)).0,
                      certifier.catalog.entries.contains(where: { $0.rubric.id == parsed.rubricID && $0.rubric.version == parsed.rubricVersion })
                else { continue }
                let name = group + "/" + (entry.hasSuffix(".xml") ? String(entry.dropLast(4)) : entry)
                found.append(DemoSample(name: name, dossier: text, parsed: parsed, reviews: reviews))
            }
        }
        return found
    }

    /// The TOTP code of a secret at a time step.
    static func totpCode(_ secret: String, step: Int64) -> String {
        let value = String(TOTP(secret: secret).compute(date: Date(timeIntervalSince1970: TimeInterval(step * 30))))
        return String(repeating: "0", count: max(0, 6 - value.count)) + value
    }

    /// The actor of an account as a request would see it now.
    func demoActor(_ id: Int64) throws(OfficeError) -> Actor {
        guard let account = try store.read({ try Account.fetchOne($0, key: id) }),
              let actor = try actor(accountID: id, generation: account.generation) else { throw OfficeError(.notFound, .notFound) }
        return actor
    }

    /// Enters a code of the account's TOTP secret, as a person would with
    /// an authenticator: the current step's, or the next one's when the
    /// current was used already (each step is accepted once).
    func demoSecondFactor(_ id: Int64) throws(OfficeError) {
        guard let account = try store.read({ try Account.fetchOne($0, key: id) }), let secret = account.totpSecret else {
            throw OfficeError(.invalid, .codeInvalid)
        }
        let step = Int64(clock.now().timeIntervalSince1970 / 30)
        // Both used: a code was entered in the last 30 seconds, which is fresh.
        guard let next = [step, step + 1].first(where: { $0 > (account.totpLastStep ?? .min) }) else { return }
        try verifySecondFactor(accountID: id, code: Self.totpCode(secret, step: next))
    }

    /// `certify office demo`: a whole round on the samples through the same
    /// actions the pages call. A secretariat, four reviewers and a chair
    /// (both second factors enrolled), an applicant per organisation; a
    /// round per rubric the samples use. Samples with review sheets are
    /// submitted, accepted, assigned by the assistant, reviewed (the i-th
    /// reviewer by code submits the i-th sheet, rewritten with the
    /// application's reference and its code), confirmed by the chair,
    /// signed (with this office's signer) and registered (its registry).
    /// The first one not certified is appealed, reopened, reviewed again
    /// and decided again. Samples without review sheets stay at the earlier
    /// states in turn (in review and assigned, submitted, returned, draft),
    /// so that every dashboard has something in it.
    /// `groups`: the folders of `samples` to take (the shipped samples' two kinds of certification).
    public func runDemo(samples: URL, groups: [String] = ["city", "service"], domain: String = "demo.example") throws(OfficeError) -> DemoOutcome {
        let found = try demoSamples(samples, groups: groups)
        guard !found.isEmpty else { throw OfficeError(.notFound, OfficeCommandText.demoSamplesMissing(path: samples.path).message) }
        var accounts: [DemoAccount] = []
        func make(_ email: String, _ name: String, _ kind: AccountKind, _ role: OfficeWord, organisation: Organisation? = nil,
                  by creator: Actor?, enrol: Bool = false) throws(OfficeError) -> Actor {
            let link = try createAccount(email: email, name: name, kind: kind, organisation: organisation, by: creator, notice: false)
            let password = Tokens.random(bytes: 12)
            let account = try setPassword(token: link.token, password: password, again: password)
            var base32: String?
            if enrol {
                let enrolment = newEnrolment(for: account)
                _ = try enrolSecondFactor(Actor(account: account), secret: enrolment.secret,
                                          code: Self.totpCode(enrolment.secret, step: Int64(clock.now().timeIntervalSince1970 / 30)))
                base32 = enrolment.base32
            }
            accounts.append(DemoAccount(email: account.email, role: role, password: password, secondFactor: base32))
            return try demoActor(account.id!)
        }

        let secretariat = try make("secretariat@\(domain)", "데모 사무국 Demo secretariat", .secretariat, .secretariat, by: nil, enrol: true)
        let reviewers = try (1...4).map { (index: Int) throws(OfficeError) -> Actor in
            try make("reviewer\(index)@\(domain)", "심사위원 \(index) Reviewer \(index)", .staff, .reviewer, by: secretariat)
        }
        let chair = try make("chair@\(domain)", "심사위원장 Chair", .staff, .chair, by: secretariat, enrol: true)

        // A round per rubric, open today, with the whole panel invited.
        var rounds: [String: Round] = [:]
        let today = self.today
        for sample in found {
            let rubric = "\(sample.parsed.rubricID) \(sample.parsed.rubricVersion)"
            guard rounds[rubric] == nil else { continue }
            var form = RoundForm()
            form.name = "데모 \(today.description.prefix(4))년 (\(rubric))"
            form.rubric = rubric
            form.opens = today.description
            form.closes = Days.adding(30, to: today).description
            form.reviewDeadline = Days.adding(60, to: today).description
            let round = try createRound(form, by: secretariat)
            for (index, reviewer) in reviewers.enumerated() {
                try invite(roundID: round.id!, email: reviewer.account.email, name: "\(index)", role: .reviewer, by: secretariat)
            }
            try invite(roundID: round.id!, email: chair.account.email, name: "chair", role: .chair, by: secretariat)
            rounds[rubric] = round
        }

        // An applicant account per organisation (confirmed: the secretariat made it).
        var applicants: [String: Actor] = [:]
        for sample in found {
            for applicant in sample.parsed.applicants where applicants[applicant.id] == nil {
                let name = applicant.name.ko ?? applicant.name.en ?? applicant.id
                applicants[applicant.id] = try make("\(applicant.id.lowercased())@\(domain)", name, .applicant, .applicant,
                                                    organisation: Organisation(id: applicant.id, name: name), by: secretariat)
            }
        }

        // Applications: drafted, confirmed by co-applicants, evidence uploaded, submitted.
        var made: [(sample: DemoSample, id: Int64)] = []
        var waiting = 0
        for sample in found {
            let round = rounds["\(sample.parsed.rubricID) \(sample.parsed.rubricVersion)"]!
            guard let lead = sample.parsed.applicants.first, let owner = applicants[lead.id] else { continue }
            var application = try startApplication(roundID: round.id!, by: owner)
            let id = application.id!
            made.append((sample, id))
            // Samples without sheets go to the earlier states in turn.
            let early = sample.reviews.isEmpty ? waiting % 4 : nil
            if sample.reviews.isEmpty { waiting += 1 }
            if early == 3 { continue }  // a draft
            let partners = sample.parsed.applicants.dropFirst().map(\.id)
            if !partners.isEmpty {
                application = try saveDraft(id, draft: application.draft, coApplicants: partners, basedOn: application.draftRevision, by: owner)
                for partner in partners {
                    if let actor = applicants[partner] { try confirmJoint(id, revision: application.draftRevision, by: actor) }
                }
            }
            let stamped = StampedDossier(sample: sample.dossier, stamp: submission(for: application))
            for file in stamped.evidence { _ = try uploadEvidence(id, fileName: file.name, bytes: file.bytes, by: owner) }
            application = try submit(id, dossier: stamped.bytes, basedOn: application.draftRevision, by: owner)
            switch early {
            case 1: continue  // submitted: the completeness check waits
            case 2:
                _ = try returnApplication(id, requests: [(indicator: "", text: OfficeCommandText.demoRequest.text(.ko))], by: secretariat)
            default:
                _ = try accept(id, by: secretariat)
            }
        }

        // The assistant assigns every application in review.
        for round in rounds.values.sorted(by: { $0.id! < $1.id! }) { try applyProposal(roundID: round.id!, by: secretariat) }

        /// The assigned reviewers submit the sample's sheets; the chair confirms.
        func review(_ id: Int64, _ sample: DemoSample, note: OfficeCommandText) throws(OfficeError) {
            let application = try self.application(id, for: secretariat)
            let assigned = try assignments(of: application)
            let panel = assigned.filter { $0.member.role == .reviewer }.sorted { $0.member.code < $1.member.code }
            for (member, sheet) in zip(panel, sample.reviews) {
                try submitReview(id, xml: StampedDossier.review(sheet, reference: application.reference, code: member.member.code),
                                 by: try demoActor(member.assignment.accountID))
            }
            guard panel.count <= sample.reviews.count,
                  let chairID = assigned.first(where: { $0.member.role == .chair })?.assignment.accountID else { return }
            try demoSecondFactor(chairID)
            try confirm(id, note: note.text(.ko), by: try demoActor(chairID))
        }
        for (sample, id) in made where !sample.reviews.isEmpty {
            try review(id, sample, note: .demoNote)
        }

        // The first application not certified appeals; the panel reviews it again.
        for (sample, id) in made where !sample.reviews.isEmpty {
            let application = try self.application(id, for: secretariat)
            guard application.state == .decided, let last = try decisions(of: application).last, !last.certified,
                  let owner = sample.parsed.applicants.first.flatMap({ applicants[$0.id] }) else { continue }
            _ = try appeal(id, reason: OfficeCommandText.demoAppealReason.text(.ko), by: owner)
            try reopen(id, by: secretariat)
            try review(id, sample, note: .demoAppealNote)
            break
        }
        processRegistryQueue()

        var outcome: [DemoApplication] = []
        for (sample, id) in made {
            let application = try self.application(id, for: secretariat)
            outcome.append(DemoApplication(application: application, sample: sample.name, decisions: try decisions(of: application)))
        }
        return DemoOutcome(accounts: accounts, applications: outcome)
    }
}
