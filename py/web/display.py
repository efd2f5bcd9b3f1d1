"""The display settings panel: theme and text size, and "Leave quickly" (on every page; its address).

Applied to <html>, the header's Leave quickly link and the panel's controls, and changed from the panel.
boot.js applies the saved ones before first paint (and does the leaving itself); this takes over once
Python runs, so a change shows at once.
"""
from core import layout
from core import model
from core import settings
from web.dom import now_ms, q, qa, root


class Display:
    def __init__(self, store, messages):
        self.store, self.messages = store, messages
        self.default_exit = str(root.getAttribute("data-exit"))   # the build's address (site/builder/config.py)

    def actions(self):
        """data-action → handler(button), for the app's click routing (App.on_click)."""
        return {"exit-url": lambda button: self.save_exit_url()}

    def exit_url(self):
        """Where Leave quickly goes: the reader's own address, else the build's."""
        return self.store.doc["settings"].get("exit_url") or self.default_exit

    def apply(self):
        settings = self.store.doc["settings"]
        if settings["theme"] == "system":
            root.removeAttribute("data-theme")
        else:
            root.setAttribute("data-theme", settings["theme"])
        root.setAttribute("data-text-size", str(settings["text_size"]))
        for radio in qa("input[type=radio][data-setting]"):
            radio.checked = radio.value == str(settings[radio.getAttribute("data-setting")])
        everywhere = settings.get("exit_everywhere") == 1
        if everywhere:
            root.setAttribute("data-leave", "everywhere")
        else:
            root.removeAttribute("data-leave")
        q("#leave-everywhere").checked = everywhere
        q("a.leave").setAttribute("href", self.exit_url())
        if not q("#exit-url:focus"):   # never under the reader's typing (another tab's change comes here too)
            q("#exit-url").value = settings.get("exit_url") or ""

    def set(self, name, value):
        """Change a setting; None puts an optional one back to its default."""
        self.store.update(lambda doc: model.set_setting(doc, name, value, now_ms()), [layout.HEAD])
        self.apply()
        self.messages.show_notices()

    def set_leave_everywhere(self, on):
        self.set("exit_everywhere", 1 if on else None)
        self.messages.say("Leave quickly now shows on every page." if on else
                          "Leave quickly now shows on the help page and the journal only.", change=True)

    def save_exit_url(self):
        field, error = q("#exit-url"), q("#exit-url-error")
        url = settings.exit_url_from(str(field.value))
        if url is None:
            error.textContent = ("That is not a web address. Type one such as %s, or leave the field "
                                 "empty for the usual page." % self.default_exit)
            field.setAttribute("aria-invalid", "true")
            field.focus()
            return
        error.textContent = ""
        field.removeAttribute("aria-invalid")
        self.set("exit_url", url or None)
        field.value = url
        self.messages.say("Leave quickly now goes to %s." % self.exit_url(), change=True)
