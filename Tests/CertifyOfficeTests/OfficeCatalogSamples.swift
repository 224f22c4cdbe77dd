import CertifyModel
import CertifyOffice

/// Every case of the office's message catalogs, several times where the
/// values change the text (lists of 0, 1 and 2 items, both roles, every
/// state, labels with and without an acronym).
enum OfficeCatalogSamples {
    static let messages: [OfficeMessage] = [
        .fieldRequired(label: .name), .fieldRequired(label: .roundName), .fieldRequired(label: .rubric),
        .fieldRequired(label: .secondFactor), .fieldRequired(label: .reportXML),
        .dateInvalid(label: .opens, text: "2026-02-30"), .dateInvalid(label: .reviewDeadline, text: ""),
        .numberInvalid(label: .responseDays, text: "x", min: 1, max: 90), .numberInvalid(label: .reviewerCount, text: "-1", min: 0, max: 9),
        .holidayLine(line: 3, text: "2026-13-01"), .emailInvalid, .emailTaken, .windowOrder, .organisationIDInvalid,
        .passwordTooShort(minimum: 12), .passwordTooLong(maximum: 128), .passwordCommon, .passwordMismatch, .loginFailed,
        .loginThrottled, .linkInvalid, .codeInvalid, .secondFactorRequired, .secondFactorStale, .csrfInvalid,
        .bodyRefused(status: 413), .signInRequired, .notFound, .forbidden, .draftStale(current: 4),
    ] + ApplicationState.allCases.map { .stateForbids(state: $0) } + [
        .roundNotOpen, .organisationUnconfirmed, .noOrganisation,
        .evidenceMissing(digest: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"), .evidenceMissing(digest: "abc"),
        .evidenceUnknown, .requestsRequired, .dossierInvalid(count: 1), .dossierInvalid(count: 3),
        .rubricUnknown(id: "SMART-CITY", version: "2026.1"), .roundRubricMismatch,
        .jointUnconfirmed(organisations: []), .jointUnconfirmed(organisations: ["KR-A"]), .jointUnconfirmed(organisations: ["KR-A", "KR-B"]),
        .conflictAffiliated(reviewer: "R-04 Han", organisation: "KR-X"), .conflictDeclared(reviewer: "R-01"),
        .noRoundRole(role: .chair), .noRoundRole(role: .reviewer), .reviewedAlready(reviewer: "R-01"),
        .reviewsMissing(reviewers: []), .reviewsMissing(reviewers: ["R-02"]), .reviewsMissing(reviewers: ["R-02", "R-03"]),
        .tooFewReviewers(assigned: 2, needed: 3), .reviewInvalid(count: 2), .reviewStale(current: 3), .noteRequired,
        .reasonRequired, .decisionWaitsForSignature, .noSigningKey, .appealClosed(lastDay: "2026-03-16"), .appealUsed,
        .reviewFinal, .panelChanged, .renewalRoundMismatch, .signingKeyMismatch(keyID: "0123456789abcdef0123"),
        .signingKeyMismatch(keyID: "ab"), .renewalNotDue, .affiliationInvalid(text: "x y"), .invited,
        .diagnostic(ko: "KPI-1: 값이 없습니다", en: "KPI-1: no value"), .diagnostic(ko: "%1 그대로", en: "%2 as is"),
        .dataDirInUse(path: "/var/office"), .dataDirMissing(path: "/var/office"), .storage(detail: "disk full"),
        .auditRowEdited(seq: 7), .auditRowMissing(seq: 8), .auditObjectMismatch(object: "dossier:3", seq: 9),
        .auditObjectMissing(object: "evidence:ab", seq: 10), .auditHeadUnknown(size: 11), .auditHeadMismatch(size: 12),
        .auditHeadFormat, .accountUnknown(email: "a@b.kr"),
    ]

    static let notices: [OfficeNotice] = [
        .confirmAddress(link: "https://o.kr/set?t=1"), .alreadyRegistered(signIn: "https://o.kr/office/sign-in"),
        .accountCreated(link: "https://o.kr/set?t=2"), .submitted(reference: "R1-0001", url: "u1"),
        .returned(reference: "R1-0001", due: "2026-04-01", url: "u2"), .accepted(reference: "R1-0001", url: "u3"),
        .invited(round: "2026-1", role: .reviewer, url: "u4"), .invited(round: "2026-1", role: .chair, url: "u4"),
        .assigned(reference: "R1-0001", role: .chair, due: "2026-04-02", url: "u5"),
        .assigned(reference: "R1-0002", role: .reviewer, due: "2026-04-02", url: "u5"),
        .reviewDue(reference: "R1-0001", due: "2026-04-03", url: "u6"), .readyForDecision(reference: "R1-0001", url: "u7"),
        .sentBack(reference: "R1-0001", note: "KPI-2: see the evidence\nline two", url: "u8"),
        .decided(reference: "R1-0001", certified: true, outcome: "A, 86.28", appealDue: "2026-04-20", url: "u9"),
        .decided(reference: "R1-0002", certified: false, outcome: "52.1", appealDue: "2026-04-21", url: "u9"),
        .appealFiled(reference: "R1-0001", url: "u10"), .reopened(reference: "R1-0001", url: "u11"),
        .appealClosing(reference: "R1-0001", lastDay: "2026-04-20", url: "u12"),
        .renewalDue(reference: "R1-0001", validUntil: "2029-04-20", url: "u13"),
    ]
}
