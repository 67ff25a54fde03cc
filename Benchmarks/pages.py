"""Times every page of issue 16 item 2 against a bare indexed query returning the same rows, on
the same SQLite database, in the same run (REC-13, SUP-4, PUB-6; issue 16 items 2 and 8):

    python3 Benchmarks/pages.py .build/release/sunlight --data DIR [--today YYYY-MM-DD] [--rounds N]
                                [--label NAME] [--save FILE] [--compare FILE]

DIR holds demo.sqlite (made by `sunlight demo` or `sunlight generate`); the server runs on it
with its "today" pinned. For each page it prints p50/p95 of the page over HTTP (logged in as
the account that reads it) and of its baseline query through Python's sqlite3 (fetching every
row), and the ratio; and, apart, how much the page costs above a signed-in page that reads
almost nothing (HTTP, session, the logged read, the layout). `--save` keeps the figures; `--compare` prints each page's growth against
figures saved at another scale (the target: at most 2x from county to province)."""
import argparse
import http.cookiejar
import json
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

PASSWORD = "Yuanmou-2026"
# The hand-made demo's market bureau; `--department` picks a generated one (its accounts are
# g1.d1.head, g1.d1.fazhi, g1.d1.gongshi in `sunlight generate`'s first county).
HEAD, SUPERVISOR, REVIEWER, CLERK = "scj.wangfang", "jiandu", "scj.fazhi", "scj.gongshi"
MARKET = "元谋县市场监督管理局"

# Each page: (name, account or None for the public, path, baseline SQL, parameters by name).
# The baseline is the indexed query a hand-written page would run for the rows it shows.
PAGES = [
    ("home: a head's tasks", HEAD, "/staff",
     "SELECT c.* FROM case_clock_summaries s JOIN cases c ON c.id = upper(s.case_id) "
     "WHERE s.organisation_id = :market AND (s.earliest_due < :horizon OR s.moving = 1)", {}),
    ("case list (a page of 50)", HEAD, "/staff/cases",
     "SELECT * FROM cases WHERE organisation_id = :MARKET ORDER BY opened_at DESC, id LIMIT 50", {}),
    ("case statistics (this year)", HEAD, "/staff/cases/statistics",
     "SELECT category, status, COUNT(*) FROM cases WHERE organisation_id = :MARKET AND opened_on BETWEEN :year_start AND :today "
     "GROUP BY category, status", {}),
    ("review queue", REVIEWER, "/staff/reviews",
     "SELECT * FROM review_records WHERE organisation_id = :MARKET ORDER BY seq DESC LIMIT 100", {}),
    ("review flags", SUPERVISOR, "/staff/reviews/flags",
     "SELECT * FROM review_records WHERE organisation_id IN (SELECT id FROM organisations WHERE path LIKE :county_path) "
     "ORDER BY seq DESC LIMIT 100", {}),
    ("publication queue", CLERK, "/staff/publications",
     "SELECT * FROM decision_publications WHERE organisation_id = :MARKET AND status = 'due'", {}),
    ("supervision dashboard", SUPERVISOR, "/staff/supervision",
     "SELECT organisation_id, COUNT(*) FROM case_clock_summaries WHERE earliest_due < :today GROUP BY organisation_id", {}),
    ("supervision clues", SUPERVISOR, "/staff/supervision/clues",
     "SELECT c.* FROM case_clock_summaries s JOIN cases c ON c.id = upper(s.case_id) WHERE s.earliest_due < :today", {}),
    ("assessment", SUPERVISOR, "/staff/assessment",
     "SELECT organisation_id, COUNT(*) FROM cases WHERE opened_on BETWEEN :year_start AND :today GROUP BY organisation_id", {}),
    ("annual report", HEAD, "/staff/annual-report",
     "SELECT category, COUNT(*) FROM cases WHERE organisation_id = :MARKET AND opened_on BETWEEN :year_start AND :today GROUP BY category", {}),
    ("referrals", SUPERVISOR, "/staff/supervision/referrals",
     "SELECT * FROM cases WHERE organisation_id IN (SELECT id FROM organisations WHERE path LIKE :county_path) "
     "AND status IN ('closed', 'archived') ORDER BY opened_at DESC LIMIT 100", {}),
    ("complaints", SUPERVISOR, "/staff/complaints",
     "SELECT * FROM complaints WHERE status IN ('registered', 'handling') ORDER BY received_at DESC LIMIT 100", {}),
    ("portal decisions", None, "/decisions",
     "SELECT * FROM decision_publications WHERE status = 'published' ORDER BY published_on DESC, id LIMIT 20", {}),
    ("portal search", None, "/decisions?q=%E7%BD%9A%E6%AC%BE",
     "SELECT p.* FROM decision_publications p WHERE p.status = 'published' AND p.search_text LIKE '%罚款%' "
     "ORDER BY p.published_on DESC LIMIT 20", {}),
    ("public API decisions", None, "/api/v1/public/decisions",
     "SELECT * FROM decision_publications WHERE status = 'published' ORDER BY published_on DESC, id LIMIT 50", {}),
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def login(base, username):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    page = opener.open(base + "/staff/login").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"_csrf": csrf, "username": username, "password": PASSWORD, "next": ""}).encode()
    opener.open(base + "/staff/login", data=body).read()
    return opener


