"""Addresses "Leave quickly" takes and refuses, shared by the model's tests and the browser's (boot.js judges as the
model does)."""

GOOD_URLS = [
    "https://www.bbc.co.uk/weather",
    "https://www.google.com/search?q=weather",
    "http://example.org",
    "https://example.org/a/b?c=d&e=f#g",
    "http://127.0.0.1:8000/index.html?left",
    "https://[::1]:8443/",
    "https://bücher.example/straße",
    "https://xy" + "/a" * 245,   # 500 characters
]
BAD_URLS = [
    "", "weather", "www.bbc.co.uk/weather",             # no scheme: exit_url_from adds one, the setting needs it
    "javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "ftp://example.org", "mailto:a@b.org",
    "HTTPS://example.org",                              # kept in lower case only (exit_url_from lowers it)
    "https://", "https:///path", "https://?q", "https://.example.org", "https://:80", "https://-x.org",
    "https://user@example.org", "https://exa mple.org", "https://example.org/a b", "https://example.org/\n",
    "https://example.org/\t", "https://example.org/\x7f", "https://example.org/\u00a0", "https://ex\u202eample.org",
    "https://example.org/\u200b", "https://example.org/\ufeff", "https://exam(ple).org", "https://exa\\mple.org",
    "https://xy" + "/a" * 245 + "b",   # 501 characters
    None, 1, ["https://example.org"], {"url": "https://example.org"},
]
