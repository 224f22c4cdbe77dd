// tilecheck reads a Certify registry's log as C2SP tlog-tiles publishes it
// (https://c2sp.org/tlog-tiles) — from a running `certify serve --registry`
// (a URL such as http://127.0.0.1:8080/log) or from the directory `certify
// registry tiles --out DIR` wrote — with Go's own packages, which no one at
// Certify wrote: golang.org/x/mod/sumdb/note verifies the signed checkpoint,
// golang.org/x/mod/sumdb/tlog's tile reader (TileHashReader) authenticates
// every hash tile against the checkpoint's root hash, and every entry of the
// entry bundles is proved included with tlog.ProveRecord and CheckRecord.
// Tile paths are tlog's own Tile.Path() with the C2SP layout's prefix
// (tile/<L>/... instead of tile/8/<L>/..., tile/entries/ instead of
// tile/8/data/).
//
// Build (Debian's golang-go and golang-golang-x-mod-dev, GOPATH mode):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o tilecheck ./Tests/interop/tilecheck
//
// Usage: tilecheck [-mutate] VKEY URL|DIR
//
// With -mutate it then changes, one at a time and in memory, the
// checkpoint (signature, size, root, another key's signature), every hash
// tile and every entry bundle it read, and checks that each is refused.
// Exit status 0 when everything verifies (and every mutation is refused),
// 1 otherwise, each failure named on stderr.
package main

import (
	"bytes"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const height = 8

var failures int

func fail(format string, args ...interface{}) {
	failures++
	if failures <= 30 {
		fmt.Fprintf(os.Stderr, "tilecheck: FAIL: "+format+"\n", args...)
	}
}

// source fetches the log's files by their path below the prefix; mutate,
// when set, changes a file's bytes after it is fetched.
type source struct {
	base    string
	http    bool
	mutate  func(path string, data []byte) []byte
	fetched []string
}

func (s *source) get(path string, contentType string) ([]byte, error) {
	var data []byte
	if s.http {
		resp, err := http.Get(s.base + "/" + path)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != 200 {
			return nil, fmt.Errorf("%s: HTTP %d", path, resp.StatusCode)
		}
		if got := resp.Header.Get("Content-Type"); got != contentType {
			return nil, fmt.Errorf("%s: Content-Type %q, want %q", path, got, contentType)
		}
		cache := resp.Header.Get("Cache-Control")
		if path == "checkpoint" && !strings.Contains(cache, "max-age=5") || path != "checkpoint" && !strings.Contains(cache, "immutable") {
			return nil, fmt.Errorf("%s: Cache-Control %q", path, cache)
		}
		if data, err = io.ReadAll(resp.Body); err != nil {
			return nil, err
		}
	} else {
		var err error
		if data, err = os.ReadFile(filepath.Join(s.base, filepath.FromSlash(path))); err != nil {
			return nil, err
		}
	}
	s.fetched = append(s.fetched, path)
	if s.mutate != nil {
		data = s.mutate(path, data)
	}
	return data, nil
}

// c2spPath is tlog's own path of a tile in the C2SP layout.
func c2spPath(t tlog.Tile) string {
	p := t.Path()
	if t.L == -1 {
		return strings.Replace(p, "tile/8/data/", "tile/entries/", 1)
	}
	return strings.Replace(p, "tile/8/", "tile/", 1)
}

// tiles is tlog's TileReader over the source; tiles tlog authenticated
// (SaveTiles) are read once, as Go's sumdb client keeps them.
type tiles struct {
	s     *source
	saved map[tlog.Tile][]byte
}

func (t tiles) Height() int { return height }
func (t tiles) ReadTiles(list []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(list))
	for i, tile := range list {
		if data, ok := t.saved[tile]; ok {
			out[i] = data
			continue
		}
		data, err := t.s.get(c2spPath(tile), "application/octet-stream")
		if err != nil {
			return nil, err
		}
		out[i] = data
	}
	return out, nil
}
func (t tiles) SaveTiles(list []tlog.Tile, data [][]byte) {
	for i, tile := range list {
		t.saved[tile] = data[i]
	}
}

