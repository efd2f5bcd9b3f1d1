"""Theme and text size: applied to <html> and the settings panel's radios, and changed from it.

boot.js applies the saved ones before first paint; this takes over once Python runs.
"""
import layout
import model
from dom import now_ms, qa, root


class Display:
    def __init__(self, store, messages):
        self.store, self.messages = store, messages

    def apply(self):
        settings = self.store.doc["settings"]
        if settings["theme"] == "system":
            root.removeAttribute("data-theme")
        else:
            root.setAttribute("data-theme", settings["theme"])
        root.setAttribute("data-text-size", str(settings["text_size"]))
        for radio in qa("input[data-setting]"):
            radio.checked = radio.value == str(settings[radio.getAttribute("data-setting")])

    def set(self, name, value):
        self.store.update(lambda doc: model.set_setting(doc, name, value, now_ms()), [layout.HEAD])
        self.apply()
        self.messages.show_notices()
