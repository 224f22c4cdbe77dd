import CertifyModel
import Foundation

extension Certificate {
    /// The one JSON shape of a certificate: a line of `registry list
    /// --format json` and `registry status --format json` (keys fixed by
    /// the spec: certificate, applicant, rubric, version, status, validFrom,
    /// validUntil, index, predecessor …), and the members the API's
    /// `/api/v1/certificates/{id}` answer starts with. Statuses are on `day`.
    public func writeJSONMembers(on day: CalendarDate, to json: inout JSONWriter) {
        json.key("certificate"); json.string(id)
        json.key("applicant"); json.string(applicant.id)
        json.key("applicantName"); json.string(applicant.name)
        json.key("applicants")
        json.objects(applicants) { json, applicant in
            json.key("id"); json.string(applicant.id)
            json.key("name"); json.string(applicant.name)
        }
        json.key("rubric"); json.string(rubric)
        json.key("version"); json.string(rubricVersion)
        json.key("status"); json.string(status(on: day).rawValue)
        json.key("at"); json.string(day.description)
        json.key("validFrom"); json.string(validFrom.description)
        json.key("validUntil"); json.string(validUntil.description)
        json.key("renewalFrom"); json.string(renewalWindowStart.description)
        json.key("index"); json.number(latestIndex)
        json.key("predecessor"); json.string(predecessor)
        json.key("successor"); json.string(successor)
        json.key("revoked"); json.string(revokedOn?.description)
        json.key("reason"); json.string(revocationReason)
        json.key("reportSHA256"); json.string(reportSHA256)
    }

    /// `writeJSONMembers` as one compact object (a JSON Lines record, without its newline).
    public func json(on day: CalendarDate) -> String {
        var json = JSONWriter(compact: true)
        json.object { json in writeJSONMembers(on: day, to: &json) }
        return json.text()
    }
}

extension InclusionProof {
    /// `{"index", "size", "proof": [base64], "checkpoint"}` (`prove --format json`).
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("index"); json.number(index)
            json.key("size"); json.number(size)
            json.key("proof"); json.array { json in for hash in proof { json.string(Data(hash).base64EncodedString()) } }
            json.key("checkpoint"); json.string(checkpoint)
        }
    }

    public var json: String {
        var json = JSONWriter(compact: true)
        write(to: &json)
        return json.text()
    }
}

extension ConsistencyProof {
    /// `{"from", "to", "proof": [base64]}` (`consistency --format json`).
    public var json: String {
        var json = JSONWriter(compact: true)
        json.object { json in
            json.key("from"); json.number(from)
            json.key("to"); json.number(to)
            json.key("proof"); json.array { json in for hash in proof { json.string(Data(hash).base64EncodedString()) } }
        }
        return json.text()
    }
}
