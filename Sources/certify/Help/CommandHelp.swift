import CertifyModel

/// What `certify --help` and `certify COMMAND --help` say of each command
/// outside `registry` and `office`.
enum CommandHelp: String, CommandWords {
    case certify, validate, score, rubrics, keygen, report, verify, cohort, compare, guide, plan, serve

    var abstract: (ko: String, en: String) {
        switch self {
        case .certify:
            ("스마트도시·스마트서비스 인증 신청서를 채점합니다.",
             "Score smart city and smart service certification dossiers (스마트도시·스마트서비스 인증).")
        case .validate:
            ("신청서·심사표·인증기준 파일을 검사합니다(종류는 루트 요소로 판단합니다).",
             "Check dossiers, reviews and rubrics (the kind is told by the root element).")
        case .score:
            ("신청서를 해당 인증기준으로 채점합니다.",
             "Score dossiers against their rubric.")
        case .rubrics:
            ("사용할 수 있는 인증기준의 ID, 버전, 명칭, SHA-256을 보여 줍니다.",
             "List the rubrics found: id, version, title, sha256.")
        case .keygen:
            ("P-256 서명 키 쌍 NAME.pem(권한 0600)과 NAME.pub.pem을 만들고 키 ID를 출력합니다.",
             "Create a P-256 signing key pair: NAME.pem (mode 0600) and NAME.pub.pem; prints the key id.")
        case .report:
            ("신청서를 채점하여 서명된 심사 결과 보고서(XML 전자서명)를 쓰고, 원하면 HTML 문서도 씁니다.",
             "Score a dossier and write the signed audit report (XML-DSig), and optionally its HTML rendering.")
        case .verify:
            ("서명된 심사 결과 보고서를 검증합니다: 서명, 신뢰하는 키, 유효 여부, 원하면 입력 파일까지.",
             "Check a signed audit report: signature, trusted key, validity, and optionally the inputs.")
        case .cohort:
            ("여러 신청서를 채점하여 집단 통계를 보여 줍니다: 등급, 총점, 영역, 지표, 신청인 유형.",
             "Score a cohort of dossiers and report its statistics (집단 통계): grades, totals, areas, indicators, applicant kinds.")
        case .compare:
            ("신청서를 현행 인증기준과 개정안으로 각각 채점하여 개정 영향을 보여 줍니다: 등급 변동, 변동 대상, 지표별 평균.",
             "Score dossiers under their rubric and under a revised one (인증기준 개정 영향): grade transitions, who changes, indicator means.")
        case .guide:
            ("모든 명령과 종료 코드의 빠른 참조를 출력합니다(--lang en이면 영어).",
             "Print a quick reference of every command and exit code (Korean with --lang ko).")
        case .plan:
            ("자가 점검: 더 나은 등급이나 합격 기준에 이르는 가장 작은 변경, 여유 점수, 위험 요소, 빠진 항목을 보여 줍니다.",
             "Self-check: the smallest changes that reach each better grade or the pass mark, the margin, risks and what is missing.")
        case .serve:
            ("자가진단·심사표·심사 결과 종합 페이지와 JSON API를 제공합니다.",
             "Serve the self-check, review and panel pages and the JSON API (Hummingbird).")
        }
    }

