// fuzz target "dossier": the safe parser, the dossier schema, the dossier
// decoder, the rubric lookup, the binder and the scorer, then every
// renderer; on bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDossier(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Harness.bindScoreAndRender(Harness.certifier, dossier: .bytes(Harness.bytes(data, size), name: "fuzz-dossier.xml"), reviews: [])
    return 0
}
