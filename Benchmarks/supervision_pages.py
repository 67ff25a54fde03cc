"""Times the supervisor's pages against the staff home page on the same demo server, in the same
run (SUP-4, SUP-8): `python3 Benchmarks/supervision_pages.py .build/release/sunlight [ROUNDS]`.
Prints each page's median time and its ratio to the home page (the baseline)."""
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/sunlight"
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
PAGES = ["/staff", "/staff/supervision", "/staff/supervision/clues", "/staff/coordination", "/staff/assessment", "/staff/guiding-cases"]


def main():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = tempfile.mkdtemp(prefix="sunlight-bench-")
    env = dict(os.environ, SUNLIGHT_PORT=str(port), SUNLIGHT_DATA_DIR=data)
    env.pop("SUNLIGHT_DATABASE_URL", None)
    process = subprocess.Popen([BINARY, "demo"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/", timeout=1)
                break
            except Exception:
                time.sleep(0.1)
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = opener.open(base + "/staff/login").read().decode()
        csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"_csrf": csrf, "username": "jiandu", "password": "Yuanmou-2026", "next": ""}).encode()
        opener.open(base + "/staff/login", data=body).read()
        medians = {}
        for path in PAGES:
            opener.open(base + path).read()  # warm
            times = []
            for _ in range(ROUNDS):
                started = time.perf_counter()
                response = opener.open(base + path)
                response.read()
                assert response.status == 200, path
                times.append(time.perf_counter() - started)
            medians[path] = statistics.median(times)
        baseline = medians["/staff"]
        print(f"supervisor pages, demo data, median of {ROUNDS}; baseline = staff home page {baseline * 1000:.1f} ms")
        for path in PAGES:
            print(f"  {path:28s} {medians[path] * 1000:7.1f} ms  ×{medians[path] / baseline:.2f}")
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    main()
