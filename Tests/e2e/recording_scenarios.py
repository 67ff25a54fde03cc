"""Scenarios of full-process recording in headless Chromium (REC-16, REC-17): run by
browser_test.py after the penalty case, with its helpers passed in as `h`."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait


def seizure_case(h, driver, base):
    """查封、扣押 through the staff pages: 周涛 opens a 行政强制 case with 孙强, issues a 30-day seizure;
    the case cannot be terminated while the seizure is active; 周涛 asks for an extension, 孙强
    approves it; 孙强 releases the seizure with its reason, and the case moves on (REC-16, REC-17)."""
    h.log_in(driver, base, "zf.zhoutao")
    driver.find_element(By.LINK_TEXT, "案件").click()
    driver.find_element(By.ID, "open-case").click()
    WebDriverWait(driver, 10).until(lambda d: "/staff/cases/new" in d.current_url)
    h.fill(driver, "title", "扣押占道经营的流动摊点设施")
    Select(driver.find_element(By.ID, "category")).select_by_visible_text("行政强制")
    Select(driver.find_element(By.ID, "source")).select_by_visible_text("监督检查发现")
    h.set_value(driver, "violationOn", h.TODAY.isoformat())
    h.fill(driver, "party-0-name", "王小明")
    for label in driver.find_elements(By.CSS_SELECTOR, "label.officer-choice"):
        if label.text.startswith("孙强"):
            label.find_element(By.TAG_NAME, "input").click()
    h.submit(driver, "#open-submit")
    case_url = driver.current_url.split("?")[0]
    h.check(h.text(driver, "current-stage") == "报告批准", "the coercion case is opened" + h.page_alert(driver))

    def exempt():
        """周涛 asks to go without audio/video for the stage, 孙强 approves (REC-3)."""
        driver.get(case_url)
        h.open_details(driver, "av")
        h.fill(driver, "avReason", "执法记录仪故障，已制作书面笔录并经当事人签字")
        h.submit(driver, "#av form.stack button")
        h.log_in(driver, base, "zf.sunqiang")
        driver.get(case_url)
        h.open_details(driver, "av")
        h.submit(driver, "#av-approve")
        h.log_in(driver, base, "zf.zhoutao")

    approval = h.draft_document(driver, "立案审批表", {"facts": "流动摊点在龙川街占道经营，经责令仍拒不改正。", "basis": "《中华人民共和国行政强制法》第二十二条",
                                                      "opinion": "建议报请负责人批准实施扣押"})
    h.sign_and_issue(driver, base, approval, "zf.sunqiang", officer="zf.zhoutao")
    h.complete_stage(driver, case_url, "实施强制措施")
    record = h.draft_document(driver, "现场检查笔录", {"place": "元马镇龙川街 12 号门前", "content": "当事人占道摆放三轮车和遮阳棚经营，经劝导拒不撤离。"})
    h.sign_and_issue(driver, base, record, "zf.sunqiang", officer="zf.zhoutao")
    exempt()
    h.complete_stage(driver, case_url, "送达决定书")
    decision = h.draft_document(driver, "查封（扣押）决定书", {"reason": "当事人占道经营拒不改正，依据《中华人民共和国行政强制法》第二十二条扣押",
                                                              "items": "三轮车 1 辆、遮阳棚 1 顶", "place": "元马镇龙川街 12 号门前", "term": "30"})
    h.sign_and_issue(driver, base, decision, "zf.sunqiang", officer="zf.zhoutao")
    exempt()
    h.complete_stage(driver, case_url, "作出处理决定")
    h.check("查封、扣押中" in h.text(driver, "seizures") and "查封、扣押期限届满" in h.text(driver, "clocks"),
            "the seizure is listed with its 30-day clock")

    # While seized, the head cannot terminate the case (行政强制法 第二十七条、第二十八条).
    h.log_in(driver, base, "zf.sunqiang")
    driver.get(case_url)
    h.open_details(driver, "status")
    Select(driver.find_element(By.ID, "statusAction")).select_by_visible_text("终止")
    h.fill(driver, "statusReason", "当事人已自行整改")
    h.submit(driver, "#status form button")
    h.check("尚未解除" in h.text(driver, "form-problem"), "termination is refused while the seizure is active")

    # 周涛 asks for the one extension; 孙强, not the requester, approves it (REC-17).
    h.log_in(driver, base, "zf.zhoutao")
    driver.get(case_url)
    h.open_details(driver, "extension")
    h.fill(driver, "extensionDays", "30")
    h.fill(driver, "extensionReason", "需检测财物来源，情况复杂")
    h.submit(driver, "#extension form button")
    h.check(len(driver.find_elements(By.ID, "extension-approve")) == 0, "the requester sees no approval form")
    h.log_in(driver, base, "zf.sunqiang")
    driver.get(case_url)
    h.open_details(driver, "extension-approve")
    h.submit(driver, "#extension-approve form button")
    h.check("经批准延长 30 日" in h.text(driver, "clocks"), "the seizure clock is extended by 30 days" + h.page_alert(driver))

    # 孙强 releases the seizure with the reason; its clock stops and the case moves on.
    h.open_details(driver, "seizure-release")
    h.fill(driver, "releaseReason", "当事人已自行拆除并承诺不再占道经营")
    h.submit(driver, "#seizure-release form button")
    h.check("已于" in h.text(driver, "seizures") and "查封、扣押期限届满" not in h.text(driver, "clocks"), "the seizure is released, its clock stops")
    h.complete_stage(driver, case_url, "解除或依法处理")
    h.complete_stage(driver, case_url, "归档")
    h.full_screenshot(driver, "26-seizure-case.png")
