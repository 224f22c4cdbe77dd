// fuzz target "review": a review sheet decoded and bound with a dossier.
// The first byte picks one of the service sample dossiers; the rest is the
// review. Each input is scored with the fuzzed review alone and beside the
// sample's other (valid) reviews. The sample dossiers and their reviews are
// loaded once (they are not what is fuzzed); the fuzzed review goes through
// everything a review file does: safe parser, schema, decoder, binder,
// scorer and renderers.
import CertifyEngine
import CertifyModel
import CertifyRuntime
import Foundation

struct ReviewFixture {
    static let folders = ["parking-pass", "bus-shelter-joint", "streetlight-near-miss", "waste-bin-fail"]
    let dossier: Dossier
    let rubric: Rubric
    let others: [Review]

    static let sets: [ReviewFixture] = folders.map { folder in
        let directory = "Samples/service/\(folder)/"
        let names = try! FileManager.default.contentsOfDirectory(atPath: Harness.root.appendingPathComponent(directory).path)
            .filter { $0.hasPrefix("review-") }.sorted()
        let certifier = Harness.certifier
        let (dossier, _) = try! certifier.loadDossier(.bytes(Harness.file(directory + "dossier.xml"), name: directory + "dossier.xml"))
        return ReviewFixture(
            dossier: dossier, rubric: try! certifier.catalog.rubric(for: dossier),
            others: names.map { try! certifier.loadReview(.bytes(Harness.file(directory + $0), name: directory + $0)) })
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReview(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let fixture = ReviewFixture.sets[Int(data[0]) % ReviewFixture.sets.count]
    let source = InputSource.bytes(Harness.bytes(data + 1, size - 1), name: "fuzz-review.xml")
    do throws(CertifyError) {
        let review = try Harness.certifier.loadReview(source)
        for reviews in [[review], Array(fixture.others.dropFirst()) + [review]] {
            Harness.bindScoreAndRender(fixture.dossier, reviews: reviews, rubric: fixture.rubric)
        }
    } catch {
        Harness.rendered(error)
    }
    return 0
}
