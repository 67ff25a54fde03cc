#!/usr/bin/env python3
"""Real-browser test: headless Chromium against `sunlight demo`.

Starts the demo on a free port with its own data directory, then, as a person would:
opens the public portal, goes to the staff area, is sent to the login page, tries a wrong
password, logs in as the administrator, sees the home page with tasks and deadlines (also at
phone width), uses the deadline calculator, and logs out. Then runs one whole penalty case
on the demo's pinned day (REC-1..13): an officer opens it with a co-officer, the head signs, the
body-camera video Tests/Fixtures/bodycam-sample.mp4 is uploaded as evidence, the notice goes
out without a hearing right and the party's statement is recorded, the decision is issued,
delivered, paid, closed and archived. Last, the demo's major decision of the archives bureau
goes through legal review: the reviewer answers the checklist and approves, the head signs,
the officer issues it (REV-1..8). Screenshots go to .build/e2e-screenshots/.

The demo runs with a pinned "today" (`sunlight demo --today`, and `SUNLIGHT_TODAY` for the
commands run on its database), so nothing here depends on the machine's date or year.
Usage: browser_test.py PATH/TO/sunlight
"""
import datetime
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

import publicity_scenarios
import recording_scenarios
import supervision_scenarios
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/sunlight"
SHOTS = os.path.join(".build", "e2e-screenshots")
DATA = None
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PASSWORD = "Yuanmou-2026"
# The demo's "today": a Monday in November, when the administrator is asked to load next year's
# holiday notice (CAL-1) and 李娜's certificate is about to expire (STD-2).
TODAY = datetime.date(2026, 11, 23)
# The last year whose holiday notice ships with the server (Sources/SunlightCore/Resources/calendar).
LAST_SHIPPED_CALENDAR = 2026


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_demo():
    port = free_port()
    global DATA
    data = DATA = tempfile.mkdtemp(prefix="sunlight-e2e-")
    env = dict(os.environ, SUNLIGHT_PORT=str(port), SUNLIGHT_DATA_DIR=data)
    env.pop("SUNLIGHT_DATABASE_URL", None)
    env.pop("SUNLIGHT_TODAY", None)
    log = open(os.path.join(".build", "e2e-demo.log"), "w")
    started = time.monotonic()
    process = subprocess.Popen([BINARY, "demo", "--today", TODAY.isoformat()], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            print(f"demo serving after {time.monotonic() - started:.2f} s on {base}")
            return process, base
        except Exception:
            if process.poll() is not None:
                raise SystemExit(f"sunlight demo exited with {process.returncode}; see .build/e2e-demo.log")
            time.sleep(0.1)
    process.kill()
    raise SystemExit("sunlight demo did not start within 60 s")


def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def submit(driver, css):
    """Clicks a submit button and waits until the next page has replaced this one."""
    button = driver.find_element(By.CSS_SELECTOR, css)
    button.click()

    def replaced(_):
        # Chromium reports a replaced page's element in more than one way; any error means gone.
        try:
            button.is_enabled()
            return False
        except Exception:
            return True
    WebDriverWait(driver, 10).until(replaced)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def page_alert(driver):
    """The refusal the page shows, if any, so a failed check says why."""
    alerts = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "[role=alert]") if e.text.strip()]
    return "" if not alerts else " — page says: " + " / ".join(alerts)


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print("ok ", message)


VIDEO = os.path.join("Tests", "Fixtures", "bodycam-sample.mp4")


