@testable import CertifyServer
import Testing

/// `Content-Type` and `Content-Disposition` values: the type in lower case,
/// parameter names in lower case, optional whitespace (spaces and tabs)
/// and a value's quotes removed.
@Suite struct MediaTypeTests {
    @Test func mediaTypesAndTheirParameters() {
        func parse(_ value: String) -> [String] {
            let (type, parameters) = BodyReader.parseMediaType(value)
            return [type] + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        }
        #expect(parse("application/xml") == ["application/xml"])
        #expect(parse(" Application/XML ; Charset=UTF-8") == ["application/xml", "charset=UTF-8"])
        #expect(parse("multipart/form-data;\tboundary=abc") == ["multipart/form-data", "boundary=abc"])
        #expect(parse("multipart/form-data; boundary=\"x y\"") == ["multipart/form-data", "boundary=x y"])
        #expect(parse("form-data; name=\"dossier\"; filename=\"도시.xml\"") == ["form-data", "filename=도시.xml", "name=dossier"])
        #expect(parse("text/plain; flag; =empty; q=\"\"") == ["text/plain", "=empty", "q="])
        #expect(parse("") == [""])
        #expect(parse(" \t ") == [""])
        #expect(parse("a=\"") == ["a=\""])
    }
}
