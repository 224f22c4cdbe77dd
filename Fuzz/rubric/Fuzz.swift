// fuzz target "rubric": the rubric schema, the rubric decoder and its
// checks; a rubric that passes them scores a dossier with no values and one
// with a value for every indicator, and is rendered to JSON.
import CertifyEngine
import CertifyModel
import CertifyRuntime
import CertifyXML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRubric(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = InputSource.bytes(Harness.bytes(data, size), name: "fuzz-rubric.xml")
    do throws(CertifyError) {
        // The catalog's loading path: parse, schema, decode and check.
        let catalog = try RubricCatalog([source], schemas: Harness.schemas)
        let certifier = Certifier(catalog: catalog, schemas: Harness.schemas)
        for dossier in dossiers(for: catalog.entries[0].rubric) {
            Harness.bindScoreAndRender(certifier, dossier: .bytes(Array(dossier.utf8), name: "dossier.xml"), reviews: [])
        }
    } catch {
        Harness.rendered(error)
    }
    return 0
}

/// An empty dossier, and one giving each indicator a plausible value,
/// as XML, read back the way any dossier is.
func dossiers(for rubric: Rubric) -> [String] {
    func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
    let role = rubric.applicantRoles.first.map { " role=\"\(escaped($0))\"" } ?? ""
    let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <dossier xmlns="urn:certify:dossier:1" id="FUZZ-1" rubric="\(escaped(rubric.id))" rubric-version="\(escaped(rubric.version))">
        <applicant id="A1" kind="\(escaped(rubric.applicantKinds.first ?? "x"))"\(role)><name xml:lang="ko">신청인</name></applicant>
        <submitted>2026-03-02</submitted>
        """
    var body: [String] = []
    for indicator in rubric.indicators {
        let id = escaped(indicator.id)
        switch indicator.method {
        case .bands(let bands):
            body.append("<value indicator=\"\(id)\">\((bands.last?.min ?? .zero).formatted(places: 10))</value>")
        case .linear(let lo, let hi):
            body.append("<value indicator=\"\(id)\">\(((lo + hi) / Rational(2)).rounded(places: 2).formatted(places: 10))</value>")
        case .choices(let choices):
            body.append("<value indicator=\"\(id)\">\(escaped(choices.first?.value ?? ""))</value>")
        case .yesNo:
            body.append("<value indicator=\"\(id)\">true</value>")
        case .recognisedCount(let recognised, _), .recognisedEach(let recognised, _):
            body.append("<value indicator=\"\(id)\">" + recognised.map { "<item>\(escaped($0))</item>" }.joined() + "</value>")
        case .kpiAttainment:
            body.append("<kpi indicator=\"\(id)\" id=\"K1\" direction=\"higher\" target=\"10\" achieved=\"9\">goal</kpi>")
        case .judgment:
            if let panel = rubric.panel { body.append("<judgment indicator=\"\(id)\" score=\"\(panel.maxScore)\"/>") }
        }
        if indicator.electiveGroup != nil { body.append("<elective indicator=\"\(id)\"/>") }
    }
    return [head + "</dossier>", head + body.joined(separator: "\n") + "</dossier>"]
}
