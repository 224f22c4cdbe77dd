import CertifyModel

/// The command line's own words, in Korean and English: the quick
/// reference and exit codes of `certify guide`, and the summary `certify
/// verify` prints. The texts of inputs and results are the engine's
/// (`Message`); these belong to the commands alone. Field names end padded
/// so that values line up in a column.
enum CLIText: Localized {
    /// Every command in one line or two, and how the language is chosen.
    case quickReference
    /// The heading of the exit codes.
    case exitCodesHeading
    /// What an exit status means.
    case exitStatus(Int32)

    // `certify verify`
    /// Before a grade (`grade B`), in a listing of several reports and in the decision.
    case verifyGrade
    /// In a listing: before the key id.
    case verifySignedBy
    case verifyInputs, verifyStatus, verifySignatureValid, verifyApplicant, verifyDossier
    case verifyCertified, verifyNotCertified, verifyOfficial
    case verifyDecision, verifyValidity, verifySigner

    func text(_ language: Language) -> String {
        let (ko, en) = texts
        return language == .ko ? ko : en
    }

    /// The text in Korean and English.
    var texts: (ko: String, en: String) {
        switch self {
        case .quickReference:
            ("""
                    certify 빠른 참조

                    명령
                      certify validate 파일... [--rubrics 디렉터리] [--lang ko|en]
                          신청서·심사표·인증기준 파일을 검사합니다(종류는 루트 요소로 판단합니다).
                          신청서는 해당 인증기준에 맞는지도 확인합니다.
                      certify score 신청서... [--review 파일]... [--rubrics 디렉터리] [--date YYYY-MM-DD]
                                    [--official] [--lang ko|en] [--format text|json]
                          채점합니다. 디렉터리를 주면 그 안의 *.xml을 모두 채점합니다. 심사표는 신청서 하나와 함께 씁니다.
                          --official: 심사위원 수가 인증기준의 최소 인원보다 적으면 오류로 처리합니다.
                      certify rubrics [--rubrics 디렉터리] [--lang ko|en]
                          사용할 수 있는 인증기준의 ID, 버전, 명칭, SHA-256을 보여 줍니다.
                      certify keygen --out 이름
                          서명 키 쌍(권한 0600인 이름.pem과 이름.pub.pem)을 만들고 키 ID를 출력합니다.
                      certify report 신청서 [--review 파일]... --key 키.pem [--signer 이름] [--date 날짜]
                                     [--official] [--out 파일 | --out-dir 디렉터리] [--html 파일] [--lang ko|en]
                          채점하여 서명된 심사 결과 보고서(XML)를 쓰고, 원하면 HTML 문서도 씁니다.
                      certify verify 보고서... --pubkey 공개키.pem... [--at 날짜] [--dossier 파일 [--review 파일]...]
                          서명과 신뢰하는 키, --at 날짜의 유효 여부를 확인하고, --dossier를 주면
                          입력 파일의 해시와 재채점 결과가 보고서와 같은지도 확인합니다.
                      certify cohort 디렉터리... [--reviews 디렉터리] [--date 날짜] [--format text|csv|json|html]
                                     [--out 파일] [--lang ko|en]
                          여러 신청서를 채점하여 등급·총점·영역·지표별 집단 통계를 보여 줍니다.
                      certify compare 디렉터리... --with 인증기준.xml [cohort와 같은 옵션]
                          현행 인증기준과 개정안으로 각각 채점하여 등급 변동과 변동 대상을 보여 줍니다.
                      certify registry init|add|revoke|status|list|checkpoint|entry|prove|consistency|audit|tiles|monitor|cosign|witness|witness-key
                                       [--registry 경로]
                          인증서 등록부: 유효한 인증서, 갱신, 취소를 변조 확인이 가능한 로그와 증명으로
                          관리합니다(자세한 내용은 certify registry 하위명령 --help).
                      certify plan 신청서... [--review 파일]... [--goal 목표]... [--plans K] [--judgments]
                                   [--date 날짜] [--official] [--format text|json] [--lang ko|en]
                          자가 점검: 더 나은 등급이나 합격 기준에 이르는 가장 작은 변경을 찾습니다.
                      certify serve [--host 127.0.0.1] [--port 8080] [--rubrics 디렉터리] [--registry 경로]
                                    [--pin-loops] [--data 디렉터리 --public-url 주소 [--sendmail 경로] [--holidays 파일]]
                          자가진단·심사표·심사 결과 종합 페이지와 JSON API를 제공합니다(SIGINT/SIGTERM으로 종료).
                          --data를 주면 인증 사무국도 함께 운영합니다.
                      certify office init|user|backup|restore|audit|purge|sign|export|demo --data 디렉터리
                          인증 사무국 데이터: 첫 계정, 계정 관리, 백업, 활동 기록 검사,
                          대기 중인 결정 서명, 검증용 내보내기, 데모 심사 회차
                          (자세한 내용은 certify office 하위명령 --help).
                      certify guide [--lang ko|en]
                          이 빠른 참조를 출력합니다.
                      certify 명령 --help
                          명령의 모든 옵션을 보여 줍니다.

                    언어: --lang으로 정하며, 없으면 LC_ALL, LC_MESSAGES, LANG이 ko로 시작할 때 한국어로 출력합니다.
                    """,
             """
                certify — quick reference

                Commands
                  certify validate FILE... [--rubrics DIR] [--lang ko|en]
                      Check dossiers, reviews and rubrics (the kind is told by the root element);
                      a dossier is also checked against its rubric.
                  certify score DOSSIER... [--review FILE]... [--rubrics DIR] [--date YYYY-MM-DD]
                                [--official] [--lang ko|en] [--format text|json]
                      Score; a directory means every *.xml in it. Reviews go with a single dossier.
                      --official: a panel smaller than the rubric's minimum is an error.
                  certify rubrics [--rubrics DIR] [--lang ko|en]
                      List the rubrics found: id, version, title, sha256.
                  certify keygen --out NAME
                      Write a signing key pair (NAME.pem, mode 0600, and NAME.pub.pem); print its key id.
                  certify report DOSSIER [--review FILE]... --key KEY.pem [--signer NAME] [--date D]
                                 [--official] [--out FILE | --out-dir DIR] [--html FILE] [--lang ko|en]
                      Score and write the signed audit report, and optionally its HTML page.
                  certify verify REPORT... --pubkey PUB.pem... [--at D] [--dossier FILE [--review FILE]...]
                      Check the signature, the trusted key, validity on --at, and with --dossier
                      the hashes and a fresh score.
                  certify cohort DIR... [--reviews DIR] [--date D] [--format text|csv|json|html]
                                 [--out FILE] [--lang ko|en]
                      Score a cohort and report its statistics: grades, totals, areas, indicators.
                  certify compare DIR... --with RUBRIC.xml [the same options]
                      Score dossiers under their rubric and a revised one: grade transitions, who changes.
                  certify registry init|add|revoke|status|list|checkpoint|entry|prove|consistency|audit|tiles|monitor|cosign|witness|witness-key
                                   [--registry PATH]
                      The certificate registry: certificates in force, renewals, revocations, in a
                      tamper-evident log with proofs (certify registry SUBCOMMAND --help).
                  certify plan DOSSIER... [--review FILE]... [--goal GOAL]... [--plans K] [--judgments]
                               [--date D] [--official] [--format text|json] [--lang ko|en]
                      Self-check: the smallest changes that reach each better grade or the pass mark.
                  certify serve [--host 127.0.0.1] [--port 8080] [--rubrics DIR] [--registry PATH]
                                [--pin-loops] [--data DIR --public-url URL [--sendmail PATH] [--holidays FILE]]
                      Serve the self-check, review and panel pages and the JSON API (stops on SIGINT/SIGTERM);
                      with --data, the certification office too.
                  certify office init|user|backup|restore|audit|purge|sign|export|demo --data DIR
                      The certification office's data: its first account, accounts, backups, the action log,
                      signing the decisions waiting, exporting them for verify, a demo round
                      (certify office SUBCOMMAND --help).
                  certify guide [--lang ko|en]
                      Print this quick reference.
                  certify COMMAND --help
                      Every option of a command.

                Language: --lang, else Korean when LC_ALL, LC_MESSAGES or LANG starts with ko.
                """)
        case .exitCodesHeading:
            ("종료 코드",
             "Exit codes")
        case .exitStatus(let status):
            Self.meaning(of: status)
        case .verifyGrade:
            ("등급",
             "grade")
        case .verifySignedBy:
            ("서명 키",
             "signed by")
        case .verifyInputs:
            ("입력 파일:   ",
             "inputs:      ")
        case .verifyStatus:
            ("상태:        ",
             "status:      ")
        case .verifySignatureValid:
            ("서명:        유효함 (ECDSA P-256, 배타적 C14N, SHA-256)",
             "signature:   valid (ECDSA P-256, exclusive C14N, SHA-256)")
        case .verifyApplicant:
            ("신청인:      ",
             "applicant:   ")
        case .verifyDossier:
            ("신청서:      ",
             "dossier:     ")
        case .verifyCertified:
            ("인증",
             "certified")
        case .verifyNotCertified:
            ("미인증",
             "not certified")
        case .verifyOfficial:
            (" (공식 심사)",
             " (official)")
        case .verifyDecision:
            ("결정:        ",
             "decision:    ")
        case .verifyValidity:
            ("유효기간:    ",
             "validity:    ")
        case .verifySigner:
            ("서명자:      ",
             "signer:      ")
        }
    }

