import CXMLArena
import CertifyModel
@testable import CertifyXML
import Foundation
import Testing

/// libxml2's per-document blocks come from a per-thread slot of one region
/// (CXMLArena): the trees must read the same as with malloc, a slot must not
/// be reused while a document made in it is alive (whichever thread frees
/// it), and what does not fit must still parse, from malloc.
@Suite struct XMLArenaTests {
    /// Runs `body` on a thread of its own, so that no other test's parse
    /// shares its slot, and waits for it.
    func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<T, any Error>?
        let thread = Thread {
            result = Result { try body() }
            done.signal()
        }
        thread.start()
        done.wait()
        return try result!.get()
    }

    func document(_ text: String, limits: XMLLimits = .default) throws -> XMLDocument {
        try SafeXMLParser.parse(Array(text.utf8), limits: limits)
    }

    @Test func treesAreMadeInTheRegion() throws {
        let inRegion = try onOwnThread {
            let document = try document(#"<d xmlns="urn:x" a="1"><e>text</e></d>"#)
            return certify_arena_contains(document.pointer) == 1
                && certify_arena_contains(document.root.node) == 1
                && certify_arena_whole(document.slot) == 1 - certify_arena_sanitized()
                && document.root.attribute("a") == "1" && document.root.elements.first?.text == "text"
        }
        #expect(inRegion, "the tree should be made in this thread's slot and read as parsed")
    }

    @Test func aSlotIsReusedOnlyOnceItsDocumentsAreFreed() throws {
        let (first, whileAlive, afterFree) = try onOwnThread { () -> (UInt, UInt, UInt) in
            var first: XMLDocument? = try document("<a><b/></a>")
            var second: XMLDocument? = try document("<a><b/></a>")
            let addresses = (UInt(bitPattern: first!.pointer), UInt(bitPattern: second!.pointer))
            first = nil
            second = nil
            let third = try document("<a/>")
            return (addresses.0, addresses.1, UInt(bitPattern: third.pointer))
        }
        #expect(whileAlive > first, "a live document's blocks must not be handed out again")
        #expect(afterFree == first, "with no document alive, the slot is reused from its start")
    }

    @Test func aDocumentFreedOnAnotherThreadReleasesItsSlot() throws {
        let box = try onOwnThread { () -> (UInt, UInt, UInt) in
            nonisolated(unsafe) var kept: XMLDocument? = try document("<a><b/></a>")
            let first = UInt(bitPattern: kept!.pointer)
            let blocked = UInt(bitPattern: try document("<a/>").pointer)
            // Freed by another thread.
            let freed = DispatchSemaphore(value: 0)
            Thread { kept = nil; freed.signal() }.start()
            freed.wait()
            let reused = UInt(bitPattern: try document("<a/>").pointer)
            return (first, blocked, reused)
        }
        #expect(box.1 > box.0, "while the first document lives, a new one is made after it")
        #expect(box.2 == box.0, "once it is freed elsewhere, the slot starts over")
    }

    /// Validation can add to the tree (`xsi:type` declares the `xml`
    /// namespace on the document): in the document's own slot when the
    /// thread that made it validates it, otherwise from malloc, and the
    /// tree must then be freed block by block.
    @Test func validationOnAnotherThreadMakesTheTreeFreedBlockByBlock() throws {
        let schema = try XMLSchema(bytes: Array("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x" xmlns="urn:x"
                       elementFormDefault="qualified">
              <xs:element name="d" type="xs:string"/>
            </xs:schema>
            """.utf8))
        let text = #"<d xmlns="urn:x" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xml:lang">ko</d>"#
        let sameThread = try onOwnThread { () -> Bool in
            let document = try document(text)
            _ = schema.validate(document)
            return certify_arena_whole(document.slot) == 1
        }
        #expect(sameThread == (certify_arena_sanitized() == 0), "validated where it was made, the tree stays in its slot")
        let (before, after) = try onOwnThread { () -> (Bool, Bool) in
            let document = try document(text)
            let before = certify_arena_whole(document.slot) == 1
            nonisolated(unsafe) let shared = document
            let done = DispatchSemaphore(value: 0)
            Thread { _ = schema.validate(shared); done.signal() }.start()
            done.wait()
            return (before, certify_arena_whole(document.slot) == 1)
        }
        #expect(before == (certify_arena_sanitized() == 0))
        #expect(!after, "validated on another thread, the tree must be freed block by block")
    }

    @Test func whatDoesNotFitInTheSlotComesFromMalloc() throws {
        // About 200,000 element nodes: more than a slot holds.
        let count = 200_000
        let text = "<a>" + String(repeating: "<b x=\"1\">t</b>", count: count) + "</a>"
        var limits = XMLLimits.default
        limits.maxBytes = text.utf8.count + 1
        limits.maxElements = count + 1
        let large = limits
        let (children, lastInRegion, next) = try onOwnThread { () -> (Int, Bool, String?) in
            let (children, lastInRegion): (Int, Bool) = try {
                let document = try document(text, limits: large)
                let elements = document.root.elements
                return (elements.count, certify_arena_contains(elements.last!.node) == 1 || certify_arena_whole(document.slot) == 1)
            }()
            // The slot starts over (giving back what the large tree took)
            // and serves the next document.
            let next = try document(#"<a v="after"/>"#)
            return (children, lastInRegion, next.root.attribute("v"))
        }
        #expect(children == count)
        #expect(next == "after")
        #expect(!lastInRegion, "the nodes past the slot's end should come from malloc, and the tree be freed block by block")
    }

    @Test func growingBuffersKeepTheirBytes() throws {
        // A long text and attribute value grow libxml2's buffers by realloc.
        let long = String(repeating: "0123456789abcdef", count: 64 * 1024)
        var limits = XMLLimits.default
        limits.maxBytes = 4 * long.utf8.count
        limits.maxTextBytes = 2 * long.utf8.count
        let large = limits
        let (text, attribute) = try onOwnThread {
            let document = try document("<a v=\"\(long)\">\(long)</a>", limits: large)
            return (document.root.text, document.root.attribute("v"))
        }
        #expect(text == long)
        #expect(attribute == long)
    }
}
