import CertifyCohort
import CertifyTestSupport
import Testing

/// The cohort and compare outputs' words, in both languages.
@Suite struct CohortCatalogTests {
    @Test func everyLabelHasBothLanguages() {
        #expect(catalogProblems(CohortLabel.self, sameInBoth: ["q1", "q3"]) == [])
    }
}
