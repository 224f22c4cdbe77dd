// The texts of decoding a rubric, dossier or review are lines of
// Message.tsv, and so are the words of a decoding context; the one below
// joins its list with "or".

extension Message {
    /// The text of a message of decoding whose words depend on its values,
    /// in Korean (`ko`) or English; nil for any other message.
    func decodingText(_ ko: Bool) -> String? {
        guard case .notEnumAttribute(let context, let attribute, let allowed, let given) = self else { return nil }
        return ko ? "\(context.text(.ko)): \(attribute)은(는) \(allowed.joined(separator: " 또는 ")) 중 하나여야 합니다. 입력값: '\(given)'"
            : "\(context.text(.en)): \(attribute) must be \(allowed.joined(separator: " or ")), got '\(given)'"
    }
}

// MARK: - Argument types

extension Message {
    /// Which part of a document an attribute belongs to.
    public enum DecodeContext: TabledMessage, Hashable {
        case bandTable, electiveGroup, panel, grade, pass, validity, area
        case indicator(String)
        case kpi(String)

        public static let messageTable = MessageTable<DecodeContext>(Message.tableLines, section: "DecodeContext")
    }
}
