import CertifyModel

/// What `certify registry … --help` says of the registry and each of its subcommands.
enum RegistryCommandHelp: String, CommandWords {
    case registry, initialize = "init", add, revoke, status, list, checkpoint, entry, prove, consistency, audit, tiles
    case monitor, cosign, witness, witnessKey = "witness-key"

    var abstract: (ko: String, en: String) {
        switch self {
        case .registry:
            ("인증서 등록부: 유효한 인증서, 갱신, 취소를 서명된 체크포인트가 있는 머클 로그로 관리합니다.",
             "The certificate registry (인증서 등록부): certificates in force, renewals, revocations, in a Merkle log with signed checkpoints.")
        case .initialize:
            ("등록부 데이터베이스와 로그의 Ed25519 키(PATH.key, 권한 0600)를 만들고 검증 키를 출력합니다.",
             "Create the registry database and the log's Ed25519 key (PATH.key, mode 0600); print the verifier key.")
        case .add:
            ("신뢰하는 키로 검증되는 인증 보고서를 등록합니다(갱신은 이전 인증서와 연결됩니다).",
             "Register certified reports that verify with a trusted key (a renewal links to its predecessor).")
        case .revoke:
            ("사유를 적어 인증서를 취소합니다(취소 이벤트가 기록되며 인증서는 로그에 남습니다).",
             "Revoke a certificate with a reason (a revoke event; the certificate stays in the log).")
        case .status:
            ("인증서의 특정 날짜 상태: valid, renewal-due, expired, superseded, revoked, not-yet-valid 가운데 하나.",
             "A certificate's status on a date: valid, renewal-due, expired, superseded, revoked or not-yet-valid.")
        case .list:
            ("모든 인증서와 특정 날짜의 상태: 텍스트, JSONL 또는 엑셀용 CSV(UTF-8 BOM, CRLF).",
             "Every certificate with its status on a date; text, JSON Lines or Excel-ready CSV (UTF-8 BOM, CRLF).")
        case .checkpoint:
            ("공개된 서명 체크포인트를 출력합니다(서명된 노트에 담긴 C2SP tlog-checkpoint와 증인 연서명).",
             "Print the published signed checkpoint (C2SP tlog-checkpoint in a signed note, with its witness cosignatures).")
        case .entry:
            ("로그 항목 N(0부터)의 바이트를 그대로 출력합니다. 잎 해시는 SHA-256(0x00 ‖ 바이트)입니다.",
             "Print the exact bytes of log entry N (from 0); its leaf hash is SHA-256(0x00 ‖ bytes).")
        case .prove:
            ("인증서의 최신 로그 항목에 대한 포함 증명(RFC 9162)과 그 증명이 이르는 서명 체크포인트.",
             "An inclusion proof (RFC 9162) of a certificate's latest log entry, with the signed checkpoint it leads to.")
        case .consistency:
            ("크기 NEW의 트리가 크기 OLD의 트리를 확장한다는 일관성 증명(RFC 9162).",
             "A consistency proof (RFC 9162) that the tree of size NEW extends the tree of size OLD.")
        case .audit:
            ("모든 해시를 다시 계산하고 모든 체크포인트의 서명을 확인하며, 로그를 다시 재생하여 인증서 표와 대조합니다.",
             "Recompute every hash, check every checkpoint's signature, and replay the log against the certificate tables.")
        case .tiles:
            ("로그를 아무 정적 웹 서버로나 제공할 수 있는 C2SP tlog-tiles 파일(DIR/checkpoint, DIR/tile/...)로 씁니다.",
             "Write the log as C2SP tlog-tiles files (DIR/checkpoint, DIR/tile/...) for any static web server.")
        case .monitor:
            ("공개된 로그(C2SP tlog-tiles, URL 또는 디렉터리)를 검사하고 새 항목을 출력합니다.",
             "Check a published log (C2SP tlog-tiles, from a URL or a directory) and print what is new.")
        case .cosign:
            ("증인(C2SP tlog-witness)에게 최신 체크포인트의 연서명을 요청합니다. 연서명된 체크포인트를 공개합니다.",
             "Ask witnesses (C2SP tlog-witness) to cosign the latest checkpoint; the cosigned one is published.")
        case .witness:
            ("증인(C2SP tlog-witness)을 실행합니다: 일관성이 증명된 로그의 체크포인트에 연서명합니다.",
             "Run a witness (C2SP tlog-witness): cosign a log's checkpoints once they are proved consistent.")
        case .witnessKey:
            ("증인의 Ed25519 연서명 키(FILE, 권한 0600)를 만들고 검증 키(서명 유형 0x04)를 출력합니다.",
             "Create a witness's Ed25519 cosigning key (FILE, mode 0600); print its verifier key (signature type 0x04).")
        }
    }

