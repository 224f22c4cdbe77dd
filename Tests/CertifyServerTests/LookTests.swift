import CertifyModel
@testable import CertifyServer
import CertifyTemplates
import CertifyTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// One look: the pages use the shared stylesheet and head/foot partials of
/// CertifyTemplates; the home page links the registry only when there is
/// one; applicant kinds in the page's language; untrusted text that
/// mustache's per-character escaping would miss is still escaped.
@Suite("Look")
struct LookTests {
    @Test func stylesheetIsTheSharedOne() async throws {
        try await Shared.app().test(.router) { client in
            try await client.execute(uri: "/static/certify.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(string(response.body) == Templates.stylesheet)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
            try await client.execute(uri: "/?lang=en", method: .get) { response in
                let html = string(response.body)
                // Linked, not inlined: the CSP (style-src 'self') allows no inline style.
                #expect(html.contains(#"<link rel="stylesheet" href="/static/certify.css">"#))
                #expect(!html.contains("<style"))
                #expect(html.contains(##"<a class="skip-link" href="#main">"##) && html.hasSuffix("</html>\n"))
                #expect(html.contains(#"<footer class="site-footer">"#))
            }
        }
    }

    static func links(_ html: String, _ path: String) -> Int {
        html.components(separatedBy: "href=\"\(path)").count - 1
    }

    @Test func homeLinksTheRegistryOnlyWithARegistry() async throws {
        try await Shared.app().test(.router) { client in
            for language in ["ko", "en"] {
                try await client.execute(uri: "/?lang=\(language)", method: .get) { response in
                    let html = string(response.body)
                    #expect(response.status == .ok)
                    #expect(Self.links(html, "/registry") == 0, "no registry: no link")
                    #expect(Self.links(html, "/review?lang=\(language)") >= 2, "the other links are there")
                }
            }
        }
        let made = try TestRegistry()
        try await made.app().test(.router) { client in
            for (language, word) in [("ko", "인증서 등록부"), ("en", "Certificate registry")] {
                try await client.execute(uri: "/?lang=\(language)", method: .get) { response in
                    let html = string(response.body)
                    // In the navigation of every page and in the home page's list.
                    #expect(Self.links(html, "/registry?lang=\(language)\">\(word)</a>") == 2, "\(html)")
                }
                // The link leads somewhere.
                try await client.execute(uri: "/registry?lang=\(language)", method: .get) { response in
                    #expect(response.status == .ok)
                }
                try await client.execute(uri: "/review?lang=\(language)", method: .get) { response in
                    #expect(Self.links(string(response.body), "/registry?lang=\(language)") == 1, "the navigation links it too")
                }
            }
        }
    }

    /// Applicant kinds and roles are rubric data: Korean labels for the
    /// known words on Korean pages, the token as the submitted value.
    @Test func applicantKindsInThePageLanguage() async throws {
        let expected: [String: [(value: String, ko: String, en: String)]] = [
            "kr-smart-city": [("city", "시", "city"), ("county", "군", "county")],
            "kr-smart-service": [("company", "기업", "company"), ("local-government", "지방자치단체", "local government"),
                                 ("association", "협회·단체", "association"), ("developer", "개발 주체", "developer"),
                                 ("provider", "제공 주체", "provider"), ("operator", "운영 주체", "operator")],
        ]
        try await Shared.app().test(.router) { client in
            for entry in Shared.certifier.catalog.entries {
                let rubric = entry.rubric
                let words = try #require(expected[rubric.id], "\(rubric.id)")
                for language in ["ko", "en"] {
                    try await client.execute(uri: "/selfcheck/\(rubric.id)/\(rubric.version)?lang=\(language)", method: .get) { response in
                        let html = string(response.body)
                        for word in words {
                            let label = language == "ko" ? word.ko : word.en
                            let pattern = #"value="\#(word.value)"[^>]*><label for="[^"]+">\#(label)</label>"#
                            #expect(html.range(of: pattern, options: .regularExpression) != nil, "\(rubric.id) \(language) \(word.value)")
                        }
                        if language == "ko" {
                            #expect(!html.contains(">city</label>") && !html.contains(">company</label>"))
                        }
                    }
                }
            }
        }
    }

    /// A quote joined to a combining mark is one Character, which
    /// mustache's escaping does not recognise: the page shows its
    /// full-width form instead, never a raw quote that ends the attribute.
    @Test func quotesJoinedToMarksAreEscaped() async throws {
        try await Shared.app().test(.router) { client in
            var form = Multipart()
            form.field("dossier-id", "X\"\u{301} autofocus onfocus=alert(1) y=\"\u{301}")
            form.field("applicant-0-id", "\u{600}<b>")
            try await client.execute(uri: "/selfcheck/kr-smart-city/1.0?lang=en", method: .post,
                                     headers: [.contentType: Multipart.contentType], body: form.finished) { response in
                let bytes = Array(response.body.readableBytesView)
                let html = string(response.body)
                // Found byte by byte (see containsBytes); on failure the
                // expectation shows the field, not the whole page.
                let dossierID = excerpt(of: html, around: #"name="dossier-id""#)
                let applicantID = excerpt(of: html, around: #"name="applicant-0-id""#)
                let rawQuote = containsBytes(bytes, Array("\"\u{301}".utf8))
                let rawTag = containsBytes(bytes, Array("<b>".utf8))
                let quoteShown = containsBytes(bytes, Array("X＂\u{301} autofocus onfocus=alert(1) y=＂\u{301}".utf8))
                let tagShown = containsBytes(bytes, Array("\u{600}＜b&gt;".utf8))
                #expect(!rawQuote, "a raw quote before the mark: \(dossierID)")
                #expect(!rawTag, "a raw tag: \(applicantID)")
                #expect(quoteShown, "the full-width quote is missing: \(dossierID)")
                #expect(tagShown, "the full-width < is missing: \(applicantID)")
            }
        }
    }
}
