import CertifyModel

/// The help of the options and arguments of the commands outside
/// `registry` and `office` (the ones several commands share first).
enum OptionHelp: String, LocalizedWord {
    // Shared.
    case rubrics, date, official, dossiers, review, format, langOutputAndErrors, langText, pubkey, signer
    case listenAddress, out
    // validate, rubrics, keygen, guide
    case files, langMessages, langTitles, keyName, langReference
    // plan
    case goal, plans, judgments
    // report
    case reportDossiers, key, unsigned, reportOut, outDirectory, html, langHTML
    // verify
    case reports, at, verifyDossier, verifyReview, log, logKey
    // cohort, compare
    case cohortDossiers, cohortReviews, cohortFormat, cohortLang, with
    // serve
    case port, serveRegistry, data, publicURL, signingKey, serveSigner, holidays, sendmail, retentionDays
    case trustProxy, pinLoops, pinLoopsDiscussion

    /// The texts, from Catalog/OptionHelp.tsv.
    static let wordTable = WordTable<OptionHelp>(PackageResources.OptionHelp_tsv)
}
