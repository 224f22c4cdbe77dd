// fuzz target "review": a review sheet decoded and bound with a dossier.
// The first byte picks one of the service sample dossiers; the rest is the
// review. Each input scores with the fuzzed review alone and beside the
// dossier's own valid reviews.
import CertifyModel
import Foundation

enum ReviewFixture {
    static let folders = ["parking-pass", "bus-shelter-joint", "streetlight-near-miss", "waste-bin-fail"]
    static let sets: [(Dossier, [Review])] = folders.map { folder in
        let directory = Harness.root.appendingPathComponent("Samples/service/\(folder)")
        func load(_ name: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)!) }
        let dossier = try! Dossier.decode(try! Harness.document(load("dossier.xml"), Harness.schemas.dossier).root)
        let names = try! FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("review-") }.sorted()
        let reviews = names.map { try! Review.decode(try! Harness.document(load($0), Harness.schemas.review).root) }
        return (dossier, reviews)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReview(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let (dossier, others) = ReviewFixture.sets[Int(data[0]) % ReviewFixture.sets.count]
    let bytes = Harness.bytes(data + 1, size - 1)
    do throws(CertifyError) {
        var review = try Review.decode(try Harness.document(bytes, Harness.schemas.review).root)
        review.file = "fuzzed-review.xml"
        Harness.scoreAndRender(dossier, reviews: [review])
        Harness.scoreAndRender(dossier, reviews: Array(others.dropFirst()) + [review])
    } catch {
        for diagnostic in error.diagnostics { Harness.consume(diagnostic.rendered.utf8.count) }
    }
    return 0
}
