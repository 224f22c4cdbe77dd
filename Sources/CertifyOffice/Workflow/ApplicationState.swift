import CertifyModel

/// An application's life (office.md): `draft → submitted → (returned →
/// resubmitted)* → in review → decided → (appealed → in review → decided)`,
/// plus `withdrawn` and `lapsed`.
public enum ApplicationState: String, Sendable, Codable, CaseIterable {
    case draft, submitted, returned, inReview = "in-review", decided, appealed, withdrawn, lapsed

    public var word: OfficeWord {
        switch self {
        case .draft: .stateDraft
        case .submitted: .stateSubmitted
        case .returned: .stateReturned
        case .inReview: .stateInReview
        case .decided: .stateDecided
        case .appealed: .stateAppealed
        case .withdrawn: .stateWithdrawn
        case .lapsed: .stateLapsed
        }
    }

    /// What moves an application from one state to another.
    public enum Event: String, Sendable, CaseIterable {
        case submit, returnForChanges = "return", accept, withdraw, lapse, decide, appeal, reopen
    }

    /// The state after `event`, or nil when the event does not apply in
    /// this state. The one table of allowed transitions: the workflow asks
    /// it before every change, and the tests walk it whole.
    public func after(_ event: Event) -> ApplicationState? {
        switch (self, event) {
        case (.draft, .submit), (.returned, .submit): .submitted
        case (.submitted, .returnForChanges): .returned
        case (.submitted, .accept): .inReview
        case (.draft, .withdraw), (.submitted, .withdraw), (.returned, .withdraw): .withdrawn
        case (.returned, .lapse): .lapsed
        case (.inReview, .decide): .decided
        case (.decided, .appeal): .appealed
        case (.appealed, .reopen): .inReview
        default: nil
        }
    }

    /// Whether the applicant may still change the draft.
    public var isEditable: Bool { self == .draft || self == .returned }
}

/// Account kinds. Reviewers and chairs hold their roles per round
/// (`RoundRole`); an account of kind `staff` has no standing role of its own.
public enum AccountKind: String, Sendable, Codable, CaseIterable {
    case applicant, secretariat, staff

    public var word: OfficeWord {
        switch self {
        case .applicant: .applicant
        case .secretariat: .secretariat
        case .staff: .reviewer
        }
    }
}

public enum RoundRoleKind: String, Sendable, Codable, CaseIterable {
    case reviewer, chair

    public var word: OfficeWord { self == .chair ? .chair : .reviewer }
}

extension RoundRoleKind: Localized {
    /// The role as messages and notices name it mid-sentence: 심사위원장, chair.
    public func text(_ language: Language) -> String {
        language == .en ? word.text(.en).lowercasedFirst : word.text(.ko)
    }
}

extension ApplicationState: Localized {
    /// The state's word, as messages name it.
    public func text(_ language: Language) -> String { word.text(language) }
}
