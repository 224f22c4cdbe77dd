// The texts of comparing rubric versions and verifying a signed report, in English and in Korean.

extension Message {
    /// The text of a message of comparing rubric versions and verifying a signed report, in Korean (`ko`) or
    /// English; nil for any other message.
    func verifyText(_ ko: Bool) -> String? {
        switch self {
        case .compareNothingShared(let rubric, let version, let other, let otherVersion): return ko ? "평가 기준 \(rubric) \(version)에는 \(other) \(otherVersion)과(와) 공통된 지표가 없어 비교하지 않았습니다"
                                                                                                    : "rubric \(rubric) \(version) shares no indicator with \(other) \(otherVersion); not compared"
        case .compareUnder(let rubric, let version, let english, let korean): return ko ? "\(rubric) \(version) 기준으로 채점할 때: " + korean
                                                                                        : "under \(rubric) \(version): " + english
        case .verifyStanding(let current, let certified, let day):
            if ko {
                return current ? "\(day) 기준 서명이 유효하고 인증의 효력이 있습니다"
                    : certified ? "서명은 유효하나 \(day) 기준 인증의 효력이 없습니다" : "서명은 유효하나 인증되지 않은 결정입니다(\(day) 기준)"
            }
            let words = current ? "valid and current"
                : certified ? "valid signature, but not in force" : "valid signature, not certified"
            return "\(words) on \(day)"
        case .verifyDisagrees(let message): return ko ? "보고서와 일치하지 않습니다: \(message.korean)"
                                                      : "disagrees: \(message.english)"
        case .verifyDossierHash(let file, let sha256, let expected): return ko ? "\(file): SHA-256 값 \(sha256)이(가) 보고서에 기록된 값 \(expected)과(와) 다릅니다"
                                                                               : "\(file): sha256 \(sha256) is not the report's \(expected)"
        case .verifyReviewsDiffer(let count): return ko ? "제출한 심사표 파일이 보고서 채점에 쓰인 심사표 \(count)건과 다릅니다"
                                                        : "the review files given are not the \(count) the report was scored with"
        case .verifyNoDate: return ko ? "보고서에 결정일이 없습니다" : "the report has no decision date"
        case .verifyRubricHash(let rubric, let version, let sha256, let expected): return ko ? "평가 기준 \(rubric) \(version): SHA-256 값 \(sha256)이(가) 보고서에 기록된 값 \(expected)과(와) 다릅니다"
                                                                                             : "rubric \(rubric) \(version): sha256 \(sha256) is not the report's \(expected)"
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
        case .verifyIndicatorCount(let report, let rubric): return ko ? "보고서에는 지표가 \(report)개, 평가 기준에는 \(rubric)개 있습니다"
                                                                      : "the report lists \(report) indicators, the rubric \(rubric)"
        case .verifyRescoreFailed(let english, let korean): return ko ? korean : english
        case .verifyConfirmed: return ko ? "입력 파일의 해시가 일치하고 다시 채점한 결과도 보고서의 결정과 같습니다"
                                         : "hashes match; re-scoring confirms the decision"
        case .signatureRefused(let refusal): return ko ? "서명이 유효하지 않습니다: \(refusal.korean)"
                                                       : "signature invalid: \(refusal.english)"
        case .reportRefused(let refusal): return refusal.text(ko: ko)
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
    public enum ReportRefusal: MessagePart, Sendable, Hashable {
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

        /// The text in Korean (`ko`) or English.
        func text(ko: Bool) -> String {
            switch self {
            case .xml(let english, let korean): ko ? korean : english
            case .cannotCanonicalize: ko ? "보고서를 정규화(C14N)할 수 없습니다" : "cannot canonicalize the report"
            case .notValidReport(let english, let korean): ko ? "올바른 심사 보고서가 아닙니다: \(korean)"
                                                              : "not a valid audit report: \(english)"
            case .signerMismatch(let named, let keyID): ko ? "보고서에 적힌 서명자 키는 \(named ?? "(없음)")이나 실제로는 신뢰하는 키 \(keyID)(으)로 서명되었습니다"
                                                           : "the report names signer key \(named ?? "(none)") but was signed by trusted key \(keyID)"
            case .notAReport(let root, let namespace): ko ? "심사 보고서가 아닙니다: 최상위 요소가 '\(namespace)'의 <\(root)>입니다"
                                                          : "not an audit report: root is <\(root)> in '\(namespace)'"
            case .nestedReport: ko ? "보고서 안에 두 번째 <audit-report>가 들어 있습니다"
                                   : "a second <audit-report> is nested in the report"
            case .notSigned: ko ? "보고서에 서명이 없습니다" : "the report is not signed"
            case .signatures(let count): ko ? "보고서에 서명이 \(count)개 있습니다. 서명은 하나만 허용됩니다"
                                            : "the report holds \(count) signatures; exactly one is allowed"
            case .signatureNotLast: ko ? "서명은 <audit-report>의 마지막 자식 요소여야 합니다"
                                       : "the signature must be the last child of <audit-report>"
            case .children(let element, let expected, let found): ko ? ("<ds:\(element)>에는 \(expected.isEmpty ? "아무것도 없어야" : expected.joined(separator: ", ") + "만 있어야") 하나 \(found.isEmpty ? "아무것도 없습니다" : found.joined(separator: ", ") + "이(가) 있습니다")")
                                                                     : ("<ds:\(element)> must hold exactly \(expected.isEmpty ? "nothing" : expected.joined(separator: ", ")); found \(found.isEmpty ? "nothing" : found.joined(separator: ", "))")
            case .algorithm(let element, let given, let expected): ko ? "<ds:\(element)>의 알고리즘 '\(given)'은(는) 허용되지 않습니다. \(expected)이어야 합니다"
                                                                      : "<ds:\(element)> algorithm '\(given)' is not allowed; expected \(expected)"
            case .referenceURI(let given): ko ? "Reference URI는 보고서 전체를 가리키는 \"\"이어야 하나 '\(given ?? "(없음)")'입니다"
                                              : "the Reference URI must be \"\" (the whole report), found '\(given ?? "(none)")'"
            case .strayAttribute(let attribute, let element): ko ? "<ds:\(element)>에는 '\(attribute)' 속성을 둘 수 없습니다"
                                                                 : "attribute '\(attribute)' is not allowed on <ds:\(element)>"
            case .digestNotSHA256: ko ? "DigestValue가 base64로 쓴 SHA-256 다이제스트가 아닙니다"
                                      : "the DigestValue is not a base64 SHA-256 digest"
            case .digestMismatch: ko ? "보고서 내용이 서명된 다이제스트와 다릅니다. 서명 후에 변경되었습니다"
                                     : "the report's content does not match its signed digest: it was changed after signing"
            case .signatureValueShape: ko ? "SignatureValue가 64바이트 r‖s 형식의 ECDSA 서명이 아닙니다"
                                          : "the SignatureValue is not a 64-byte raw r‖s ECDSA signature"
            case .namedKeyFails: ko ? "KeyInfo에 적힌 신뢰하는 키로 서명이 검증되지 않습니다. 서명된 정보가 변경되었거나 다른 키로 서명되었습니다"
                                    : "the signature does not verify with the trusted key named in KeyInfo: the signed information was changed, or another key signed it"
            case .untrustedKey(let keyName): ko ? "신뢰하는 어떤 키로도 서명이 검증되지 않습니다(\(keyName.map { "KeyName \($0)" } ?? "보고서에 적힌 KeyName")은(는) 신뢰하는 키가 아닙니다. --pubkey로 해당 공개키를 지정하십시오)" : "the signature does not verify with any trusted key (\(keyName.map { "KeyName \($0)" } ?? "the KeyName given") is not trusted; pass its public key with --pubkey)"
            }
        }
    }
}
