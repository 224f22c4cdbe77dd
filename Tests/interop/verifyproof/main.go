// verifyproof checks, without Certify, that a registry entry is in the log
// a signed checkpoint commits to, using only Go's golang.org/x/mod/sumdb
// packages. docs/registry.md, "Verifying a proof without Certify", shows it.
//
//	verifyproof VKEY ENTRY-FILE PROOF-JSON-FILE
//
// VKEY is the verifier key `certify registry init` printed (published by the
// certification body); ENTRY-FILE the bytes of `certify registry entry N`;
// PROOF-JSON-FILE the output of `certify registry prove CERT-ID --format json`.
package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: verifyproof VKEY ENTRY-FILE PROOF-JSON-FILE")
		os.Exit(2)
	}
	verifier, err := note.NewVerifier(os.Args[1])
	check(err, "verifier key")
	entry, err := os.ReadFile(os.Args[2])
	check(err, "entry")
	raw, err := os.ReadFile(os.Args[3])
	check(err, "proof")
	var p struct {
		Index      int64    `json:"index"`
		Size       int64    `json:"size"`
		Proof      []string `json:"proof"`
		Checkpoint string   `json:"checkpoint"`
	}
	check(json.Unmarshal(raw, &p), "proof JSON")

	// 1. The checkpoint is signed by the registry's key (a C2SP signed note).
	n, err := note.Open([]byte(p.Checkpoint), note.VerifierList(verifier))
	check(err, "checkpoint signature")
	// 2. It is a C2SP tlog-checkpoint: origin, size, base64 root hash.
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 || lines[0] != verifier.Name() {
		fail("checkpoint: not a checkpoint of %s", verifier.Name())
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	check(err, "checkpoint size")
	rootBytes, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(rootBytes) != 32 || size != p.Size {
		fail("checkpoint: bad root hash or size")
	}
	var root tlog.Hash
	copy(root[:], rootBytes)
	// 3. The entry's leaf hash, SHA-256(0x00 ‖ entry), is in that tree (RFC 9162 inclusion proof).
	var proof tlog.RecordProof
	for _, h := range p.Proof {
		b, err := base64.StdEncoding.DecodeString(h)
		if err != nil || len(b) != 32 {
			fail("proof: bad hash %q", h)
		}
		var x tlog.Hash
		copy(x[:], b)
		proof = append(proof, x)
	}
	check(tlog.CheckRecord(proof, size, root, p.Index, tlog.RecordHash(entry)), "inclusion proof")
	fmt.Printf("entry %d is in %s's log of %d entries (root %s), checkpoint signed by %s\n",
		p.Index, verifier.Name(), size, lines[2], os.Args[1])
}

func check(err error, what string) {
	if err != nil {
		fail("%s: %v", what, err)
	}
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "verifyproof: "+format+"\n", args...)
	os.Exit(1)
}