def log_in(driver, base, username):
    """Starts a fresh session as `username` (the head and the second officer sign in between)."""
    driver.delete_all_cookies()
    driver.get(base + "/staff/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    submit(driver, "form button[type=submit]")
    check(driver.find_element(By.TAG_NAME, "h1").text == "我的待办与期限", f"{username} is logged in")


def text(driver, element_id):
    return driver.find_element(By.ID, element_id).text


def set_value(driver, element_id, value):
    """Sets a date or datetime input as a person picking from the browser's calendar would."""
    driver.execute_script("document.getElementById(arguments[0]).value = arguments[1]", element_id, value)


def fill(driver, element_id, value):
    element = driver.find_element(By.ID, element_id)
    element.clear()
    element.send_keys(value)


def full_screenshot(driver, name):
    """The whole page, not only the window: long case pages are read by scrolling."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(max(height, 900), 8000))
    driver.save_screenshot(os.path.join(SHOTS, name))
    driver.set_window_size(1280, 900)


def open_details(driver, element_id):
    details = driver.find_element(By.ID, element_id)
    if details.get_attribute("open") is None:
        details.find_element(By.TAG_NAME, "summary").click()


def draft_document(driver, name, fields):
    """From the case page: picks the document, fills its template, saves, sends it to review."""
    Select(driver.find_element(By.ID, "draft-type")).select_by_visible_text(name)
    submit(driver, "#draft-form button")
    check(driver.find_element(By.ID, "document-title").text == name, f"the {name} form opens")
    for key, value in fields.items():
        element = driver.find_element(By.ID, "f-" + key)
        if element.tag_name == "fieldset":  # checkboxes: tick the options named, separated by 、
            for label in element.find_elements(By.TAG_NAME, "label"):
                box = label.find_element(By.TAG_NAME, "input")
                if (label.text.strip() in value.split("、")) != box.is_selected():
                    box.click()
        elif element.tag_name == "select":
            Select(element).select_by_visible_text(value)
        else:
            element.clear()
            element.send_keys(value)
    submit(driver, "#document-save")
    check(text(driver, "document-status") == "草稿", f"{name} saved as a draft")
    submit(driver, "#document-submit")
    check(text(driver, "document-status") == "待审签", f"{name} sent to review")
    return driver.current_url.split("?")[0]


def sign_and_issue(driver, base, document, signer, officer="scj.zhangwei"):
    """The signer signs (the head, or the second officer for a record), the officer issues."""
    log_in(driver, base, signer)
    driver.get(document)
    submit(driver, "#document-sign")
    check(text(driver, "document-status") == "已签发", f"{signer} signs{page_alert(driver)}")
    log_in(driver, base, officer)
    driver.get(document)
    submit(driver, "#document-issue")
    check(text(driver, "document-status") == "已出具", f"the officer issues it{page_alert(driver)}")
    return text(driver, "document-number")


def complete_stage(driver, case_url, expected_next):
    driver.get(case_url)
    check(len(driver.find_elements(By.ID, "blocker")) == 0, f"nothing blocks the stage before {expected_next}")
    submit(driver, "#complete-stage")
    check(text(driver, "current-stage") == expected_next, f"the case moves on to {expected_next}")


def upload_video(driver, description, place):
    """Records the body-camera video as evidence of the current stage, uploading it with the form."""
    open_details(driver, "evidence-section")
    Select(driver.find_element(By.ID, "ev-kind")).select_by_visible_text("视听资料")
    fill(driver, "ev-description", description)
    fill(driver, "ev-source", "执法人员现场拍摄")
    driver.find_element(By.ID, "ev-file").send_keys(os.path.abspath(VIDEO))
    Select(driver.find_element(By.ID, "ev-fileKind")).select_by_visible_text("录像")
    fill(driver, "ev-place", place)
    fill(driver, "ev-device", "执法记录仪 DSJ-A8 0032")
    submit(driver, "#evidence-submit")
    check("证据已登记" in driver.page_source, f"evidence recorded: {description}")


def penalty_case(driver, base):
    """One whole penalty case through the staff pages, on the demo's day (REC-1..13)."""
    today = TODAY
    year = today.year
    with open(VIDEO, "rb") as video:
        video_sha256 = hashlib.sha256(video.read()).hexdigest()

    # 立案: the officer opens the case with 李娜 (REC-1, REC-7).
    log_in(driver, base, "scj.zhangwei")
    driver.find_element(By.LINK_TEXT, "案件").click()
    driver.find_element(By.ID, "open-case").click()
    WebDriverWait(driver, 10).until(lambda d: "/staff/cases/new" in d.current_url)
    fill(driver, "title", "销售超过保质期的食品")
    Select(driver.find_element(By.ID, "category")).select_by_visible_text("行政处罚")
    item = driver.find_element(By.ID, "item")
    for option in item.find_elements(By.TAG_NAME, "option"):
        if "对生产经营不符合食品安全标准的食品的处罚" in option.text:
            option.click()
    Select(driver.find_element(By.ID, "source")).select_by_visible_text("监督检查发现")
    set_value(driver, "violationOn", today.isoformat())
    fill(driver, "party-0-name", "王小明")
    fill(driver, "party-0-id", "532328198001011234")
    fill(driver, "party-0-address", "元谋县元马镇龙川街 12 号")
    for label in driver.find_elements(By.CSS_SELECTOR, "label.officer-choice"):
        if label.text.startswith("李娜"):
            label.find_element(By.TAG_NAME, "input").click()
    driver.save_screenshot(os.path.join(SHOTS, "10-case-new.png"))
    submit(driver, "#open-submit")
    number = text(driver, "case-title").split(" ")[0]
    check(number.startswith(f"元市监立〔{year}〕"), f"the case is opened and numbered ({number})")
    case_url = driver.current_url.split("?")[0]
    check(text(driver, "current-stage") == "立案", "the stage track shows 立案 as current")
    check("“立案”环节须先出具立案审批表（依据《中华人民共和国行政处罚法》第四十七条）" in text(driver, "blocker"),
          "the page says what the stage still needs, citing the statute rather than our rule ID")
    clocks = text(driver, "clocks")
    if (today + datetime.timedelta(days=90)).year > LAST_SHIPPED_CALENDAR:
        check("（暂定）" in clocks and f"{(today + datetime.timedelta(days=90)).year} 年节假日安排尚未加载" in clocks
              and "无法计算" not in clocks,
              "the 90-day decision clock runs into a year without a holiday notice: its date is provisional, never empty (CAL-4)")
    else:
        check("作出处罚决定" in clocks, "the 90-day decision clock is shown")
    driver.save_screenshot(os.path.join(SHOTS, "11-case-opened.png"))

    # The opening approval: drafted by the officer, signed by the head 王芳, issued with the case number (REC-6).
    approval = draft_document(driver, "立案审批表", {"facts": "日常监督检查中发现当事人销售超过保质期的食品。",
                                                     "basis": "《中华人民共和国食品安全法》第三十四条、第一百二十四条",
                                                     "opinion": "建议立案调查。"})
    driver.save_screenshot(os.path.join(SHOTS, "12-document-review.png"))
    check(sign_and_issue(driver, base, approval, "scj.wangfang") == number, "the approval carries the case number")
    complete_stage(driver, case_url, "调查取证")

    # 调查取证: the report, and the body-camera video (REC-3, REC-4, REC-8).
    report = draft_document(driver, "案件调查终结报告", {"facts": "当事人货架上陈列超过保质期的饼干 12 袋。", "evidence": "现场检查录像、询问笔录。",
                                                          "basis": "《中华人民共和国食品安全法》第一百二十四条", "opinion": "建议给予行政处罚。"})
    sign_and_issue(driver, base, report, "scj.wangfang")
    driver.get(case_url)
    check("音像记录事项清单内" in text(driver, "blocker") and "国办发〔2018〕118号" in text(driver, "blocker"),
          "without audio/video the investigation cannot be completed (REC-3)")
    upload_video(driver, "执法记录仪录像：现场检查过程", "元谋县元马镇龙川街 12 号")
    evidence = text(driver, "evidence")
    check(video_sha256 in evidence and "调查取证" in evidence, "the video is evidence of 调查取证 with its SHA-256 taken on upload")
    full_screenshot(driver, "13-evidence.png")
    complete_stage(driver, case_url, "事先告知")

    # 事先告知 without a hearing right; the party states its case, so the decision need not wait (REC-13).
    notice = draft_document(driver, "行政处罚事先告知书", {"facts": "当事人销售超过保质期的食品。", "reasons": "有现场检查录像为证。",
                                                          "basis": "《中华人民共和国食品安全法》第一百二十四条", "penalty": "罚款人民币伍仟元", "sanctions": "罚款",
                                                          "fine": "5000", "hearing": "否"})
    notice_number = sign_and_issue(driver, base, notice, "scj.wangfang")
    check(notice_number.startswith(f"元市监罚告〔{year}〕"), f"the notice is numbered ({notice_number})")
    driver.get(case_url)
    check("尚未送达" in text(driver, "blocker"), "until the notice is served, the party's periods have not started (REC-14)")
    # 送达 of the notice: the receipt names the notice (the newest document not yet served), 李娜 checks it.
    notice_receipt = draft_document(driver, "送达回证", {})
    check(notice_number in text(driver, "document-fields"), "the receipt serves the notice")
    sign_and_issue(driver, base, notice_receipt, "scj.lina")
    driver.get(case_url)
    check("期满前不得作出决定" in text(driver, "blocker"), "before the party answers, the notice period blocks the decision")
    open_details(driver, "response")
    Select(driver.find_element(By.ID, "responseKind")).select_by_visible_text("收到陈述申辩")
    fill(driver, "responseNote", "当事人承认违法事实，请求从轻处罚。")
    submit(driver, "#response-submit")
    check("收到陈述申辩" in text(driver, "timeline"), "the statement is on the timeline")
    complete_stage(driver, case_url, "作出决定")
    track = text(driver, "stage-track")
    check("听证 未经过" in track and "法制审核 未经过" in track, "hearing and legal review are skipped")

    # 作出决定: the head signs, the decision is numbered 元市监罚〔year〕N号.
    decision = draft_document(driver, "行政处罚决定书", {"evidence": "现场检查录像、询问笔录、陈述申辩记录。",
                                                        "discretion": "当事人如实陈述并主动消除危害后果，依法减轻处罚。", "penalty": "罚款人民币伍仟元",
                                                        "circumstance": "一般",
                                                        "deviationReason": "当事人主动消除违法行为危害后果，依行政处罚法第三十二条减轻处罚。"})
    decision_number = sign_and_issue(driver, base, decision, "scj.wangfang")
    check(decision_number.startswith(f"元市监罚〔{year}〕"), f"the decision is numbered ({decision_number})")
    driver.get(decision + "/print")
    check(driver.find_element(By.TAG_NAME, "h1").text.replace(" ", "") == "行政处罚决定书" and decision_number in driver.page_source,
          "the A4 print view shows the decision with its number")
    driver.save_screenshot(os.path.join(SHOTS, "14-decision-print.png"))
    complete_stage(driver, case_url, "送达")

    # 送达: the receipt is checked by 李娜, the delivery is filmed.
    receipt = draft_document(driver, "送达回证", {})
    check(decision_number in text(driver, "document-fields"), "the receipt serves the decision, not the notice served before it")
    sign_and_issue(driver, base, receipt, "scj.lina")
    driver.get(case_url)
    upload_video(driver, "执法记录仪录像：直接送达处罚决定书", "元谋县元马镇龙川街 12 号")
    complete_stage(driver, case_url, "执行")
    check("缴纳罚款 5000 元" in text(driver, "clocks"), "the payment clock runs from delivery")

    # 执行: the fine is paid; 结案 with its report; 归档.
    open_details(driver, "payment")
    fill(driver, "amount", "5000")
    Select(driver.find_element(By.ID, "method")).select_by_visible_text("电子支付")
    submit(driver, "#payment-submit")
    check("缴纳 5000 元" in text(driver, "timeline"), "the payment is on the timeline")
    complete_stage(driver, case_url, "结案")
    closing = draft_document(driver, "结案审批表", {"summary": "罚款 5000 元已缴纳。", "opinion": "建议结案。"})
    sign_and_issue(driver, base, closing, "scj.wangfang")
    complete_stage(driver, case_url, "归档")
    check(text(driver, "case-status") == "已结案", "the case is closed")
    submit(driver, "#complete-stage")
    check(text(driver, "case-status") == "已归档", "the case is archived")
    timeline = text(driver, "timeline")
    for event in ("立案", "作出决定", "送达", "履行", "结案", "归档"):
        check(event in timeline, f"the timeline shows {event}")
    check(all(li.get_attribute("class") in ("done", "skipped") for li in driver.find_elements(By.CSS_SELECTOR, "#stage-track li")),
          "every stage is done or skipped")
    full_screenshot(driver, "15-case-archived.png")
    driver.set_window_size(390, 844)
    width = driver.execute_script("return document.documentElement.scrollWidth")
    check(width <= 390, f"the case page has no horizontal scrolling at phone width (page is {width}px)")
    driver.save_screenshot(os.path.join(SHOTS, "16-case-phone.png"))
    driver.set_window_size(1280, 900)

    # The list and the statistics show it.
    driver.get(base + "/staff/cases?status=archived")
    check(number in text(driver, "cases"), "the archived case is listed")
    driver.get(base + "/staff/cases/statistics")
    check(len(driver.find_elements(By.CSS_SELECTOR, "figure.chart svg")) >= 3, "the statistics page draws its charts")
    full_screenshot(driver, "17-statistics.png")
    return decision_number


REVIEW_ELEMENTS = ("subject", "officers", "facts", "evidence", "law", "discretion", "procedure", "power", "documents", "crime")


def clue_to_case(driver, base):
    """线索登记 (REC-18): a hotline clue is registered, checked and opened as a case that links back to it."""
    log_in(driver, base, "scj.zhangwei")
    driver.find_element(By.ID, "nav-leads").click()
    Select(driver.find_element(By.ID, "source")).select_by_visible_text("热线转办")
    fill(driver, "summary", "12315 热线：龙川街一家药店销售过期口罩。")
    Select(driver.find_element(By.ID, "partyKind")).select_by_visible_text("法人或其他组织")
    fill(driver, "partyName", "元谋县龙川街康民药店")
    submit(driver, "#register-lead")
    check(text(driver, "lead-status") == "核查中" and text(driver, "lead-due") != "", "the clue is registered with its 15-working-day check deadline")
    full_screenshot(driver, "24-lead.png")
    driver.find_element(By.ID, "open-case-from-lead").click()
    WebDriverWait(driver, 10).until(lambda d: "/staff/cases/new" in d.current_url)
    check("根据案件线索" in text(driver, "from-lead"), "the case form says which clue it opens")
    fill(driver, "title", "销售过期口罩")
    set_value(driver, "violationOn", TODAY.isoformat())
    Select(driver.find_element(By.ID, "party-0-kind")).select_by_visible_text("法人或其他组织")
    fill(driver, "party-0-name", "元谋县龙川街康民药店")
    for label in driver.find_elements(By.CSS_SELECTOR, "label.officer-choice"):
        if label.text.startswith("李娜"):
            label.find_element(By.TAG_NAME, "input").click()
    submit(driver, "#open-submit")
    driver.find_element(By.ID, "case-lead").click()
    check(text(driver, "lead-status") == "已立案" and text(driver, "lead-case").startswith("元市监"), "the clue is closed as 已立案 and links its case")


def legal_review(driver, base):
    """The demo's major case of the archives bureau: its draft decision waits for legal review.
    吴敏 opens 法制审核 from the nav, answers every element of the checklist and approves; then
    the officer completes the stage, the head signs, the officer issues (REV-1, REV-4, REV-5, REV-8)."""
    year = TODAY.year

    # The reviewer's queue and the round (REV-5, REV-8).
    log_in(driver, base, "daj.fazhi")
    driver.find_element(By.LINK_TEXT, "法制审核").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.split("?")[0].endswith("/staff/reviews"))
    queue = text(driver, "review-queue")
    check("擅自销毁建设工程档案" in queue and "第 1 轮" in queue and "待审核" in queue, "the reviewer's queue lists the demo's round")
    driver.save_screenshot(os.path.join(SHOTS, "20-review-queue.png"))
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "#review-queue tbody tr") if "擅自销毁建设工程档案" in r.text)
    row.find_element(By.TAG_NAME, "a").click()
    WebDriverWait(driver, 10).until(lambda d: len(d.find_elements(By.ID, "opinion-form")) == 1)
    check(text(driver, "round-state") == "待审核", "the round is waiting for review")
    check("R6" in text(driver, "round-rules") and "国办发〔2017〕14号" in text(driver, "round-rules"),
          "the round shows the catalogue rule that matched, with its source (REV-2)")
    check("城建档案移交清单" in text(driver, "round-evidence"), "the case's evidence is attached (REV-3)")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#checklist input[type=radio]:checked")) == 0, "no element is answered in advance (REV-4)")
    case_url = driver.find_element(By.ID, "round-case").get_attribute("href")
    decision_url = driver.find_element(By.ID, "round-document").get_attribute("href")

    # The checklist, every element answered; the opinion 同意 (REV-4, REV-5).
    for element in REVIEW_ELEMENTS:
        driver.find_element(By.ID, f"v-{element}-{'not_applicable' if element == 'crime' else 'pass'}").click()
    fill(driver, "c-crime", "未发现涉嫌犯罪情形")
    Select(driver.find_element(By.ID, "outcome")).select_by_visible_text("同意（准予作出决定）")
    fill(driver, "opinion-text", "经审核，执法主体合法，事实清楚，证据确实充分，适用法律正确，程序合法，罚款数额在法定幅度内，同意作出行政处罚决定。")
    full_screenshot(driver, "21-review-opinion.png")
    submit(driver, "#opinion-submit")
    check(text(driver, "round-state") == "审核通过", f"the round shows 审核通过{page_alert(driver)}")
    check("同意（准予作出决定）" in text(driver, "round-opinion") and "不适用" in text(driver, "round-answers"), "the opinion and its checklist are shown")
    full_screenshot(driver, "22-review-approved.png")

    # The officer completes 法制审核; the head signs the decision, the officer issues it (REV-1).
    log_in(driver, base, "daj.chenming")
    complete_stage(driver, case_url, "作出决定")
    driver.get(decision_url)
    check("审核通过" in text(driver, "review-rounds"), "the decision's page lists the passed round")
    submit(driver, "#document-submit")
    check(text(driver, "document-status") == "待审签", f"the decision is sent for signature{page_alert(driver)}")
    number = sign_and_issue(driver, base, decision_url, "daj.zhoujun", officer="daj.chenming")
    check(number.startswith(f"元档罚〔{year}〕"), f"the decision is issued and numbered ({number})")
    full_screenshot(driver, "23-review-decision-issued.png")


