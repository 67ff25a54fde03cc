#!/usr/bin/env python3
"""Search benchmark (issue 16 item 5): the portal's bigram search against a bare indexed lookup.

Fills N synthetic published-decision-like documents (number, ~120 characters of published text,
some with a credit code or a cited decision number) into a SQLite file and a PostgreSQL
database, with the same tables and indexes migration 021 creates, then times 20 queries (1-, 2-
and 4-character words, credit codes, decision numbers, articles) in the exact SQL shape of
FluentPublicationRepository.publicDecisions, against the bare lookup of the word's rarest gram in
the same index (every posting row read, no join, no check, no ranking), and prints p50/p95 of
each and their ratio. A search's time is its planning probe plus its query (SearchGramIndex.plan). Grams follow SearchText (NFKC, lowercased, unigrams + bigrams without
white space); ids are integers here, UUIDs in the product.

  scripts/search-bench.py --docs 100000 --sqlite /tmp/search-bench.db \
      --postgres postgres://postgres@127.0.0.1:54331/postgres
"""
import argparse
import random
import sqlite3
import statistics
import subprocess
import tempfile
import time
import unicodedata

PHRASES = ["当事人", "销售", "过期食品", "未取得", "食品经营许可证", "从事", "经营活动", "违反了", "《中华人民共和国食品安全法》",
           "第三十四条", "第六十三条", "第一百二十四条", "第一百二十二条", "的规定", "依据", "责令改正", "没收违法所得", "罚款",
           "人民币", "元", "标签", "不合格", "药品", "医疗器械", "广告", "虚假宣传", "价格", "明码标价", "消防", "安全出口", "堵塞",
           "生产", "许可", "检查", "抽检", "发现", "存在", "问题", "整改", "逾期", "未改正", "处以", "警告", "个体工商户", "有限公司"]
ORGS = ["元", "武", "禄", "楚", "牟", "姚", "大", "永", "南", "双"]
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def fold(text):
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def grams(text):
    out = set()
    for i, c in enumerate(text):
        if c.isspace():
            continue
        out.add(c)
        if i + 1 < len(text) and not text[i + 1].isspace():
            out.add(c + text[i + 1])
    return out


def word_grams(word):
    return {word} if len(word) == 1 else {word[i:i + 2] for i in range(len(word) - 1)}


def credit_code(rng):
    return "9153" + "".join(rng.choice(CODE_CHARS) for _ in range(14))


def number(i):
    return f"{ORGS[i % len(ORGS)]}市监罚〔{2020 + i % 7}〕{i}号"


def documents(n, seed):
    rng = random.Random(seed)
    for i in range(1, n + 1):
        title = number(i)
        words = [rng.choice(PHRASES) for _ in range(rng.randint(14, 22))]
        if i % 3 == 0:
            words.insert(rng.randrange(len(words)), "统一社会信用代码" + credit_code(rng))
        if i % 11 == 0:
            words.append(f"参照{ORGS[(i + 1) % len(ORGS)]}市监罚〔2024〕{rng.randint(1, n)}号")
        text = fold(title) + "\n" + fold("，".join(words))
        decided = f"{2020 + i % 7}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        yield i, decided, text


def queries(n, seed):
    rng = random.Random(seed)
    codes = []
    for i, _, text in documents(min(n, 3000), seed):
        if "代码" in text and len(codes) < 2:
            codes.append(text.split("代码")[1][:18])
    return ["罚", "款", "械", "食品", "过期", "标签", "广告", "许可", "虚假宣传", "过期食品", "明码标价", "安全出口",
            "第六十三条", "第一百二十四条", codes[0], codes[1], number(rng.randint(1, n)),
            "武市监罚〔2022〕", "食品 罚款", "不存在的词"]


PROBE, FILTERS = 256, 4


def quote(s):
    return "'" + s.replace("'", "''") + "'"


def all_grams(words):
    return sorted(set().union(*[word_grams(w) for w in words]))


def probe_sql(words):
    """SearchGramIndex.plan: each gram's posting list counted up to PROBE entries, one statement."""
    return "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM (SELECT 1 FROM decision_grams WHERE gram = {quote(g)} LIMIT {PROBE}) p{i}) AS c{i}"
                                 for i, g in enumerate(all_grams(words)))


def plan(words, counts):
    grams = all_grams(words)
    return [g for _, g in sorted((counts[i], g) for i, g in enumerate(grams))][:1 + FILTERS]


def search_sql(words, grams, dialect):
    """The shape of publicDecisions: rarest gram's postings probed for the next few, the exact check, the score, newest."""
    pos = "instr" if dialect == "sqlite" else "strpos"
    sql = "SELECT d.id FROM decisions d WHERE d.status IN ('published', 'withdrawn')"
    sql += f" AND d.id IN (SELECT g0.publication_id FROM decision_grams g0 WHERE g0.gram = {quote(grams[0])}"
    for i, g in enumerate(grams[1:], 1):
        sql += f" AND EXISTS (SELECT 1 FROM decision_grams g{i} WHERE g{i}.gram = {quote(g)} AND g{i}.publication_id = g0.publication_id)"
    sql += ")"
    for w in words:
        sql += f" AND {pos}(d.search_text, {quote(w)}) > 0"
    score = " + ".join(f"CASE WHEN {pos}(d.search_text, {quote(w)}) < {pos}(d.search_text, {quote(chr(10))}) THEN 1 ELSE 0 END" for w in words)
    return sql + f" ORDER BY ({score}) DESC, d.decided_on DESC, d.id LIMIT 50"


def baseline_sql(words, counts):
    rarest = min(set().union(*[word_grams(w) for w in words]), key=lambda g: counts.get(g, 0))
    return "SELECT publication_id FROM decision_grams WHERE gram = '" + rarest.replace("'", "''") + "'"


