#!/usr/bin/env python3
"""Real-browser test: headless Chromium against `sunlight demo`.

Starts the demo on a free port with its own data directory, then, as a person would:
opens the public portal, goes to the staff area, is sent to the login page, tries a wrong
password, logs in as the administrator, sees the home page with tasks and deadlines (also at
phone width), uses the deadline calculator, and logs out. Screenshots go to
.build/e2e-screenshots/. Usage: browser_test.py PATH/TO/sunlight
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/sunlight"
SHOTS = os.path.join(".build", "e2e-screenshots")
PASSWORD = "Yuanmou-2026"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_demo():
    port = free_port()
    data = tempfile.mkdtemp(prefix="sunlight-e2e-")
    env = dict(os.environ, SUNLIGHT_PORT=str(port), SUNLIGHT_DATA_DIR=data)
    env.pop("SUNLIGHT_DATABASE_URL", None)
    log = open(os.path.join(".build", "e2e-demo.log"), "w")
    started = time.monotonic()
    process = subprocess.Popen([BINARY, "demo"], env=env, stdout=log, stderr=subprocess.STDOUT)
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


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print("ok ", message)


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

        # The right one opens the home page with tasks and deadlines.
        driver.find_element(By.ID, "username").clear()
        driver.find_element(By.ID, "username").send_keys("admin")
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
