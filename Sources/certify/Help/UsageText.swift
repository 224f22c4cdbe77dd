import CertifyModel

/// The usage errors the commands' `validate()` finds (exit 64), in Korean
/// and English side by side.
enum UsageText: Localized {
    case reviewWithOneDossier, plansRange, judgmentsWithReview, severalNeedOutDirectory, singleDossierOptions
    case outOrOutDirectory, signerName, sameReportName, outputIsKey(String), port, dataNeedsURL, nonLoopbackNeedsHTTPS
    case signingKeyWithData, pubkeyNeeded, reviewWithDossier, dossierWithOneReport, logWithLogKey, witnessWithLog
    case dueRange, witnessNeeded, quorumWithWitness, quorumRange, logNeeded, listenForm

    func text(_ language: Language) -> String {
        let (ko, en) = texts
        return language == .ko ? ko : en
    }

    var texts: (String, String) {
        switch self {
        case .reviewWithOneDossier:
            ("--review는 신청서 하나와 함께 씁니다",
             "--review goes with a single dossier")
        case .plansRange:
            ("--plans는 1에서 100 사이여야 합니다",
             "--plans must be from 1 to 100")
        case .judgmentsWithReview:
            ("--judgments는 자체 평가 점수를 계획하므로 --review와 함께 쓸 수 없습니다",
             "--judgments plans self-assessed scores; it cannot go with --review")
        case .severalNeedOutDirectory:
            ("신청서가 여럿이면 --out-dir가 필요합니다",
             "several dossiers need --out-dir")
        case .singleDossierOptions:
            ("--out, --html, --review는 신청서 하나와 함께 씁니다",
             "--out, --html and --review go with a single dossier")
        case .outOrOutDirectory:
            ("--out과 --out-dir 가운데 하나만 쓰십시오",
             "use --out or --out-dir, not both")
        case .signerName:
            ("--signer에 XML이 담을 수 없는 문자(탭과 줄바꿈 외의 제어 문자, U+FFFE, U+FFFF)가 있으면 안 됩니다",
             "--signer must not contain characters XML cannot hold (control characters other than tab and newlines, U+FFFE, U+FFFF)")
        case .sameReportName:
            ("두 신청서가 같은 보고서 이름으로 쓰게 됩니다",
             "two dossiers would write the same report name")
        case .outputIsKey(let output):
            ("\(output)은(는) 키 파일이므로 덮어쓰지 않습니다",
             "\(output) is the key file; refusing to overwrite it")
        case .port:
            ("--port는 0에서 65535 사이여야 합니다",
             "--port must be from 0 to 65535")
        case .dataNeedsURL:
            ("--data에는 --public-url http(s)://HOST[:PORT]가 필요합니다",
             "--data needs --public-url http(s)://HOST[:PORT]")
        case .nonLoopbackNeedsHTTPS:
            ("--data와 함께 루프백이 아닌 --host를 쓰려면 https:// --public-url이 필요합니다(TLS는 앞단 프록시에서 끝납니다)",
             "with --data, a non-loopback --host needs an https:// --public-url (TLS ends at a proxy in front)")
        case .signingKeyWithData:
            ("--signing-key와 --signer는 --data와 함께 씁니다",
             "--signing-key and --signer go with --data")
        case .pubkeyNeeded:
            ("--pubkey로 신뢰하는 키를 하나 이상 주십시오",
             "give at least one trusted key with --pubkey")
        case .reviewWithDossier:
            ("--review는 --dossier와 함께 씁니다",
             "--review goes with --dossier")
        case .dossierWithOneReport:
            ("--dossier는 보고서 하나와 함께 씁니다",
             "--dossier goes with a single report")
        case .logWithLogKey:
            ("--log와 --log-key는 함께 씁니다",
             "--log and --log-key go together")
        case .witnessWithLog:
            ("--witness는 --log URL|DIR --log-key VKEY와 함께 씁니다",
             "--witness goes with --log URL|DIR --log-key VKEY")
        case .dueRange:
            ("--due는 0에서 36500일 사이여야 합니다",
             "--due must be between 0 and 36500 days")
        case .witnessNeeded:
            ("--witness URL=VKEY를 하나 이상 주십시오",
             "give at least one --witness URL=VKEY")
        case .quorumWithWitness:
            ("--quorum은 --witness VKEY...와 함께 씁니다",
             "--quorum goes with --witness VKEY...")
        case .quorumRange:
            ("--quorum은 1에서 --witness 키의 수 사이여야 합니다",
             "--quorum must be from 1 to the number of --witness keys")
        case .logNeeded:
            ("--log ORIGIN=VKEY를 하나 이상 주십시오",
             "give at least one --log ORIGIN=VKEY")
        case .listenForm:
            ("--listen에는 HOST:PORT를 주십시오",
             "--listen takes HOST:PORT")
        }
    }
}
