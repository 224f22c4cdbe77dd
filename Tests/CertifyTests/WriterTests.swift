import CertifyModel
import CertifyRender
import Foundation
import Testing

/// The writers every output shares (CertifyRender): CSV for spreadsheets,
/// JSON member keys from input, HTML escaping of characters a page may not hold.
@Suite struct WriterTests {
    @Test func csvIsExcelReady() {
        var csv = CSVWriter()
        csv.row(["file", "name", "total"])
        csv.row(["a,b.xml", #"say "hi""#, "87.40"])
        csv.row([" padded", "two\nlines", ""])
        #expect(csv.text == "\u{FEFF}file,name,total\r\n\"a,b.xml\",\"say \"\"hi\"\"\",87.40\r\n\" padded\",\"two\nlines\",\r\n")
    }

    @Test func csvDefusesWhatASpreadsheetWouldTakeForAFormula() {
        for text in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            #expect(CSVWriter.defused(text) == "'" + text)
        }
        for text in ["", "서울", "1-2", "a=b"] { #expect(CSVWriter.defused(text) == text) }
    }

    @Test func jsonKeysFromInputAreEscapedAndIntegersAndNullAreWritten() {
        var json = JSONWriter()
        json.object { json in
            json.key(escaping: "A\"\n"); json.number(3)
            json.key("none"); json.null()
            json.key("n"); json.number(Rational(decimal: "8.5"))
        }
        #expect(String(decoding: json.bytes(), as: UTF8.self) == #"{"A\"\n": 3, "none": null, "n": 8.5}"#)
    }
}