// openCheckpoint verifies the signed note and parses the C2SP tlog-checkpoint in it.
func openCheckpoint(msg []byte, verifier note.Verifier) (int64, tlog.Hash, error) {
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		return 0, tlog.Hash{}, err
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) != 4 || lines[3] != "" || lines[0] != verifier.Name() {
		return 0, tlog.Hash{}, fmt.Errorf("not a checkpoint of %s: %q", verifier.Name(), n.Text)
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
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

// verify reads the checkpoint, authenticates the tiles against it and
// proves every entry included; it returns the tree size.
func verify(s *source, verifier note.Verifier) (int64, error) {
	msg, err := s.get("checkpoint", "text/plain; charset=utf-8")
	if err != nil {
		return 0, err
	}
	size, root, err := openCheckpoint(msg, verifier)
	if err != nil {
		return 0, fmt.Errorf("checkpoint: %v", err)
	}
	if size == 0 {
		return 0, nil
	}
	hashes := tlog.TileHashReader(tlog.Tree{N: size, Hash: root}, tiles{s, map[tlog.Tile][]byte{}})
	th, err := tlog.TreeHash(size, hashes)
	if err != nil {
		return 0, fmt.Errorf("tree hash: %v", err)
	}
	if th != root {
		return 0, errors.New("the tiles' tree hash is not the checkpoint's root")
	}
	for start := int64(0); start < size; start += 1 << height {
		width := size - start
		if width > 1<<height {
			width = 1 << height
		}
		bundle := tlog.Tile{H: height, L: -1, N: start >> height, W: int(width)}
		data, err := s.get(c2spPath(bundle), "application/octet-stream")
		if err != nil {
			return 0, err
		}
		for i := int64(0); i < width; i++ {
			if len(data) < 2 {
				return 0, fmt.Errorf("%s: entry %d: bundle too short", c2spPath(bundle), start+i)
			}
			length := int(data[0])<<8 | int(data[1])
			if len(data) < 2+length {
				return 0, fmt.Errorf("%s: entry %d: bundle too short", c2spPath(bundle), start+i)
			}
			entry := data[2 : 2+length]
			data = data[2+length:]
			proof, err := tlog.ProveRecord(size, start+i, hashes)
			if err != nil {
				return 0, fmt.Errorf("inclusion proof of entry %d: %v", start+i, err)
			}
			if err := tlog.CheckRecord(proof, size, root, start+i, tlog.RecordHash(entry)); err != nil {
				return 0, fmt.Errorf("entry %d is not included: %v", start+i, err)
			}
		}
		if len(data) != 0 {
			return 0, fmt.Errorf("%s: %d bytes after its %d entries", c2spPath(bundle), len(data), width)
		}
	}
	return size, nil
}

func main() {
	mutate := flag.Bool("mutate", false, "also check that mutated checkpoints, tiles and bundles are refused")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: tilecheck [-mutate] VKEY URL|DIR")
		os.Exit(2)
	}
	verifier, err := note.NewVerifier(flag.Arg(0))
	if err != nil {
		fmt.Fprintf(os.Stderr, "tilecheck: FAIL: note.NewVerifier: %v\n", err)
		os.Exit(1)
	}
	base := strings.TrimSuffix(flag.Arg(1), "/")
	s := &source{base: base, http: strings.HasPrefix(base, "http://") || strings.HasPrefix(base, "https://")}
	size, err := verify(s, verifier)
	if err != nil {
		fail("%v", err)
		os.Exit(1)
	}
	paths := append([]string(nil), s.fetched...)
	var refused, hashTiles, bundles int
	seen := map[string]bool{}
	for _, p := range paths {
		if seen[p] || p == "checkpoint" {
			continue
		}
		seen[p] = true
		if strings.HasPrefix(p, "tile/entries/") {
			bundles++
		} else {
			hashTiles++
		}
	}
	if *mutate {
		try := func(what string, change func(path string, data []byte) []byte) {
			m := &source{base: s.base, http: s.http, mutate: change}
			if _, err := verify(m, verifier); err == nil {
				fail("accepted a mutated %s", what)
			} else {
				refused++
			}
		}
		// The checkpoint: a flipped signature byte, another size, another root, another key.
		try("checkpoint signature", func(p string, d []byte) []byte {
			if p != "checkpoint" {
				return d
			}
			i := bytes.LastIndexByte(d, ' ')
			sig, _ := base64.StdEncoding.DecodeString(strings.TrimSpace(string(d[i+1:])))
			sig[10] ^= 1
			return append(append([]byte(nil), d[:i+1]...), []byte(base64.StdEncoding.EncodeToString(sig)+"\n")...)
		})
		try("checkpoint size", func(p string, d []byte) []byte {
			if p != "checkpoint" {
				return d
			}
			lines := strings.SplitN(string(d), "\n", 3)
			return []byte(lines[0] + "\n" + strconv.FormatInt(size+1, 10) + "\n" + lines[2])
		})
		try("checkpoint root", func(p string, d []byte) []byte {
			if p != "checkpoint" {
				return d
			}
			lines := strings.SplitN(string(d), "\n", 3)
			rest := []byte(lines[2])
			rest[0] ^= 1
			return []byte(lines[0] + "\n" + lines[1] + "\n" + string(rest))
		})
		skey, _, err := note.GenerateKey(nil, verifier.Name())
		if err != nil {
			fail("note.GenerateKey: %v", err)
		}
		signer, _ := note.NewSigner(skey)
		try("checkpoint signed by another key", func(p string, d []byte) []byte {
			if p != "checkpoint" {
				return d
			}
			text := d[:bytes.Index(d, []byte("\n\n"))+1]
			other, _ := note.Sign(&note.Note{Text: string(text)}, signer)
			return other
		})
		// Every tile and bundle read: one byte changed; every bundle: cut short, and one entry longer.
		for p := range seen {
			p := p
			try(p, func(q string, d []byte) []byte {
				if q != p {
					return d
				}
				c := append([]byte(nil), d...)
				c[len(c)/2] ^= 0x20
				return c
			})
			if strings.HasPrefix(p, "tile/entries/") {
				try(p+" cut short", func(q string, d []byte) []byte {
					if q != p {
						return d
					}
					return d[:len(d)-1]
				})
				try(p+" with a byte added", func(q string, d []byte) []byte {
					if q != p {
						return d
					}
					return append(append([]byte(nil), d...), 0)
				})
			} else {
				try(p+" swapped hashes", func(q string, d []byte) []byte {
					if q != p {
						return d
					}
					if len(d) < 64 {
						return append(append([]byte(nil), d...), make([]byte, 32)...)
					}
					c := append([]byte(nil), d...)
					copy(c[:32], d[32:64])
					copy(c[32:64], d[:32])
					return c
				})
			}
		}
	}
	fmt.Printf("tilecheck: %d entries proved included, %d hash tiles and %d entry bundles verified against the signed checkpoint; %d mutations refused; %d failures\n",
		size, hashTiles, bundles, refused, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
