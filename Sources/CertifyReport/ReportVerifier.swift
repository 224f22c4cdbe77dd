import CertifyModel
import CertifyXML
import Crypto
import Foundation

/// Why a verification policy refused a report: the reason and where.
struct Refusal: Error {
    var reason: Message.ReportRefusal
    var position: SourcePosition
    /// Authentic, but not a valid audit report (its schema), or not XML at
    /// all: invalid input, not a bad signature.
    var invalidReport = false

    init(_ reason: Message.ReportRefusal, at position: SourcePosition = .unknown) {
        self.reason = reason
        self.position = position
    }

    /// The one error type: `.invalidInput` for a report that is not one,
    /// `.signatureInvalid` (with that prefix) for everything else.
    func error(in name: String) -> CertifyError {
        invalidReport
            ? CertifyError(.invalidInput, [Diagnostic(.reportRefused(reason), at: position, file: name)])
            : CertifyError(.signatureInvalid, [Diagnostic(.signatureRefused(reason), at: position, file: name)])
    }
}

/// A report whose signature checked out: the data is read from the same
/// tree the signature covers.
public struct VerifiedReport: Sendable {
    public let root: CertifyXML.XMLElement
    /// The trusted key that verified it.
    public let keyID: String
}

/// Verifies a signed report against trusted keys. Each step is a small
/// policy that returns a reason to refuse, or nil; the first reason wins.
public enum ReportVerifier {
    /// Checks the structure, the signature profile of reports.md, the digest
    /// of the content, the signature with one of `keys` (never a key the
    /// report carries), the report schema, and that the report names the key
    /// that signed it.
    ///
    /// - Parameter name: the report's name in located messages.
    /// - Throws: `.signatureInvalid` for a forged, changed or untrusted
    ///   report, `.invalidInput` for one that is not a report.
    public static func verify(
        _ bytes: [UInt8], name: String = "report", trusting keys: [P256.Signing.PublicKey], schema: XMLSchema
    ) throws(CertifyError) -> VerifiedReport {
        switch check(bytes, trusting: keys, schema: schema) {
        case .success(let report): return report
        case .failure(let refusal): throw refusal.error(in: name)
        }
    }

    static func check(
        _ bytes: [UInt8], trusting keys: [P256.Signing.PublicKey], schema: XMLSchema
    ) -> Result<VerifiedReport, Refusal> {
        let document: XMLDocument
        do { document = try SafeXMLParser.parse(bytes) } catch {
            let first = error.problems.first
            var failure = Refusal(
                .xml(english: first?.message ?? "not XML", korean: first.map { Diagnostic($0).message(.ko) } ?? "XML 문서가 아닙니다"),
                at: first?.position ?? .unknown)
            // DOCTYPE, entities, XInclude: refused as an attack. Broken XML: invalid input.
            failure.invalidReport = first?.kind == .malformed
            return .failure(failure)
        }
        let root = document.root
        let structural: [(CertifyXML.XMLElement) -> Refusal?] = [
            Policies.rootIsAReport, Policies.oneReport, Policies.oneSignatureAsLastChild,
            Policies.signatureShape,
        ]
        for policy in structural {
            if let failure = policy(root) { return .failure(failure) }
        }
        let signature = root.elements.last!
        let signedInfo = signature.elements[0]
        guard let content = document.exclusiveCanonical(excluding: signature.handle),
              let canonicalSignedInfo = document.exclusiveCanonical(subtree: signedInfo.handle) else {
            return .failure(Refusal(.cannotCanonicalize))
        }
        if let failure = Policies.digestMatches(signedInfo, content) { return .failure(failure) }
        switch Policies.signatureVerifies(signature, canonicalSignedInfo, keys) {
        case .failure(let failure): return .failure(failure)
        case .success(let key):
            // Only a verified tree is worth reading; it must also be a well-formed report.
            if let problem = schema.validate(document).first {
                var failure = Refusal(
                    .notValidReport(english: problem.message, korean: Diagnostic(problem).message(.ko)), at: problem.position)
                failure.invalidReport = true
                return .failure(failure)
            }
            // The signer the report names must be the key that signed it.
            let keyID = Keys.keyID(key)
            let signer = root.element(named: "signer")
            if signer?.attribute("key-id") != keyID {
                return .failure(Refusal(
                    .signerMismatch(named: signer?.attribute("key-id"), keyID: keyID), at: signer?.location ?? root.location))
            }
            return .success(VerifiedReport(root: root, keyID: keyID))
        }
    }
}

enum Policies {
    typealias Element = CertifyXML.XMLElement

    static func isDS(_ element: Element, _ name: String) -> Bool {
        element.namespace == DSig.namespace && element.name == name
    }

    /// Descendant elements that match, in document order, without copying the tree.
    static func descendants(_ element: Element, where match: (Element) -> Bool) -> [Element] {
        var found: [Element] = []
        func walk(_ element: Element) {
            for child in element.children {
                guard case .element(let inner) = child else { continue }
                if match(inner) { found.append(inner) }
                walk(inner)
            }
        }
        walk(element)
        return found
    }

    static func rootIsAReport(_ root: Element) -> Refusal? {
        root.namespace == ReportXML.namespace && root.name == "audit-report" ? nil
            : Refusal(.notAReport(root: root.name, namespace: root.namespace ?? ""), at: root.location)
    }

    /// Signature wrapping: a second report (or report content) hidden elsewhere.
    static func oneReport(_ root: Element) -> Refusal? {
        guard let nested = descendants(root, where: { $0.name == "audit-report" }).first else { return nil }
        return Refusal(.nestedReport, at: nested.location)
    }

