"""Scenarios of publication after enforcement and of supervision, in headless Chromium
(PUB-6..10, SUP-1, SUP-4, SUP-5): run by browser_test.py after the case scenarios, with its
helpers passed in as `h`."""
import hashlib
import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def decision_publication(h, driver, base, decision_number):
    """The clerk previews the redacted decision and publishes it; the public finds it by a
    two-character word on the portal, not by the party's name; it is withdrawn and stays,
    marked (PUB-6..8, PUB-10)."""
    h.log_in(driver, base, "scj.gongshi")
    h.check("公开决定：" + decision_number in h.text(driver, "tasks"), "the clerk's home page lists the decision to publish")
    driver.find_element(By.ID, "nav-publications").click()
    driver.find_element(By.LINK_TEXT, decision_number).click()
    preview = h.text(driver, "redaction-preview")
    h.check("王某某" in preview, "the preview shows the party as 王某某")
    published_column = " ".join(td.text for td in driver.find_elements(By.CSS_SELECTOR, "#redaction-preview td:nth-child(3)"))
    h.check("王小明" not in published_column, "the published column never shows the party's name")
    h.full_screenshot(driver, "20-redaction-preview.png")
    h.submit(driver, "#confirm-publish")
    h.check(h.text(driver, "publication-status").startswith("已公开"), "the clerk confirms and the decision is published")
    public = driver.find_element(By.ID, "public-link").get_attribute("href")

    driver.delete_all_cookies()
    driver.get(base + "/decisions")
    h.fill(driver, "q", "保质期")
    h.submit(driver, "#search-decisions")
    h.check(decision_number in h.text(driver, "decisions"), "the portal search finds the decision by a Chinese word")
    h.full_screenshot(driver, "21-portal-decisions.png")
    h.fill(driver, "q", "王小明")
    h.submit(driver, "#search-decisions")
    h.check(len(driver.find_elements(By.ID, "no-decisions")) == 1, "searching the party's name finds nothing: it was redacted")
    driver.get(public)
    page = h.text(driver, "decision-text")
    h.check(decision_number in page and "王某某" in page and "王小明" not in page, "the decision page shows the redacted text")
    proof = json.loads(urllib.request.urlopen(driver.find_element(By.ID, "proof-link").get_attribute("href")).read())
    entry = json.loads(proof["bundle"]["entry"])
    h.check(proof["bundle"]["format"] == "sunlight-inclusion-proof-v1" and entry["content"] == hashlib.sha256(proof["content"].encode()).hexdigest()
          and json.loads(proof["content"])["state"]["publishedHash"] in driver.page_source,
          "the page links an inclusion proof whose logged content carries the page's published hash")
    csv_text = urllib.request.urlopen(base + "/decisions.csv").read().decode("utf-8")
    h.check(csv_text.startswith("\ufeff") and decision_number in csv_text, "bulk export is CSV with BOM for Excel")

    h.log_in(driver, base, "scj.gongshi")
    driver.get(public.replace("/d/", "/staff/publications/"))
    Select(driver.find_element(By.ID, "wkind")).select_by_visible_text("决定被撤销")
    h.set_value(driver, "wchangedOn", h.TODAY.isoformat())
    h.fill(driver, "statement", "本决定已被行政复议机关撤销，现予撤下。")
    h.submit(driver, "#confirm-withdraw")
    h.check(h.text(driver, "publication-status").startswith("已撤下"), "the clerk withdraws it with a public statement")
    driver.delete_all_cookies()
    driver.get(public)
    h.check("本决定已被行政复议机关撤销" in h.text(driver, "withdrawn-banner"), "the public page stays, marked withdrawn with the reason")
    h.full_screenshot(driver, "22-decision-withdrawn.png")


