import CertifyEngine
import CertifyModel
import CertifyRuntime
import CertifyXML

/// An uploaded file: its bytes and the name used in located messages (the
/// part's file name, else the part's name). Never written to disk.
struct Upload: Sendable {
    var name: String
    var bytes: [UInt8]
}

/// Everything the server does with uploaded XML goes through here: the same
/// safe parser, schemas, decoders, binder and scorer as the CLI, fed from
/// memory.
///
/// SWITCH POINT: the lead is adding `InputSource` (bytes + display name) to
/// `Certifier` on main. When it lands, `document(_:expected:)`,
/// `dossier(_:)` and `review(_:)` become thin calls to `Certifier`; nothing
/// else in this target reads or parses an upload.
struct Inputs: Sendable {
    let certifier: Certifier

    enum Kind: String, Sendable { case dossier, review }

    /// Parses `upload` safely and checks it against the schema of `kind`.
    func document(_ upload: Upload, expected kind: Kind) throws(CertifyError) -> (XMLDocument, String) {
        let limit = XMLLimits.default.maxBytes
        if upload.bytes.count > limit {
            throw CertifyError(.invalidInput, "file is larger than \(limit) bytes", file: upload.name)
        }
        let document: XMLDocument
        do { document = try SafeXMLParser.parse(upload.bytes) } catch {
            throw CertifyError(.invalidInput, error.problems.map { Diagnostic($0, file: upload.name) })
        }
        let root = document.root
        let namespace = kind == .dossier ? CertifyNamespace.dossier : CertifyNamespace.review
        guard root.name == kind.rawValue, root.namespace == namespace else {
            throw CertifyError(.invalidInput, [Diagnostic(
                "root element <\(root.name)> in namespace '\(root.namespace ?? "")' is not a \(kind.rawValue)",
                at: root.location, file: upload.name)])
        }
        let schema = kind == .dossier ? certifier.schemas.dossier : certifier.schemas.review
        let problems = schema.validate(document)
        if !problems.isEmpty {
            throw CertifyError(.invalidInput, problems.map { Diagnostic($0, file: upload.name) })
        }
        return (document, InputFile.sha256(upload.bytes))
    }

    func dossier(_ upload: Upload) throws(CertifyError) -> Dossier {
        let (document, sha256) = try document(upload, expected: .dossier)
        do {
            var dossier = try Dossier.decode(document.root)
            dossier.sha256 = sha256
            return dossier
        } catch { throw Inputs.located(error, upload.name) }
    }

    func review(_ upload: Upload) throws(CertifyError) -> Review {
        let (document, sha256) = try document(upload, expected: .review)
        do {
            var review = try Review.decode(document.root)
            review.file = upload.name
            review.sha256 = sha256
            return review
        } catch { throw Inputs.located(error, upload.name) }
    }

    /// A dossier and its reviews bound to the rubric the dossier names: the
    /// same steps, in the same order, as `Certifier.bind`.
    func bind(dossier upload: Upload, reviews: [Upload]) throws(CertifyError) -> (Submission, Rubric) {
        let dossier = try self.dossier(upload)
        var loaded: [Review] = []
        var diagnostics: [Diagnostic] = []
        for review in reviews {
            do { loaded.append(try self.review(review)) } catch { diagnostics += error.diagnostics }
        }
        guard diagnostics.isEmpty else { throw CertifyError(.invalidInput, diagnostics) }
        do {
            let rubric = try certifier.catalog.rubric(for: dossier)
            return (try Binder.bind(dossier, reviews: loaded, to: rubric), rubric)
        } catch { throw Inputs.located(error, upload.name) }
    }

    func score(dossier: Upload, reviews: [Upload], options: ScoringOptions) throws(CertifyError) -> ScoreResult {
        let (submission, rubric) = try bind(dossier: dossier, reviews: reviews)
        return Scorer.score(submission, rubric: rubric, options: options)
    }

    /// A dossier checked as `certify validate` checks it.
    func validate(dossier upload: Upload) throws(CertifyError) -> Dossier {
        let dossier = try self.dossier(upload)
        do {
            let rubric = try certifier.catalog.rubric(for: dossier)
            _ = try Binder.bind(dossier, reviews: [], to: rubric)
            return dossier
        } catch { throw Inputs.located(error, upload.name) }
    }

    static func located(_ error: CertifyError, _ name: String) -> CertifyError {
        var copy = error
        copy.diagnostics = error.diagnostics.map { $0.file == nil ? $0.inFile(name) : $0 }
        return copy
    }
}
