extension Message {
    /// What the public copy of the log (C2SP tiles: `registry tiles`,
    /// `serve`'s `/log/`) and `registry monitor` say: refusals, each naming
    /// the inconsistency, and the events a monitor reports as new. Each
    /// case's texts are a line of `TlogMessage.tsv`.
    public enum TlogMessage: TabledMessage, MessagePart, Hashable {
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
        /// The entries `from`…`last` are new; the log has `size`.
        case monitorNew(from: Int, last: Int, size: Int)
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

        public static let messageTable = MessageTable<TlogMessage>(PackageResources.TlogMessage_tsv)

        /// The witness key file's refusals, in the sentences every key file
        /// shares; every other text is in the table.
        public var computedWords: (ko: String, en: String)? {
            switch self {
            case .witnessKeyUnreadable(let words):
                (Message.cannotRead(.witness, ko: true, system: words), Message.cannotRead(.witness, ko: false, system: words))
            case .witnessKeyNotSmallFile:
                (Message.cannotRead(.witness, ko: true, system: nil), Message.cannotRead(.witness, ko: false, system: nil))
            case .witnessKeyReadableByOthers(let mode, let path):
                (Message.readableByOthers(.witness, ko: true, mode: mode, path: path),
                 Message.readableByOthers(.witness, ko: false, mode: mode, path: path))
            default: nil
            }
        }

        /// The text in Korean (`ko`) or English.
        func text(ko: Bool) -> String {
            let words = self.words
            return ko ? words.ko : words.en
        }
    }
}
