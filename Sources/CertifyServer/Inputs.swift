import CertifyEngine
import CertifyModel
import CertifyPlanner
import CertifyRuntime

/// An uploaded file: its bytes and the name used in located messages (the
/// part's file name, else the part's name). Never written to disk.
struct Upload: Sendable {
    var name: String
    var bytes: [UInt8]

    var source: InputSource { .bytes(bytes, name: name) }
}

/// Everything the server does with uploaded XML goes through here, and
/// from here through `Certifier` with in-memory sources: the same safe
/// parser, schemas, decoders, binder and scorer as the CLI.
struct Inputs: Sendable {
    let certifier: Certifier

    func dossier(_ upload: Upload) throws(CertifyError) -> Dossier {
        try certifier.loadDossier(upload.source).0
    }

    func score(dossier: Upload, reviews: [Upload], options: ScoringOptions) throws(CertifyError) -> ScoreResult {
        try certifier.score(dossier: dossier.source, reviews: reviews.map(\.source), options: options)
    }

    /// `certify plan`: the same binder and planner as the CLI.
    func plan(dossier: Upload, reviews: [Upload], options: ScoringOptions, planning: PlanOptions) throws(CertifyError) -> PlanReport {
        let (submission, rubric) = try certifier.bind(dossier: dossier.source, reviews: reviews.map(\.source))
        return try Planner.plan(
            submission: submission, rubric: rubric, options: options, goals: planning.goals,
            maxPlans: planning.plans, judgments: planning.judgments)
    }

    /// Any Certify document checked as `certify validate` checks it (a
    /// dossier against its rubric, a review's scores against the panel).
    func validate(_ upload: Upload) throws(CertifyError) {
        _ = try certifier.validate(upload.source)
    }
}
