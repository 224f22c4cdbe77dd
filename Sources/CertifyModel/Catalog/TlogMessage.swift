extension Message {
    /// What the public copy of the log (C2SP tiles: `registry tiles`,
    /// `serve`'s `/log/`) and `registry monitor` say: refusals, each naming
    /// the inconsistency, and the events a monitor reports as new.
    public enum TlogMessage: Localized, Hashable {
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

        public func text(_ language: Language) -> String {
            language == .ko ? korean : english
        }

        var english: String { text(ko: false) }

        var korean: String { text(ko: true) }

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
            }
        }
    }
}
