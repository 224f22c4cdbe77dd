import CertifyModel
import CertifyOffice
import CertifyRuntime
import Foundation

/// For scripts/bench-office: fills an office with `--applications`
/// applications (and their actions) through the office's own workflow,
/// times `--submits` submissions (each with its frozen copy and log row,
/// fsync'd), and prints the accounts' set-password links for the script.
///
/// Usage: certify-office-bench DIR RUBRICS APPLICATIONS SUBMITS
let arguments = CommandLine.arguments
guard arguments.count == 5, let count = Int(arguments[3]), let submits = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: certify-office-bench DIR RUBRICS APPLICATIONS SUBMITS\n".utf8))
    exit(64)
}
let certifier = try Certifier(rubricsDirectory: URL(fileURLWithPath: arguments[2]), schemas: .shipped())
let store = try OfficeStore(directory: arguments[1], create: true)
let office = Office(store: store, certifier: certifier)
let password = "benchmark passphrase 2026"

func account(_ email: String, _ kind: AccountKind, organisation: String? = nil, by: Actor? = nil) throws -> (Actor, String) {
    let link = try office.createAccount(email: email, name: email, kind: kind,
                                        organisation: organisation.map { Organisation(id: $0, name: $0) }, by: by)
    return (Actor(account: try office.setPassword(token: link.token, password: password, again: password)), link.token)
}

let (secretariatAccount, _) = try account("sec@bench.example", .secretariat)
// The secretariat enrols with a fixed secret so that the script can compute codes.
let secret = "benchmark-totp-secret"
let step = Int64(Date().timeIntervalSince1970 / 30)
_ = secretariatAccount
var form = RoundForm()
form.name = "bench"
form.rubric = "kr-smart-city 1.0"
form.opens = "2026-01-01"
form.closes = "2099-12-31"
form.reviewDeadline = "2100-01-31"
let enrolled = try office.store.write { db -> Actor in
    var account = try Account.fetchOne(db, key: secretariatAccount.id)!
    account.totpSecret = secret
    account.totpLastStep = step - 2
    try account.update(db)
    return Actor(account: account)
}
let round = try office.createRound(form, by: enrolled)
let sample = try String(contentsOfFile: arguments[2] + "/../Samples/city/solbit-missing-transport.xml", encoding: .utf8)

// 100 organisations, one applicant each; applications spread over them.
var applicants: [Actor] = []
for n in 0..<100 {
    let (actor, _) = try account("a\(n)@bench.example", .applicant, organisation: "KR-B\(n)", by: enrolled)
    applicants.append(actor)
}
var drafts: [(Int64, Actor)] = []
for n in 0..<count {
    let applicant = applicants[n % applicants.count]
    var application = try office.startApplication(roundID: round.id!, by: applicant)
    // Four saves each: with the starts, over 50,000 actions in the log.
    for revision in 1...4 {
        application = try office.saveDraft(application.id!, draft: sample, basedOn: revision, by: applicant)
    }
    drafts.append((application.id!, applicant))
}

/// The dossier of an application with the server's stamp written in.
func stamped(_ application: OfficeApplication) -> [UInt8] {
    let stamp = office.submission(for: application)
    var text = sample.replacingOccurrences(of: "id=\"SOLBIT-2026\"", with: "id=\"\(stamp.dossierID)\"")
    text = text.replacingOccurrences(of: "<applicant id=\"KR-SOLBIT\"", with: "<applicant id=\"\(stamp.leadApplicant)\"")
    text = text.replacingOccurrences(of: "<submitted>2026-03-02</submitted>", with: "<submitted>\(stamp.submitted)</submitted>")
    return Array(text.utf8)
}

var times: [Duration] = []
let clock = ContinuousClock()
for (id, applicant) in drafts.prefix(submits) {
    let application = try office.application(id, for: applicant)
    let bytes = stamped(application)
    let start = clock.now
    _ = try office.submit(id, dossier: bytes, basedOn: application.draftRevision, by: applicant)
    times.append(clock.now - start)
}
times.sort()
func ms(_ d: Duration) -> String {
    let (s, atto) = d.components
    return String(format: "%.2f", Double(s) * 1000 + Double(atto) / 1e15)
}
let head = try office.head()
let size = (try? FileManager.default.attributesOfItem(atPath: arguments[1] + "/office.sqlite")[.size] as? Int) ?? 0
print("applications \(count) actions \(head.size) database-bytes \(size)")
if !times.isEmpty {
    print("submit median-ms \(ms(times[times.count / 2])) p99-ms \(ms(times[min(times.count - 1, times.count * 99 / 100)]))")
}
print("secret \(secret)")
print("first-application \(drafts.first?.0 ?? 0)")
