"""The build's settings for a host to change. Edit here and rebuild (`make build`), or pass
`python -m builder --exit-url URL` for one build.

EXIT_URL: where "Leave quickly" takes a reader who needs to hide what they were reading, and what
pressing Shift three times does. It is written into the page (the link's href, and <html data-exit>
for site/boot.js), so it works before Python starts and with scripts off; the page never fetches
it, only goes there when asked. A reader may set their own in the display settings.

The default is BBC Weather, the address GOV.UK's "Exit this page" component goes to: a page that
anyone anywhere could plausibly be looking at, that says nothing about relationships, and that
loads quickly. Choose something as neutral for your readers (a weather or news front page); it must
be an http:// or https:// address (py/core/settings.py: is_exit_url, the same rule as a reader's own).
"""
EXIT_URL = "https://www.bbc.co.uk/weather"
