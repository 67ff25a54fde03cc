#!/usr/bin/env python3
"""Proof generation in pymerkle (PyPI) on the same leaves as Sunlight's log.

Reads the leaf data Sunlight stored (one canonical JSON entry per line), builds pymerkle's
in-memory RFC 6962 tree, checks that its root is Sunlight's, and times inclusion proofs for
random leaves. Usage: pymerkle_compare.py ENTRIES.jsonl SUNLIGHT_ROOT_HEX [SAMPLES]
Needs pymerkle 7.0.0 from PyPI (`pip install pymerkle==7.0.0`; scripts/bench installs it).
"""
import random
import sys
import time

from pymerkle import InmemoryTree

entries_path, sunlight_root = sys.argv[1], sys.argv[2]
samples = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
tree = InmemoryTree(algorithm="sha256")
started = time.perf_counter()
with open(entries_path, "rb") as f:
    for line in f:
        tree.append_entry(line.rstrip(b"\n"))
build = time.perf_counter() - started
size = tree.get_size()
root = tree.get_state().hex()
same = "same root" if root == sunlight_root else f"DIFFERENT root {root}"
indices = [random.randrange(1, size + 1) for _ in range(samples)]  # pymerkle counts leaves from 1
started = time.perf_counter()
for index in indices:
    tree.prove_inclusion(index, size)
elapsed = time.perf_counter() - started
print(f"pymerkle at {size} leaves: build {build:.1f} s; inclusion proof {elapsed / samples * 1e6:.1f} µs each (in memory); {same}")
