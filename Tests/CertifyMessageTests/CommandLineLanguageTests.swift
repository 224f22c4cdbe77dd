import CertifyTestSupport
import Foundation
import Testing

/// What `certify registry` and `certify office` print follows the language
/// (`CLIWord`): the same values, Korean words in a Korean locale, the
/// English lines unchanged otherwise.
@Suite struct CommandLineLanguageTests {
    let scratch = Scratch()

    func run(_ arguments: [String], korean: Bool) throws -> Run {
        try Run(arguments, in: scratch.directory, environment: korean ? ["LANG": "ko_KR.UTF-8"] : [:])
    }

    @Test func registryLinesFollowTheLanguage() throws {
        #expect(try run(["keygen", "--out", "reviewer"], korean: false).status == 0)
        let city = Paths.sample("city/hansol-grade-a.xml")
        #expect(try run(["report", city, "--key", "reviewer.pem", "--date", "2026-03-02", "--out", "a.xml"], korean: false).status == 0)
        let registry = ["--registry", "r.sqlite"]
        #expect(try run(["registry", "init", "--origin", "registry.example.kr/test"] + registry, korean: true).status == 0)
        let added = try run(["registry", "add", "a.xml", "--pubkey", "reviewer.pub.pem"] + registry, korean: true)
        #expect(added.stdout == "발급 KR-SC-2026-0001 항목 0: a.xml\n", "\(added.stderr)")
        let again = try run(["registry", "add", "a.xml", "--pubkey", "reviewer.pub.pem"] + registry, korean: false)
        #expect(again.stdout == "already registered KR-SC-2026-0001: a.xml\n")

        let status = ["registry", "status", "KR-SC-2026-0001", "--at", "2026-06-01"] + registry
        let korean = try run(status, korean: true).stdout.split(separator: "\n")
        let english = try run(status, korean: false).stdout.split(separator: "\n")
        #expect(korean.count == english.count && korean.count == 7, "\(korean)")
        #expect(korean.first == "인증서:       KR-SC-2026-0001" && english.first == "certificate:  KR-SC-2026-0001")
        #expect(korean.dropFirst().first == "상태:         valid (유효), 2026-06-01 기준")
        #expect(english.dropFirst().first == "status:       valid (유효) on 2026-06-01")
        // Field by field the same values after the name.
        for (ko, en) in zip(korean.dropFirst(2), english.dropFirst(2)) {
            #expect(hasHangul(String(ko.prefix(4))), "\(ko)")
            #expect(ko.split(separator: " ").last == en.split(separator: " ").last, "\(ko) / \(en)")
        }

        #expect(try run(["registry", "audit"] + registry, korean: true).stdout
                == "감사 통과: 항목 1개, 서명된 체크포인트 2개, 인증서 1개가 로그와 일치합니다\n")
        let revoked = try run(["registry", "revoke", "KR-SC-2026-0001", "--reason", "현장 점검 50%2 미달"] + registry, korean: true)
        #expect(revoked.stdout == "취소 KR-SC-2026-0001 항목 1: 현장 점검 50%2 미달\n", "\(revoked.stderr)")
    }

    @Test func officeLinesFollowTheLanguage() throws {
        let created = try run(["office", "init", "--data", "office", "--admin", "admin@example.kr"], korean: true)
        #expect(created.status == 0, "\(created.stderr)")
        let lines = created.stdout.split(separator: "\n")
        #expect(lines.first == "office에 사무국을 만들었습니다")
        #expect(lines.dropFirst().first == "admin@example.kr의 비밀번호를 정하십시오(7일 동안 한 번 쓸 수 있는 링크):")
        #expect(try run(["office", "purge", "--data", "office"], korean: true).stdout == "작성 중인 신청 0건과 계정 0개를 삭제했습니다\n")
        #expect(try run(["office", "purge", "--data", "office"], korean: false).stdout == "purged 0 draft(s) and 0 account(s)\n")
    }
}
