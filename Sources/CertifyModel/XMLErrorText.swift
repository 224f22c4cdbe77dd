extension Message {
    /// An error of the XML parser or the schema validator, as libxml2
    /// reports it in structure: what went wrong (its error code, mapped by
    /// `CertifyXML` to a `Kind`), the element and attribute it is about and
    /// the values it names. The Korean text is written from these; the
    /// English text stays libxml2's own words, as Certify has always printed.
    public struct XMLError: Sendable, Hashable {
        /// What went wrong, one case per libxml2 error code Certify says in
        /// its own words.
        public enum Kind: Sendable, Hashable {
            // Well-formedness (libxml2's parser and namespace errors).
            case documentEmpty
            case contentAfterRoot
            case invalidCharacterReference
            /// A character XML does not allow (its code point).
            case invalidCharacter(Int)
            /// Bytes that are not UTF-8 (as libxml2 lists them, `0xE4 0xB8`).
            case notUTF8(bytes: String)
            case ampersandWithoutName
            case entityReferenceNotClosed
            case undeclaredEntity(String)
            case unsupportedEncoding(String)
            case lessThanInAttribute
            case attributeNotQuoted
            case attributeNotClosed
            case attributeWithoutValue(String)
            case attributeTwice(String)
            case commentNotClosed
            case hyphensInComment
            case processingInstructionNotClosed
            case declarationNotClosed
            case declarationNotAtStart
            case declarationWithoutVersion
            case cdataNotClosed
            case spaceRequired
            case nameRequired
            case equalsRequired
            /// `>` missing (the start tag and its line, when libxml2 names them).
            case greaterThanRequired(tag: String?, line: Int)
            case endTagRequired
            case tagMismatch(open: String, line: Int, close: String)
            case endOfDataInTag(tag: String, line: Int)
            case prefixUndeclared(prefix: String, name: String)
            case badQualifiedName
            case namespacedAttributeTwice
            case emptyNamespace

            // Schema validation.
            /// A value that is not of the type (the element's text or the attribute's value).
            case notOfType(value: String)
            case lengthDiffers(value: String, length: String, allowed: String)
            case tooShort(value: String, length: String, minimum: String)
            case tooLong(value: String, length: String, maximum: String)
            case belowMinimum(value: String, minimum: String)
            case aboveMaximum(value: String, maximum: String)
            case notAbove(value: String, bound: String)
            case notBelow(value: String, bound: String)
            case tooManyDigits(value: String)
            case notInPattern(value: String)
            case notInSet(value: String, allowed: String)
            case mustBeEmpty
            case noChildElements
            case noText
            /// An element out of place, or one missing (libxml2 gives the
            /// same code for both): the elements that may come there.
            case contentOutOfOrder(expected: [String])
            case noDeclaration
            case attributeNotAllowed(String)
            case attributeMissing(String)
            case duplicateKey(value: String)
            case unknownReference(value: String)
            case fixedValue

            /// A code Certify has no words of its own for.
            case other(code: Int)
        }

        public var kind: Kind
        /// The element the error is about (its local name), when known.
        public var element: String?
        /// The attribute the error is about, when known.
        public var attribute: String?
        /// libxml2's own words.
        public var english: String

        public init(_ kind: Kind, element: String? = nil, attribute: String? = nil, english: String) {
            self.kind = kind
            self.element = element
            self.attribute = attribute
            self.english = english
        }

        /// Where it is: "<value> 요소의 indicator 속성: ", "<value> 요소: ", or nothing.
        private var place: String {
            switch (element, attribute) {
            case (let element?, let attribute?): "<\(element)> 요소의 \(attribute) 속성: "
            case (let element?, nil): "<\(element)> 요소: "
            case (nil, let attribute?): "\(attribute) 속성: "
            default: ""
            }
        }

        var korean: String {
            let escape = "텍스트의 < 와 & 는 &lt; 와 &amp; 로 적으십시오"
            switch kind {
            case .documentEmpty: return "문서에 내용이 없습니다"
            case .contentAfterRoot: return "루트 요소가 끝난 뒤에 내용이 더 있습니다"
            case .invalidCharacterReference: return "문자 참조(&#…;)가 올바르지 않습니다"
            case .invalidCharacter(let scalar):
                return "XML 문서에 쓸 수 없는 문자(U+\(Self.hex(scalar)))가 있습니다"
            case .notUTF8(let bytes):
                let shown = bytes.isEmpty ? "" : "(\(bytes))"
                return "UTF-8이 아닌 바이트\(shown)가 있습니다. 파일을 UTF-8로 저장하거나 XML 선언에 인코딩을 밝히십시오"
            case .ampersandWithoutName: return "& 뒤에 엔티티 이름이 없습니다. \(escape)"
            case .entityReferenceNotClosed: return "엔티티 참조가 ;로 끝나지 않습니다. \(escape)"
            case .undeclaredEntity(let name): return "선언되지 않은 엔티티 &\(name);을(를) 썼습니다"
            case .unsupportedEncoding(let name): return "인코딩 '\(name)'은(는) 지원하지 않습니다. 파일을 UTF-8로 저장하십시오"
            case .lessThanInAttribute: return "속성값에 < 를 그대로 쓸 수 없습니다. &lt; 로 적으십시오"
            case .attributeNotQuoted: return "속성값을 따옴표(\" 또는 ')로 감싸야 합니다"
            case .attributeNotClosed: return "속성값의 닫는 따옴표가 없습니다"
            case .attributeWithoutValue(let name): return "속성 \(name)에 값이 없습니다. \(name)=\"…\" 형태로 적으십시오"
            case .attributeTwice(let name): return "속성 \(name)이(가) 한 요소에 두 번 적혀 있습니다"
            case .commentNotClosed: return "주석(<!-- … -->)이 닫히지 않았습니다"
            case .hyphensInComment: return "주석 안에 -- 를 쓸 수 없습니다"
            case .processingInstructionNotClosed: return "처리 명령(<? … ?>)이 닫히지 않았습니다"
            case .declarationNotClosed: return "XML 선언(<?xml … ?>)이 올바르게 닫히지 않았습니다"
            case .declarationNotAtStart: return "XML 선언(<?xml … ?>)은 문서 맨 앞에만 올 수 있습니다"
            case .declarationWithoutVersion: return "XML 선언에 버전이 없습니다(<?xml version=\"1.0\" …?>)"
            case .cdataNotClosed: return "CDATA 구역이 닫히지 않았습니다"
            case .spaceRequired: return "속성을 읽을 수 없습니다. 속성은 이름=\"값\" 형태로 쓰고 서로 띄어 적으십시오"
            case .nameRequired: return "이름이 있어야 할 자리에 이름이 없습니다. \(escape)"
            case .equalsRequired: return "속성 이름 뒤에 = 가 없습니다"
            case .greaterThanRequired(let tag?, let line) where line > 0:
                return "\(line)행의 시작 태그 <\(tag)>가 > 로 끝나지 않습니다"
            case .greaterThanRequired: return "태그가 > 로 끝나지 않습니다"
            case .endTagRequired: return "닫는 태그(</…>)가 있어야 합니다"
            case .tagMismatch(let open, let line, let close):
                return "\(line)행에서 연 <\(open)>를 </\(close)>로 닫았습니다. 여는 태그와 닫는 태그의 이름이 같아야 합니다"
            case .endOfDataInTag(let tag, let line):
                return "\(line)행에서 연 <\(tag)>가 닫히기 전에 문서가 끝났습니다"
            case .prefixUndeclared(let prefix, let name):
                return "\(prefix):\(name)의 네임스페이스 접두사 \(prefix)가 선언되지 않았습니다"
            case .badQualifiedName: return "요소나 속성의 이름(접두사:이름)이 올바르지 않습니다"
            case .namespacedAttributeTwice: return "같은 네임스페이스의 같은 속성이 두 번 적혀 있습니다"
            case .emptyNamespace: return "네임스페이스 이름이 비어 있습니다"

            case .notOfType(let value): return "\(place)'\(value)'은(는) 이 자리에 쓸 수 있는 형식의 값이 아닙니다"
            case .lengthDiffers(let value, let length, let allowed):
                return "\(place)\(Self.quoted(value))길이가 \(length)자이지만 \(allowed)자여야 합니다"
            case .tooShort(let value, let length, let minimum):
                return "\(place)\(Self.quoted(value))길이가 \(length)자로 최소 \(minimum)자보다 짧습니다"
            case .tooLong(_, let length, let maximum):
                return "\(place)값의 길이가 \(length)자로 최대 \(maximum)자를 넘습니다"
            case .belowMinimum(let value, let minimum): return "\(place)'\(value)'은(는) 최솟값 \(minimum)보다 작습니다"
            case .aboveMaximum(let value, let maximum): return "\(place)'\(value)'은(는) 최댓값 \(maximum)보다 큽니다"
            case .notAbove(let value, let bound): return "\(place)'\(value)'은(는) \(bound)보다 커야 합니다"
            case .notBelow(let value, let bound): return "\(place)'\(value)'은(는) \(bound)보다 작아야 합니다"
            case .tooManyDigits(let value): return "\(place)'\(value)'은(는) 허용되는 자릿수를 넘습니다"
            case .notInPattern(let value): return "\(place)'\(value)'은(는) 이 자리에 쓸 수 있는 형식이 아닙니다"
            case .notInSet(let value, let allowed): return "\(place)'\(value)'은(는) 허용되는 값(\(allowed))이 아닙니다"
            case .mustBeEmpty: return "\(place)내용 없이 비워 두어야 합니다"
            case .noChildElements: return "\(place)하위 요소를 둘 수 없습니다. 값만 적으십시오"
            case .noText: return "\(place)하위 요소 사이에 공백 외의 텍스트를 쓸 수 없습니다"
            case .contentOutOfOrder(let expected):
                let list = expected.map { "<\($0)>" }.joined(separator: ", ")
                let tail = expected.isEmpty ? "" : " 이 자리에 올 수 있는 요소: \(list)"
                return "\(place)요소의 순서나 구성이 스키마에 맞지 않습니다(이 요소가 이 자리에 올 수 없거나, 필요한 하위 요소가 빠졌습니다).\(tail)"
            case .noDeclaration: return "\(place)스키마에 선언되지 않은 요소입니다"
            case .attributeNotAllowed(let name): return "\(place)속성 \(name)은(는) 쓸 수 없습니다"
            case .attributeMissing(let name): return "\(place)필수 속성 \(name)이(가) 없습니다"
            case .duplicateKey(let value): return "\(place)'\(value)'이(가) 두 번 이상 쓰였습니다. 같은 값은 한 번만 쓸 수 있습니다"
            case .unknownReference(let value): return "\(place)'\(value)'을(를) 가리키는 선언이 문서에 없습니다"
            case .fixedValue: return "\(place)값이 스키마가 정한 고정값과 다릅니다"
            case .other(let code): return "\(place)XML을 처리하다 오류가 났습니다(libxml2 오류 코드 \(code)): “\(english)”"
            }
        }

        /// "'abc'의 " before a length, or nothing when libxml2 leaves the value out.
        private static func quoted(_ value: String) -> String { value.isEmpty ? "값의 " : "'\(value)'의 " }

        private static func hex(_ scalar: Int) -> String {
            let digits = String(scalar, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
    }

    /// The kind of problem of a message in libxml2's words (`.xml` or
    /// `.xmlError`), nil for any other message.
    public var xmlIssue: XMLIssue? {
        switch self {
        case .xml(let issue, _), .xmlError(let issue, _): issue
        default: nil
        }
    }

    /// A language tag (`ko`, `en`) named in `language`.
    static func languageName(_ tag: String, in language: Language) -> String {
        switch (tag, language) {
        case ("ko", .ko): "한국어"
        case ("en", .ko): "영어"
        case ("ko", .en): "Korean"
        case ("en", .en): "English"
        default: tag
        }
    }
}

extension Message.XMLError: MessagePart {
    /// The Korean written from the error's structure, or libxml2's English.
    func text(ko: Bool) -> String { ko ? korean : english }
}