SCHEMA = """
CREATE TABLE decisions (id BIGINT PRIMARY KEY, status TEXT NOT NULL, decided_on TEXT NOT NULL, search_text TEXT NOT NULL);
CREATE TABLE decision_grams (gram TEXT NOT NULL, publication_id BIGINT NOT NULL, PRIMARY KEY (gram, publication_id));
"""
INDEXES = "CREATE INDEX idx_decision_grams_publication ON decision_grams (publication_id);"


def fill_sqlite(path, n, seed):
    db = sqlite3.connect(path)
    db.executescript("DROP TABLE IF EXISTS decisions; DROP TABLE IF EXISTS decision_grams;" + SCHEMA + INDEXES)
    counts = {}
    start = time.time()
    batch_d, batch_g = [], []
    for i, decided, text in documents(n, seed):
        batch_d.append((i, "published", decided, text))
        for g in grams(text):
            batch_g.append((g, i))
            counts[g] = counts.get(g, 0) + 1
        if len(batch_d) >= 2000:
            db.executemany("INSERT INTO decisions VALUES (?, ?, ?, ?)", batch_d)
            db.executemany("INSERT INTO decision_grams VALUES (?, ?)", batch_g)
            db.commit()
            batch_d, batch_g = [], []
    db.executemany("INSERT INTO decisions VALUES (?, ?, ?, ?)", batch_d)
    db.executemany("INSERT INTO decision_grams VALUES (?, ?)", batch_g)
    db.commit()
    db.execute("ANALYZE")
    rows = db.execute("SELECT COUNT(*) FROM decision_grams").fetchone()[0]
    print(f"sqlite: {n} documents, {rows} gram rows, filled in {time.time() - start:.0f} s")
    return db, counts


def psql(url, sql, *extra):
    return subprocess.run(["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1", *extra], input=sql, text=True,
                          capture_output=True, check=True).stdout


def fill_postgres(url, n, seed):
    psql(url, "DROP TABLE IF EXISTS decisions; DROP TABLE IF EXISTS decision_grams;" + SCHEMA)
    start = time.time()
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as d, tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as g:
        for i, decided, text in documents(n, seed):
            d.write(f"{i}\tpublished\t{decided}\t{text.replace(chr(10), chr(92) + 'n')}\n")
            for gram in grams(text):
                g.write(f"{gram.replace(chr(92), chr(92) * 2)}\t{i}\n")
    psql(url, f"\\copy decisions FROM '{d.name}'\n\\copy decision_grams FROM '{g.name}'\n" + INDEXES + "\nANALYZE;")
    print(f"postgresql: {n} documents filled in {time.time() - start:.0f} s")


def time_sqlite(db, sql, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        db.execute(sql).fetchall()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def time_postgres(url, sql, runs):
    script = "\\timing on\n\\o /dev/null\n" + "\n".join([sql + ";"] * runs) + "\n"
    out = psql(url, script)
    times = [float(line.split()[1]) for line in out.splitlines() if line.startswith("Time:")]
    return statistics.median(times)


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def report(name, rows):
    search = [s for _, s, _ in rows]
    base = [b for _, _, b in rows]
    print(f"\n{name}: query / search ms / bare lookup ms")
    for q, s, b in rows:
        print(f"  {q:<24} {s:9.2f} {b:9.2f}")
    print(f"{name}: search p50 {pct(search, 50):.2f} ms p95 {pct(search, 95):.2f} ms; "
          f"bare p50 {pct(base, 50):.2f} ms p95 {pct(base, 95):.2f} ms; ratio p50 {pct(search, 50) / pct(base, 50):.2f}x p95 {pct(search, 95) / pct(base, 95):.2f}x")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sqlite")
    ap.add_argument("--postgres")
    ap.add_argument("--no-fill", action="store_true")
    args = ap.parse_args()
    qs = queries(args.docs, args.seed)
    counts = {}
    if args.sqlite:
        if args.no_fill:
            db = sqlite3.connect(args.sqlite)
            counts = dict(db.execute("SELECT gram, COUNT(*) FROM decision_grams GROUP BY gram").fetchall())
        else:
            db, counts = fill_sqlite(args.sqlite, args.docs, args.seed)
        rows = []
        for q in qs:
            words = [fold(w) for w in q.split()]
            probe = probe_sql(words)
            grams = plan(words, db.execute(probe).fetchone())
            search = time_sqlite(db, probe, args.runs) + time_sqlite(db, search_sql(words, grams, "sqlite"), args.runs)
            rows.append((q, search, time_sqlite(db, baseline_sql(words, counts), args.runs)))
        report("sqlite", rows)
    if args.postgres:
        if not args.no_fill:
            fill_postgres(args.postgres, args.docs, args.seed)
        if not counts:
            out = psql(args.postgres, "SELECT gram, COUNT(*) FROM decision_grams GROUP BY gram", "-A", "-t", "-F", "\t")
            counts = {line.split("\t")[0]: int(line.split("\t")[1]) for line in out.splitlines() if "\t" in line}
        rows = []
        for q in qs:
            words = [fold(w) for w in q.split()]
            probe = probe_sql(words)
            grams = plan(words, [int(c) for c in psql(args.postgres, probe, "-A", "-t", "-F", "\t").strip().split("\t")])
            search = time_postgres(args.postgres, probe, args.runs) + time_postgres(args.postgres, search_sql(words, grams, "postgresql"), args.runs)
            rows.append((q, search, time_postgres(args.postgres, baseline_sql(words, counts), args.runs)))
        report("postgresql", rows)


if __name__ == "__main__":
    main()