    var discussion: (ko: String, en: String)? {
        switch self {
        case .certify:
            ("""
             종료 코드: 0 성공, 64 사용법 오류, 65 잘못된 입력, 66 읽을 수 없는 입력;
             verify: 1 서명이 유효하지 않음, 3 효력 없음, 4 재채점 결과가 다름; report: 77 다른 사용자가 읽을 수 있는 키;
             registry audit: 1 차이 발견; registry status: 3 효력 없음.
             인증기준: --rubrics 디렉터리, 없으면 $CERTIFY_RUBRICS, 없으면 Certify와 함께 배포된 인증기준.
             """,
             """
             Exit codes: 0 success, 64 usage error, 65 invalid input, 66 unreadable input;
             verify: 1 signature invalid, 3 not current, 4 re-scoring disagrees; report: 77 key readable by others;
             registry audit: 1 a difference; registry status: 3 not in force.
             Rubrics: --rubrics DIR, else $CERTIFY_RUBRICS, else the rubrics shipped with Certify.
             """)
        case .validate:
            ("종료 코드: 0 모두 유효함, 65 잘못된 파일이 있음, 66 읽을 수 없는 파일이 있음.",
             "Exit codes: 0 all valid, 65 any invalid, 66 any unreadable.")
        case .score:
            ("""
             디렉터리를 주면 그 안의 *.xml을 모두 채점합니다. 심사표는 신청서 하나와 함께 씁니다.
             신청서가 여럿이고 --format json이면 입력 순서대로 한 줄에 결과 하나씩 JSON으로 출력합니다.
             종료 코드: 0 채점 완료(인증 여부와 무관), 65 잘못된 입력, 66 읽을 수 없음.
             """,
             """
             A directory means every *.xml in it. Reviews go with a single dossier.
             With several dossiers and --format json, the output is JSON Lines in input order.
             Exit codes: 0 scored (certified or not), 65 invalid input, 66 unreadable.
             """)
        case .report:
            ("종료 코드: 0, 65 잘못된 입력, 66 읽을 수 없음, 77 그룹이나 다른 사용자가 읽을 수 있는 개인키.",
             "Exit codes: 0, 65 invalid input, 66 unreadable, 77 private key readable by group or others.")
        case .verify:
            ("""
             종료 코드: 0 유효하고 효력 있음; 1 서명이 유효하지 않음, 변조되었거나 신뢰하지 않는 키;
             3 유효하지만 만료되었거나 아직 효력이 없음(또는 미인증); 4 유효하지만 재채점 결과나 해시가 다름;
             65 잘못된 입력; 66 읽을 수 없음.
             --log URL|DIR --log-key VKEY를 주면 보고서가 인증서 등록부의 공개 로그에도 있어야 합니다
             (C2SP tlog-tiles, registry monitor와 같이 모든 타일을 서명된 체크포인트와 대조합니다).
             --witness VKEY...를 주면 체크포인트에 그 가운데 --quorum개(기본값: 전부)의 유효한 연서명이 있어야 합니다.
             로그에 없는 보고서, 검사를 통과하지 못한 로그, 부족한 연서명: 종료 코드 1.
             """,
             """
             Exit codes: 0 valid and current; 1 signature invalid, tampered or untrusted key;
             3 valid but expired or not yet valid (or not certified); 4 valid but re-scoring or a hash disagrees;
             65 invalid input; 66 unreadable.
             With --log URL|DIR --log-key VKEY the report must also be in the certificate registry's published log
             (C2SP tlog-tiles, every tile checked against the signed checkpoint, as registry monitor does); with
             --witness VKEY... the checkpoint must carry valid cosignatures of --quorum of them (default: all).
             A report not in the log, a log that does not check, or too few cosignatures: exit 1.
             """)
        case .cohort:
            ("""
             잘못된 신청서는 첫 오류와 함께 목록에 나옵니다(모든 오류는 표준 오류로 출력합니다).
             여러 인증기준이 섞인 집단은 인증기준마다 한 절(JSON은 한 줄)로 나눕니다.
             CSV는 신청서마다 한 행이며 엑셀용입니다: BOM이 있는 UTF-8, CRLF, RFC 4180.
             종료 코드: 0 모두 채점함, 65 잘못된 신청서가 있음, 66 읽을 수 없는 파일이 있음(어느 경우든 결과는 씁니다).
             """,
             """
             Invalid dossiers are listed with their first error (all errors go to standard error).
             A cohort that mixes rubrics gets one section (JSON: one line) per rubric.
             CSV is one row per dossier, for Excel: UTF-8 with BOM, CRLF, RFC 4180.
             Exit codes: 0 all scored, 65 some invalid, 66 some unreadable (the output is written either way).
             """)
        case .compare:
            ("""
             --with에는 인증기준 파일을 줍니다: 신청서가 따르는 인증기준의 새 버전, 또는 지표 ID를 공유하는 인증기준.
             개정안에 없는 지표의 값은 빼고, 개정안에 새로 생긴 지표는 값이 없는 것으로 채점합니다.
             종료 코드: 0 모두 비교함, 64 사용법 오류, 65 잘못된 신청서나 인증기준, 66 읽을 수 없음.
             """,
             """
             --with names a rubric file: a new version of the dossiers' rubric, or any rubric sharing indicator ids.
             Values of indicators the revision lacks are left out; its new indicators score as missing.
             Exit codes: 0 all compared, 64 usage, 65 an invalid dossier or rubric, 66 unreadable.
             """)
        case .plan:
            ("""
             계획은 바꾸는 지표가 적은 순, 수준 단계가 적은 순, 얻는 점수가 적은 순, 인증기준의 순서로 정렬하며,
             각 계획은 출력하기 전에 다시 채점합니다. 디렉터리를 주면 그 안의 *.xml을 모두 씁니다.
             신청서가 여럿이고 --format json이면 입력 순서대로 한 줄에 결과 하나씩 JSON으로 출력합니다.
             종료 코드: 0 계획 완료, 64 사용법 오류, 65 잘못된 입력, 66 읽을 수 없음.
             """,
             """
             Plans are ranked by fewest indicators changed, then fewest level steps, then least points gained,
             then rubric order; each plan is rescored before it is printed. A directory means every *.xml in it;
             with several dossiers and --format json, the output is JSON Lines in input order.
             Exit codes: 0 planned, 64 usage error, 65 invalid input, 66 unreadable.
             """)
        case .serve:
            ("""
             기본으로 127.0.0.1:8080에서 요청을 받으며 그 주소를 출력합니다. SIGINT나 SIGTERM을 받으면
             처리 중인 요청을 마친 뒤 종료합니다. 받은 내용은 저장하지 않으며 비밀 정보를 갖지 않습니다.
             """,
             """
             Listens on 127.0.0.1:8080 by default and prints its URL. Stops on SIGINT or SIGTERM,
             finishing the requests in flight. Stores nothing it is sent and holds no secret.
             """)
        default: nil
        }
    }
}
