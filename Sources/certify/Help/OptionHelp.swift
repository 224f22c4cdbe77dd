import CertifyModel

/// The help of the options and arguments of the commands outside
/// `registry` and `office` (the ones several commands share first).
enum OptionHelp: LocalizedWord {
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

    var words: (ko: String, en: String) {
        switch self {
        case .rubrics:
            ("인증기준 XML 파일이 있는 디렉터리.",
             "Directory of rubric XML files.")
        case .date:
            ("결정일, 곧 유효기간의 시작일(기본값: 오늘).",
             "Decision date, the start of validity (default: today).")
        case .official:
            ("공식 심사: 심사위원 수가 인증기준의 최소 인원보다 적으면 오류로 처리합니다.",
             "Official scoring: a panel smaller than the rubric's minimum is an error.")
        case .dossiers:
            ("신청서 파일 또는 디렉터리.",
             "Dossier files or directories.")
        case .review:
            ("심사위원의 심사표(여러 번 쓸 수 있음).",
             "A panel review sheet (repeatable).")
        case .format:
            ("출력 형식: text 또는 json.",
             "Output format: text or json.")
        case .langOutputAndErrors:
            ("텍스트 출력과 오류 메시지의 언어: ko 또는 en(기본값: 로캘에 따름).",
             "Language of the text output and of error messages: ko or en (default: from the locale).")
        case .langText:
            ("텍스트 출력의 언어: ko 또는 en.",
             "Language of the text output: ko or en.")
        case .pubkey:
            ("신뢰하는 공개키(PEM, SPKI 형식; 여러 번 쓸 수 있음).",
             "A trusted public key (PEM SubjectPublicKeyInfo; repeatable).")
        case .signer:
            ("서명자의 표시 이름.",
             "The signer's display name.")
        case .listenAddress:
            ("요청을 받을 주소.",
             "Address to listen on.")
        case .out:
            ("출력을 쓸 파일(기본값: 표준 출력).",
             "Write the output here (default: standard output).")
        case .files:
            ("파일 또는 디렉터리(디렉터리는 그 안의 *.xml 모두).",
             "Files or directories (every *.xml in them).")
        case .langMessages:
            ("메시지의 언어: ko 또는 en(기본값: 로캘에 따름).",
             "Language of messages: ko or en (default: from the locale).")
        case .langTitles:
            ("명칭의 언어: ko 또는 en.",
             "Language of the titles: ko or en.")
        case .keyName:
            ("키 파일의 경로와 기본 이름.",
             "Path and base name of the key files.")
        case .langReference:
            ("참조의 언어: ko 또는 en(기본값: 로캘에 따름).",
             "Language of the reference: ko or en (default: from the locale).")
        case .goal:
            ("이 등급(또는 'pass')에 대해서만 계획합니다(여러 번 쓸 수 있음; 기본값: 더 나은 모든 결과).",
             "Plan for this grade (or 'pass') only (repeatable; default: every better outcome).")
        case .plans:
            ("목표마다 보여 줄 계획 수(계획마다 바꾸는 지표의 조합이 다릅니다).",
             "Plans per goal, each changing a different set of indicators.")
        case .judgments:
            ("자체 평가한 판단 점수도 올릴 수 있게 합니다(--review가 없을 때만).",
             "Let self-assessed judgment scores rise (only without --review).")
        case .reportDossiers:
            ("신청서(--out-dir를 주면 여러 신청서나 디렉터리).",
             "The dossier (several dossiers or directories with --out-dir).")
        case .key:
            ("서명 키(PEM: PKCS#8 또는 SEC1, 권한 0600). --unsigned이면 서명자의 공개키.",
             "The signing key (PEM: PKCS#8 or SEC1; mode 0600); with --unsigned, the signer's public key.")
        case .unsigned:
            ("서명하지 않고 빈 서명 틀을 넣어 보고서를 씁니다(xmlsec1 --sign으로 서명할 때).",
             "Write the report with an empty signature template instead of signing it (for signing with xmlsec1 --sign).")
        case .reportOut:
            ("보고서를 쓸 파일(기본값: 표준 출력).",
             "Write the report here (default: standard output).")
        case .outDirectory:
            ("신청서마다 NAME.report.xml을 이 디렉터리에 씁니다(신청서가 많을 때).",
             "Write one NAME.report.xml per dossier into this directory (for many dossiers).")
        case .html:
            ("HTML 문서도 이 파일에 씁니다.",
             "Also write the HTML rendering here.")
        case .langHTML:
            ("HTML 문서의 언어: ko 또는 en.",
             "Language of the HTML rendering: ko or en.")
        case .reports:
            ("서명된 보고서(--dossier가 없으면 여러 보고서나 디렉터리).",
             "The signed report (several reports or directories without --dossier).")
        case .at:
            ("이 날짜의 유효 여부를 확인합니다(기본값: 오늘).",
             "Check validity on this date (default: today).")
        case .verifyDossier:
            ("해시를 확인하고 다시 채점할 신청서.",
             "The dossier, to check its hash and re-score it.")
        case .verifyReview:
            ("재채점에 쓸 심사표(여러 번 쓸 수 있음).",
             "A review sheet for re-scoring (repeatable).")
        case .log:
            ("보고서를 찾을 등록부의 공개 로그: http(s)://HOST/log 또는 registry tiles로 쓴 디렉터리.",
             "The registry's published log, to find the report in: http(s)://HOST/log or a directory of registry tiles.")
        case .logKey:
            ("로그의 검증 키(NAME+ID+KEY), --log와 함께.",
             "The log's verifier key (NAME+ID+KEY), with --log.")
        case .cohortDossiers:
            ("신청서 파일 또는 디렉터리(디렉터리는 그 안의 *.xml 모두).",
             "Dossier files or directories (every *.xml in them).")
        case .cohortReviews:
            ("심사표: DIR/<신청서 ID>/ 안의 *.xml을 모두 그 신청서에 씁니다.",
             "Panel reviews: every *.xml in DIR/<dossier id>/ goes with that dossier.")
        case .cohortFormat:
            ("출력 형식: text, csv, json 또는 html.",
             "Output format: text, csv, json or html.")
        case .cohortLang:
            ("텍스트, CSV, HTML 표시 문구의 언어: ko 또는 en.",
             "Language of the text, CSV and HTML labels: ko or en.")
        case .with:
            ("비교할 개정 인증기준.",
             "The revised rubric to compare with.")
        case .port:
            ("요청을 받을 포트(0: 비어 있는 아무 포트).",
             "Port to listen on (0: any free port).")
        case .serveRegistry:
            ("제공할 인증서 등록부(`certify registry` 참고).",
             "The certificate registry to serve (see `certify registry`).")
        case .data:
            ("DIR의 데이터로 인증 사무국을 운영합니다(`certify office init` 참고).",
             "Run the certification office with its data in DIR (see `certify office init`).")
        case .publicURL:
            ("사무국의 공개 주소(링크와 모든 양식이 와야 하는 출처; 주소가 `https://`로 시작하면 쿠키를 HTTPS로만 보냅니다).",
             "The office's public address (links, the origin every form must come from; https makes cookies Secure).")
        case .signingKey:
            ("인증기관의 서명 키(PEM, 권한 0600): 위원장이 결정을 확정하면 사무국이 바로 서명합니다. 없으면 결정은 `certify office sign`을 기다립니다.",
             "The body's signing key (PEM, mode 0600): the office signs each decision when the chair confirms it; without it decisions wait for `certify office sign`.")
        case .serveSigner:
            ("사무국 보고서에 쓰는 서명자의 표시 이름.",
             "The signer's display name in the office's reports.")
        case .holidays:
            ("공휴일 파일, 한 줄에 YYYY-MM-DD 하나(기한이 공휴일에 걸리면 미룹니다).",
             "Public holidays, one YYYY-MM-DD a line (deadlines move past them).")
        case .sendmail:
            ("사무국 알림을 보낼 이 호스트의 sendmail 프로그램(PATH -t -i로 실행합니다).",
             "The host's sendmail interface, for the office's notices (run as PATH -t -i).")
        case .retentionDays:
            ("쓰지 않는 계정과 작성 중인 신청을 보관하는 일수(시작할 때 지난 것을 삭제합니다).",
             "How long idle accounts and drafts are kept, in days (purged at start-up).")
        case .trustProxy:
            ("클라이언트 주소를 X-Forwarded-For에서 읽습니다(그 헤더를 설정하는 프록시 뒤에서만).",
             "Take the client's address from X-Forwarded-For (only behind a proxy that sets it).")
        case .pinLoops:
            ("프로세스가 쓸 수 있는 CPU마다 이벤트 루프 하나를 고정합니다.",
             "Bind one event loop to each CPU the process may use.")
        case .pinLoopsDiscussion:
            ("certify serve만 실행하는 호스트용: 부하가 클 때 지연 시간의 꼬리를 줄이지만, 다른 바쁜 프로세스가 함께 있으면 오히려 느려집니다.",
             "For a host that runs certify serve alone: it shortens the latency tail under load, and hurts beside other busy processes.")
        }
    }
}
