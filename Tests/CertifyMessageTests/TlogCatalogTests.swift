import CertifyModel
import CertifyTestSupport
import Testing

/// The log's, the monitor's and the witnesses' messages (`TlogMessage`):
/// every case from its table line (or its code), in both languages.
@Suite struct TlogCatalogTests {
    /// Every case at least once, with values that exercise the texts: empty
    /// and non-empty strings, a value holding `%2`, zero and large numbers.
    static let samples: [Message.TlogMessage] = [
        .entryTooLong(index: 3, bytes: 70000), .entryTooLong(index: 0, bytes: 65536),
        .tileDiffers(path: "out/tile/0/000"), .tileDiffers(path: "%2"), .logKeyBad,
        .fetchFailed(path: "checkpoint", reason: "HTTP 404"), .fetchFailed(path: "tile/0/x001/002", reason: ""),
        .checkpointNotSigned(key: "log+1+AA"), .checkpointMalformed,
        .originDiffers(expected: "a.example/log", found: "b.example/log"), .logShrank(seen: 9, now: 3),
        .fork(size: 3, seenRoot: "AA", root: "BB"), .notConsistent(seen: 3, now: 9),
        .tileLength(path: "tile/0/000", bytes: 31, expected: 32), .tilesNotRoot(size: 9), .tileNotParent(path: "tile/0/000"),
        .bundleMalformed(path: "tile/entries/000"), .entryNotLeaf(index: 2), .entryNotEvent(index: 2, reason: "bad type"),
        .eventOutOfPlace(index: 2, certificate: "C-1"), .stateUnreadable(path: "state"),
        .tilesWritten(directory: "www/log", size: 9, written: 3, kept: 2), .tilesWritten(directory: "d", size: 0, written: 0, kept: 0),
        .monitorNew(from: 3, last: 8, size: 9), .monitorNew(from: 0, last: 0, size: 1), .monitorNew(from: 255, last: 999, size: 1000),
        .monitorUnchanged(size: 9), .monitorUnchanged(size: 0),
        .monitorIssued(index: 3, certificate: "C-1", applicant: "KR-A", validFrom: "2026-03-02", validUntil: "2028-03-01"),
        .monitorRenewed(index: 4, certificate: "C-2", predecessor: "C-1", validFrom: "2028-03-02", validUntil: "2030-03-01"),
        .monitorRevoked(index: 5, certificate: "C-2", reason: "withdrawn"), .monitorRevoked(index: 5, certificate: "C-2", reason: ""),
        .witnessRequestMalformed, .witnessUnknownLog(origin: "b.example/log"), .witnessNotSignedByLog(origin: "a.example/log"),
        .witnessOldAbove(old: 9, size: 3), .witnessOldDiffers(old: 2, latest: 3), .witnessEmptyTreeRoot,
        .witnessProofBad(old: 3, size: 9), .witnessFork(size: 3), .witnessCannotSave(reason: "disk full"),
        .witnessStateUnreadable(path: "w.state"), .witnessKeyBad(value: "w+1+AA"), .witnessNameBad, .witnessKeyFileBad,
        .witnessKeyUnreadable("Permission denied"), .witnessKeyUnreadable(""),
        .witnessKeyReadableByOthers(mode: 0o644, path: "w1.key"), .witnessKeyReadableByOthers(mode: 0o7, path: "/k"),
        .witnessKeyNotSmallFile,
        .witnessLogBad(value: "a=b"), .witnessTargetBad(value: "w"), .quorumNotMet(size: 3, valid: 1, quorum: 2),
        .quorumNotMet(size: 0, valid: 0, quorum: 1),
        .cosignatureInvalid(size: 3), .notInCosignedTree(certificate: "C-1", index: 4, size: 3),
        .reportNotInLog(sha256: "ab12", size: 3), .reportInLog(index: 2, certificate: "C-1", size: 3, cosigners: 2),
        .reportInLog(index: 0, certificate: "C-1", size: 1, cosigners: 0),
        .witnessListening(url: "http://127.0.0.1:8090/", name: "w.example/1", logs: 1),
        .witnessCosigned(origin: "a.example/log", size: 3), .witnessRefused(status: 409, reason: "old size"),
        .cosignedBy(witness: "w.example/1", size: 3), .witnessDeclined(witness: "w.example/1", status: 422, body: "fork"),
        .witnessDeclined(witness: "w", status: 500, body: ""),
        .witnessUnreachable(witness: "w.example/1", reason: "connection refused"),
    ]

    @Test func theLogsMessagesAreInTheTable() {
        #expect(catalogProblems(Self.samples) == [])
        // Values are put in place in order, in the table's spaces; a value holding `%2` stays as it is.
        #expect(Message.TlogMessage.monitorNew(from: 3, last: 8, size: 9).words
                == ("새 항목 3~8(로그 항목 9개):", "new entries 3 to 8 (the log has 9):"))
        #expect(Message.TlogMessage.monitorRevoked(index: 5, certificate: "C-2", reason: "withdrawn").words
                == ("  5 취소 C-2: withdrawn", "  5 revoked C-2: withdrawn"))
        #expect(Message.TlogMessage.tileLength(path: "%2", bytes: 31, expected: 32).text(.en) == "%2 has 31 bytes, not 32")
        #expect(Message.TlogMessage.originDiffers(expected: "a", found: "b").text(.en) == "the checkpoint is of log b, not a")
        // The witness key's refusals are the sentences every key file shares.
        #expect(Message.tlog(.witnessKeyNotSmallFile).text(.en).hasPrefix("cannot read "))
        #expect(Message.TlogMessage.witnessKeyReadableByOthers(mode: 0o644, path: "w1.key").text(.en).hasSuffix("(mode 644); run: chmod 600 w1.key"))
    }
}
