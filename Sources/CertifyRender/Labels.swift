import CertifyEngine
import CertifyModel
import Foundation

/// Every word the renderers show a person, in Korean and English. A
/// label is a case, so a misspelt key does not compile.
public enum Label: String, LocalizedWord {
    case dossier, applicant, applicants, rubric, date, area, points, max, status, rule, input, total, grade, certified, yes, no, validity, none, findings, threshold, pass, official, selfCheck, scored, missing, notSelected, selfAssessed, error, warning, info, mandatory, elective, evidence, reviews, report, decision, certifiedYes, certifiedNo, passVerdict, failVerdict, result, noGrade, grades, noValidity, reasons, belowThreshold, chart, chartDesc, indicators, id, indicator, inputAsGiven, pointsMax, reviewer, score, mean, panel, selfScore, droppedNote, kpi, target, achieved, attainment, direction, higher, lower, accepted, rejected, rejectedBy, kpiDecision, severity, message, noFindings, evidenceRegister, evidenceK, evidenceTitle, file, usedBy, sha256, signature, keyId, signerName, generatedAt, engine, verifyHow, verifyNote, authoritative, submitted, decisionDate, unknown, of,
        kindCity, kindCounty, kindCompany, kindLocalGovernment, kindAssociation, roleDeveloper, roleProvider, roleOperator

    /// The texts, from Catalog/Label.tsv.
    public static let wordTable = WordTable<Label>(PackageResources.Label_tsv)

    /// The label of an indicator's status.
    public init(_ status: IndicatorResult.Status) {
        switch status {
        case .scored: self = .scored
        case .missing: self = .missing
        case .notSelected: self = .notSelected
        case .selfAssessed: self = .selfAssessed
        }
    }

    /// The label of a finding's severity.
    public init(_ severity: Finding.Severity) {
        switch severity {
        case .error: self = .error
        case .warning: self = .warning
        case .info: self = .info
        }
    }

    /// The label of an applicant kind a rubric admits (`city`,
    /// `local-government`), when Certify knows the word: kinds are rubric
    /// data, so a rubric may name others.
    public init?(applicantKind kind: String) {
        switch kind {
        case "city": self = .kindCity
        case "county": self = .kindCounty
        case "company": self = .kindCompany
        case "local-government": self = .kindLocalGovernment
        case "association": self = .kindAssociation
        default: return nil
        }
    }

    /// The label of an applicant role (`developer`), when Certify knows it.
    public init?(applicantRole role: String) {
        switch role {
        case "developer": self = .roleDeveloper
        case "provider": self = .roleProvider
        case "operator": self = .roleOperator
        default: return nil
        }
    }

    /// The label of a KPI's direction.
    public init(_ direction: KPI.Direction) {
        switch direction {
        case .higher: self = .higher
        case .lower: self = .lower
        }
    }
}

/// The labels in one language.
public typealias Labels = Words<Label>

extension Words where Entry == Label {
    /// What the total is compared with: "pass mark 60", or "certified from
    /// C ≥ 60" for a graded rubric, numbers written by `number`.
    public func threshold(of result: ScoreResult, number: (Rational) -> String) -> String {
        switch result.rubric.decision {
        case .pass: "\(self[.pass]) \(number(result.threshold))"
        case .grades(_, let from): "\(self[.threshold]) \(from) ≥ \(number(result.threshold))"
        }
    }

    /// An applicant kind in this language: its label when Certify knows
    /// the word, else the rubric's token as written.
    public func applicantKind(_ kind: String) -> String {
        Label(applicantKind: kind).map { self[$0] } ?? kind
    }

    /// An applicant role in this language, likewise.
    public func applicantRole(_ role: String) -> String {
        Label(applicantRole: role).map { self[$0] } ?? role
    }
}
