#!/usr/bin/env python3
"""Builds an executable from Certify's core modules with extra compiler flags
(sanitizers, libFuzzer), without SwiftPM rebuilding the dependency graph.

Used by scripts/fuzz and scripts/sanitize. The package's own library targets
that the given sources import (directly or through each other) are compiled
with `swiftc` and the given flags, one whole-module object each, in
dependency order (read from `swift package describe`). Third-party
dependencies (BigInt, swift-crypto, swift-property-based, …) are not
rebuilt: their modules and objects are taken from the ordinary debug build
in .build/debug (built first with `swift build --target …` when missing), as
one static archive from which the linker takes only what is used, so heavy
dependencies of other targets (servers, databases) cost nothing.

    corebuild.py --out DIR --flags "-O -sanitize=fuzzer,address" \
                 --output DIR/fuzz-dossier Fuzz/Common/*.swift Fuzz/dossier/*.swift
    corebuild.py --out DIR --flags "-sanitize=address" --tests CertifyTests,CertifyPropertyTests \
                 --output DIR/core-tests

Objects are rebuilt only when a source, an imported module or the flags
changed.
"""
import argparse
import glob
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEBUG = os.path.join(ROOT, ".build", "debug")
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_implementationOnly\s+|(?:public|internal|package)\s+)?import\s+(?:struct\s+|enum\s+|class\s+|func\s+)?([A-Za-z_][A-Za-z0-9_]*)", re.M)


def log(message):
    print(f"corebuild: {message}", file=sys.stderr, flush=True)


def run(command, **kw):
    result = subprocess.run(command, cwd=ROOT, **kw)
    if result.returncode != 0:
        log("failed: " + " ".join(shlex.quote(c) for c in command[:12]) + (" …" if len(command) > 12 else ""))
        sys.exit(result.returncode)
    return result


def describe(out):
    """The package's targets, cached per Package.swift content."""
    manifest = open(os.path.join(ROOT, "Package.swift"), "rb").read()
    key = hashlib.sha256(manifest).hexdigest()
    cache = os.path.join(out, "describe.json")
    if os.path.exists(cache):
        data = json.load(open(cache))
        if data.get("key") == key:
            return data["targets"]
    text = run(["swift", "package", "describe", "--type", "json"], capture_output=True, text=True).stdout
    targets = {t["name"]: t for t in json.loads(text[text.index("{"):])["targets"]}
    os.makedirs(out, exist_ok=True)
    json.dump({"key": key, "targets": targets}, open(cache, "w"))
    return targets


def sources(target):
    files = sorted(glob.glob(os.path.join(ROOT, target["path"], "**", "*.swift"), recursive=True))
    # A target with resources reads them through the code SwiftPM generates
    # for it (the debug build wrote it): the `Bundle.module` accessor of
    # copied resources, the `PackageResources` of resources embedded in code.
    derived = os.path.join(DEBUG, target["name"] + ".build", "DerivedSources")
    generated = [os.path.join(derived, name) for name in ("resource_bundle_accessor.swift", "embedded_resources.swift")]
    return files + [path for path in generated if os.path.exists(path)]


def imports(files):
    names = set()
    for path in files:
        names.update(IMPORT.findall(open(path, encoding="utf-8").read()))
    return names


def closure(targets, wanted):
    """Root library targets needed for `wanted`, dependencies first."""
    order, seen = [], set()

    def visit(name):
        if name in seen or name not in targets:
            return
        seen.add(name)
        for dep in targets[name].get("target_dependencies") or []:
            visit(dep)
        if targets[name]["type"] == "library":
            order.append(name)

    for name in sorted(wanted):
        visit(name)
    return order


def third_party_products(targets, modules):
    products = set()
    for name in modules:
        products.update(targets[name].get("product_dependencies") or [])
    return products


def ensure_debug_build(targets, modules, test_targets):
    """Builds the dependencies in .build/debug if their modules are missing."""
    needed = third_party_products(targets, modules + test_targets)
    missing = [p for p in needed if not os.path.exists(os.path.join(DEBUG, "Modules", p + ".swiftmodule"))]
    if missing:
        # Building the package targets that use them builds them too.
        for target in sorted(set(modules + test_targets)):
            if set(targets[target].get("product_dependencies") or []) & set(missing):
                log(f"building the dependencies of {target} in .build/debug (swift build --target {target})")
                run(["swift", "build", "--target", target])


def system_modulemaps():
    """Module maps of system-library targets: this package's and its
    dependencies' (e.g. GRDB's SQLite), which imported Swift modules need."""
    return (glob.glob(os.path.join(ROOT, "Sources", "*", "module.modulemap"))
            + [m for m in glob.glob(os.path.join(ROOT, ".build", "checkouts", "*", "Sources", "*", "module.modulemap"))
               if re.search(r"^\s*link\s+\"", open(m).read(), re.M)])


