// tlogcheck verifies a Certify registry's log with Go's own packages,
// golang.org/x/mod/sumdb/tlog and golang.org/x/mod/sumdb/note, which no one
// at Certify wrote: signed checkpoints, inclusion and consistency proofs
// (checked, and compared byte for byte with the proofs tlog makes itself),
// and that mutated checkpoints, proofs and entries are refused.
//
// Build (Debian's golang-go and golang-golang-x-mod-dev, GOPATH mode):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o tlogcheck ./Tests/interop/tlogcheck
//
// Input (stdin), one item a line, fields separated by spaces, bytes in base64:
//
//	vkey NAME+ID+KEY
//	entry INDEX BODY
//	checkpoint SIZE NOTE
//	inclusion INDEX SIZE HASH,HASH,...   ("-" for an empty proof)
//	consistency OLD NEW HASH,HASH,...
//	provejson ENTRY JSON                 (the output of certify registry prove --format json)
//	consistencyjson OLDNOTE NEWNOTE JSON (the output of certify registry consistency)
//
// Exit status 0 when everything verifies and every mutation is refused.
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

var failures int

func fail(format string, args ...interface{}) {
	failures++
	if failures <= 30 {
		fmt.Fprintf(os.Stderr, "tlogcheck: FAIL: "+format+"\n", args...)
	}
}

func b64(s string) []byte {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		fail("bad base64 %q", s)
	}
	return b
}

func hashes(s string) []tlog.Hash {
	if s == "-" {
		return nil
	}
	var out []tlog.Hash
	for _, part := range strings.Split(s, ",") {
		var h tlog.Hash
		copy(h[:], b64(part))
		out = append(out, h)
	}
	return out
}

type log struct {
	stored   []tlog.Hash
	leaves   [][]byte
	verifier note.Verifier
	origin   string
}

func (l *log) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		if x < 0 || x >= int64(len(l.stored)) {
			return nil, fmt.Errorf("no stored hash %d", x)
		}
		out[i] = l.stored[x]
	}
	return out, nil
}

func (l *log) root(size int64) tlog.Hash {
	h, err := tlog.TreeHash(size, l)
	if err != nil {
		fail("TreeHash(%d): %v", size, err)
	}
	return h
}

