#!/usr/bin/env python3
"""双随机抽取复核 — re-run a published 双随机 draw (PUB-4, PUB-9) and check it.

Usage:
    python3 redraw.py draw.json          # check, re-run, print in Chinese
    python3 redraw.py --json draw.json   # print the recomputed assignments as JSON

draw.json:
    {"seed": "<64 lowercase hex>", "commitment": "<64 lowercase hex>",
     "parameters": {"targetCount": 3, "inspectorsPerTarget": 2},
     "targets": [{"key": ..., "name": ...}, ...],
     "inspectors": [{"key": ..., "name": ...}, ...],
     "assignments": [{"target": {...}, "inspectors": [{...}, ...]}, ...]}   # optional

Exit status: 0 the commitment holds and, if assignments are given, they equal the re-run
(prints 一致); 1 the commitment or an assignment differs (prints the first difference);
2 the file cannot be used (unreadable, bad seed, duplicate keys, too small a pool, ...).

Python 3 standard library only. The algorithm is docs/random-draw.md, and is the
five functions between the two rules below.
"""
import hashlib
import json
import re
import sys

# ---------------------------------------------------------------------------------------------


def stream(seed: bytes, label: str):
    """Words of one label: block i = SHA-256(seed ‖ label ‖ 0x00 ‖ u64be(i)), 4 u64be words."""
    i = 0
    while True:
        block = hashlib.sha256(seed + label.encode("utf-8") + b"\x00" + i.to_bytes(8, "big")).digest()
        for w in range(4):
            yield int.from_bytes(block[8 * w:8 * w + 8], "big")
        i += 1


def uniform(words, n: int) -> int:
    """Uniform in 0..n-1 by rejection sampling."""
    limit = 2**64 - (2**64 % n)
    while True:
        word = next(words)
        if word < limit:
            return word % n


def choose(words, pool: list, k: int) -> list:
    """Partial Fisher–Yates: k of pool, in draw order."""
    a = list(pool)
    for i in range(k):
        j = i + uniform(words, len(a) - i)
        a[i], a[j] = a[j], a[i]
    return a[:k]


def canonical(pool: list) -> list:
    """Pool sorted by key as UTF-8 bytes."""
    return sorted(pool, key=lambda entry: entry["key"].encode("utf-8"))


def draw(seed_hex: str, targets: list, inspectors: list, target_count: int, per_target: int) -> list:
    seed = bytes.fromhex(seed_hex)
    drawn = choose(stream(seed, "targets"), canonical(targets), target_count)
    return [{"target": target,
             "inspectors": choose(stream(seed, f"inspectors:{t}"), canonical(inspectors), per_target)}
            for t, target in enumerate(drawn)]

# ---------------------------------------------------------------------------------------------


class Unusable(Exception):
    """The file cannot be used for a re-run (exit 2)."""


HEX64 = re.compile(r"[0-9a-f]{64}")


def entries(value, what: str) -> list:
    if not isinstance(value, list):
        raise Unusable(f"{what} 应为数组")
    out = []
    for entry in value:
        if not (isinstance(entry, dict) and isinstance(entry.get("key"), str)
                and isinstance(entry.get("name"), str)):
            raise Unusable(f"{what} 的每一项应为 {{\"key\": 字符串, \"name\": 字符串}}")
        out.append({"key": entry["key"], "name": entry["name"]})
    return out


def count(parameters, name: str) -> int:
    value = parameters.get(name) if isinstance(parameters, dict) else None
    if not isinstance(value, int) or isinstance(value, bool):
        raise Unusable(f"parameters.{name} 应为整数")
    return value


