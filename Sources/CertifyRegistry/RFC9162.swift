import Crypto

/// Merkle tree hashing, inclusion and consistency proofs, and their
/// verification, as RFC 9162 (Certificate Transparency 2.0) section 2.1
/// defines them — the same hashes and proofs as RFC 6962 and Go's
/// `golang.org/x/mod/sumdb/tlog`. The names are the RFC's: MTH, PATH,
/// PROOF and SUBPROOF; `leafHash` and `nodeHash` are its two hash inputs.
///
/// The tree is read through `SubtreeHashes`, which gives the hash of any
/// complete subtree (2^level leaves starting at leaf `index << level`); the
/// registry stores all of them, so MTH of any range costs O(log n) reads.
public enum RFC9162 {
    /// A SHA-256 hash.
    public typealias Hash = [UInt8]

    /// The hash of the empty tree: SHA-256 of nothing.
    public static let emptyHash: Hash = Array(SHA256.hash(data: [UInt8]()))

    /// Leaf hash: SHA-256(0x00 ‖ entry).
    public static func leafHash(_ entry: some Collection<UInt8>) -> Hash {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: Array(entry))
        return Array(hasher.finalize())
    }

    /// Node hash: SHA-256(0x01 ‖ left ‖ right).
    public static func nodeHash(_ left: Hash, _ right: Hash) -> Hash {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left)
        hasher.update(data: right)
        return Array(hasher.finalize())
    }

    /// The largest power of two smaller than n (n > 1): the RFC's k.
    static func split(_ n: Int) -> Int {
        precondition(n > 1)
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    // MARK: - Producing (over stored complete-subtree hashes)

    /// The hashes of complete subtrees: `hash(level: l, index: i)` is MTH of
    /// leaves `i·2^l ..< (i+1)·2^l`.
    public protocol SubtreeHashes {
        func hash(level: Int, index: Int) throws -> Hash
    }

    /// MTH(D[lo:hi]) for a range whose start is a multiple of the largest
    /// power of two not above its size (every range the RFC's recursion makes).
    public static func MTH(_ lo: Int, _ hi: Int, _ tree: some SubtreeHashes) throws -> Hash {
        let n = hi - lo
        if n == 0 { return emptyHash }
        if n & (n - 1) == 0 {  // a complete subtree
            let level = n.trailingZeroBitCount
            return try tree.hash(level: level, index: lo >> level)
        }
        let k = split(n)
        return nodeHash(try MTH(lo, lo + k, tree), try MTH(lo + k, hi, tree))
    }

    /// The root of the tree of the first `size` leaves.
    public static func MTH(size: Int, _ tree: some SubtreeHashes) throws -> Hash {
        try MTH(0, size, tree)
    }

    /// PATH(m, D[lo:hi]): the audit path of leaf m (relative to lo), bottom-up.
    public static func PATH(_ m: Int, _ lo: Int, _ hi: Int, _ tree: some SubtreeHashes) throws -> [Hash] {
        let n = hi - lo
        precondition(m >= 0 && m < n)
        if n == 1 { return [] }
        let k = split(n)
        if m < k {
            return try PATH(m, lo, lo + k, tree) + [MTH(lo + k, hi, tree)]
        }
        return try PATH(m - k, lo + k, hi, tree) + [MTH(lo, lo + k, tree)]
    }

    /// The inclusion proof of leaf `index` in the tree of `size` leaves.
    public static func inclusionProof(index: Int, size: Int, _ tree: some SubtreeHashes) throws -> [Hash] {
        try PATH(index, 0, size, tree)
    }

    /// PROOF(m, D[n]) = SUBPROOF(m, D[n], true): the consistency proof
    /// between the trees of sizes m and n (0 < m ≤ n).
    public static func PROOF(_ m: Int, _ n: Int, _ tree: some SubtreeHashes) throws -> [Hash] {
        precondition(0 < m && m <= n)
        return try SUBPROOF(m, 0, n, true, tree)
    }

    /// SUBPROOF(m, D[lo:hi], b).
    public static func SUBPROOF(_ m: Int, _ lo: Int, _ hi: Int, _ b: Bool, _ tree: some SubtreeHashes) throws -> [Hash] {
        let n = hi - lo
        if m == n { return b ? [] : [try MTH(lo, hi, tree)] }
        let k = split(n)
        if m <= k {
            return try SUBPROOF(m, lo, lo + k, b, tree) + [MTH(lo + k, hi, tree)]
        }
        return try SUBPROOF(m - k, lo + k, hi, false, tree) + [MTH(lo, lo + k, tree)]
    }

    // MARK: - Verifying (RFC 9162 sections 2.1.3.2 and 2.1.4.2)

    /// Whether `proof` shows the leaf with hash `leaf` at `index` in the
    /// tree of `size` leaves with root `root`.
    public static func verifyInclusion(leaf: Hash, index: Int, size: Int, proof: [Hash], root: Hash) -> Bool {
        guard index >= 0, index < size, proof.allSatisfy({ $0.count == 32 }), leaf.count == 32 else { return false }
        var fn = index, sn = size - 1
        var r = leaf
        for p in proof {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                r = nodeHash(p, r)
                while fn & 1 == 0 && fn != 0 { fn >>= 1; sn >>= 1 }
            } else {
                r = nodeHash(r, p)
            }
            fn >>= 1; sn >>= 1
        }
        return sn == 0 && r == root
    }

    /// Whether `proof` shows that the tree of `size2` leaves with root
    /// `root2` extends the tree of `size1` leaves with root `root1`.
    public static func verifyConsistency(size1: Int, size2: Int, root1: Hash, root2: Hash, proof: [Hash]) -> Bool {
        guard size1 > 0, size1 <= size2, proof.allSatisfy({ $0.count == 32 }) else { return false }
        if size1 == size2 { return proof.isEmpty && root1 == root2 }
        guard !proof.isEmpty else { return false }
        // If size1 is an exact power of two, prepend root1 to the proof.
        var path = proof
        if size1 & (size1 - 1) == 0 { path.insert(root1, at: 0) }
        var fn = size1 - 1, sn = size2 - 1
        while fn & 1 == 1 { fn >>= 1; sn >>= 1 }
        var fr = path[0], sr = path[0]
        for c in path.dropFirst() {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                fr = nodeHash(c, fr)
                sr = nodeHash(c, sr)
                while fn & 1 == 0 && fn != 0 { fn >>= 1; sn >>= 1 }
            } else {
                sr = nodeHash(sr, c)
            }
            fn >>= 1; sn >>= 1
        }
        return fr == root1 && sr == root2 && sn == 0
    }
}