def complaint(h, driver, base):
    """A complaint from the portal form to the answer, read back with the tracking code; and
    one filed by an Open311 client (SUP-1)."""
    driver.delete_all_cookies()
    driver.get(base + "/complaints/new")
    Select(driver.find_element(By.ID, "organisation")).select_by_visible_text("元谋县市场监督管理局")
    h.fill(driver, "subject", "菜市场电子秤短斤少两")
    h.fill(driver, "description", "元马镇菜市场门口第三个摊位的电子秤每斤少二两，多次发生。")
    h.fill(driver, "name", "赵六")
    h.fill(driver, "phone", "13912345678")
    h.submit(driver, "#submit-complaint")
    code = h.text(driver, "tracking-code")
    h.check(code.startswith("TS") and "元谋县市场监督管理局" in h.text(driver, "handled-by"), f"the complainant gets a tracking code ({code}) and is told who handles it")
    h.full_screenshot(driver, "30-complaint-filed.png")

    h.log_in(driver, base, "scj.gongshi")
    driver.find_element(By.ID, "nav-complaints").click()
    driver.find_element(By.LINK_TEXT, code).click()
    h.check("13912345678" in h.text(driver, "contact"), "the clerk sees the complainant's contact (the read is logged)")
    h.fill(driver, "feedback", "经核查，该摊位电子秤未经检定，已责令停止使用并依法立案。")
    h.submit(driver, "#answer-complaint")
    h.check(h.text(driver, "complaint-status") == "已答复", "the clerk answers the complaint")

    driver.delete_all_cookies()
    driver.get(base + "/complaints/track")
    h.fill(driver, "code", code)
    h.submit(driver, "form[action='/complaints/track'] button")
    h.check("已责令停止使用" in h.text(driver, "feedback") and h.text(driver, "progress-status") == "已答复",
          "with the code, the complainant reads the answer")
    h.full_screenshot(driver, "31-complaint-answered.png")

    services = json.loads(urllib.request.urlopen(base + "/open311/v2/services.json").read())
    market = next(s["service_code"] for s in services if "市场监督管理局" in s["service_name"])
    body = urllib.parse.urlencode({"service_code": market, "description": "超市门口长期占道堆放货物，影响行人通行。", "email": "citizen@example.com",
                                   "first_name": "七", "last_name": "孙"}).encode()
    created = json.loads(urllib.request.urlopen(urllib.request.Request(base + "/open311/v2/requests.json", data=body)).read())
    request_id = created[0]["service_request_id"]
    status = json.loads(urllib.request.urlopen(f"{base}/open311/v2/requests/{request_id}.json").read())[0]
    h.check(status["status"] == "open" and status["agency_responsible"] == "元谋县市场监督管理局", "an Open311 client files a request and reads its status")


def inspect_publicity(h, driver, base):
    """The quarterly online inspection, from the console and from the supervisor's button (SUP-5)."""
    today = h.TODAY
    quarter = f"{today.year}Q{(today.month - 1) // 3 + 1}"
    # On the demo's database the console runs on the demo's pinned day too.
    env = dict(os.environ, SUNLIGHT_DATA_DIR=h.DATA, SUNLIGHT_DATABASE_FILE="demo.sqlite", SUNLIGHT_TODAY=today.isoformat())
    env.pop("SUNLIGHT_DATABASE_URL", None)
    run = subprocess.run([h.BINARY, "inspect-publicity", "--quarter", quarter, "--csv", os.path.join(h.SHOTS, "inspection.csv")],
                         env=env, capture_output=True, text=True)
    h.check(run.returncode == 1 and "元谋县档案局" in run.stdout and "清单缺失" in run.stdout,
          "sunlight inspect-publicity reports the demo's missing lists and exits 1")
    with open(os.path.join(h.SHOTS, "inspection.csv"), encoding="utf-8") as csv_file:
        h.check(csv_file.read().startswith("\ufeff季度,机构,问题"), "the inspection is saved as CSV for Excel")
    h.log_in(driver, base, "jiandu")
    driver.find_element(By.ID, "nav-supervision").click()
    h.check(int(h.text(driver, "overdue-total")) >= 0 and "元谋县市场监督管理局" in h.text(driver, "dashboard"),
          "the supervisor's dashboard ranks the organisations by open overdue items")
    h.full_screenshot(driver, "33-supervision-dashboard.png")
    driver.find_element(By.ID, "nav-inspection").click()
    h.set_value(driver, "quarter", quarter)
    h.submit(driver, "#run-inspection")
    h.check(int(h.text(driver, "finding-total")) >= 4, "the supervisor's button runs the same inspection")
    h.full_screenshot(driver, "32-inspection.png")


def random_draw(h, base):
    """The demo's 双随机 draw re-runs from its published pools and seed with redraw.py (PUB-9)."""
    draws = json.loads(urllib.request.urlopen(base + "/api/v1/public/draws").read())["items"]
    h.check(draws and draws[0]["draw"]["seed"], "the demo draw is published with its seed")
    path = os.path.join(h.SHOTS, "draw.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump(draws[0]["draw"], out, ensure_ascii=False)
    rerun = subprocess.run([sys.executable, os.path.join(h.ROOT, "scripts", "redraw.py"), path], capture_output=True, text=True)
    h.check(rerun.returncode == 0 and "一致" in rerun.stdout, "redraw.py re-runs the published draw and gets the same result")
