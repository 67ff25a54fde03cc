"""Scenarios of coordination and supervision review in headless Chromium (SUP-3, SUP-8, SUP-10):
run by browser_test.py after the publicity scenarios, with its helpers passed in as `h`."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def dispute_coordination(h, driver, base):
    """A department's head applies for coordination of a dispute with another department after
    consulting it; the justice bureau's supervisor accepts, gives a written opinion, refers it to
    the government and records the ruling; every step stays on the matter's page (SUP-3)."""
    h.log_in(driver, base, "scj.wangfang")
    driver.find_element(By.ID, "nav-coordination").click()
    Select(driver.find_element(By.ID, "respondent")).select_by_visible_text("元谋县综合行政执法局")
    h.fill(driver, "d-subject", "农贸市场占道食品摊贩查处职责")
    h.fill(driver, "d-details", "农贸市场周边占道销售食品的摊贩由哪一部门查处，两局均认为不属于本部门职责。")
    h.fill(driver, "consultation", f"{h.TODAY.year}年{h.TODAY.month}月两局分管领导协商，未能达成一致。")
    h.submit(driver, "#dispute-form button[type=submit]")
    h.check("农贸市场占道食品摊贩查处职责" in h.text(driver, "matters"), "the application is listed" + h.page_alert(driver))

    h.log_in(driver, base, "jiandu")
    h.check("执法争议协调：农贸市场占道食品摊贩查处职责" in h.text(driver, "tasks"), "the supervisor's home page lists the dispute to accept")
    driver.find_element(By.ID, "nav-coordination").click()
    driver.find_element(By.LINK_TEXT, "农贸市场占道食品摊贩查处职责").click()
    h.submit(driver, "#step-accept button[type=submit]")
    h.check(h.text(driver, "matter-status") == "已受理，协调中", "the bureau accepts the dispute" + h.page_alert(driver))
    h.fill(driver, "text-issue_opinion", "建议由综合行政执法局查处占道经营行为，市场监督管理局负责食品安全监督检查，两局建立信息通报机制。")
    h.submit(driver, "#step-issue_opinion button[type=submit]")
    h.submit(driver, "#step-refer button[type=submit]")
    h.fill(driver, "text-record_ruling", "县人民政府裁决：由综合行政执法局查处，市场监督管理局配合。")
    h.submit(driver, "#step-record_ruling button[type=submit]")
    steps = h.text(driver, "matter-steps")
    h.check(h.text(driver, "matter-status") == "已办结" and "出具书面协调建议" in steps and "记录政府裁决" in steps,
            "the opinion, the referral and the ruling are on the matter's page")
    h.full_screenshot(driver, "40-dispute-ruled.png")


def assessment_published(h, driver, base):
    """The supervisor rates a department for the year from its data and the bureau's scores and
    publishes it after the government's approval; the public reads it on the portal (SUP-8)."""
    h.log_in(driver, base, "jiandu")
    driver.get(base + "/staff/assessment")
    rating = driver.find_element(By.CSS_SELECTOR, "div.rating")
    name, rating_id = rating.find_element(By.TAG_NAME, "strong").text, rating.get_attribute("id")
    h.submit(driver, f"#{rating_id} form[action='/staff/assessment/rate'] button")
    h.check("已评定" in h.text(driver, rating_id), f"{name} is rated" + h.page_alert(driver))
    approval = f"元政函〔{h.TODAY.year}〕12号"
    driver.find_element(By.CSS_SELECTOR, f"#{rating_id} input[name=approval]").send_keys(approval)
    h.submit(driver, f"#{rating_id} form[action$='/publish'] button")
    h.check("已公布" in h.text(driver, rating_id), f"{name}'s result is published" + h.page_alert(driver))
    driver.delete_all_cookies()
    driver.get(base + "/assessments")
    h.check(name in h.text(driver, "public-ratings") and approval in h.text(driver, "public-ratings"),
            "the portal shows the published result with the government's approval")
    h.full_screenshot(driver, "41-assessments-portal.png")
