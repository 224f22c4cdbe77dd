import CertifyEngine
import CertifyModel
import CertifyRender
import CertifyRuntime

/// `certify report`'s pipeline, callable in-process: score a dossier, sign
/// the report (or write the template another tool signs), and render its
/// HTML page. It returns bytes; where they go is the caller's business.
public struct ReportBuilder: Sendable {
    /// How reports are signed.
    public enum Signing: Sendable {
        /// Signed with this key.
        case key(ReportSigner)
        /// An empty signature template for `xmlsec1 --sign`, naming this signer.
        case template(SignerInfo)
    }

    /// One dossier's report, and its HTML page if asked for.
    public struct Built: Sendable {
        public var result: ScoreResult
        public var report: [UInt8]
        public var html: [UInt8]?
    }

    public let certifier: Certifier
    public let signing: Signing
    public let engineVersion: String
    /// One timestamp for every report of a run (RFC 3339, UTC).
    public let generatedAt: String

    public init(certifier: Certifier, signing: Signing, engineVersion: String = CertifyVersion.string,
                generatedAt: String = ReportSigner.timestamp()) {
        self.certifier = certifier
        self.signing = signing
        self.engineVersion = engineVersion
        self.generatedAt = generatedAt
    }

    /// Who the reports name as signer.
    public var signer: SignerInfo {
        switch signing {
        case .key(let signer): signer.signer
        case .template(let info): info
        }
    }

    /// Scores, signs and (with `html`) renders one dossier.
    /// - Parameter html: the page's language and the file name of the
    ///   report it describes (shown in its verification command).
    public func build(
        dossier: InputSource, reviews: [InputSource], options: ScoringOptions,
        html: (language: Language, reportFileName: String)? = nil
    ) throws(CertifyError) -> Built {
        let result = try certifier.score(dossier: dossier, reviews: reviews, options: options)
        let report: [UInt8] = switch signing {
        case .key(let signer): try signer.report(for: result, engineVersion: engineVersion, generatedAt: generatedAt)
        case .template(let info):
            try ReportSigner.template(for: result, engineVersion: engineVersion, signer: info, generatedAt: generatedAt)
        }
        let page = html.map { html in
            let context = ReportContext(engineVersion: engineVersion, generatedAt: generatedAt, signer: signer)
            return Array(HTMLRenderer.render(result, context: context, language: html.language,
                                             reportFileName: html.reportFileName).utf8)
        }
        return Built(result: result, report: report, html: page)
    }
}
