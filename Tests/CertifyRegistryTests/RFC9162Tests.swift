import CertifyRegistry
import Foundation
import Testing

/// An in-memory tree: every complete subtree hash, computed level by level.
struct MemoryTree: RFC9162.SubtreeHashes {
    var levels: [[RFC9162.Hash]] = [[]]
    init(_ entries: [[UInt8]]) {
        for entry in entries {
            levels[0].append(RFC9162.leafHash(entry))
            var level = 0
            while levels[level].count % 2 == 0 {
                let count = levels[level].count
                if levels.count == level + 1 { levels.append([]) }
                levels[level + 1].append(RFC9162.nodeHash(levels[level][count - 2], levels[level][count - 1]))
                level += 1
            }
        }
    }
    func hash(level: Int, index: Int) throws -> RFC9162.Hash { levels[level][index] }
}

/// The RFC's recursive MTH over the entries themselves, independent of the stored subtrees.
func referenceMTH(_ entries: ArraySlice<[UInt8]>) -> RFC9162.Hash {
    if entries.isEmpty { return RFC9162.emptyHash }
    if entries.count == 1 { return RFC9162.leafHash(entries.first!) }
    var k = 1
    while k << 1 < entries.count { k <<= 1 }
    let start = entries.startIndex
    return RFC9162.nodeHash(referenceMTH(entries[start..<start + k]), referenceMTH(entries[(start + k)...]))
}

func hex(_ hash: [UInt8]) -> String { hash.map { String(format: "%02x", $0) }.joined() }

@Suite struct RFC9162Tests {
    /// The eight-leaf test tree of RFC 6962's reference implementation
    /// (certificate-transparency), whose roots are published.
    static let leaves: [[UInt8]] = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                                    "606162636465666768696a6b6c6d6e6f"].map { text in
        stride(from: 0, to: text.count, by: 2).map { UInt8(text.dropFirst($0).prefix(2), radix: 16)! }
    }
    static let roots = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]

    @Test func theReferenceTreeHasThePublishedRoots() throws {
        let tree = MemoryTree(Self.leaves)
        for size in 1...8 {
            #expect(hex(try RFC9162.MTH(size: size, tree)) == Self.roots[size - 1], "size \(size)")
        }
        #expect(hex(RFC9162.emptyHash) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func storedSubtreesGiveTheRecursiveMTHForEverySize() throws {
        let entries = (0..<130).map { Array("entry \($0)".utf8) }
        let tree = MemoryTree(entries)
        for size in 0...130 {
            #expect(try RFC9162.MTH(size: size, tree) == referenceMTH(entries[0..<size]), "size \(size)")
        }
    }

    @Test func everyInclusionProofVerifiesAndEveryMutationIsRefused() throws {
        let entries = (0..<70).map { Array("leaf \($0)".utf8) }
        let tree = MemoryTree(entries)
        for size in 1...70 {
            let root = try RFC9162.MTH(size: size, tree)
            for index in 0..<size {
                let proof = try RFC9162.inclusionProof(index: index, size: size, tree)
                let leaf = RFC9162.leafHash(entries[index])
                #expect(RFC9162.verifyInclusion(leaf: leaf, index: index, size: size, proof: proof, root: root))
                #expect(!RFC9162.verifyInclusion(leaf: RFC9162.leafHash(entries[index] + [0]), index: index, size: size, proof: proof, root: root))
                if index + 1 < size {
                    #expect(!RFC9162.verifyInclusion(leaf: leaf, index: index + 1, size: size, proof: proof, root: root))
                }
                #expect(!RFC9162.verifyInclusion(leaf: leaf, index: index, size: size, proof: proof + [root], root: root))
                if !proof.isEmpty {
                    var flipped = proof
                    flipped[index % proof.count][size % 32] ^= 1
                    #expect(!RFC9162.verifyInclusion(leaf: leaf, index: index, size: size, proof: flipped, root: root))
                    #expect(!RFC9162.verifyInclusion(leaf: leaf, index: index, size: size, proof: proof.dropLast(), root: root))
                }
            }
        }
    }

    @Test func everyConsistencyProofVerifiesAndEveryMutationIsRefused() throws {
        let entries = (0..<64).map { Array("leaf \($0)".utf8) }
        let tree = MemoryTree(entries)
        for new in 1...64 {
            let newRoot = try RFC9162.MTH(size: new, tree)
            for old in 1...new {
                let oldRoot = try RFC9162.MTH(size: old, tree)
                let proof = try RFC9162.PROOF(old, new, tree)
                #expect(RFC9162.verifyConsistency(size1: old, size2: new, root1: oldRoot, root2: newRoot, proof: proof), "\(old) → \(new)")
                var wrongRoot = oldRoot
                wrongRoot[0] ^= 1
                #expect(!RFC9162.verifyConsistency(size1: old, size2: new, root1: wrongRoot, root2: newRoot, proof: proof))
                if !proof.isEmpty {
                    var flipped = proof
                    flipped[new % proof.count][old % 32] ^= 1
                    #expect(!RFC9162.verifyConsistency(size1: old, size2: new, root1: oldRoot, root2: newRoot, proof: flipped))
                    #expect(!RFC9162.verifyConsistency(size1: old, size2: new, root1: oldRoot, root2: newRoot, proof: proof.dropLast()))
                }
            }
        }
    }
}
