import CertifyModel

/// The lines `certify registry` and `certify office` print, in Korean and
/// English; `%1`, `%2`, … stand for values (`text(_:_:)`), filled in order,
/// so text a user gave (a path, a reason) is always the last. The field
/// names of `registry status` end padded so that values line up in a column.
enum CLIWord: LocalizedWord {
    case registryIssued, registryRenewed, registryAlreadyRegistered, registryRevoked, registryAuditPassed
    case statusCertificate, statusOn, statusApplicant, statusJoint, statusRubric, statusValidity, statusRenews
    case statusRenewedBy, statusRevoked, statusReport, statusLogEntry
    case officeCreated, officeSetPassword, officeBackupWritten, officeRestored, officePurged

    var words: (ko: String, en: String) {
        switch self {
        case .registryIssued:
            ("발급 %1 항목 %2: %3",
             "issued %1 entry %2: %3")
        case .registryRenewed:
            ("갱신 %1 → %2 항목 %3: %4",
             "renewed %1 as %2 entry %3: %4")
        case .registryAlreadyRegistered:
            ("이미 등록됨 %1: %2",
             "already registered %1: %2")
        case .registryRevoked:
            ("취소 %1 항목 %2: %3",
             "revoked %1 entry %2: %3")
        case .registryAuditPassed:
            ("감사 통과: 항목 %1개, 서명된 체크포인트 %2개, 인증서 %3개가 로그와 일치합니다",
             "audit passed: %1 entries, %2 signed checkpoints, %3 certificates agree with the log")
        case .statusCertificate:
            ("인증서:       %1",
             "certificate:  %1")
        case .statusOn:
            ("상태:         %1 (%2), %3 기준",
             "status:       %1 (%2) on %3")
        case .statusApplicant:
            ("신청인:       %1",
             "applicant:    %1")
        case .statusJoint:
            ("공동 신청인:  %1",
             "joint:        %1")
        case .statusRubric:
            ("인증기준:     %1",
             "rubric:       %1")
        case .statusValidity:
            ("유효기간:     %1 – %2 (갱신 기간 시작 %3)",
             "validity:     %1 – %2 (renewal window from %3)")
        case .statusRenews:
            ("갱신 대상:    %1",
             "renews:       %1")
        case .statusRenewedBy:
            ("갱신 인증서:  %1 (%2부터)",
             "renewed by:   %1 from %2")
        case .statusRevoked:
            ("취소:         %1: %2",
             "revoked:      %1: %2")
        case .statusReport:
            ("보고서:       sha256 %1",
             "report:       sha256 %1")
        case .statusLogEntry:
            ("로그 항목:    %1 (certify registry prove %2)",
             "log entry:    %1 (certify registry prove %2)")
        case .officeCreated:
            ("%1에 사무국을 만들었습니다",
             "office created in %1")
        case .officeSetPassword:
            ("%1의 비밀번호를 정하십시오(7일 동안 한 번 쓸 수 있는 링크):",
             "set the password of %1 (valid 7 days, once):")
        case .officeBackupWritten:
            ("%2에 백업을 썼습니다. 활동 기록의 머리 %1",
             "backup written to %2; action log head %1")
        case .officeRestored:
            ("복원했습니다. 활동 기록의 머리 %1",
             "restored; action log head %1")
        case .officePurged:
            ("작성 중인 신청 %1건과 계정 %2개를 삭제했습니다",
             "purged %1 draft(s) and %2 account(s)")
        }
    }
}
