extension Message {
    /// What the public copy of the log (C2SP tiles: `registry tiles`,
    /// `serve`'s `/log/`) and `registry monitor` say: refusals, each naming
    /// the inconsistency, and the events a monitor reports as new.
    public enum TlogMessage: Localized, MessagePart, Hashable {
        /// An entry a bundle cannot carry (its length is a uint16).
        case entryTooLong(index: Int, bytes: Int)
        /// `registry tiles --out DIR`: a tile already there differs.
        case tileDiffers(path: String)
        /// `--log-key` is not a verifier key.
        case logKeyBad
        /// The monitor's source could not give a file (reason: the system's or HTTP's words).
        case fetchFailed(path: String, reason: String)
        /// No signature of the log key verifies on the checkpoint.
        case checkpointNotSigned(key: String)
        /// The signed text is not a tlog-checkpoint.
        case checkpointMalformed
        case originDiffers(expected: String, found: String)
        /// The tree is smaller than one seen before.
        case logShrank(seen: Int, now: Int)
        /// Two checkpoints of one size with different roots.
        case fork(size: Int, seenRoot: String, root: String)
        /// The new tree does not extend the one seen before.
        case notConsistent(seen: Int, now: Int)
        /// A tile is not as long as its width says.
        case tileLength(path: String, bytes: Int, expected: Int)
        /// The tiles do not hash to the checkpoint's root.
        case tilesNotRoot(size: Int)
        /// A full tile does not hash to its parent's hash.
        case tileNotParent(path: String)
        /// An entry bundle whose lengths do not add up, or with too few entries.
        case bundleMalformed(path: String)
        /// An entry that does not hash to its leaf in the level-0 tile.
        case entryNotLeaf(index: Int)
        /// An entry that is not a registry event (the parser's reason).
        case entryNotEvent(index: Int, reason: String)
        /// An event the monitor cannot place (a renewal of, or revocation
        /// of, a certificate it has not seen issued; an id issued twice).
        case eventOutOfPlace(index: Int, certificate: String)
        case stateUnreadable(path: String)
        /// `registry tiles`' result.
        case tilesWritten(directory: String, size: Int, written: Int, kept: Int)
        // What the monitor prints.
        case monitorNew(from: Int, to: Int)
        case monitorUnchanged(size: Int)
        case monitorIssued(index: Int, certificate: String, applicant: String, validFrom: String, validUntil: String)
        case monitorRenewed(index: Int, certificate: String, predecessor: String, validFrom: String, validUntil: String)
        case monitorRevoked(index: Int, certificate: String, reason: String)
        // Witnesses (C2SP tlog-witness, tlog-cosignature).
        /// An `add-checkpoint` body that is not `old N`, proof lines, an empty line and a checkpoint.
        case witnessRequestMalformed
        /// A checkpoint of a log the witness is not configured for.
        case witnessUnknownLog(origin: String)
        /// No signature of the log's key verifies (or one of its signatures fails).
        case witnessNotSignedByLog(origin: String)
        case witnessOldAbove(old: Int, size: Int)
        /// The old size is not the size the witness cosigned last.
        case witnessOldDiffers(old: Int, latest: Int)
        case witnessEmptyTreeRoot
        /// The consistency proof does not verify (or is given from size 0).
        case witnessProofBad(old: Int, size: Int)
        /// A checkpoint of the size cosigned last with another root.
        case witnessFork(size: Int)
        case witnessCannotSave(reason: String)
        case witnessStateUnreadable(path: String)
        /// `--witness` is not a cosignature verifier key.
        case witnessKeyBad(value: String)
        /// `witness-key --name` cannot name a note key.
        case witnessNameBad
        /// The witness key file cannot be read (the system's words), or others can read it.
        case witnessKeyUnreadable(String)
        case witnessKeyReadableByOthers(mode: Int, path: String)
        case witnessKeyNotSmallFile
        /// `--key` is not a witness key file.
        case witnessKeyFileBad
        /// `--log` is not ORIGIN=VKEY.
        case witnessLogBad(value: String)
        /// A log's `--witness` is not URL=VKEY.
        case witnessTargetBad(value: String)
        /// Fewer witnesses cosigned the checkpoint than `--quorum` asks.
        case quorumNotMet(size: Int, valid: Int, quorum: Int)
        /// A cosignature with a given witness's name and key id that does not verify.
        case cosignatureInvalid(size: Int)
        /// The certificate's entry is not in the cosigned checkpoint's tree.
        case notInCosignedTree(certificate: String, index: Int, size: Int)
        /// `verify --log`: no entry of the log names the report's SHA-256.
        case reportNotInLog(sha256: String, size: Int)
        /// `verify --log`: where the report is in the log.
        case reportInLog(index: Int, certificate: String, size: Int, cosigners: Int)
        /// What the witness prints when it starts.
        case witnessListening(url: String, name: String, logs: Int)
        /// A witness's log line: a checkpoint cosigned, or a request refused (HTTP status).
        case witnessCosigned(origin: String, size: Int)
        case witnessRefused(status: Int, reason: String)
        /// What the log says after asking its witnesses.
        case cosignedBy(witness: String, size: Int)
        case witnessDeclined(witness: String, status: Int, body: String)
        case witnessUnreachable(witness: String, reason: String)

