@testable import CertifyModel
@testable import CertifyRender
import Testing

/// `RuleText` writes some English rule texts piece by piece for speed: they
/// must be the catalog's, character for character, whatever the arguments.
@Suite struct RuleTextTests {
    /// A small deterministic generator (the same cases on every run).
    private struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func rational() -> Rational {
            switch next(6) {
            case 0: Rational(next(200) - 50)
            case 1: Rational(next(1000)) / Rational(next(7) + 1)        // 1/3, 5/7: cut with "…"
            case 2: Rational(next(10_000)) / Rational(100)              // 2 places
            case 3: Rational(-next(90)) / Rational(next(3) + 2)
            case 4: Rational(Int.max) * Rational(next(9) + 1000) / Rational(3)  // beyond 64 bits
            default: .zero
            }
        }
        mutating func ids() -> [String] {
            (0..<next(4)).map { _ in ["K1", "DATEX-II", "CoAP", "id_\(next(99))", "한글", "a\"b"][next(6)] }
        }
        mutating func band() -> Message.BandStep? {
            next(3) == 0 ? nil : Message.BandStep(min: rational(), upper: next(2) == 0 ? nil : rational(), points: rational())
        }
    }

    private func messages(_ random: inout Random) -> [Message] {
        var base: [Message] = [
            .ruleLinear(max: random.rational(), value: random.rational(), lo: random.rational(), hi: random.rational(),
                        points: random.rational()),
            .ruleRecognisedCount(ids: random.ids(), band: random.band()),
            .ruleRecognisedEach(ids: random.ids(), each: random.rational(), raw: random.rational(),
                                capped: random.next(2) == 0 ? nil : random.rational()),
            .ruleKPIAttainment(
                mean: random.rational(),
                attainments: (0..<(random.next(3) + 1)).map { _ in Message.KPIAttainment(id: random.ids().first ?? "K9", attainment: random.rational()) },
                max: random.rational(), zeroAt: random.rational(), fullAt: random.rational(), points: random.rational()),
            .ruleJudgment(
                selfAssessed: random.next(2) == 0, scores: (0..<random.next(5)).map { _ in random.next(11) },
                dropped: random.next(2) == 0 ? [] : [random.next(11), random.next(11)], mean: random.rational(),
                max: random.rational(), low: random.rational(), span: random.rational(), points: random.rational()),
            .kpiInputs((0..<random.next(4)).map { _ in
                Message.GivenKPI(id: random.ids().first ?? "K1", direction: random.next(2) == 0 ? .higher : .lower,
                                 achieved: "\(random.next(500)).5", target: "\(random.next(500))",
                                 unit: random.next(2) == 0 ? nil : ["%", "건", "min"][random.next(3)])
            }),
        ]
        base += base.filter { if case .kpiInputs = $0 { false } else { true } }
            .map { .ruleRounded($0, points: random.rational()) }
        return base
    }

    @Test func piecesMakeTheCatalogsText() {
        var random = Random(state: 7)
        var checked = 0
        for _ in 0..<400 {
            for message in messages(&random) {
                #expect(RuleText.english(message) == message.english, "\(message.code)")
                // As the JSON renderer writes it: the same string, escaped.
                var direct = JSONWriter(), viaCatalog = JSONWriter()
                let written = RuleText.writeEnglish(message, to: &direct)
                viaCatalog.string(message.english)
                let (directBytes, catalogBytes) = (direct.bytes(), viaCatalog.bytes())
                #expect(written)
                #expect(directBytes == catalogBytes, "\(message.code)")
                checked += 1
            }
        }
        #expect(checked == 400 * 11)
    }

    /// Texts it does not write are left to the catalog.
    @Test func othersAreLeftToTheCatalog() {
        let band = Message.BandStep(min: Rational(1), upper: nil, points: Rational(5))
        for message: Message in [.ruleBand(band), .ruleChoice(value: "x", points: .zero), .ruleElectiveNotSelected,
                                 .ruleRounded(.ruleBand(band), points: Rational(5)), .noAcceptedKPI] {
            #expect(RuleText.english(message) == nil)
            var json = JSONWriter()
            let written = RuleText.writeEnglish(message, to: &json)
            #expect(!written)
        }
    }
}
