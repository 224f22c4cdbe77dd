// fuzz target "dossier": the safe parser, the dossier schema, the dossier
// decoder, the binder and the scorer, then every renderer; on bytes.
import CertifyModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDossier(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Harness.bytes(data, size)
    do throws(CertifyError) {
        let document = try Harness.document(bytes, Harness.schemas.dossier)
        let dossier = try Dossier.decode(document.root)
        Harness.scoreAndRender(dossier, reviews: [])
    } catch {
        for diagnostic in error.diagnostics { Harness.consume(diagnostic.rendered.utf8.count) }
    }
    return 0
}
