/// Who is asking: a signed-in, enabled account and its roles per round.
public struct Actor: Sendable {
    public var account: Account
    public var roundRoles: [Int64: Set<RoundRoleKind>]
    /// The applications the account is assigned to, as reviewer or chair.
    public var assignments: [Int64: RoundRoleKind]

    public init(account: Account, roundRoles: [Int64: Set<RoundRoleKind>] = [:], assignments: [Int64: RoundRoleKind] = [:]) {
        self.account = account
        self.roundRoles = roundRoles
        self.assignments = assignments
    }

    public var id: Int64 { account.id ?? 0 }
    public var isSecretariat: Bool { account.kind == .secretariat }

    func owns(_ application: OfficeApplication) -> Bool {
        account.kind == .applicant && account.organisationID == application.organisationID
    }

    /// A co-applicant of a joint application (named in its draft).
    func isCoApplicant(_ application: OfficeApplication) -> Bool {
        account.kind == .applicant && account.organisationID.map(application.coApplicantIDs.contains) == true
    }
}

/// Everything a person may ask the office to show or do. Each route of the
/// office names one of these; the policy decides it.
public enum Permission: Sendable {
    /// The account's own pages: dashboard, second-factor set-up, sign-out.
    case ownAccount
    /// The list of rounds and a round's page.
    case viewRounds
    case manageRounds
    case manageAccounts
    /// The action log's head, and a secretariat's view of personal data.
    case viewLog
    case startApplication(Round)
    case viewApplication(OfficeApplication)
    case editApplication(OfficeApplication)
    case checkCompleteness(OfficeApplication)
    /// A co-applicant organisation confirms the joint application.
    case confirmJoint(OfficeApplication)
    /// A reviewer or chair declares its affiliations (its own profile).
    case declareAffiliations
    /// Invite reviewers and chairs, assign them, reopen after an appeal.
    case assignPanel(OfficeApplication)
    /// Write and submit one's own review of an application.
    case review(OfficeApplication)
    /// Declare a conflict of interest with an application one is assigned to.
    case declareConflict(OfficeApplication)
    /// See the other reviews and the panel's result (a reviewer only once
    /// its own review of the current cycle is submitted).
    case viewPanel(OfficeApplication, ownReviewSubmitted: Bool)
    /// Confirm the panel's result or send it back.
    case decide(OfficeApplication)
    /// Appeal a decision, or apply to renew its certificate.
    case appeal(OfficeApplication)

    /// What the permission asks, without its object: what an office route names.
    public enum Kind: String, Sendable {
        case ownAccount = "own-account", viewRounds = "view-rounds", manageRounds = "manage-rounds"
        case manageAccounts = "manage-accounts", viewLog = "view-log", startApplication = "start-application"
        case viewApplication = "view-application", editApplication = "edit-application"
        case checkCompleteness = "check-completeness", confirmJoint = "confirm-joint"
        case declareAffiliations = "declare-affiliations", assignPanel = "assign-panel", review
        case declareConflict = "declare-conflict", viewPanel = "view-panel", decide, appeal
    }

    public var kind: Kind {
        switch self {
        case .ownAccount: .ownAccount
        case .viewRounds: .viewRounds
        case .manageRounds: .manageRounds
        case .manageAccounts: .manageAccounts
        case .viewLog: .viewLog
        case .startApplication: .startApplication
        case .viewApplication: .viewApplication
        case .editApplication: .editApplication
        case .checkCompleteness: .checkCompleteness
        case .confirmJoint: .confirmJoint
        case .declareAffiliations: .declareAffiliations
        case .assignPanel: .assignPanel
        case .review: .review
        case .declareConflict: .declareConflict
        case .viewPanel: .viewPanel
        case .decide: .decide
        case .appeal: .appeal
        }
    }

    /// The permission's name in the route table and in tests.
    public var name: String { kind.rawValue }
}

/// The policy's answer. `hidden` is a 404 (the caller learns nothing of the
/// object), `forbidden` a 403 (it may see the object but not do this).
public enum Verdict: Sendable, Equatable {
    case allow
    case hidden
    case forbidden
    /// Not signed in: the sign-in page.
    case signIn
    /// Secretariat and chairs enrol a second factor before any other page.
    case enrolSecondFactor
}

/// The one authorization policy (role × ownership × state): every office
/// route asks it, and nothing else decides access.
public struct Policy: Sendable {
    public init() {}

    public func decide(_ actor: Actor?, _ permission: Permission) -> Verdict {
        guard let actor, !actor.account.disabled else { return .signIn }
        if case .ownAccount = permission { return .allow }
        if needsSecondFactor(actor), actor.account.totpSecret == nil { return .enrolSecondFactor }
        let secretariat = actor.isSecretariat
        switch permission {
        case .ownAccount:
            return .allow
        case .viewRounds:
            return .allow
        case .manageRounds, .manageAccounts, .viewLog:
            return secretariat ? .allow : .hidden
        case .startApplication:
            return actor.account.kind == .applicant ? .allow : secretariat ? .forbidden : .hidden
        case .viewApplication(let application):
            return secretariat || actor.owns(application) || actor.isCoApplicant(application) || isOnPanel(actor, application)
                ? .allow : .hidden
        case .editApplication(let application):
            if actor.owns(application) { return .allow }
            return secretariat || actor.isCoApplicant(application) || isOnPanel(actor, application) ? .forbidden : .hidden
        case .checkCompleteness(let application):
            if secretariat { return .allow }
            return actor.owns(application) || actor.isCoApplicant(application) || isOnPanel(actor, application) ? .forbidden : .hidden
        case .confirmJoint(let application):
            if actor.isCoApplicant(application) { return .allow }
            return secretariat || actor.owns(application) || isOnPanel(actor, application) ? .forbidden : .hidden
        case .declareAffiliations:
            return actor.account.kind == .staff ? .allow : .hidden
        case .assignPanel(let application):
            if secretariat { return .allow }
            return canSee(actor, application) ? .forbidden : .hidden
        case .review(let application):
            if actor.assignments[application.id ?? -1] == .reviewer { return .allow }
            return canSee(actor, application) ? .forbidden : .hidden
        case .declareConflict(let application):
            if isOnPanel(actor, application) { return .allow }
            return canSee(actor, application) ? .forbidden : .hidden
        case .viewPanel(let application, let submitted):
            // Blind until submitted: the other reviews are not shown at all (404), not merely refused.
            if secretariat || actor.assignments[application.id ?? -1] == .chair { return .allow }
            return actor.assignments[application.id ?? -1] == .reviewer && submitted ? .allow : .hidden
        case .decide(let application):
            if actor.assignments[application.id ?? -1] == .chair { return .allow }
            return canSee(actor, application) ? .forbidden : .hidden
        case .appeal(let application):
            if actor.owns(application) { return .allow }
            return canSee(actor, application) ? .forbidden : .hidden
        }
    }

    /// Whether the actor may see the application at all (the difference between 403 and 404).
    func canSee(_ actor: Actor, _ application: OfficeApplication) -> Bool {
        actor.isSecretariat || actor.owns(application) || actor.isCoApplicant(application) || isOnPanel(actor, application)
    }

    /// Secretariat accounts, and anyone chairing a round.
    func needsSecondFactor(_ actor: Actor) -> Bool {
        actor.isSecretariat || actor.roundRoles.values.contains { $0.contains(.chair) }
    }

    /// Reviewers and chairs see the applications they are assigned to; a
    /// round role alone shows nothing.
    func isOnPanel(_ actor: Actor, _ application: OfficeApplication) -> Bool {
        application.id.map { actor.assignments[$0] != nil } ?? false
    }
}