        public func text(_ language: Language) -> String {
            text(ko: language == .ko)
        }

        /// The text in Korean (`ko`) or English.
        func text(ko: Bool) -> String {
            switch self {
            case .entryTooLong(let index, let bytes): ko ? "항목 \(index)의 크기가 \(bytes)바이트입니다. 항목 묶음에는 65535바이트까지만 담을 수 있습니다"
                                                         : "entry \(index) has \(bytes) bytes; an entry bundle carries at most 65535"
            case .tileDiffers(let path): ko ? "\(path)에 이미 다른 내용의 타일이 있습니다. 타일의 내용은 바뀌지 않습니다(다른 로그의 디렉터리인지 확인하십시오)"
                                            : "\(path) already holds a different tile; a tile never changes (another log's directory?)"
            case .logKeyBad: ko ? "--log-key가 노트 검증 키(이름+ID+BASE64, registry init이 출력한 형식)가 아닙니다"
                                : "--log-key is not a note verifier key (NAME+ID+BASE64, as registry init printed it)"
            case .fetchFailed(let path, let reason): ko ? "\(path)을(를) 가져올 수 없습니다: \(reason)"
                                                        : "cannot fetch \(path): \(reason)"
            case .checkpointNotSigned(let key): ko ? "체크포인트가 로그 키 \(key)로 서명되지 않았거나 서명이 검증되지 않습니다"
                                                   : "the checkpoint is not signed by the log key \(key) (or its signature does not verify)"
            case .checkpointMalformed: ko ? "체크포인트가 tlog-checkpoint 형식(출처, 트리 크기, base64 루트 해시)이 아닙니다"
                                          : "the checkpoint is not a tlog-checkpoint (origin, tree size, base64 root hash)"
            case .originDiffers(let expected, let found): ko ? "체크포인트가 로그 \(expected)가 아닌 \(found)의 것입니다"
                                                             : "the checkpoint is of log \(found), not \(expected)"
            case .logShrank(let seen, let now): ko ? "불일치: 항목 \(seen)개를 확인한 뒤 로그의 항목이 \(now)개로 줄었습니다"
                                                   : "inconsistent: the log has \(now) entries after \(seen) were seen"
            case .fork(let size, let seenRoot, let root): ko ? "분기(fork): 크기 \(size)의 체크포인트가 서로 다른 루트 해시로 두 개 있습니다(이전 \(seenRoot), 지금 \(root))"
                                                             : "fork: two checkpoints of size \(size) with different root hashes (\(seenRoot) seen before, \(root) now)"
            case .notConsistent(let seen, let now): ko ? "불일치: 크기 \(now)의 트리가 이전에 확인한 크기 \(seen)의 트리를 이어 가지 않습니다"
                                                       : "inconsistent: the tree of size \(now) does not extend the tree of size \(seen) seen before"
            case .tileLength(let path, let bytes, let expected): ko ? "\(path)의 크기가 \(expected)바이트가 아니라 \(bytes)바이트입니다"
                                                                    : "\(path) has \(bytes) bytes, not \(expected)"
            case .tilesNotRoot(let size): ko ? "타일들의 해시가 크기 \(size) 체크포인트의 루트 해시와 맞지 않습니다"
                                             : "the tiles do not hash to the root hash of the checkpoint of size \(size)"
            case .tileNotParent(let path): ko ? "\(path)의 해시가 위 수준 타일에 있는 해시와 맞지 않습니다"
                                              : "\(path) does not hash to its hash in the tile above"
            case .bundleMalformed(let path): ko ? "\(path)이(가) 그 너비의 항목 묶음이 아닙니다"
                                                : "\(path) is not an entry bundle of its width"
            case .entryNotLeaf(let index): ko ? "항목 \(index)의 해시가 타일의 잎 해시와 맞지 않습니다"
                                              : "entry \(index) does not hash to its leaf hash in the tiles"
            case .entryNotEvent(let index, let reason): ko ? "항목 \(index)이(가) 등록부 사건이 아닙니다: \(reason)"
                                                           : "entry \(index) is not a registry event: \(reason)"
            case .eventOutOfPlace(let index, let certificate): ko ? "항목 \(index): \(certificate)의 사건이 그 이력에서 있을 수 없는 자리에 있습니다"
                                                                  : "entry \(index): an event of \(certificate) out of place in its history"
            case .stateUnreadable(let path): ko ? "\(path)이(가) 모니터 상태 파일(마지막으로 확인한 체크포인트)이 아닙니다"
                                                : "\(path) is not a monitor state file (the checkpoint text last seen)"
            case .tilesWritten(let directory, let size, let written, let kept): ko ? "\(directory): 크기 \(size)의 체크포인트, 타일 \(written)개를 썼고 \(kept)개는 이미 있었습니다"
                                                                                   : "\(directory): checkpoint of size \(size), \(written) tiles written, \(kept) already there"
            case .monitorNew(let from, let to): ko ? "새 항목 \(from)~\(to - 1)(로그 항목 \(to)개):"
                                                   : "new entries \(from) to \(to - 1) (the log has \(to)):"
            case .monitorUnchanged(let size): ko ? "새 항목이 없습니다(로그 항목 \(size)개)" : "no new entries (the log has \(size))"
            case .monitorIssued(let index, let certificate, let applicant, let validFrom, let validUntil): ko ? "  \(index) 발급 \(certificate), 신청인 \(applicant), 유효기간 \(validFrom)~\(validUntil)"
                                                                                                              : "  \(index) issued \(certificate) to \(applicant), valid \(validFrom) to \(validUntil)"
            case .monitorRenewed(let index, let certificate, let predecessor, let validFrom, let validUntil): ko ? "  \(index) 갱신 \(predecessor) → \(certificate), 유효기간 \(validFrom)~\(validUntil)"
                                                                                                                 : "  \(index) renewed \(predecessor) as \(certificate), valid \(validFrom) to \(validUntil)"
            case .monitorRevoked(let index, let certificate, let reason): ko ? "  \(index) 취소 \(certificate): \(reason)"
                                                                             : "  \(index) revoked \(certificate): \(reason)"
            case .witnessRequestMalformed: ko ? "add-checkpoint 요청(이전 크기 줄, 일관성 증명 줄, 빈 줄, 서명된 체크포인트)이 아닙니다"
                                              : "not an add-checkpoint request (old size line, consistency proof lines, an empty line, a signed checkpoint)"
            case .witnessUnknownLog(let origin): ko ? "알 수 없는 로그 \(origin)입니다" : "unknown log \(origin)"
            case .witnessNotSignedByLog(let origin): ko ? "체크포인트가 로그 \(origin)의 키로 서명되지 않았거나 그 키의 서명이 검증되지 않습니다"
                                                        : "the checkpoint is not signed by a key of log \(origin) (or a signature of its key does not verify)"
            case .witnessOldAbove(let old, let size): ko ? "이전 크기 \(old)이(가) 체크포인트의 크기 \(size)보다 큽니다"
                                                         : "old size \(old) is above the checkpoint's size \(size)"
            case .witnessOldDiffers(let old, let latest): ko ? "이전 크기 \(old)이(가) 마지막으로 연서명한 체크포인트의 크기 \(latest)과(와) 다릅니다"
                                                             : "old size \(old) is not the size of the checkpoint cosigned last, \(latest)"
            case .witnessEmptyTreeRoot: ko ? "크기 0의 체크포인트에는 빈 트리의 루트 해시가 있어야 합니다"
                                           : "a checkpoint of size 0 must have the empty tree's root hash"
            case .witnessProofBad(let old, let size): ko ? "크기 \(old)에서 \(size)(으)로의 일관성 증명이 검증되지 않습니다"
                                                         : "the consistency proof from size \(old) to \(size) does not verify"
            case .witnessFork(let size): ko ? "분기(fork): 크기 \(size)의 체크포인트가 연서명한 것과 다른 루트 해시를 가집니다"
                                            : "fork: a checkpoint of size \(size) with another root hash than the one cosigned"
            case .witnessCannotSave(let reason): ko ? "증인 상태를 저장할 수 없습니다: \(reason)"
                                                    : "cannot save the witness state: \(reason)"
            case .witnessStateUnreadable(let path): ko ? "\(path)이(가) 증인 상태 파일이 아닙니다"
                                                       : "\(path) is not a witness state file"
            case .witnessKeyBad(let value): ko ? "--witness \(value)이(가) 증인 검증 키(이름+ID+BASE64, 유형 0x04, registry witness-key가 출력한 형식)가 아닙니다"
                                               : "--witness \(value) is not a witness verifier key (NAME+ID+BASE64, type 0x04, as registry witness-key printed it)"
            case .witnessNameBad: ko ? "--name은 비어 있지 않고 공백, '+', 제어 문자가 없어야 합니다(예: witness.example.kr/w1)"
                                     : "--name must be non-empty, without spaces, '+' or control characters (e.g. witness.example.kr/w1)"
            case .witnessKeyUnreadable(let words): Message.cannotRead(.witness, ko: ko, system: words)
            case .witnessKeyNotSmallFile: Message.cannotRead(.witness, ko: ko, system: nil)
            case .witnessKeyReadableByOthers(let mode, let path): Message.readableByOthers(.witness, ko: ko, mode: mode, path: path)
            case .witnessKeyFileBad: ko ? "증인 키 파일(PRIVATE+KEY+이름+ID+유형 0x04의 BASE64, registry witness-key가 쓴 형식)이 아닙니다"
                                        : "not a witness key file (PRIVATE+KEY+NAME+ID+BASE64 of type 0x04, as registry witness-key wrote it)"
            case .witnessLogBad(let value): ko ? "--log \(value)이(가) 출처=검증키 형식(로그의 출처 줄과 검증 키)이 아닙니다"
                                               : "--log \(value) is not ORIGIN=VKEY (the log's origin line and its verifier key)"
            case .witnessTargetBad(let value): ko ? "--witness \(value)이(가) URL=검증키 형식(증인의 http(s) 주소와 검증 키)이 아닙니다"
                                                  : "--witness \(value) is not URL=VKEY (the witness's http(s) address and its verifier key)"
            case .quorumNotMet(let size, let valid, let quorum): ko ? "크기 \(size)의 체크포인트에 주어진 증인 중 \(valid)곳의 유효한 연서명만 있습니다. --quorum은 \(quorum)곳을 요구합니다"
                                                                    : "the checkpoint of size \(size) carries valid cosignatures of \(valid) of the witnesses given; --quorum asks for \(quorum)"
            case .cosignatureInvalid(let size): ko ? "크기 \(size)의 체크포인트에 있는, 주어진 증인의 연서명이 검증되지 않습니다"
                                                   : "a cosignature on the checkpoint of size \(size) by a witness given does not verify"
            case .notInCosignedTree(let certificate, let index, let size): ko ? "\(certificate)의 항목 \(index)이(가) 아직 연서명된 체크포인트의 트리(항목 \(size)개)에 없습니다"
                                                                              : "\(certificate)'s entry \(index) is not in the cosigned checkpoint's tree of \(size) entries yet"
            case .reportNotInLog(let sha256, let size): ko ? "로그의 항목 \(size)개 중 이 보고서(sha256 \(sha256))를 가리키는 항목이 없습니다"
                                                           : "no entry of the log's \(size) names the report (sha256 \(sha256))"
            case .reportInLog(let index, let certificate, let size, let cosigners): ko ? "로그 항목 \(size)개 중 항목 \(index)(\(certificate)), 체크포인트로 검증됨, 증인 연서명 \(cosigners)개"
                                                                                       : "entry \(index) (\(certificate)) of the log's \(size), verified against the checkpoint; \(cosigners) witness cosignatures"
            case .witnessListening(let url, let name, let logs): ko ? "증인 \(name), 로그 \(logs)개: add-checkpoint 주소 \(url)add-checkpoint"
                                                                    : "certify witness \(name) for \(logs) logs: add-checkpoint at \(url)add-checkpoint"
            case .witnessCosigned(let origin, let size): ko ? "\(origin)의 크기 \(size) 체크포인트에 연서명했습니다"
                                                            : "cosigned \(origin) at size \(size)"
            case .witnessRefused(let status, let reason): ko ? "거부함(\(status)): \(reason)"
                                                             : "refused (\(status)): \(reason)"
            case .cosignedBy(let witness, let size): ko ? "증인 \(witness)이(가) 크기 \(size)의 체크포인트에 연서명했습니다"
                                                        : "cosigned by \(witness) at size \(size)"
            case .witnessDeclined(let witness, let status, let body): ko ? "증인 \(witness)이(가) 거부했습니다(HTTP \(status)): \(body)"
                                                                         : "witness \(witness) refused (HTTP \(status)): \(body)"
            case .witnessUnreachable(let witness, let reason): ko ? "증인 \(witness)에 연결하지 못했습니다: \(reason)"
                                                                  : "witness \(witness) not reached: \(reason)"
            }
        }
    }
}