    static func oneSignatureAsLastChild(_ root: Element) -> Refusal? {
        let signatures = descendants(root, where: { isDS($0, "Signature") })
        guard signatures.count == 1 else {
            return Refusal(signatures.isEmpty ? .notSigned : .signatures(count: signatures.count),
                                       at: signatures.dropFirst().first?.location ?? root.location)
        }
        guard let last = root.elements.last, isDS(last, "Signature") else {
            return Refusal(.signatureNotLast, at: signatures[0].location)
        }
        return nil
    }

    /// Exactly the profile of reports.md: nothing more, nothing else.
    static func signatureShape(_ root: Element) -> Refusal? {
        let signature = root.elements.last!
        func expect(_ element: Element, children names: [String]) -> Refusal? {
            let children = element.elements
            let actual = children.map { ($0.namespace == DSig.namespace ? "" : "{\($0.namespace ?? "")}") + $0.name }
            guard actual == names else {
                return Refusal(.children(element: element.name, expected: names, found: actual),
                                           at: element.location)
            }
            return nil
        }
        func algorithm(_ element: Element, _ expected: String) -> Refusal? {
            element.attribute("Algorithm") == expected ? nil
                : Refusal(
                    .algorithm(element: element.name, given: element.attribute("Algorithm") ?? "", expected: expected),
                    at: element.location)
        }
        let hasKeyInfo = signature.elements.count >= 3
        if let failure = expect(signature, children: ["SignedInfo", "SignatureValue"] + (hasKeyInfo ? ["KeyInfo"] : [])) {
            return failure
        }
        let signedInfo = signature.elements[0]
        if let failure = expect(signedInfo, children: ["CanonicalizationMethod", "SignatureMethod", "Reference"]) { return failure }
        let (canonicalization, method, reference) = (signedInfo.elements[0], signedInfo.elements[1], signedInfo.elements[2])
        for (element, expected) in [(canonicalization, DSig.excC14N), (method, DSig.ecdsaSHA256)] {
            if let failure = expect(element, children: []) ?? algorithm(element, expected) { return failure }
        }
        guard reference.attribute("URI") == "" else {
            return Refusal(.referenceURI(given: reference.attribute("URI")), at: reference.location)
        }
        if let failure = expect(reference, children: ["Transforms", "DigestMethod", "DigestValue"]) { return failure }
        let transforms = reference.elements[0]
        if let failure = expect(transforms, children: ["Transform", "Transform"]) { return failure }
        for (transform, expected) in zip(transforms.elements, [DSig.enveloped, DSig.excC14N]) {
            if let failure = expect(transform, children: []) ?? algorithm(transform, expected) { return failure }
        }
        let digestMethod = reference.elements[1]
        if let failure = expect(digestMethod, children: []) ?? algorithm(digestMethod, DSig.sha256) { return failure }
        if hasKeyInfo {
            // KeyName is informational; anything that could carry a key is refused.
            if let failure = expect(signature.elements[2], children: ["KeyName"]) { return failure }
        }
        // Values are text only: no element (report content or otherwise) may hide in them.
        var values = [signature.elements[1], reference.elements[2]]
        if hasKeyInfo { values.append(signature.elements[2].elements[0]) }
        for value in values {
            if let failure = expect(value, children: []) { return failure }
        }
        // No attribute beyond the profile's (Algorithm, URI) and an Id.
        for element in [signature] + descendants(signature, where: { _ in true }) {
            let allowed: Set<String> = element.name == "Reference" ? ["URI", "Id"] : ["Algorithm", "Id"]
            if let stray = element.attributes.first(where: { $0.namespace != nil || !allowed.contains($0.name) }) {
                return Refusal(.strayAttribute(attribute: stray.name, element: element.name), at: element.location)
            }
        }
        return nil
    }

    static func base64(_ element: Element) -> Data? {
        // XML whitespace only (by scalar: "\r\n" would be one Character).
        let xmlWhitespace: Set<Unicode.Scalar> = [" ", "\t", "\r", "\n"]
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: element.text.unicodeScalars.filter { !xmlWhitespace.contains($0) })
        return Data(base64Encoded: String(scalars))
    }

    static func digestMatches(_ signedInfo: Element, _ content: [UInt8]) -> Refusal? {
        let digestValue = signedInfo.elements[2].elements[2]
        guard let recorded = base64(digestValue), recorded.count == 32 else {
            return Refusal(.digestNotSHA256, at: digestValue.location)
        }
        return Data(SHA256.hash(data: content)) == recorded ? nil
            : Refusal(.digestMismatch, at: digestValue.location)
    }

    static func signatureVerifies(
        _ signature: Element, _ signedInfo: [UInt8], _ keys: [P256.Signing.PublicKey]
    ) -> Result<P256.Signing.PublicKey, Refusal> {
        let value = signature.elements[1]
        guard let raw = base64(value), raw.count == 64,
              let ecdsa = try? P256.Signing.ECDSASignature(rawRepresentation: raw) else {
            return .failure(Refusal(.signatureValueShape, at: value.location))
        }
        // KeyInfo is never trusted: the signature must verify with a key we were given.
        if let key = keys.first(where: { $0.isValidSignature(ecdsa, for: signedInfo) }) { return .success(key) }
        let named = signature.elements.count == 3 ? signature.elements[2].elements[0].text.trimmingCharacters(in: .whitespacesAndNewlines) : ""
        let trusted = Set(keys.map(Keys.keyID))
        // KeyName is unsigned text: show it only if it looks like a key id.
        let shown = named.count == 64 && named.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) ? named : nil
        let why: Message.ReportRefusal = trusted.contains(named) ? .namedKeyFails : .untrustedKey(keyName: shown)
        return .failure(Refusal(why, at: value.location))
    }
}