    /// What an exit status means, in Korean and English.
    private static func meaning(of status: Int32) -> (ko: String, en: String) {
        switch status {
        case 0:
            ("성공: 모두 유효함, 채점 완료(인증 여부와 무관), 목록 출력, 파일 작성 또는 검증 완료",
             "success: all valid, scored (certified or not), listed, written or verified")
        case 1:
            ("verify: 서명이 유효하지 않거나 보고서가 변경되었거나 허용되지 않는 구성이 있거나 신뢰하지 않는 키입니다",
             "verify: signature invalid, report changed, refused construct, or key not trusted")
        case 3:
            ("verify: 진본이지만 --at 날짜에 효력이 없습니다(만료, 효력 발생 전 또는 미인증)",
             "verify: authentic, but not in force on --at (expired, not yet valid, or not certified)")
        case 4:
            ("verify: 진본이지만 입력 파일의 해시나 재채점 결과가 보고서와 다릅니다",
             "verify: authentic, but a hash or the re-scoring disagrees with the report")
        case 64:
            ("사용법 오류(알 수 없는 옵션, 잘못된 --date, 신청서 여러 개와 --review를 함께 쓴 경우 등)",
             "usage error (unknown option, bad --date, --review with several dossiers, …)")
        case 65:
            ("잘못된 입력(어느 파일이든), 또는 P-256 키가 아닌 키 파일",
             "invalid input (any file), or a key that is not a P-256 key")
        case 66:
            ("읽을 수 없는 입력(파일 없음, 읽을 수 없는 디렉터리). 65와 함께 생기면 66이 우선합니다",
             "unreadable input (missing file, unreadable directory); wins over 65")
        case 70:
            ("설치 오류(예: 함께 배포된 스키마를 찾을 수 없음)",
             "broken installation (e.g. the shipped schemas not found)")
        case 73:
            ("출력 파일을 쓸 수 없습니다",
             "an output cannot be written")
        case 77:
            ("report: 개인키 파일을 그룹이나 다른 사용자가 읽을 수 있습니다(chmod 600으로 바로잡으십시오)",
             "report: the private key file is readable by group or others (chmod 600 it)")
        default:
            ("README를 참고하십시오",
             "see the README")
        }
    }
}