def system_libraries():
    """`link "X"` of those module maps, as -lX (archive members do not autolink)."""
    names = []
    for modulemap in system_modulemaps():
        names += re.findall(r'^\s*link\s+"([^"]+)"', open(modulemap).read(), re.M)
    return ["-l" + n for n in sorted(set(names))]


def swiftpm_clang_flags():
    """The module maps and header paths of every C target (e.g. swift-atomics'
    _AtomicsShims, NIO's CNIOLinux, which the server's dependencies import),
    exactly as SwiftPM passes them to its own swiftc commands in
    .build/debug.yaml."""
    path = os.path.join(ROOT, ".build", "debug.yaml")
    if not os.path.exists(path):
        return []
    seen, flags = set(), []
    for line in open(path):
        if "args:" not in line or '"-module-name"' not in line:
            continue
        try:
            args = json.loads(line.split("args:", 1)[1].strip())
        except ValueError:
            continue
        for i, arg in enumerate(args[:-1]):
            if arg != "-Xcc":
                continue
            value = args[i + 1]
            if value.startswith("-fmodule-map-file="):
                item = ("-Xcc", value)
            elif value == "-I" and i + 3 < len(args) and args[i + 2] == "-Xcc":
                item = ("-Xcc", "-I", "-Xcc", args[i + 3])
            else:
                continue
            if item not in seen:
                seen.add(item)
                flags += list(item)
    return flags


def clang_flags():
    cflags = subprocess.run(["pkg-config", "--cflags", "libxml-2.0"], capture_output=True, text=True).stdout.split()
    flags = []
    for modulemap in system_modulemaps():
        flags += ["-Xcc", "-fmodule-map-file=" + modulemap]
    known = set(flags)
    extra = swiftpm_clang_flags()
    i = 0
    while i < len(extra):
        step = 4 if extra[i + 1] == "-I" else 2
        if step == 2 and extra[i + 1] in known:
            i += step
            continue
        flags += extra[i:i + step]
        i += step
    for flag in cflags:
        flags += ["-Xcc", flag]
    return flags


def stale(output, inputs, stamp, signature):
    if not os.path.exists(output) or not os.path.exists(stamp) or open(stamp).read() != signature:
        return True
    mtime = os.path.getmtime(output)
    return any(os.path.getmtime(i) > mtime for i in inputs if os.path.exists(i))


def compile_module(name, files, out, flags, dependencies=()):
    """Compiles one module unless its object is newer than its sources and
    the modules it depends on, with the same flags."""
    modules = os.path.join(out, "Modules")
    os.makedirs(modules, exist_ok=True)
    obj = os.path.join(out, name + ".o")
    swiftmodule = os.path.join(modules, name + ".swiftmodule")
    deps = [os.path.join(modules, d + ".swiftmodule") for d in dependencies]
    signature = " ".join(flags + files)
    if not stale(obj, files + deps, obj + ".flags", signature) and os.path.exists(swiftmodule):
        return obj
    log(f"compiling {name} ({len(files)} files)")
    run(["swiftc", "-module-name", name, "-parse-as-library", "-swift-version", "6", "-package-name", "certify",
         "-wmo", "-num-threads", "0", "-c", "-emit-module", "-emit-module-path", swiftmodule, "-o", obj,
         "-I", modules, "-I", os.path.join(DEBUG, "Modules")] + clang_flags() + flags + files)
    open(obj + ".flags", "w").write(signature)
    return obj


def clang():
    """The toolchain's own clang, beside swiftc, so that its sanitizer
    runtimes are the ones swiftc links."""
    swiftc = shutil.which("swiftc")
    beside = os.path.join(os.path.dirname(os.path.realpath(swiftc)), "clang") if swiftc else ""
    return beside if os.path.exists(beside) else "clang"


def clang_sanitizers(flags):
    """swiftc's -sanitize=… as clang's -fsanitize=… (libFuzzer's driver is
    linked by swiftc, so C code gets its coverage hooks only)."""
    names = []
    for flag in flags:
        if flag.startswith("-sanitize="):
            names += ["fuzzer-no-link" if n == "fuzzer" else n for n in flag.split("=", 1)[1].split(",")]
    return ["-fsanitize=" + ",".join(names)] if names else []


