import CertifyRegistry
import Crypto
import Foundation
import Testing

@Suite struct SignedNoteTests {
    /// The key id is SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[0..<4], as
    /// golang.org/x/mod/sumdb/note computes it; this vector is from Go's
    /// note package documentation (PeterNeumann's key).
    @Test func verifierKeysReadAsGoWritesThem() throws {
        let vkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
        let verifier = try #require(NoteVerifier(encoded: vkey))
        #expect(verifier.name == "PeterNeumann")
        #expect(verifier.encoded == vkey)
        #expect(verifier.keyID == [0xc7, 0x4f, 0x20, 0xa3])
        // Go's documentation: this note is signed by that key.
        let note = """
            If you think cryptography is the answer to your problem,
            then you don't know what your problem is.

            — PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=

            """
        #expect(verifier.open(note) == "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n")
        #expect(verifier.open(note.replacingOccurrences(of: "answer", with: "answers")) == nil)
        // Go's signer key signs it to the very same bytes (Ed25519 is deterministic).
        let signer = try #require(NoteSigner(encoded: "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"))
        #expect(signer.verifier == verifier)
        #expect(try signer.sign("If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n") == note)
        #expect(NoteVerifier(encoded: "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") == nil, "wrong key id")
    }

    @Test func signedCheckpointsOpenAndMutationsAreRefused() throws {
        let signer = NoteSigner(name: "example.kr/log", key: Curve25519.Signing.PrivateKey())
        let checkpoint = Checkpoint(origin: "example.kr/log", size: 42, root: Array(repeating: 7, count: 32))
        let note = try signer.sign(checkpoint.text)
        let text = try #require(signer.verifier.open(note))
        #expect(Checkpoint(text: text) == checkpoint)
        #expect(NoteSigner(encoded: signer.encoded)?.verifier == signer.verifier)
        #expect(signer.encoded.hasPrefix("PRIVATE+KEY+example.kr/log+"))
        // Another size, another root, another signature byte, another key: refused.
        #expect(signer.verifier.open(note.replacingOccurrences(of: "\n42\n", with: "\n43\n")) == nil)
        let other = NoteSigner(name: "example.kr/log", key: Curve25519.Signing.PrivateKey())
        #expect(other.verifier.open(note) == nil)
        var bytes = Array(note.utf8)
        bytes[bytes.count - 10] = bytes[bytes.count - 10] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(signer.verifier.open(String(decoding: bytes, as: UTF8.self)) == nil)
        #expect(Checkpoint(text: "o\n042\n\(Data(repeating: 7, count: 32).base64EncodedString())\n") == nil, "leading zero")
        #expect(Checkpoint(text: "o\n1\nAAAA\n") == nil, "short root")
        #expect(!NoteSigner.isValidName("with space") && !NoteSigner.isValidName("a+b") && !NoteSigner.isValidName(""))
    }
}
