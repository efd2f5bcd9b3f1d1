"""The settings panel ("Aa"): theme and text size, and "Leave quickly" (where it shows, fewer history
entries, its address).

Applied to <html>, the header's Leave quickly link and the panel's controls, and changed from the panel.
boot.js applies the saved ones before first paint (and does the leaving itself); this takes over once
Python runs, so a change shows at once.
"""
from core import layout
from core import model
from core import settings
from web.dom import now_ms, q, qa, root


# What the page says when a setting is turned on, and off (the others show their change themselves).
SAID = {"exit_hide_reading": ("Leave quickly is now hidden on the library and the articles. It stays on your "
                              "practices, your journal and the help page.",
                              "Leave quickly now shows on every page."),
        "exit_everywhere": ("Moving between pages now adds nothing to the Back button's list.",
                            "Moving between pages now adds to the Back button's list again.")}


class Display:
    def __init__(self, store, messages):
        self.store, self.messages = store, messages
        self.default_exit = str(root.getAttribute("data-exit"))   # the build's address (site/builder/config.py)

    def actions(self):
        """data-action → handler(button), for the app's click routing (App.on_click)."""
        return {"exit-url": lambda button: self.save_exit_url()}

    def changes(self):
        """data-change → handler(control), for the app's change routing (App.on_change)."""
        return {"setting": self.on_setting}

    def exit_url(self):
        """Where Leave quickly goes: the reader's own address, else the build's."""
        return self.store.doc["settings"].get("exit_url") or self.default_exit

    def apply(self):
        """Every setting onto <html> as its table entry says (py/core/settings.py; boot.js did the same before
        first paint), and onto its controls; the Leave quickly link's address and its field."""
        stored = self.store.doc["settings"]
        for setting in settings.TABLE:
            if setting.attribute:
                value = stored.get(setting.name, setting.default)
                text = None if value is None else setting.on_html(value)
                if text is None:
                    root.removeAttribute(setting.attribute)
                else:
                    root.setAttribute(setting.attribute, text)
        for control in qa("input[data-setting]"):
            setting = settings.BY_NAME[str(control.getAttribute("data-setting"))]
            value = stored.get(setting.name, setting.default)
            control.checked = (value == 1) if control.type == "checkbox" else control.value == str(value)
        q("a.leave").setAttribute("href", self.exit_url())
        if not q("#exit-url:focus"):   # never under the reader's typing (another tab's change comes here too)
            q("#exit-url").value = stored.get("exit_url") or ""

    def on_setting(self, control):
        """A setting's control changed: its value as the setting reads it (a choice, or on/off)."""
        name = str(control.getAttribute("data-setting"))
        value = settings.BY_NAME[name].from_control(str(control.value), bool(control.checked))
        self.set(name, value)
        said = SAID.get(name)
        if said:
            self.messages.say(said[0] if value else said[1], change=True)

    def set(self, name, value):
        """Change a setting; None puts an optional one back to its default."""
        self.store.update(lambda doc: model.set_setting(doc, name, value, now_ms()), [layout.HEAD])
        self.apply()
        self.messages.show_notices()

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
