// Entry point of the test binaries scripts/sanitize links (what SwiftPM
// generates for `swift test`): runs the Swift Testing tests linked in,
// taking the same arguments (--filter, …).
import Testing

@main struct SanitizedTests {
    static func main() async {
        await Testing.__swiftPMEntryPoint() as Never
    }
}
