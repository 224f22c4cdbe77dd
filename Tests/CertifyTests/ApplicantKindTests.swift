import CertifyEngine
import CertifyModel
import CertifyTestSupport
import Foundation
import Testing

/// Applicant kinds and roles come from the rubric's `<applicants>` list: the
/// dossier schema takes any token, and the binder checks it against the
/// rubric with a located message. A fictional rubric for universities
/// (Fixtures/rubrics/university-lab.xml) works without a schema change.
@Suite struct ApplicantKindTests {
    func lab(_ applicants: String, projects: String = "4") -> String {
        dossierXML(id: "LAB-1", rubric: "xx-university-lab", version: "2.1", applicants: applicants,
                   #"<value indicator="L-PROJECTS">\#(projects)</value>"#)
    }

    func applicant(_ id: String, kind: String, role: String? = nil) -> String {
        let role = role.map { #" role="\#($0)""# } ?? ""
        return #"<applicant id="\#(id)" kind="\#(kind)"\#(role)><name xml:lang="en">\#(id)</name></applicant>"#
    }

    @Test func kindsAndRolesTheSchemaNeverNamedAreAdmittedByTheirRubric() throws {
        let joint = applicant("U1", kind: "university", role: "host") + applicant("R1", kind: "research-institute", role: "partner")
        let result = try score(lab(joint), with: Shared.fictional)
        #expect(result.total == dec("50"))
        #expect(result.certified)
        // The shipped dossier schema knows none of these words.
        let schema = try String(contentsOf: Paths.rubrics.appendingPathComponent("schema/dossier.xsd"), encoding: .utf8)
        for word in ["university", "research-institute", "host", "partner", "city", "company", "developer"] {
            #expect(!schema.contains("\"\(word)\""), "dossier.xsd names \(word)")
        }
    }

    @Test func aKindTheRubricDoesNotListIsRefusedWhereItIsWritten() {
        let found = problems(lab(applicant("KR-X", kind: "city")), with: Shared.fictional)
        #expect(found == ["3:3: applicant 'KR-X': kind 'city' cannot apply for xx-university-lab; admitted kinds: university, research-institute"])
        // And the other way round: a university cannot apply for a shipped rubric.
        let city = dossierXML(applicants: applicant("U1", kind: "university"), #"<value indicator="INN-1">3</value>"#)
        #expect(problems(city).contains("3:3: applicant 'U1': kind 'university' cannot apply for kr-smart-city; admitted kinds: city, county"))
    }

    @Test func aRoleTheRubricDoesNotListIsRefusedWhereItIsWritten() {
        let found = problems(lab(applicant("U1", kind: "university", role: "developer")), with: Shared.fictional)
        #expect(found == ["3:3: applicant 'U1': role 'developer' is not admitted; admitted roles: host, partner"])
        // A rubric that lists no roles takes none.
        let campus = dossierXML(id: "GREEN-1", rubric: "xx-green-campus", version: "0.9",
                                applicants: applicant("G1", kind: "association", role: "host"),
                                #"<value indicator="E-SOLAR">500</value>"#)
        #expect(problems(campus, with: Shared.fictional)
            == ["3:3: applicant 'G1': role 'host' is not admitted; this rubric takes no roles"])
    }

    @Test func aKindMustStillBeAWellFormedToken() {
        // The schema still refuses what is not a token (double space, empty).
        let spaced = problems(lab(applicant("U1", kind: "uni  versity")), with: Shared.fictional)
        #expect(spaced.count == 1 && spaced[0].hasPrefix("3:"), "\(spaced)")
        let empty = problems(lab(applicant("U1", kind: "")), with: Shared.fictional)
        #expect(empty.count == 1 && empty[0].hasPrefix("3:"), "\(empty)")
    }
}