def main():
    os.makedirs(SHOTS, exist_ok=True)
    os.environ["SE_OFFLINE"] = "true"
    process, base = start_demo()
    driver = browser()
    try:
        # The public portal: no login, the organisation tree.
        driver.get(base + "/")
        tree = driver.find_element(By.ID, "organisation-tree").text
        check("元谋县司法局" in tree and "元谋县市场监督管理局" in tree, "portal shows the organisation tree")
        driver.save_screenshot(os.path.join(SHOTS, "01-portal.png"))

        # A member of the public searches an officer by certificate number (PUB-2, PUB-10)...
        driver.find_element(By.ID, "q").send_keys("53232800101")
        submit(driver, "form[action='/search'] button")
        result = driver.find_element(By.CSS_SELECTOR, "#results a")
        check("张伟" in result.text, f"search by certificate number finds the officer ({result.text})")
        driver.save_screenshot(os.path.join(SHOTS, "02-search.png"))
        result.click()
        WebDriverWait(driver, 10).until(lambda d: "/c/53232800101" in d.current_url)
        check(driver.find_element(By.ID, "certificate-status").text == "有效", "the certificate page says 有效")
        driver.save_screenshot(os.path.join(SHOTS, "03-certificate.png"))
        # ...and the QR code on it, read by zbar, opens the same verification page.
        qr_url = driver.find_element(By.ID, "qr").get_attribute("src")
        svg_path = os.path.join(SHOTS, "qr.svg"); png_path = os.path.join(SHOTS, "qr.png")
        with urllib.request.urlopen(qr_url) as response, open(svg_path, "wb") as out:
            shutil.copyfileobj(response, out)
        subprocess.run(["rsvg-convert", "-w", "600", "-o", png_path, svg_path], check=True)
        decoded = subprocess.run(["zbarimg", "--raw", "-q", png_path], check=True, capture_output=True, text=True).stdout.strip()
        check(decoded == base + "/c/53232800101", f"zbar decodes the QR code to the verification URL ({decoded})")
        driver.get(decoded)
        check(driver.find_element(By.ID, "certificate-status").text == "有效", "the QR verification URL opens and says 有效")
        driver.get(base + "/c/53232800103")
        check(driver.find_element(By.ID, "certificate-status").text == "已过期", "an expired certificate says 已过期")

        # The staff area sends a person to the login page.
        driver.get(base + "/staff")
        check("/staff/login" in driver.current_url, "staff area redirects to the login page")

        # A wrong password is refused in Chinese.
        driver.find_element(By.ID, "username").send_keys("admin")
        driver.find_element(By.ID, "password").send_keys("wrong-password-1")
        submit(driver, "form button[type=submit]")
        check("用户名或密码错误" in driver.find_element(By.ID, "login-error").text, "wrong password is refused")
        driver.save_screenshot(os.path.join(SHOTS, "04-login-refused.png"))

        # The right one opens the home page with tasks and deadlines (the installation's administrator,
        # who is asked to load next year's holiday notice).
        driver.find_element(By.ID, "username").clear()
        driver.find_element(By.ID, "username").send_keys("yn.admin")
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        submit(driver, "form button[type=submit]")
        check(driver.find_element(By.TAG_NAME, "h1").text == "我的待办与期限", "home page after login")
        tasks = driver.find_element(By.ID, "tasks").text
        check("节假日安排" in tasks and "执法证" in tasks, "home page lists tasks with deadlines")
        driver.save_screenshot(os.path.join(SHOTS, "05-home.png"))

        # The deadline calculator works without JavaScript.
        driver.find_element(By.ID, "from").clear()
        driver.execute_script("document.getElementById('from').value = '2026-09-30'")
        driver.find_element(By.ID, "days").send_keys("7")
        submit(driver, "form[action='/staff'] button")
        check(driver.find_element(By.ID, "due").text.startswith("2026-10-15"), "deadline calculator: 2026-09-30 + 7 working days = 2026-10-15")
        driver.save_screenshot(os.path.join(SHOTS, "06-deadline.png"))

        # Readable at phone width.
        driver.set_window_size(390, 844)
        width = driver.execute_script("return document.documentElement.scrollWidth")
        check(width <= 390, f"no horizontal scrolling at phone width (page is {width}px)")
        driver.save_screenshot(os.path.join(SHOTS, "07-home-phone.png"))
        driver.set_window_size(1280, 900)

        # Log out.
        submit(driver, "header form button")
        check("您已安全退出" in driver.page_source, "logout returns to the login page")
        driver.get(base + "/staff")
        check("/staff/login" in driver.current_url, "after logout the staff area needs a login again")
        driver.save_screenshot(os.path.join(SHOTS, "08-logged-out.png"))

        decision_number = penalty_case(driver, base)
        helpers = sys.modules[__name__]
        publicity_scenarios.decision_publication(helpers, driver, base, decision_number)
        publicity_scenarios.random_draw(helpers, base)
        publicity_scenarios.complaint(helpers, driver, base)
        publicity_scenarios.inspect_publicity(helpers, driver, base)
        supervision_scenarios.dispute_coordination(helpers, driver, base)
        supervision_scenarios.assessment_published(helpers, driver, base)
        legal_review(driver, base)
        clue_to_case(driver, base)
        recording_scenarios.seizure_case(helpers, driver, base)
    except Exception:
        driver.save_screenshot(os.path.join(SHOTS, "failure.png"))
        raise
    finally:
        driver.quit()
        process.terminate()
        process.wait(timeout=10)
    print(f"browser test passed; screenshots in {SHOTS}/")


if __name__ == "__main__":
    main()
