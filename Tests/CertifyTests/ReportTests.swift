import CertifyEngine
import CertifyModel
import CertifyReport
import CertifyTestSupport
import Crypto
import Foundation
import Testing

/// Signing and the refusals of reports.md, in-process. Each refusal test
/// asserts the specific reason, so it fails if that check is removed (the
/// signature or digest check would then refuse with another reason, or not at all).
@Suite struct ReportSigningTests {
    static let key = P256.Signing.PrivateKey()
    static let other = P256.Signing.PrivateKey()

    static let signed: String = {
        let result = try! score(String(contentsOfFile: Paths.sample("city/hansol-grade-a.xml"), encoding: .utf8))
        let bytes = try! ReportSigner(key: key, name: "Reviewer Kim").report(for: result, engineVersion: "test")
        return String(decoding: bytes, as: UTF8.self)
    }()

    /// The library refuses a signer name XML cannot hold (the CLI's check is
    /// the same rule): no report, signed or a template, is written with it.
    @Test func aSignerNameXMLCannotHoldIsRefused() throws {
        let result = try score(String(contentsOfFile: Paths.sample("city/hansol-grade-a.xml"), encoding: .utf8))
        for name in ["bad\u{1}name", "tab\tok\u{FFFE}", "\u{7}"] {
            #expect(!SignerInfo.isValidName(name))
            let error = #expect(throws: CertifyError.self) {
                try ReportSigner(key: Self.key, name: name).report(for: result, engineVersion: "test")
            }
            #expect(error?.diagnostics.first?.message.contains("XML cannot hold") == true)
            #expect(throws: CertifyError.self) {
                try ReportSigner.template(for: result, engineVersion: "test", signer: SignerInfo(keyID: "00", name: name))
            }
        }
        #expect(SignerInfo.isValidName("검토자 Kim\t(2026)\n"))
    }

    func verify(_ text: String, keys: [P256.Signing.PublicKey] = [key.publicKey]) -> Result<VerifiedReport, CertifyError> {
        Result { () throws(CertifyError) in
            try ReportVerifier.verify(Array(text.utf8), trusting: keys, schema: try! CertifyRuntimeSchemas.report())
        }
    }

    func refusal(_ text: String, keys: [P256.Signing.PublicKey] = [key.publicKey]) -> String {
        switch verify(text, keys: keys) {
        case .success: return "VERIFIED"
        case .failure(let error): return error.diagnostics.map(\.message).joined(separator: "\n")
        }
    }

    func edit(_ old: String, _ new: String) -> String {
        precondition(Self.signed.contains(old), "fixture lacks \(old)")
        return Self.signed.replacingOccurrences(of: old, with: new)
    }

    @Test func signedReportVerifiesAndIsReadFromTheVerifiedTree() throws {
        let verified = try verify(Self.signed).get()
        #expect(verified.keyID == Keys.keyID(Self.key.publicKey))
        let summary = ReportSummary(verified.root)
        #expect(summary.total == "87.4" && summary.grade == "A" && summary.certified)
        #expect(summary.validUntil?.description == "2028-03-01")
        #expect(summary.signerName == "Reviewer Kim")
        #expect(summary.indicators.count == 16)
        #expect(Self.signed.contains(#"<ds:Reference URI="">"#))
    }

    /// A KPI with all the decimals a dossier may give (10) is carried into
    /// the report exactly, and the report verifies.
    @Test func kpiDecimalsAreKeptInFull() throws {
        let dossier = try String(contentsOfFile: Paths.sample("service/parking-pass/dossier.xml"), encoding: .utf8)
            .replacingOccurrences(of: #"target="95" achieved="97""#, with: #"target="95.0000000001" achieved="96.9999999999""#)
        let result = try score(dossier)
        let kpi = try #require(result.indicator("PER-3").kpis.first)
        #expect(kpi.achieved.formatted(places: 12) == "96.9999999999")
        #expect(result.indicator("PER-3").input?.text(.en).contains("K1 higher: 96.9999999999 % of 95.0000000001 %") == true)
        let bytes = try ReportSigner(key: Self.key, name: nil).report(for: result, engineVersion: "test")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"target="95.0000000001" achieved="96.9999999999""#))
        #expect(refusal(text) == "VERIFIED")
    }

    @Test func signatureValueMayBeWrappedAsXmlsecWritesIt() {
        let value = Self.signed.firstMatch(of: /<ds:SignatureValue>([^<]+)<\/ds:SignatureValue>/)!.1
        let wrapped = String(value.prefix(40)) + "\n" + String(value.dropFirst(40))
        #expect(refusal(edit(String(value), wrapped)) == "VERIFIED")
    }

    @Test func anyChangeToSignedContentIsRefused() {
        #expect(refusal(edit(#"total="87.4""#, #"total="97.4""#)).contains("does not match its signed digest"))
        #expect(refusal(edit("Hansol City", "Hansol Town")).contains("does not match its signed digest"))
    }

    @Test func aRecomputedDigestDoesNotHelpWithoutTheKey() throws {
        // The attacker changes the content and fixes the digest: SignedInfo changed.
        let tampered = edit(#"total="87.4""#, #"total="97.4""#)
        let document = try CertifyXMLTestSupport.canonicalDigest(tampered)
        let forged = tampered.replacingOccurrences(
            of: tampered.firstMatch(of: /<ds:DigestValue>[^<]+<\/ds:DigestValue>/)!.0,
            with: "<ds:DigestValue>\(document)</ds:DigestValue>")
        #expect(refusal(forged).contains("does not verify with the trusted key named in KeyInfo"))
    }

    @Test func aKeyThatIsNotTrustedIsRefusedWhateverKeyInfoSays() {
        #expect(refusal(Self.signed, keys: [Self.other.publicKey]).contains("does not verify with any trusted key"))
        let claimsOther = edit(Keys.keyID(Self.key.publicKey) + "</ds:KeyName>", Keys.keyID(Self.other.publicKey) + "</ds:KeyName>")
        #expect(refusal(claimsOther, keys: [Self.other.publicKey]).contains("does not verify with the trusted key named in KeyInfo"))
    }

    @Test func aSecondSignatureIsRefused() {
        let block = Self.signed.firstMatch(of: /<ds:Signature[\s\S]*<\/ds:Signature>/)!.0
        #expect(refusal(edit("  <signer", block + "\n  <signer")).contains("holds 2 signatures"))
    }

    @Test func aSignatureThatIsNotTheLastChildIsRefused() {
        #expect(refusal(edit("</ds:Signature>", "</ds:Signature>\n  <finding severity=\"info\">late</finding>"))
            .contains("must be the last child"))
    }

    @Test func aReferenceOtherThanTheWholeDocumentIsRefused() {
        #expect(refusal(edit(#"<ds:Reference URI="">"#, ##"<ds:Reference URI="#decision">"##)).contains("Reference URI must be"))
        #expect(refusal(edit(#"<ds:Reference URI="">"#, #"<ds:Reference>"#)).contains("Reference URI must be"))
    }

    @Test func extraOrOtherTransformsAreRefused() {
        let xpath = #"<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>1</ds:XPath></ds:Transform>"#
        #expect(refusal(edit("</ds:Transforms>", xpath + "</ds:Transforms>")).contains("must hold exactly Transform, Transform"))
        let inclusive = #"<ds:Transform Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>"#
        #expect(refusal(edit(#"<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>"#, inclusive)).contains("is not allowed"))
        let prefixes = #"<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"><ec:InclusiveNamespaces xmlns:ec="http://www.w3.org/2001/10/xml-exc-c14n#" PrefixList="ds"/></ds:Transform>"#
        #expect(refusal(edit(#"<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>"#, prefixes)).contains("must hold exactly nothing"))
    }

    @Test(arguments: [
        ("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "http://www.w3.org/2000/09/xmldsig#rsa-sha1"),
        ("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "http://www.w3.org/2000/09/xmldsig#hmac-sha1"),
        ("http://www.w3.org/2001/04/xmlenc#sha256", "http://www.w3.org/2000/09/xmldsig#sha1"),
        ("<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"", "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#WithComments\""),
    ])
    func otherAlgorithmsAreRefused(old: String, new: String) {
        #expect(refusal(edit(old, new)).contains("is not allowed"))
    }

    @Test func contentMovedOrDuplicatedIntoAnObjectIsRefused() {
        let decision = Self.signed.firstMatch(of: /<decision [^>]+\/>/)!.0
        let object = "<ds:Object>\(decision)</ds:Object></ds:Signature>"
        #expect(refusal(edit("</ds:Signature>", object)).contains("must hold exactly SignedInfo, SignatureValue, KeyInfo"))
        let moved = edit(String(decision), "").replacingOccurrences(of: "</ds:Signature>", with: object)
        #expect(refusal(moved).contains("must hold exactly SignedInfo, SignatureValue, KeyInfo"))
    }

    @Test func contentHiddenInsideSignatureValuesIsRefused() {
        let decision = #"<decision xmlns="urn:certify:report:1" date="2026-03-02" official="true" total="100" max="100" threshold="60" grade="A" certified="true"/>"#
        let value = Self.signed.firstMatch(of: /<ds:SignatureValue>([^<]+)<\/ds:SignatureValue>/)!.1
        #expect(refusal(edit(String(value), String(value.prefix(10)) + decision + String(value.dropFirst(10))))
            .contains("<ds:SignatureValue> must hold exactly nothing"))
        #expect(refusal(edit("</ds:KeyName>", decision + "</ds:KeyName>")).contains("<ds:KeyName> must hold exactly nothing"))
        #expect(refusal(edit("<ds:Signature ", #"<ds:Signature xml:base="http://example.invalid/" "#)).contains("attribute 'base' is not allowed"))
        #expect(refusal(edit("<ds:KeyInfo>", #"<ds:KeyInfo Evil="1">"#)).contains("attribute 'Evil' is not allowed"))
    }

    @Test func onlyXMLWhitespaceMayWrapBase64() {
        let value = Self.signed.firstMatch(of: /<ds:SignatureValue>([^<]+)<\/ds:SignatureValue>/)!.1
        let nbsp = String(value.prefix(20)) + "\u{00A0}" + String(value.dropFirst(20))
        #expect(refusal(edit(String(value), nbsp)).contains("not a 64-byte raw"))
    }

    @Test func twoReportsAreRefused() {
        let nested = "<audit-report format=\"1\"/></signer>"
        #expect(refusal(edit(#"<name>Reviewer Kim</name>"#, "<name>Reviewer Kim</name>" + nested.dropLast(9))).contains("second <audit-report>"))
    }

    @Test func doctypeAndEntitiesAreRefused() {
        let withDoctype = edit("<audit-report ", "<!DOCTYPE audit-report [<!ENTITY grade \"A\">]>\n<audit-report ")
        #expect(refusal(withDoctype).contains("DOCTYPE is not allowed"))
        if case .failure(let error) = verify(withDoctype) { #expect(error.code == .signatureInvalid) }
        #expect(refusal(edit(#"grade="A""#, #"grade="&grade;""#)).contains("grade"))
    }
}

/// Small bridges to the lower layers for the tests above.
enum CertifyRuntimeSchemas {
    static func report() throws -> CertifyXML.XMLSchema { try CertifyRuntime.Schemas.shipped().report }
}

import CertifyRuntime
import CertifyXML

enum CertifyXMLTestSupport {
    /// base64 SHA-256 of the enveloped, exclusively canonicalized document.
    static func canonicalDigest(_ text: String) throws -> String {
        let document = try SafeXMLParser.parse(Array(text.utf8))
        let signature = document.root.elements.last!
        let bytes = document.exclusiveCanonical(excluding: signature.handle)!
        return Data(SHA256.hash(data: bytes)).base64EncodedString()
    }
}
