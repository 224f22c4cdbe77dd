import CertifyModel
import Foundation
import CertifyRuntime
import HTTPTypes
import Hummingbird

/// The pages' language, and a rubric's choices in their words (`PageWord`).
enum UIText {
    /// A rubric's choice value in words: its label when the catalog knows
    /// the word (`choice.WORD`), else the value as the rubric writes it.
    static func choice(_ value: String, _ language: Language) -> String {
        PageWord(rawValue: "choice.\(value)")?.text(language) ?? value
    }

    /// `?lang=`, else the first of ko/en in Accept-Language, else English.
    static func language(_ request: Request) -> Language {
        if let text = request.uri.queryParameters["lang"].map(String.init), let language = Language(rawValue: text) {
            return language
        }
        let accept = (request.headers[.acceptLanguage] ?? "").lowercased()
        var best: (Language, Double)?
        for entry in accept.split(separator: ",") {
            let pieces = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? ""
            guard let language = Language(rawValue: primary) else { continue }
            var quality = 1.0
            for piece in pieces.dropFirst() where piece.hasPrefix("q=") { quality = Double(piece.dropFirst(2)) ?? 0 }
            if quality > (best?.1 ?? 0) { best = (language, quality) }
        }
        return best?.0 ?? .en
    }
}
