// The texts of comparing rubric versions and verifying a signed report
// that need more than their values put in place; the others are lines of
// Message.tsv, and so are a refusal's words.

extension Message {
    /// The text of a message of verifying a signed report whose words
    /// depend on its values, in Korean (`ko`) or English; nil for any
    /// other message.
    func verifyText(_ ko: Bool) -> String? {
        switch self {
        case .verifyStanding(let current, let certified, let day):
            if ko {
                return current ? "\(day) 기준 서명이 유효하고 인증의 효력이 있습니다"
                    : certified ? "서명은 유효하나 \(day) 기준 인증의 효력이 없습니다" : "서명은 유효하나 인증되지 않은 결정입니다(\(day) 기준)"
            }
            let words = current ? "valid and current"
                : certified ? "valid signature, but not in force" : "valid signature, not certified"
            return "\(words) on \(day)"
        case .verifyField(let field, let recorded, let now):
            if ko {
                let name = Message.verifyFieldKorean[field] ?? field
                func shown(_ value: String) -> String {
                    value.isEmpty ? "없음" : field == "certified" ? (value == "true" ? "인증" : "미인증") : value
                }
                return "\(name): 보고서에는 \(shown(recorded))(으)로 기록되어 있으나 다시 채점하면 \(shown(now))입니다"
            }
            return "\(field): the report says \(recorded.isEmpty ? "(none)" : recorded), re-scoring gives \(now.isEmpty ? "(none)" : now)"
        case .verifyIndicator(let id, let recordedPoints, let recordedStatus, let points, let status):
            if ko {
                let was = Message.statusKorean[recordedStatus] ?? recordedStatus, now = Message.statusKorean[status] ?? status
                return "\(id): 보고서에는 \(recordedPoints)점(\(was))으로 기록되어 있으나 다시 채점하면 \(points)점(\(now))입니다"
            }
            return "\(id): the report says \(recordedPoints) (\(recordedStatus)), re-scoring gives \(points) (\(status))"
        default:
            return nil
        }
    }

    /// The decision fields `certify verify` compares, in Korean.
    static let verifyFieldKorean: [String: String] = [
        "total": "총점", "grade": "등급", "certified": "인증 여부", "valid-from": "유효기간 시작일",
        "valid-until": "유효기간 종료일",
    ]

    /// An indicator's status as a report records it, in Korean.
    static let statusKorean: [String: String] = [
        "scored": "채점됨", "missing": "값 없음", "not-selected": "선택되지 않음", "self-assessed": "자체 평가",
    ]
}

// MARK: - Argument types

extension Message {
    /// Why `certify verify`'s policies refuse a signed report.
    public enum ReportRefusal: TabledMessage, Hashable {
        /// The report is not XML, or uses what the safe parser refuses: the
        /// parser's words, and the Korean of the located error.
        case xml(english: String, korean: String)
        case cannotCanonicalize
        /// The report's schema refuses it: the validator's words in both languages.
        case notValidReport(english: String, korean: String)
        /// The report names another signer key (nil: none) than the one that signed it.
        case signerMismatch(named: String?, keyID: String)
        case notAReport(root: String, namespace: String)
        case nestedReport
        case notSigned
        case signatures(count: Int)
        case signatureNotLast
        /// `<ds:element>` must hold exactly `expected` (empty: nothing).
        case children(element: String, expected: [String], found: [String])
        case algorithm(element: String, given: String, expected: String)
        case referenceURI(given: String?)
        case strayAttribute(attribute: String, element: String)
        case digestNotSHA256
        case digestMismatch
        case signatureValueShape
        /// The key KeyInfo names is trusted, but the signature does not verify with it.
        case namedKeyFails
        /// No trusted key verifies it (`keyName`: a KeyName that looks like a key id).
        case untrustedKey(keyName: String?)

        public static let messageTable = MessageTable<ReportRefusal>(Message.tableLines, section: "ReportRefusal")

        /// The refusals that name what is missing or lists of what was
        /// expected and found; the other texts are in the table.
        public var computedWords: (ko: String, en: String)? {
            switch self {
            case .signerMismatch(let named, let keyID):
                ("보고서에 적힌 서명자 키는 \(named ?? "(없음)")이나 실제로는 신뢰하는 키 \(keyID)(으)로 서명되었습니다",
                 "the report names signer key \(named ?? "(none)") but was signed by trusted key \(keyID)")
            case .children(let element, let expected, let found):
                ("<ds:\(element)>에는 \(expected.isEmpty ? "아무것도 없어야" : expected.joined(separator: ", ") + "만 있어야") 하나 \(found.isEmpty ? "아무것도 없습니다" : found.joined(separator: ", ") + "이(가) 있습니다")",
                 "<ds:\(element)> must hold exactly \(expected.isEmpty ? "nothing" : expected.joined(separator: ", ")); found \(found.isEmpty ? "nothing" : found.joined(separator: ", "))")
            case .referenceURI(let given):
                ("Reference URI는 보고서 전체를 가리키는 \"\"이어야 하나 '\(given ?? "(없음)")'입니다",
                 "the Reference URI must be \"\" (the whole report), found '\(given ?? "(none)")'")
            case .untrustedKey(let keyName):
                ("신뢰하는 어떤 키로도 서명이 검증되지 않습니다(\(keyName.map { "KeyName \($0)" } ?? "보고서에 적힌 KeyName")은(는) 신뢰하는 키가 아닙니다. --pubkey로 해당 공개키를 지정하십시오)",
                 "the signature does not verify with any trusted key (\(keyName.map { "KeyName \($0)" } ?? "the KeyName given") is not trusted; pass its public key with --pubkey)")
            default: nil
            }
        }
    }
}
