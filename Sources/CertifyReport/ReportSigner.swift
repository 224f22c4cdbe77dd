import CertifyEngine
import CertifyModel
import CertifyXML
import Crypto
import Foundation

/// Signs audit reports: enveloped XML-DSig, exclusive C14N, SHA-256,
/// ECDSA P-256 with the signature value as raw r‖s.
public struct ReportSigner: Sendable {
    public let key: P256.Signing.PrivateKey
    public let signer: SignerInfo

    public init(key: P256.Signing.PrivateKey, name: String?) {
        self.key = key
        self.signer = SignerInfo(keyID: Keys.keyID(key.publicKey), name: name)
    }

    /// The signed report for a score, as UTF-8 XML.
    public func report(for result: ScoreResult, engineVersion: String, generatedAt: String = ReportSigner.timestamp()) throws(CertifyError) -> [UInt8] {
        try sign(template: try ReportSigner.template(for: result, engineVersion: engineVersion, signer: signer, generatedAt: generatedAt))
    }

    /// The report with an empty signature template (empty DigestValue and
    /// SignatureValue), for signing with another tool such as `xmlsec1 --sign`.
    /// A signer name XML cannot hold is refused (`SignerInfo.isValidName`).
    public static func template(
        for result: ScoreResult, engineVersion: String, signer: SignerInfo, generatedAt: String = ReportSigner.timestamp()
    ) throws(CertifyError) -> [UInt8] {
        let context = ReportContext(engineVersion: engineVersion, generatedAt: generatedAt, signer: try signer.checked())
        var xml = ReportXML.unsigned(result, context: context)
        xml.raw(DSig.template(keyName: signer.keyID))
        xml.raw("\n</audit-report>\n")
        return xml.bytes()
    }

    /// Fills the digest and signature of a report holding our template.
    func sign(template: [UInt8]) throws(CertifyError) -> [UInt8] {
        let document: XMLDocument
        do { document = try SafeXMLParser.parse(template) } catch {
            throw CertifyError(.configuration, error.problems.map { Diagnostic($0, file: "(report)") })
        }
        guard let signature = document.root.firstElement(last: true), signature.isNamed("Signature", in: DSig.namespace),
              let signedInfo = signature.firstElement(), signedInfo.isNamed("SignedInfo", in: DSig.namespace),
              let content = document.exclusiveCanonical(excluding: signature.handle),
              let canonicalSignedInfo = document.exclusiveCanonical(subtree: signedInfo.handle)
        else { throw CertifyError(.configuration, .installation(.cannotCanonicalize)) }

        let digest = Data(SHA256.hash(data: content)).base64EncodedString()
        let filledDigest = "<ds:DigestValue>\(digest)</ds:DigestValue>"
        let signedInfoBytes = replace(DSig.digestPlaceholder, with: filledDigest, in: canonicalSignedInfo)
        let signatureValue: String
        do {
            signatureValue = try key.signature(for: signedInfoBytes).rawRepresentation.base64EncodedString()
        } catch { throw CertifyError(.configuration, .installation(.signingFailed)) }
        var output = replace(DSig.digestPlaceholder, with: filledDigest, in: template)
        output = replace(DSig.signaturePlaceholder, with: "<ds:SignatureValue>\(signatureValue)</ds:SignatureValue>", in: output)
        return output
    }

    private func replace(_ placeholder: String, with value: String, in bytes: [UInt8]) -> [UInt8] {
        // The placeholders are in the signature, at the end: search backwards.
        let needle = Array(placeholder.utf8)
        guard needle.count <= bytes.count, let start = (0...(bytes.count - needle.count)).reversed().first(where: { index in
            bytes[index] == needle[0] && bytes[index + 1] == needle[1] && bytes[index..<index + needle.count].elementsEqual(needle)
        }) else { return bytes }
        var out = bytes
        out.replaceSubrange(start..<start + needle.count, with: Array(value.utf8))
        return out
    }

    /// `generated-at`: UTC, RFC 3339, to the second. A batch computes it once.
    public static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