    var discussion: (ko: String, en: String)? {
        switch self {
        case .registry:
            ("""
             데이터베이스는 --registry PATH, 없으면 $CERTIFY_REGISTRY, 없으면 certify-registry.sqlite입니다.
             로그의 Ed25519 키는 PATH.key(권한 0600)입니다.
             종료 코드: 0 성공; 1 audit에서 차이 발견, monitor에서 불일치 발견, 증인 연서명 부족
             (--witness VKEY --quorum N), 또는 cosign에서 연서명하지 않은 증인이 있음; 3 status: 그 날짜에 효력 없음;
             64 사용법 오류; 65 거부되었거나 알 수 없는 입력; 66 읽을 수 없음; 77 다른 사용자가 읽을 수 있는 로그 키.
             """,
             """
             The database is --registry PATH, else $CERTIFY_REGISTRY, else certify-registry.sqlite;
             the log's Ed25519 key is PATH.key (mode 0600).
             Exit codes: 0 success; 1 audit found a difference, monitor an inconsistency, or too few witness cosignatures
             (--witness VKEY --quorum N), or cosign: a witness did not cosign; 3 status: not in force on the date;
             64 usage; 65 refused or unknown input; 66 unreadable; 77 log key readable by others.
             """)
        case .add:
            ("""
             보고서마다 하나의 이벤트와 트랜잭션이 되며, 커밋되면 보고서마다 한 줄을 출력합니다(그 뒤로는
             프로세스가 강제 종료되어도 남습니다). 명령이 끝나기 전에 모두 디스크에 동기화합니다.
             같은 보고서를 다시 주면 아무것도 하지 않습니다. --witness URL=VKEY...를 주면 이어서 증인들에게
             새 체크포인트의 연서명을 요청합니다(거절은 경고이며, 이전에 연서명된 체크포인트가 계속 공개됩니다). 종료 코드: 0 모두 등록함(또는 이미 있음);
             65 거부된 보고서가 있음(사유는 표준 오류에, 그 보고서는 기록하지 않음); 66 읽을 수 없음.
             """,
             """
             Each report is its own event and transaction; one line per report, printed once it is committed
             (it then survives kill -9); everything is fsynced before the command exits.
             The same report again is a no-op. With --witness URL=VKEY... the witnesses are then asked to cosign
             the new checkpoint (a refusal is a warning: the earlier cosigned checkpoint stays published). Exit codes: 0 all registered (or already there);
             65 a report was refused (the reason on stderr; nothing written for it); 66 unreadable.
             """)
        case .revoke:
            ("오늘(서울 날짜)부터 취소됩니다. 종료 코드: 0, 65 알 수 없거나 이미 취소된 인증서, 또는 잘못된 사유.",
             "It is revoked from today (the date in Seoul). Exit codes: 0, 65 unknown or already revoked certificate or bad reason.")
        case .status:
            ("""
             --witness VKEY...를 주면 공개된 체크포인트에 그 증인 가운데 --quorum명(기본값: 전부)의 유효한 연서명이
             있어야 하고, 그 트리에 인증서의 최신 항목이 들어 있어야 합니다.
             종료 코드: 0 효력 있음(valid 또는 renewal-due); 1 연서명 부족, 또는 항목이 아직 연서명된 트리에
             없음; 3 그 날짜에 효력 없음; 65 없는 인증서이거나 잘못된 증인 키.
             """,
             """
             With --witness VKEY... the published checkpoint must carry valid cosignatures of --quorum of those
             witnesses (default: all) and its tree must hold the certificate's latest entry.
             Exit codes: 0 in force (valid or renewal-due); 1 too few cosignatures, or the entry not yet in the
             cosigned tree; 3 not in force on the date; 65 no such certificate or a bad witness key.
             """)
        case .list:
            ("""
             --due DAYS는 --at 날짜에 아직 효력이 있고 갱신 기간(마지막 3개월)이 DAYS일 안에 시작하는
             인증서를 보여 줍니다(이미 시작한 갱신 기간 포함).
             """,
             """
             --due DAYS lists the certificates still in force on --at whose renewal window (the last 3 months)
             opens within DAYS days (including windows already open).
             """)
        case .checkpoint:
            ("증인이 연서명한 적이 있으면(registry cosign) 공개되는 것은 연서명된 가장 최근 체크포인트이고, 없으면 최신 체크포인트입니다.",
             "The published one is the latest checkpoint that witnesses cosigned, once any did (registry cosign); else the latest.")
        case .audit:
            ("종료 코드: 0 모두 일치함; 1 차이가 있음(틀린 행이나 항목마다 표준 오류에 표시); 65, 66.",
             "Exit codes: 0 everything agrees; 1 a difference (each wrong row or entry named on stderr); 65, 66.")
        case .tiles:
            ("""
             DIR을 한 경로 아래에 제공하십시오: 체크포인트는 짧게(5초 이하) 캐시하고, 타일은 바뀌지 않는 것으로
             캐시합니다. DIR에 이미 있는 타일은 바이트가 같으면 그대로 두고, 다르면 거부합니다(종료 코드 65):
             타일은 바뀌지 않습니다. 체크포인트는 마지막에 씁니다.
             """,
             """
             Serve DIR under a prefix: checkpoint short-lived (Cache-Control: max-age=5 or less), tiles
             immutable. Tiles already in DIR are kept when their bytes are the same; a different one is
             refused (exit 65): a tile never changes. The checkpoint is written last.
             """)
        case .monitor:
            ("""
             --log-key로 체크포인트의 서명을, 그 체크포인트로 모든 타일과 항목을 검증하고, --state의 체크포인트
             (마지막으로 본 것, 문제없이 끝나면 새로 씀)와의 일관성과 모든 항목의 형식과 위치를 확인합니다.
             그 뒤 추가된 항목(발급, 갱신, 취소)을 출력합니다.
             --witness VKEY...를 주면 체크포인트에 그 가운데 --quorum명(기본값: 전부)의 유효한 연서명이
             있어야 합니다.
             종료 코드: 0 일관됨; 1 불일치(표준 오류에 표시: 분기, 줄어든 로그, 본 것을 확장하지 않는 로그,
             맞지 않는 타일이나 항목, 연서명 부족); 65 잘못된 키나 상태 파일;
             66 가져올 수 없는 파일.
             """,
             """
             Verifies the checkpoint's signature with --log-key, every tile and entry against it, its
             consistency with the checkpoint in --state (the last one seen; written after a clean run),
             and every entry's form and place; prints the entries added since (issued, renewed, revoked).
             With --witness VKEY... the checkpoint must carry valid cosignatures (C2SP tlog-cosignature) of
             --quorum of them (default: all).
             Exit codes: 0 consistent; 1 an inconsistency (named on stderr: a fork, a log that shrank or
             does not extend the one seen, a tile or entry that does not match, too few cosignatures); 65 bad key or state file;
             66 a file could not be fetched.
             """)
        case .cosign:
            ("""
             add와 revoke도 --witness를 주면 기록한 뒤 같은 일을 합니다. 종료 코드: 0 모든 증인이 연서명함;
             1 연서명하지 않은 증인이 있음(표준 오류에 각각 표시); 64 URL=VKEY 형식이 아닌 --witness; 65, 66.
             """,
             """
             add and revoke do the same after writing when given --witness. Exit codes: 0 every witness cosigned;
             1 one did not (each named on stderr); 64 a --witness that is not URL=VKEY; 65, 66.
             """)
        case .witness:
            ("""
             `POST /add-checkpoint`는 `old N`, 일관성 증명, 빈 줄, 체크포인트를 받습니다. 체크포인트가 로그의 키로
             서명되어 있고 이 증인이 그 로그에 대해 마지막으로 연서명한 체크포인트를 확장할 때만 200과 함께 시각이
             찍힌 Ed25519 연서명(`tlog-cosignature v1`)으로 응답합니다(이전 크기가 그 크기가 아니면 409와 그 크기;
             404 알 수 없는 로그; 403 로그의 키로 서명되지 않음; 400 잘못된 형식; 422 검증되지 않는 증명 또는 분기).
             `GET /<sha256(origin) hex>/checkpoint`: 마지막으로 연서명한 체크포인트.
             상태(로그마다 마지막으로 연서명한 체크포인트)는 응답하기 전에 원자적으로 쓰고 디스크에 동기화합니다.
             """,
             """
             POST /add-checkpoint takes `old N`, a consistency proof, an empty line and the checkpoint; it answers
             200 with a timestamped Ed25519 cosignature (tlog-cosignature v1) only when the checkpoint is signed by the
             log's key and extends the last checkpoint this witness cosigned for that log (409 with that size when
             the old size is not it; 404 unknown log; 403 not signed by the log; 400 malformed; 422 proof that does not
             verify, or a fork). GET /<sha256(origin) hex>/checkpoint: the last checkpoint it cosigned.
             The state (the last checkpoint cosigned per log) is written atomically and fsynced before an answer.
             """)
        default: nil
        }
    }
}

/// The help of the options and arguments of the registry's subcommands.
enum RegistryHelp: String, LocalizedWord {
    case path, cosignWitness, quorumWitness, quorum, origin, certificate, reason, statusDate, listDate, onlyStatus
    case due, listFormat, reports, checkpointSize, entryIndex, proveSize, from, to, vkey, tilesOut, source, logKey
    case state, witnessKeyFile, witnessLog, witnessState, witnessName, witnessKeyOut

    /// The texts, from Catalog/RegistryHelp.tsv.
    static let wordTable = WordTable<RegistryHelp>(PackageResources.RegistryHelp_tsv)
}