def compile_c_module(target, out, flags):
    """Compiles a C target (e.g. CXMLArena) with clang, with the swiftc
    flags' sanitizers, into one relocatable object. Swift modules import it
    through the module map SwiftPM's debug build generated for it."""
    name = target["name"]
    files = sorted(glob.glob(os.path.join(ROOT, target["path"], "**", "*.c"), recursive=True))
    headers = sorted(glob.glob(os.path.join(ROOT, target["path"], "include", "**", "*.h"), recursive=True))
    obj = os.path.join(out, name + ".o")
    cflags = ["-O1", "-g", "-fPIC", "-I", os.path.join(ROOT, target["path"], "include")]
    cflags += subprocess.run(["pkg-config", "--cflags", "libxml-2.0"], capture_output=True, text=True).stdout.split()
    cflags += clang_sanitizers(flags)
    signature = " ".join(cflags + files)
    if not stale(obj, files + headers, obj + ".flags", signature):
        return obj
    log(f"compiling {name} ({len(files)} C files)")
    objects = []
    for path in files:
        each = os.path.join(out, name + "." + os.path.basename(path) + ".o")
        run([clang(), "-c"] + cflags + [path, "-o", each])
        objects.append(each)
    run(["ld", "-r", "-o", obj] + objects)
    open(obj + ".flags", "w").write(signature)
    return obj


def dependency_archive(out, root_targets):
    """Objects of everything in .build/debug that is not a target of this
    package and defines no `main`, as one archive."""
    archive = os.path.join(out, "dependencies.a")
    dirs = [d for d in glob.glob(os.path.join(DEBUG, "*.build"))
            if os.path.basename(d)[:-len(".build")] not in root_targets and not d.endswith("-tool.build")]
    objects = sorted(o for d in dirs for o in glob.glob(os.path.join(d, "**", "*.o"), recursive=True))
    if os.path.exists(archive) and all(os.path.getmtime(o) <= os.path.getmtime(archive) for o in objects):
        return archive
    log(f"archiving {len(objects)} dependency objects from .build/debug")
    with_main = set()
    symbols = subprocess.run(["nm", "-A", "--defined-only"] + objects, capture_output=True, text=True).stdout
    for line in symbols.splitlines():
        if line.endswith(" T main"):
            with_main.add(line.split(":")[0])
    # Every object of a target that has a main (an executable) is left out.
    excluded_dirs = {os.path.dirname(o) for o in with_main}
    kept = [o for o in objects if os.path.dirname(o) not in excluded_dirs]
    if os.path.exists(archive):
        os.remove(archive)
    run(["ar", "rcsT", archive] + kept)
    return archive


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--flags", default="")
    parser.add_argument("--link-flags", default="")
    parser.add_argument("--tests", default="", help="test targets to compile in, comma separated")
    parser.add_argument("--testable", action="store_true",
                        help="compile the modules with -enable-testing even without --tests (to share a --out with a test build)")
    parser.add_argument("--output", required=True)
    parser.add_argument("--module-name", default="Main", help="module name of the executable's own sources")
    parser.add_argument("sources", nargs="*")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    flags = shlex.split(args.flags)
    targets = describe(out)
    tests = [t for t in args.tests.split(",") if t]
    test_files = {t: sources(targets[t]) for t in tests}
    wanted = imports([os.path.abspath(s) for s in args.sources] + [f for fs in test_files.values() for f in fs])
    modules = closure(targets, wanted | {d for t in tests for d in targets[t].get("target_dependencies") or []})
    ensure_debug_build(targets, modules, tests)
    testing = ["-enable-testing"] if tests or args.testable else []
    def dependencies(name):  # the package's own modules `name` needs, transitively
        return [d for d in closure(targets, set(targets[name].get("target_dependencies") or [])) if d != name]

    objects = [compile_c_module(targets[m], out, flags) if targets[m].get("module_type") == "ClangTarget"
               else compile_module(m, sources(targets[m]), out, flags + testing, dependencies(m)) for m in modules]
    for test in tests:
        objects.append(compile_module(test, test_files[test], out, flags, dependencies(test)))
    archive = dependency_archive(out, set(targets))
    main_files = [os.path.abspath(s) for s in args.sources]
    output = os.path.abspath(args.output)
    link = (["swiftc", "-swift-version", "6", "-parse-as-library", "-module-name", args.module_name,
             "-I", os.path.join(out, "Modules"), "-I", os.path.join(DEBUG, "Modules")] + clang_flags() + flags
            + main_files + objects + [archive] + system_libraries() + ["-lstdc++", "-o", output] + shlex.split(args.link_flags))
    if not stale(output, main_files + objects + [archive], output + ".flags", " ".join(link)):
        return
    log(f"linking {os.path.relpath(output, ROOT)}")
    # The linker's notes about ASan's local symbols are noise: keep errors only.
    result = subprocess.run(link, cwd=ROOT, capture_output=True, text=True)
    noise = re.compile(r"warning: Cannot export local symbol|^\s*$")
    for line in (result.stdout + result.stderr).splitlines():
        if not noise.search(line):
            print(line, file=sys.stderr)
    if result.returncode != 0:
        log("link failed")
        sys.exit(result.returncode)
    open(output + ".flags", "w").write(" ".join(link))


if __name__ == "__main__":
    main()
