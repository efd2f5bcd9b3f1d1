"""HTML text as a browser's tokenizer sees it, for unit tests of the views."""
from html.parser import HTMLParser


class Parsed(HTMLParser):
    """Every start tag (name, attributes) and the text between tags."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []
        self.feed(text)
        self.close()

    def handle_starttag(self, name, attrs):
        self.tags.append((name, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def attrs(self, name, key):
        """The values of attribute `key` on every `name` tag that has it."""
        return [a[key] for n, a in self.tags if n == name and key in a]