def validate(doc) -> tuple:
    """The checks of RandomDraw.run, in the same order; returns the inputs of draw()."""
    if not isinstance(doc, dict):
        raise Unusable("文件应为 JSON 对象")
    seed = doc.get("seed")
    if not (isinstance(seed, str) and HEX64.fullmatch(seed)):
        raise Unusable("种子应为 64 位小写十六进制字符（badSeed）")
    target_count = count(doc.get("parameters"), "targetCount")
    per_target = count(doc.get("parameters"), "inspectorsPerTarget")
    if target_count < 1 or per_target < 1:
        raise Unusable("抽取数量应不少于 1（badParameters）")
    targets = entries(doc.get("targets"), "targets")
    inspectors = entries(doc.get("inspectors"), "inspectors")
    for pool, what, case in ((targets, "检查对象", "duplicateTarget"),
                             (inspectors, "执法检查人员", "duplicateInspector")):
        keys = [entry["key"].encode("utf-8") for entry in canonical(pool)]
        for previous, following in zip(keys, keys[1:]):
            if previous == following:
                raise Unusable(f"{what}编号重复：{following.decode('utf-8')}（{case}）")
    if len(targets) < target_count:
        raise Unusable(f"检查对象库只有 {len(targets)} 家，需抽取 {target_count} 家（tooFewTargets）")
    if len(inspectors) < per_target:
        raise Unusable(f"执法检查人员库只有 {len(inspectors)} 名，每家需 {per_target} 名（tooFewInspectors）")
    return seed, targets, inspectors, target_count, per_target


def label(entry: dict) -> str:
    return f"{entry['name']}（{entry['key']}）"


def first_difference(published: list, recomputed: list):
    """The first difference between published and recomputed assignments, or None."""
    for t, (mine, theirs) in enumerate(zip(recomputed, published), start=1):
        if not isinstance(theirs, dict):
            return f"第 {t} 条公布结果格式不正确"
        target = theirs.get("target")
        if target != mine["target"]:
            shown = label(target) if isinstance(target, dict) and {"key", "name"} <= target.keys() else repr(target)
            return f"第 {t} 个抽取对象：公布为 {shown}，复核为 {label(mine['target'])}"
        listed = theirs.get("inspectors")
        if not isinstance(listed, list):
            return f"第 {t} 个抽取对象的执法检查人员格式不正确"
        for p, (a, b) in enumerate(zip(mine["inspectors"], listed), start=1):
            if a != b:
                shown = label(b) if isinstance(b, dict) and {"key", "name"} <= b.keys() else repr(b)
                return f"第 {t} 个抽取对象的第 {p} 名执法检查人员：公布为 {shown}，复核为 {label(a)}"
        if len(listed) != len(mine["inspectors"]):
            return (f"第 {t} 个抽取对象的执法检查人员人数：公布为 {len(listed)} 名，"
                    f"复核为 {len(mine['inspectors'])} 名")
    if len(published) != len(recomputed):
        return f"抽取对象数量：公布为 {len(published)} 家，复核为 {len(recomputed)} 家"
    return None


def main(argv: list) -> int:
    as_json = "--json" in argv
    paths = [arg for arg in argv if arg != "--json"]
    if len(paths) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    report = sys.stderr if as_json else sys.stdout
    try:
        with open(paths[0], encoding="utf-8") as f:
            doc = json.load(f)
        seed, targets, inspectors, target_count, per_target = validate(doc)
        commitment = doc.get("commitment")
        if not isinstance(commitment, str):
            raise Unusable("缺少种子承诺值 commitment")
    except (OSError, ValueError, Unusable) as error:
        print(f"无法复核：{error}", file=sys.stderr)
        return 2

    computed = hashlib.sha256(seed.encode("ascii")).hexdigest()
    if computed != commitment:
        print(f"种子承诺值不符：公布为 {commitment}，SHA-256(种子) 为 {computed}", file=report)
        return 1

    assignments = draw(seed, targets, inspectors, target_count, per_target)
    if as_json:
        print(json.dumps(assignments, ensure_ascii=False, indent=2))
    else:
        print(f"种子：{seed}")
        print(f"种子承诺值：{commitment}（核对相符）")
        print(f"检查对象库 {len(targets)} 家，执法检查人员库 {len(inspectors)} 名；"
              f"抽取 {target_count} 家，每家 {per_target} 名执法检查人员")
        for t, assignment in enumerate(assignments, start=1):
            print(f"{t}. 抽取对象：{label(assignment['target'])}")
            print(f"   执法检查人员：{'、'.join(label(i) for i in assignment['inspectors'])}")

    if "assignments" not in doc:
        return 0
    published = doc["assignments"]
    if not isinstance(published, list):
        print("与公布结果不符：assignments 应为数组", file=report)
        return 1
    difference = first_difference(published, assignments)
    if difference is not None:
        print(f"与公布结果不符：{difference}", file=report)
        return 1
    print("与公布结果核对：一致", file=report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