// openCheckpoint verifies a signed note with the log's key and parses the
// C2SP tlog-checkpoint in it.
func (l *log) openCheckpoint(msg []byte) (int64, tlog.Hash, error) {
	n, err := note.Open(msg, note.VerifierList(l.verifier))
	if err != nil {
		return 0, tlog.Hash{}, err
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) != 4 || lines[3] != "" || lines[0] != l.origin {
		return 0, tlog.Hash{}, fmt.Errorf("not a checkpoint of %s: %q", l.origin, n.Text)
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || strconv.FormatInt(size, 10) != lines[1] {
		return 0, tlog.Hash{}, fmt.Errorf("bad size %q", lines[1])
	}
	root, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(root) != 32 {
		return 0, tlog.Hash{}, fmt.Errorf("bad root %q", lines[2])
	}
	var h tlog.Hash
	copy(h[:], root)
	return size, h, nil
}

func flip(b []byte, i int) []byte {
	c := append([]byte(nil), b...)
	c[i%len(c)] ^= 0x01
	return c
}

func main() {
	l := &log{}
	var checkpoints, inclusions, consistencies, refused, cli int
	refuse := func(what string, err error) {
		if err == nil {
			fail("accepted a mutated %s", what)
		} else {
			refused++
		}
	}
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1<<20), 1<<24)
	for scanner.Scan() {
		f := strings.Fields(scanner.Text())
		if len(f) == 0 {
			continue
		}
		switch f[0] {
		case "vkey":
			v, err := note.NewVerifier(f[1])
			if err != nil {
				fail("note.NewVerifier: %v", err)
				os.Exit(1)
			}
			l.verifier, l.origin = v, v.Name()
		case "entry":
			index, _ := strconv.ParseInt(f[1], 10, 64)
			if index != int64(len(l.leaves)) {
				fail("entries out of order at %d", index)
			}
			body := b64(f[2])
			l.leaves = append(l.leaves, body)
			hs, err := tlog.StoredHashes(index, body, l)
			if err != nil {
				fail("StoredHashes(%d): %v", index, err)
			}
			l.stored = append(l.stored, hs...)
		case "checkpoint":
			size, _ := strconv.ParseInt(f[1], 10, 64)
			msg := b64(f[2])
			got, root, err := l.openCheckpoint(msg)
			if err != nil {
				fail("checkpoint %d: %v", size, err)
				continue
			}
			if got != size || root != l.root(size) {
				fail("checkpoint %d: size %d or root differs from the tree tlog computes", size, got)
			}
			checkpoints++
			// A flipped signature byte, another size, another root: refused.
			sig := bytes.LastIndex(msg, []byte(" "))
			sigBytes := b64(strings.TrimSpace(string(msg[sig+1:])))
			bad := append(append([]byte(nil), msg[:sig+1]...), []byte(base64.StdEncoding.EncodeToString(flip(sigBytes, 4+int(size)))+"\n")...)
			_, _, err = l.openCheckpoint(bad)
			refuse("checkpoint signature", err)
			lines := strings.SplitN(string(msg), "\n", 3)
			_, _, err = l.openCheckpoint([]byte(lines[0] + "\n" + strconv.FormatInt(size+1, 10) + "\n" + lines[2]))
			refuse("checkpoint size", err)
			rest := []byte(lines[2])
			rest[3] ^= 0x01
			_, _, err = l.openCheckpoint([]byte(lines[0] + "\n" + lines[1] + "\n" + string(rest)))
			refuse("checkpoint root", err)
		case "inclusion":
			index, _ := strconv.ParseInt(f[1], 10, 64)
			size, _ := strconv.ParseInt(f[2], 10, 64)
			proof := tlog.RecordProof(hashes(f[3]))
			root, leaf := l.root(size), tlog.RecordHash(l.leaves[index])
			if err := tlog.CheckRecord(proof, size, root, index, leaf); err != nil {
				fail("inclusion %d in %d: %v", index, size, err)
				continue
			}
			ours, err := tlog.ProveRecord(size, index, l)
			if err != nil || len(ours) != len(proof) {
				fail("inclusion %d in %d: tlog's own proof differs (%v)", index, size, err)
			} else {
				for i := range ours {
					if ours[i] != proof[i] {
						fail("inclusion %d in %d: element %d differs from tlog's own proof", index, size, i)
					}
				}
			}
			inclusions++
			// A mutated entry, another index, a flipped, missing or extra hash: refused.
			refuse("entry", tlog.CheckRecord(proof, size, root, index, tlog.RecordHash(flip(l.leaves[index], int(size)))))
			if index+1 < size {
				refuse("index", tlog.CheckRecord(proof, size, root, index+1, leaf))
			}
			if len(proof) > 0 {
				m := append(tlog.RecordProof(nil), proof...)
				m[int(size)%len(m)][int(index)%32] ^= 0x80
				refuse("inclusion proof hash", tlog.CheckRecord(m, size, root, index, leaf))
				refuse("shortened inclusion proof", tlog.CheckRecord(proof[:len(proof)-1], size, root, index, leaf))
			}
			refuse("lengthened inclusion proof", tlog.CheckRecord(append(append(tlog.RecordProof(nil), proof...), root), size, root, index, leaf))
		case "consistency":
			old, _ := strconv.ParseInt(f[1], 10, 64)
			size, _ := strconv.ParseInt(f[2], 10, 64)
			proof := tlog.TreeProof(hashes(f[3]))
			oldRoot, root := l.root(old), l.root(size)
			if err := tlog.CheckTree(proof, size, root, old, oldRoot); err != nil {
				fail("consistency %d → %d: %v", old, size, err)
				continue
			}
			ours, err := tlog.ProveTree(size, old, l)
			if err != nil || len(ours) != len(proof) {
				fail("consistency %d → %d: tlog's own proof differs (%v)", old, size, err)
			} else {
				for i := range ours {
					if ours[i] != proof[i] {
						fail("consistency %d → %d: element %d differs from tlog's own proof", old, size, i)
					}
				}
			}
			consistencies++
			if len(proof) > 0 {
				m := append(tlog.TreeProof(nil), proof...)
				m[int(old+size)%len(m)][int(old)%32] ^= 0x01
				refuse("consistency proof hash", tlog.CheckTree(m, size, root, old, oldRoot))
				refuse("consistency old root", tlog.CheckTree(proof, size, root, old, flipHash(oldRoot)))
				refuse("consistency new root", tlog.CheckTree(proof, size, flipHash(root), old, oldRoot))
			}
		case "provejson":
			entry := b64(f[1])
			var p struct {
				Index      int64    `json:"index"`
				Size       int64    `json:"size"`
				Proof      []string `json:"proof"`
				Checkpoint string   `json:"checkpoint"`
			}
			if err := json.Unmarshal(b64(f[2]), &p); err != nil {
				fail("prove JSON: %v", err)
				continue
			}
			size, root, err := l.openCheckpoint([]byte(p.Checkpoint))
			if err != nil || size != p.Size {
				fail("prove JSON: checkpoint: %v", err)
				continue
			}
			proof := hashes(strings.Join(p.Proof, ","))
			if len(p.Proof) == 0 {
				proof = nil
			}
			if err := tlog.CheckRecord(proof, size, root, p.Index, tlog.RecordHash(entry)); err != nil {
				fail("prove JSON for entry %d: %v", p.Index, err)
				continue
			}
			refuse("entry of prove JSON", tlog.CheckRecord(proof, size, root, p.Index, tlog.RecordHash(flip(entry, 7))))
			cli++
		case "consistencyjson":
			oldSize, oldRoot, err1 := l.openCheckpoint(b64(f[1]))
			newSize, newRoot, err2 := l.openCheckpoint(b64(f[2]))
			var p struct {
				From  int64    `json:"from"`
				To    int64    `json:"to"`
				Proof []string `json:"proof"`
			}
			if err1 != nil || err2 != nil || json.Unmarshal(b64(f[3]), &p) != nil || p.From != oldSize || p.To != newSize {
				fail("consistency JSON: bad checkpoints or JSON (%v, %v)", err1, err2)
				continue
			}
			proof := tlog.TreeProof(hashes(strings.Join(p.Proof, ",")))
			if len(p.Proof) == 0 {
				proof = nil
			}
			if err := tlog.CheckTree(proof, newSize, newRoot, oldSize, oldRoot); err != nil {
				fail("consistency JSON %d → %d: %v", oldSize, newSize, err)
				continue
			}
			cli++
		default:
			fail("unknown line %q", f[0])
		}
	}
	if err := scanner.Err(); err != nil {
		fail("reading: %v", err)
	}
	fmt.Printf("tlogcheck: %d entries, %d checkpoints, %d inclusion proofs, %d consistency proofs, %d certify outputs verified; %d mutations refused; %d failures\n",
		len(l.leaves), checkpoints, inclusions, consistencies, cli, refused, failures)
	if failures > 0 {
		os.Exit(1)
	}
}

func flipHash(h tlog.Hash) tlog.Hash {
	h[5] ^= 0x10
	return h
}
