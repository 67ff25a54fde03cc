"""Baseline for the redaction benchmark: four Python regular expressions (18-digit IDs, mobiles,
long digit runs, plates) masking the same text, with no checksums, no names and no addresses —
what a quick script would do. Prints its throughput and the ratio to Sunlight's line."""
import re
import sys
import time

path, rounds, ours = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = open(path, encoding="utf-8").read().split("\n")
size = sum(len(line.encode()) + 1 for line in lines)
patterns = [re.compile(p) for p in (r"(?<!\d)\d{17}[\dXx](?!\d)", r"(?<!\d)1[3-9]\d{9}(?!\d)", r"(?<!\d)\d{4}(?: ?\d{4}){3,4}(?!\d)",
                                    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z]·?[A-Z0-9]{5,6}")]
start = time.perf_counter()
for _ in range(rounds):
    for line in lines:
        for pattern in patterns:
            line = pattern.sub("***", line)
seconds = time.perf_counter() - start
mib = size * rounds / 1048576
theirs = mib / seconds
mine = float(re.search(r"\(([\d.]+) MiB/s\)", ours).group(1))
print(f"python regex masker (4 patterns, no names or addresses): {mib:.2f} MiB in {seconds:.2f} s ({theirs:.2f} MiB/s); ratio sunlight/python {mine / theirs:.2f}")