def timed(call, rounds):
    call()  # warm
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return percentile(times, 0.5), percentile(times, 0.95)


def parameters(db, today):
    def one(sql, *args):
        row = db.execute(sql, args).fetchone()
        if row is None:
            sys.exit(f"pages.py: the database has no {args}")
        return row[0]
    market = one("SELECT id FROM organisations WHERE name = ?", MARKET)
    county_path = one("SELECT path FROM organisations WHERE name = ?", "元谋县人民政府")
    year, month, day = (int(part) for part in today.split("-"))
    horizon = time.strftime("%Y-%m-%d", time.gmtime(time.mktime((year, month, day, 12, 0, 0, 0, 0, 0)) + 4 * 86400))
    return {"market": market.lower(), "MARKET": market, "county_path": county_path + "%", "today": today,
            "year_start": f"{year}-01-01", "horizon": horizon}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--data", required=True)
    parser.add_argument("--today", default="2026-11-23")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--label", default="")
    parser.add_argument("--save")
    parser.add_argument("--compare")
    parser.add_argument("--department", help="a generated department, e.g. 元谋县交通运输局 with --accounts g1.d1")
    parser.add_argument("--accounts", help="the generated department's account prefix, e.g. g1.d1")
    args = parser.parse_args()
    global MARKET, PAGES
    if args.department and args.accounts:
        MARKET = args.department
        names = {"scj.wangfang": f"{args.accounts}.head", "scj.fazhi": f"{args.accounts}.fazhi", "scj.gongshi": f"{args.accounts}.gongshi"}
        PAGES = [(name, names.get(account, account), page, sql, extra) for name, account, page, sql, extra in PAGES]
    path = os.path.join(args.data, "demo.sqlite")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    bind = parameters(db, args.today)
    cases = db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    leaves = db.execute("SELECT size FROM ledger_head").fetchone()[0]

    port = free_port()
    env = dict(os.environ, SUNLIGHT_PORT=str(port), SUNLIGHT_DATA_DIR=args.data, SUNLIGHT_DATABASE_FILE="demo.sqlite",
               SUNLIGHT_TODAY=args.today, SUNLIGHT_BCRYPT_COST="10")
    env.pop("SUNLIGHT_DATABASE_URL", None)
    server = subprocess.Popen([args.binary, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    figures = {}
    try:
        for _ in range(1200):
            try:
                urllib.request.urlopen(base + "/", timeout=1)
                break
            except Exception:
                time.sleep(0.1)
        openers = {None: urllib.request.build_opener()}
        print(f"pages{' (' + args.label + ')' if args.label else ''}: {cases} cases, {leaves} log leaves; "
              f"p50/p95 of {args.rounds} rounds; baseline = the bare indexed query for the same rows (sqlite3, fetchall)")
        head = PAGES[0][1]
        floor_opener = openers.setdefault(head, login(base, head))
        floor50, floor95 = timed(lambda: floor_opener.open(base + "/staff/account").read(), args.rounds)
        print(f"  floor: a signed-in page that reads almost nothing (/staff/account) {floor50 * 1000:.1f} / {floor95 * 1000:.1f} ms")
        for name, account, page, sql, _ in PAGES:
            if account not in openers:
                openers[account] = login(base, account)
            opener = openers[account]

            def fetch():
                response = opener.open(base + page)
                response.read()
                if response.status != 200:
                    raise SystemExit(f"{page}: {response.status}")
            page50, page95 = timed(fetch, args.rounds)
            base50, base95 = timed(lambda: db.execute(sql, bind).fetchall(), args.rounds)
            figures[name] = {"p50": page50, "p95": page95, "base50": base50, "base95": base95}
            above = max(page95 - floor95, 0.0)
            print(f"  {name:30s} page {page50 * 1000:8.1f} / {page95 * 1000:8.1f} ms   baseline {base50 * 1000:7.2f} / {base95 * 1000:7.2f} ms"
                  f"   ratio p95 {page95 / max(base95, 1e-6):7.1f}x   above the floor {above * 1000:7.1f} ms")
    finally:
        server.terminate()
        server.wait(timeout=30)
    if args.save:
        with open(args.save, "w") as out:
            json.dump({"label": args.label, "cases": cases, "figures": figures}, out)
    if args.compare:
        with open(args.compare) as saved:
            before = json.load(saved)
        print(f"growth from {before['label']} ({before['cases']} cases) to {args.label} ({cases} cases), p95 (target <= 2x):")
        for name, now in figures.items():
            then = before["figures"].get(name)
            if then:
                print(f"  {name:30s} {then['p95'] * 1000:8.1f} -> {now['p95'] * 1000:8.1f} ms   x{now['p95'] / then['p95']:.2f}")


if __name__ == "__main__":
    main()
