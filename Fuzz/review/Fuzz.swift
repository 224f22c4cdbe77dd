// fuzz target "review": a review sheet decoded and bound with a dossier.
// The first byte picks one of the service sample dossiers; the rest is the
// review. Each input is scored with the fuzzed review alone and beside the
// sample's other (valid) reviews.
import CertifyRuntime
import Foundation

enum ReviewFixture {
    static let folders = ["parking-pass", "bus-shelter-joint", "streetlight-near-miss", "waste-bin-fail"]
    static let sets: [(InputSource, [InputSource])] = folders.map { folder in
        let directory = "Samples/service/\(folder)/"
        let names = try! FileManager.default.contentsOfDirectory(atPath: Harness.root.appendingPathComponent(directory).path)
            .filter { $0.hasPrefix("review-") }.sorted()
        return (.bytes(Harness.file(directory + "dossier.xml"), name: directory + "dossier.xml"),
                names.map { .bytes(Harness.file(directory + $0), name: directory + $0) })
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReview(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let (dossier, others) = ReviewFixture.sets[Int(data[0]) % ReviewFixture.sets.count]
    let review = InputSource.bytes(Harness.bytes(data + 1, size - 1), name: "fuzz-review.xml")
    Harness.bindScoreAndRender(Harness.certifier, dossier: dossier, reviews: [review])
    Harness.bindScoreAndRender(Harness.certifier, dossier: dossier, reviews: Array(others.dropFirst()) + [review])
    return 0
}
