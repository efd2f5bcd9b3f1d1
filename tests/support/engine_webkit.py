"""WebKitGTK (Debian's webkit2gtk-driver and MiniBrowser) driven through selenium, in its own Xvfb.

MiniBrowser is a GTK window, so it needs an X display: the tab starts a private Xvfb (which picks a
free display number itself). MiniBrowser's toolbar would hold its window at least 447 px wide; a
GTK user stylesheet in a private XDG_CONFIG_HOME shrinks it, so the page can be phone-sized (the
web page itself is not styled by GTK). WebKitWebDriver has no console log: page errors come from
the recorder that tests/support/engines.py puts in boot.js.
"""
import os
import shutil
import subprocess
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.webkitgtk.options import Options
from selenium.webdriver.webkitgtk.service import Service

from engines import Tab

SMALL_TOOLBAR = "* { font-size: 1px; min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; }\n"


class WebKit(Tab):
    name = "webkit"

    def __init__(self, driver_binary, browser_binary, xvfb_binary, viewport):
        super().__init__()
        self.home = tempfile.mkdtemp(prefix="attune-webkit-")
        os.makedirs(os.path.join(self.home, "gtk-3.0"))
        with open(os.path.join(self.home, "gtk-3.0", "gtk.css"), "w") as f:
            f.write(SMALL_TOOLBAR)
        self.xvfb, display = start_xvfb(xvfb_binary)
        options = Options()
        options.binary_location = browser_binary
        options.add_argument("--automation")
        service = Service(executable_path=driver_binary,
                          env=dict(os.environ, DISPLAY=display, XDG_CONFIG_HOME=self.home))
        try:
            self.driver = webdriver.WebKitGTK(options=options, service=service)
        except Exception:
            self.xvfb.terminate()
            raise
        self.version = self.driver.capabilities.get("browserVersion", "?")
        self.set_viewport(viewport)

    def script(self, expression):
        return self.driver.execute_script("return " + expression)

    def goto(self, url):
        self.driver.get(url)

    def reload(self):
        self.collect_errors()
        self.driver.refresh()

    def click(self, selector):
        element = self.driver.find_element(By.CSS_SELECTOR, selector)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()

    def type_keys(self, selector, keys):
        """Real key presses into the element ("\ue007" is Enter)."""
        self.driver.find_element(By.CSS_SELECTOR, selector).send_keys(keys)

    def set_viewport(self, viewport):
        """Size the window so the page gets exactly this viewport (the toolbar's height is added).

        The window manager under Xvfb applies a resize a moment later, so the toolbar is measured
        and the window resized again until the page reports the viewport asked for."""
        target = [viewport["width"], viewport["height"]]
        self.driver.set_window_rect(width=target[0], height=target[1])
        for _ in range(20):
            inner = self.evaluate("[innerWidth, innerHeight]")
            if inner == target:
                return
            chrome = self.evaluate("[outerWidth - innerWidth, outerHeight - innerHeight]")
            self.driver.set_window_rect(width=target[0] + chrome[0], height=target[1] + chrome[1])
            time.sleep(0.1)
        assert inner == target, "webkit: viewport is %s, not %s" % (inner, viewport)

    def screenshot(self, path):
        self.driver.save_screenshot(str(path))

    def close(self):
        try:
            self.driver.quit()
        finally:
            self.xvfb.terminate()
            self.xvfb.wait()
            shutil.rmtree(self.home, ignore_errors=True)


def start_xvfb(binary):
    """A private X server: (process, DISPLAY value). -displayfd has Xvfb pick a free number and tell it."""
    read, write = os.pipe()
    process = subprocess.Popen([binary, "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                               pass_fds=[write], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    if not number:
        process.terminate()
        raise RuntimeError("Xvfb did not start")
    return process, ":" + number
