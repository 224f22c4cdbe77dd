import CertifyModel

/// What `certify office … --help` says of the office and each of its subcommands.
enum OfficeCommandHelp: String, CommandWords {
    case office, initialize = "init", user, userAdd = "add", userDisable = "disable", userEnable = "enable"
    case userReset = "reset", userList = "list", backup, restore, audit, purge, sign, export, demo

    var abstract: (ko: String, en: String) {
        switch self {
        case .office:
            ("인증 사무국: `certify serve --data`의 계정, 백업, 활동 기록, 서명, 내보내기, 데모.",
             "The certification office (인증 사무국): accounts, backups, the action log, signing, export and a demo of `certify serve --data`.")
        case .initialize:
            ("DIR에 사무국과 첫 사무국 계정을 만들고 그 계정의 일회용 링크를 출력합니다.",
             "Create an office in DIR and its first secretariat account; print its one-time link.")
        case .user:
            ("사무국의 계정.",
             "Accounts of the office.")
        case .userAdd:
            ("계정을 추가하고 비밀번호를 정할 일회용 링크를 출력합니다.",
             "Add an account; print its one-time link to set a password.")
        case .userDisable:
            ("계정을 사용 중지합니다: 그 세션은 바로 끝납니다.",
             "Disable an account: its sessions end at once.")
        case .userEnable:
            ("사용 중지된 계정을 다시 사용하게 합니다.",
             "Enable a disabled account.")
        case .userReset:
            ("계정의 비밀번호를 다시 정할 일회용 링크(1시간 유효)를 출력합니다. --second-factor를 주면 TOTP도 지웁니다.",
             "Print a one-time link (valid 1 hour) to set an account's password again; --second-factor also removes its TOTP.")
        case .userList:
            ("계정 목록을 출력합니다(탭으로 구분).",
             "List the accounts (tab-separated).")
        case .backup:
            ("사무국의 일관된 사본을 씁니다(권한 0600, 세션 제외).",
             "Write a consistent copy of the office (mode 0600, without sessions).")
        case .restore:
            ("사무국 데이터베이스를 백업으로 바꿉니다(먼저 서버를 멈추십시오).",
             "Replace the office's database with a backup (stop the server first).")
        case .audit:
            ("활동 기록을 검사합니다: 모든 행이 이어지고 저장된 모든 객체가 맞는지 확인하고, 머리(SIZE:HASH)를 출력합니다.",
             "Check the action log: every row chains, every stored object matches; print the head (SIZE:HASH).")
        case .purge:
            ("보관 기간이 지난 작성 중인 신청과 쓰지 않는 계정을 삭제합니다(활동 기록에는 ID가 남습니다).",
             "Purge drafts and idle accounts past the retention period (the action log keeps their ids).")
        case .sign:
            ("서명을 기다리는 결정에 서명하고(certify report와 같은 방식), 등록부 대기열을 처리합니다.",
             "Sign the decisions waiting for a signature (as certify report would), then carry out the registry queue.")
        case .export:
            ("서명된 결정마다 report.xml, dossier.xml, review-CODE.xml을 DIR2/<접수번호>/에 씁니다.",
             "Write every signed decision's report.xml, dossier.xml and review-CODE.xml into DIR2/<reference>/.")
        case .demo:
            ("DIR에 새 사무국을 만들고 예시 파일로 심사 회차 하나를 끝까지 진행합니다: 계정, 회차, 신청, 심사, 서명된 결정, 등록부 항목.",
             "Make a new office in DIR with a whole round on the samples: accounts, rounds, applications, reviews, signed decisions, registry entries.")
        }
    }

    var discussion: (ko: String, en: String)? {
        switch self {
        case .office:
            ("""
             종료 코드: 0 성공; 1 audit에서 차이 발견; 64 사용법 오류; 65 잘못된 입력;
             66 DIR에 사무국이 없거나 없는 계정; 73 DIR에 이미 사무국이 있음(또는 대상이 비어 있지 않음);
             74 저장소 오류; 77 그룹이나 다른 사용자가 읽을 수 있는 개인키.
             """,
             """
             Exit codes: 0 success; 1 audit found a difference; 64 usage; 65 invalid input;
             66 no office in DIR or no such account; 73 DIR already holds an office (or the target is not empty);
             74 storage error; 77 private key readable by group or others.
             """)
        case .sign:
            ("종료 코드: 0 성공; 66 DIR에 사무국이 없음; 74 저장소 오류; 77 그룹이나 다른 사용자가 읽을 수 있는 개인키.",
             "Exit codes: 0 success; 66 no office in DIR; 74 storage error; 77 private key readable by group or others.")
        case .export:
            ("""
             서명된 결정이 여럿인 신청(이의 신청)은 결정마다 폴더 하나, <접수번호>-<결정 ID>를 받습니다.
             DIR2는 없거나 비어 있어야 하며, 전부 만들어지거나 전혀 만들어지지 않습니다(신청서에 개인정보가 있어 파일 권한은 0600).
             종료 코드: 0 성공; 66 DIR에 사무국이 없음; 73 DIR2가 비어 있지 않음; 74 저장소 또는 쓰기 오류.
             """,
             """
             An application with several signed decisions (an appeal) gets one folder per decision, <reference>-<decision id>.
             DIR2 must be missing or empty; it appears whole or not at all (files mode 0600: dossiers hold personal data).
             Exit codes: 0 success; 66 no office in DIR; 73 DIR2 is not empty; 74 storage or write error.
             """)
        case .demo:
            ("""
             데모 계정은 사무국을 시험해 보는 용도이며, 비밀번호는 한 번만 출력합니다.
             종료 코드: 0 성공; 65 잘못된 입력; 66 예시 파일을 찾을 수 없음; 73 DIR이나 등록부에 이미 무언가 있음;
             74 저장소 오류; 77 그룹이나 다른 사용자가 읽을 수 있는 개인키.
             """,
             """
             Demo accounts are for trying the office only: their passwords are printed once.
             Exit codes: 0 success; 65 invalid input; 66 samples not found; 73 DIR or the registry already holds something;
             74 storage error; 77 private key readable by group or others.
             """)
        default: nil
        }
    }
}

/// The help of the options and arguments of the office's subcommands.
enum OfficeHelp: String, LocalizedWord {
    case data, admin, accountName, linkURL, email, name, kind, organisation, organisationName, secondFactor
    case backupFile, since, retentionDays, key, registry, exportOut, demoSigningKey, demoRegistry, demoOrigin, samples
    case noticeURL

    /// The texts, from Catalog/OfficeHelp.tsv.
    static let wordTable = WordTable<OfficeHelp>(PackageResources.OfficeHelp_tsv)
}
