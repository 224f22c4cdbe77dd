// The words of the registry's problems (`certify registry`) are lines of
// Message.tsv; the log's (`TlogMessage.swift`) are in their own file.

// MARK: - Argument types

extension Message {
    /// What `certify registry` refuses or cannot do.
    public enum RegistryProblem: TabledMessage, Hashable {
        /// A report the registry does not record: the reason in both languages.
        case notRegistered(english: String, korean: String)
        case notCertified, noValidityPeriod, noApplicant, rubricIDBad
        case applicantIDBad(String)
        case applicantNameBad(String)
        case notARegistry
        /// SQLite's words.
        case database(String)
        case originBad
        case registryExists
        case noRegistry
        /// `strerror`'s words.
        case logKeyUnreadable(String)
        case logKeyNotSmallFile
        case logKeyReadableByOthers(mode: Int, path: String)
        case notSignerKey
        case notLogKey(verifier: String)
        case notVerifierKey
        /// `strerror`'s words.
        case cannotSync(String)
        case reasonBad
        case noCertificate(String)
        case alreadyRevoked(certificate: String, day: String, reason: String)
        case noEntry(index: Int, size: Int)
        case noCheckpoint(size: Int, logSize: Int)
        case entryOutsideTree(index: Int, size: Int, logSize: Int)
        case checkpointMissing(size: Int)
        case rangeBad(logSize: Int)
        case badDate(certificate: String, column: String)
        case treeHashMissing(level: Int, index: Int)

        public static let messageTable = MessageTable<RegistryProblem>(Message.tableLines, section: "RegistryProblem")

        /// A log key others can read (its mode in octal, the sentence every
        /// key file shares: `Message.readableByOthers`), and the entries a
        /// log holds; the other texts are in the table.
        public var computedWords: (ko: String, en: String)? {
            switch self {
            case .logKeyReadableByOthers(let mode, let path): bothLanguages { Message.readableByOthers(.log, ko: $0, mode: mode, path: path) }
            case .noEntry(let index, let size):
                ("항목 \(index)이(가) 없습니다: 로그에는 항목이 \(size)개 있습니다(0부터 \(max(0, size - 1))까지)",
                 "no entry \(index): the log has \(size) entries (0 to \(max(0, size - 1)))")
            default: nil
            }
        }
    }
}
