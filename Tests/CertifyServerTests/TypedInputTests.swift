import CertifyModel
import CertifyRuntime
@testable import CertifyServer
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The forms accept numbers and dates as people type them and write the
/// canonical value into the XML; the XML itself stays strict.
@Suite("Typed input")
struct TypedInputTests {
    @Test(arguments: [
        ("45", "45"), ("４５", "45"), ("1,200", "1200"), ("１，２００", "1200"), ("5건", "5"), ("5 건", "5"),
        ("12개소", "12"), (" 7 ", "7"), ("1,234,567", "1234567"),
    ])
    func wholeNumbers(_ typed: String, _ canonical: String) {
        #expect(TypedInput.number(typed, whole: true) == canonical)
    }

    @Test(arguments: ["3.5", "3,5", "1,20", "12,3456", "-1", "five", "5건5", "", "1.200,5", "5 kilograms of"])
    func notWholeNumbers(_ typed: String) {
        #expect(TypedInput.number(typed, whole: true) == nil, "\(typed)")
    }

    @Test(arguments: [
        ("3.5", "3.5"), ("３．５", "3.5"), ("1,200.25", "1200.25"), ("-2.5", "-2.5"), ("－２", "-2"),
    ])
    func decimals(_ typed: String, _ canonical: String) {
        #expect(TypedInput.number(typed, whole: false) == canonical)
    }

    @Test func percents() {
        #expect(TypedInput.number("87.5%", whole: false, percent: true) == "87.5")
        #expect(TypedInput.number("８７％", whole: false, percent: true) == "87")
        #expect(TypedInput.number("3,5%", whole: false, percent: true) == nil)
    }

    @Test(arguments: [
        ("2026-03-02", "2026-03-02"), ("2026.03.02", "2026-03-02"), ("2026. 3. 2.", "2026-03-02"),
        ("2026/3/2", "2026-03-02"), ("20260302", "2026-03-02"), ("２０２６．０３．０２", "2026-03-02"),
    ])
    func dates(_ typed: String, _ canonical: String) {
        #expect(TypedInput.date(typed) == canonical)
    }

    @Test(arguments: ["2026-02-30", "2026.13.01", "26.03.02", "2026년 3월 2일!", "tomorrow", "2026-03"])
    func notDates(_ typed: String) {
        #expect(TypedInput.date(typed) == nil, "\(typed)")
    }

    /// The XML a form writes holds the canonical values: "４５", "1,200" and
    /// "2026.03.02" are written as 45, 1200 and 2026-03-02.
    @Test func formWritesCanonicalXML() throws {
        let rubric = try #require(Shared.certifier.catalog.entries.first { $0.rubric.id == "kr-smart-city" }?.rubric)
        let counts = rubric.indicators.filter { $0.input == .count }
        #expect(counts.count >= 2)
        var values = FormValues()
        values.set("value-\(counts[0].id)", "４５")
        values.set("value-\(counts[1].id)", "1,200")
        values.set("submitted", "2026.03.02")
        let (canonical, problems) = FormFields(rubric: rubric, language: .ko).canonical(values)
        #expect(problems.isEmpty)
        let xml = DossierWriter.write(canonical, rubric: rubric).xml
        #expect(xml.contains("<value indicator=\"\(counts[0].id)\">45</value>"))
        #expect(xml.contains("<value indicator=\"\(counts[1].id)\">1200</value>"))
        #expect(xml.contains("<submitted>2026-03-02</submitted>"))
    }

    /// Every unreadable field of one submission is reported at once, each
    /// naming its field and the form it expects; the rest still scores.
    @Test(arguments: setups)
    func everyUnreadableFieldAtOnce(_ setup: TestingSetup) async throws {
        try await Shared.app().test(setup) { client in
            var form = Multipart()
            form.field("submitted", "3월 2일")
            form.field("value-INN-1", "많음")
            form.field("value-INN-2", "2.5")
            form.field("value-GOV-1", "1,200")
            form.field("action", "check")
            try await client.execute(uri: "/selfcheck/kr-smart-city/1.0?lang=ko&date=2026-03-02", method: .post,
                                     headers: [.contentType: Multipart.contentType], body: form.finished) { response in
                #expect(response.status == .unprocessableContent)
                let html = string(response.body)
                for field in ["submitted", "value-INN-1", "value-INN-2"] {
                    #expect(html.contains("href=\"#\(field)\""), "\(field)")
                    #expect(html.contains("id=\"\(field)-error\""), "\(field)")
                }
                #expect(!html.contains("href=\"#value-GOV-1\""))
                #expect(html.contains("value=\"1200\""), "the readable value shown canonical")
                #expect(html.contains("공무원 전문성: &#39;많음&#39;"), "the message names the field")
                #expect(html.contains("results stale"), "the result without the unreadable fields is greyed")
            }
        }
    }

    /// The API and the CLI's parser stay strict: "1,200" in a dossier is refused.
    @Test(arguments: setups)
    func xmlStaysStrict(_ setup: TestingSetup) async throws {
        try await Shared.app().test(setup) { client in
            let xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <dossier xmlns="urn:certify:dossier:1" id="D" rubric="kr-smart-city" rubric-version="1.0">
                  <applicant id="A" kind="city"><name xml:lang="ko">가</name></applicant>
                  <value indicator="GOV-1">1,200</value>
                </dossier>
                """
            try await client.execute(uri: "/api/v1/validate", method: .post,
                                     headers: [.contentType: "application/xml"], body: ByteBuffer(string: xml)) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }

    /// A review uploaded where the dossier goes is named as a review.
    @Test(arguments: setups)
    func reviewUploadedAsDossier(_ setup: TestingSetup) async throws {
        let review = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/service/parking-pass")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: review.path).first { $0.hasPrefix("review-") })
        let bytes = try [UInt8](Data(contentsOf: review.appendingPathComponent(file)))
        try await Shared.app().test(setup) { client in
            var form = Multipart()
            form.file("dossier", filename: file, bytes)
            try await client.execute(uri: "/selfcheck/upload?lang=ko", method: .post,
                                     headers: [.contentType: Multipart.contentType], body: form.finished) { response in
                #expect(response.status == .unprocessableContent)
                let html = string(response.body)
                #expect(html.contains("\(file)은(는) 심사표 파일입니다"))
                #expect(!html.contains("urn:certify:review"))
            }
        }
    }
}
