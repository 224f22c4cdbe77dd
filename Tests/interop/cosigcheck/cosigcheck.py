#!/usr/bin/env python3
"""Checks C2SP tlog-cosignature v1 (Ed25519) cosignatures on a checkpoint,
written from c2sp.org/tlog-cosignature and c2sp.org/signed-note alone (not
from Certify's code), over the `cryptography` package.

    cosigcheck.py --selftest
        checks the specifications' own examples: the signed-note example
        note against its verifier key, and the tlog-cosignature example's
        signature line (its key id length and its timestamp, which must be
        the `time` of the example's signed message; the example gives no
        public key, so its signature cannot be verified).
    cosigcheck.py CHECKPOINT_FILE VKEY...
        prints one line per witness key: `cosigned NAME time T` or
        `missing NAME`, then `N valid cosignatures`. Exit 1 if a signature
        line with a witness's name and key id does not verify (the note is
        then refused), 2 on a malformed key or note.
"""
import base64
import hashlib
import struct
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

EM_DASH = "\u2014"


def parse_vkey(vkey):
    """<name>+hex(key id)+base64(type || key); the id must be
    SHA-256(name || 0x0A || type || key)[:4]."""
    name, key_id, material = vkey.split("+", 2)
    raw = base64.b64decode(material, validate=True)
    if hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4].hex() != key_id:
        raise ValueError("key id does not match " + vkey)
    return name, bytes.fromhex(key_id), raw[0], raw[1:]


def split_note(note):
    """The text (ending in a newline, without the blank line) and the
    signature lines as (name, bytes)."""
    if not note.endswith("\n") or "\n\n" not in note:
        raise ValueError("not a signed note")
    cut = note.rindex("\n\n")
    text, lines = note[: cut + 1], note[cut + 2 :].split("\n")[:-1]
    signatures = []
    for line in lines:
        if not line.startswith(EM_DASH + " "):
            raise ValueError("not a signature line: " + line)
        name, b64 = line[2:].split(" ")
        signatures.append((name, base64.b64decode(b64, validate=True)))
    return text, signatures


def cosigned_message(text, timestamp):
    """tlog-cosignature: the Ed25519 signed message."""
    return b"cosignature/v1\ntime " + str(timestamp).encode() + b"\n" + text.encode()


def check_cosignatures(note, vkeys):
    text, signatures = split_note(note)
    valid = 0
    for vkey in vkeys:
        name, key_id, kind, material = parse_vkey(vkey)
        if kind != 0x04:
            raise ValueError("not a cosignature/v1 key (type 0x04): " + vkey)
        key = Ed25519PublicKey.from_public_bytes(material)
        found = None
        for signer, raw in signatures:
            if signer != name or raw[:4] != key_id:
                continue  # an unknown key: ignored
            if len(raw) != 4 + 8 + 64:
                print("FAIL: cosignature of %s has %d bytes" % (name, len(raw)))
                return None
            (timestamp,) = struct.unpack(">Q", raw[4:12])
            try:
                if timestamp == 0 or timestamp >= 2**63:
                    raise InvalidSignature()
                key.verify(raw[12:], cosigned_message(text, timestamp))
            except InvalidSignature:
                print("FAIL: cosignature of %s does not verify" % name)
                return None
            found = timestamp
        if found is None:
            print("missing %s" % name)
        else:
            valid += 1
            print("cosigned %s time %d" % (name, found))
    print("%d valid cosignatures" % valid)
    return valid


def selftest():
    # signed-note.md, "Example": this verifier key verifies this note.
    vkey = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
    note = ("This is an example message.\n\n" + EM_DASH +
            " example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n")
    name, key_id, kind, material = parse_vkey(vkey)
    text, signatures = split_note(note)
    assert kind == 0x01 and signatures[0][0] == name and signatures[0][1][:4] == key_id
    Ed25519PublicKey.from_public_bytes(material).verify(signatures[0][1][4:], text.encode())
    try:
        Ed25519PublicKey.from_public_bytes(material).verify(signatures[0][1][4:], text.encode() + b"x")
        raise AssertionError("a changed note verified")
    except InvalidSignature:
        pass
    print("signed-note example: verifies with example.com/foo+530d903a")
    # tlog-cosignature.md: the cosigned checkpoint example and its signed message.
    checkpoint = ("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
                  + EM_DASH + " example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
                  + EM_DASH + " witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n")
    message = ("cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\n"
               "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")
    text, signatures = split_note(checkpoint)
    name, raw = signatures[1]
    assert name == "witness.example.com/w1" and len(raw) == 4 + 8 + 64
    (timestamp,) = struct.unpack(">Q", raw[4:12])
    assert cosigned_message(text, timestamp).decode() == message, "the example's signed message differs"
    print("tlog-cosignature example: %s key id %s, time %d, the example's signed message rebuilt"
          % (name, raw[:4].hex(), timestamp))


def main(argv):
    if argv[1:] == ["--selftest"]:
        selftest()
        return 0
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            note = f.read()
        valid = check_cosignatures(note, argv[2:])
    except ValueError as error:
        print("malformed: %s" % error, file=sys.stderr)
        return 2
    return 1 if valid is None else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
