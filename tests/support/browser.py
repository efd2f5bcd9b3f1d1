"""Launching Chromium for the tests and the benchmark: Debian's where present, else Playwright's."""
import os

DEBIAN_CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
READY = "html[data-app=ready], html[data-app=error]"


def launch(playwright, extra_args=(), **kwargs):
    args = ARGS + list(extra_args)
    if os.path.exists(DEBIAN_CHROMIUM):
        return playwright.chromium.launch(executable_path=DEBIAN_CHROMIUM, args=args, **kwargs)
    return playwright.chromium.launch(args=args, **kwargs)


def launch_persistent(playwright, user_data_dir, **kwargs):
    if os.path.exists(DEBIAN_CHROMIUM):
        return playwright.chromium.launch_persistent_context(user_data_dir, executable_path=DEBIAN_CHROMIUM, args=ARGS,
                                                             **kwargs)
    return playwright.chromium.launch_persistent_context(user_data_dir, args=ARGS, **kwargs)
