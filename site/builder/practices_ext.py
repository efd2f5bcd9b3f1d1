"""A Python-Markdown extension that turns an article's Practices list into checkboxes.

The same parse that makes the article's HTML yields its practices, so the text a reader sees
and the checklist the tracker counts can never disagree. After `md.convert()`:

- `md.practices`: [{"id", "name", "text"}] in the article's order;
- `md.headings`: [(level, id, text)] of the `##`/`###` headings, for the table of contents.

It also turns a `## ... {.faq}` section into questions a reader opens one at a time, gives
headings stable ids prefixed by the article's slug (many articles share one page), and refuses
what an article must not carry: a `#` heading, images (a request to another host), raw HTML
(escaped: the block and inline HTML processors are removed).
"""
import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .errors import BuildError, line_of

PRACTICE_ID = re.compile(r"^\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*")
FAQ_MARK = re.compile(r"\s*\{\.faq\}\s*$")


def text_of(element):
    """All the text inside an element, tags dropped, white space folded."""
    return " ".join("".join(element.itertext()).split())


def slugify(text):
    """A heading's text as a URL fragment: lower-case words joined by '-'."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "section"


def unique_anchor(base, seen):
    """`base`, or base-2, base-3… if taken: the first not in `seen`, which it joins."""
    anchor, n = base, 2
    while anchor in seen:
        anchor, n = f"{base}-{n}", n + 1
    seen.add(anchor)
    return anchor


class ArticleTreeprocessor(Treeprocessor):
    """Runs after inline processing: finds practices, FAQ sections and headings."""

    def __init__(self, md, path, source, slug):
        super().__init__(md)
        self.path, self.source, self.slug = path, source, slug

    def fail(self, needle, message, occurrence=1):
        """Stop the build at the line of the source where `needle` appears (its `occurrence`-th time)."""
        raise BuildError(self.path, line_of(self.source, needle, 1, occurrence), message)

    def run(self, root):
        if root.find(".//h1") is not None:
            self.fail("\n# ", "the body has no '#' heading: the title comes from the front matter")
        if root.find(".//img") is not None:
            self.fail("![", "images are not allowed: the page loads nothing from other hosts")
        # FAQ first: it reads the '{.faq}' mark before headings get their '#' links.
        self.build_faqs(root)
        self.md.headings = self.name_headings(root)
        self.md.practices = self.build_practices(root)

    def name_headings(self, root):
        headings, seen = [], set()
        questions = {h for summary in root.iter("summary") for h in summary}
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in list(root.iter()):
            if element.tag not in ("h2", "h3"):
                continue
            label = FAQ_MARK.sub("", text_of(element))
            anchor = unique_anchor(f"{self.slug}--{slugify(label)}", seen)
            element.set("id", anchor)
            if element not in questions:  # focusable headings inside <summary> would nest interactive parts
                element.set("tabindex", "-1")
            headings.append((int(element.tag[1]), anchor, label))
            if element.tag == "h2" and label != "Practices":
                # A link a reader can copy to share or come back to this section. It sits beside the
                # heading, not in it: inside, it would add its own name to the heading's, which a
                # screen reader would then read as the heading's text twice.
                self.add_section_link(parents[element], element, f"#/a/{self.slug}/{anchor}", label)
        return headings

    @staticmethod
    def add_section_link(parent, heading, href, label):
        """Put `heading` in a <div class="section-head"> with its "#" link after it."""
        holder = etree.Element("div", {"class": "section-head"})
        parent.insert(list(parent).index(heading), holder)
        parent.remove(heading)
        holder.tail, heading.tail = heading.tail, None
        holder.append(heading)
        link = etree.SubElement(holder, "a",
                                {"class": "anchor", "href": href, "aria-label": f"Link to this section: {label}"})
        link.text = "#"

    def build_practices(self, root):
        children = list(root)
        heads = [i for i, e in enumerate(children) if e.tag == "h2" and text_of(e) == "Practices"]
        if not heads:
            self.fail("\n## Practices", "no '## Practices' section: every article suggests practices")
        following = children[heads[0] + 1] if heads[0] + 1 < len(children) else None
        if following is None or following.tag != "ul" or not len(following):
            self.fail("\n## Practices", "the Practices section needs a list of practices right after its heading")
        following.set("class", "practices")
        practices, ids = [], {}
        for item in following:
            practice = self.build_practice(item)
            ids[practice["id"]] = ids.get(practice["id"], 0) + 1
            if ids[practice["id"]] > 1:
                self.fail("{#%s}" % practice["id"], f"practice id {practice['id']!r} is used twice in this article", 2)
            practices.append(practice)
        return practices

    def build_practice(self, item):
        # A loose list wraps each item's text in <p>; a tight one does not.
        holder = item[0] if len(item) and item[0].tag == "p" and not (item.text or "").strip() else item
        match = PRACTICE_ID.match(holder.text or "")
        if not match:
            # The item's words as written may carry Markdown (**Name.**): find the longest prefix that matches.
            words = text_of(item).split()[:4]
            needle = next((" ".join(words[:k]) for k in range(len(words), 0, -1)
                           if " ".join(words[:k]) in self.source), "\n## Practices")
            self.fail(needle, "a practice starts with its id, like '{#active-listening}'")
        pid = match.group(1)
        if holder.text[match.end():].strip() or not len(holder) or holder[0].tag != "strong":
            self.fail("{#%s}" % pid,
                      f"practice {pid!r}: after the id comes its name in bold, like **Listen actively.**")
        strong = holder[0]
        name = text_of(strong).rstrip(".").strip()
        if not name:
            self.fail("{#%s}" % pid, f"practice {pid!r} has an empty name")
        # Everything after the name is the how-and-when text.
        text_box = etree.Element("div", {"class": "practice-text", "id": f"{self.slug}--do-{pid}-text"})
        first = etree.SubElement(text_box, "p")
        first.text = (strong.tail or "").lstrip()
        for child in list(holder)[1:]:
            holder.remove(child)
            first.append(child)
        if holder is not item:
            for child in list(item)[1:]:
                item.remove(child)
                text_box.append(child)
        text = text_of(text_box)
        item.clear()
        item.set("class", "practice")
        item.set("data-practice", pid)
        box_id = f"{self.slug}--do-{pid}"
        etree.SubElement(item, "input", {
            "type": "checkbox", "id": box_id, "class": "practice-box", "data-practice": pid, "data-change": "tick",
            "aria-describedby": text_box.get("id"), "disabled": "disabled",
        })
        label = etree.SubElement(item, "label", {"for": box_id})
        label.text = name
        item.append(text_box)
        # Taking the practice on without recording a day (the tracker's focus): like the box above, it
        # is drawn disabled and the app enables it once it can keep the choice (py/web/tracker_page.py).
        take = etree.SubElement(item, "span", {"class": "take-on"})
        take_id = f"{self.slug}--take-{pid}"
        etree.SubElement(take, "input", {"type": "checkbox", "id": take_id, "data-focus": pid, "data-change": "focus",
                                         "aria-label": f"Add to my practices: {name}", "disabled": "disabled"})
        etree.SubElement(take, "label", {"for": take_id}).text = "Add to my practices"
        return {"id": pid, "name": name, "text": text}

    def build_faqs(self, root):
        for element in [e for e in root if e.tag == "h2" and FAQ_MARK.search(text_of(e))]:
            # The mark sits at the end of the heading's last text run.
            if len(element):
                element[-1].tail = FAQ_MARK.sub("", element[-1].tail or "")
            else:
                element.text = FAQ_MARK.sub("", element.text or "")
            items = list(root)
            section = []
            for sibling in items[items.index(element) + 1:]:
                if sibling.tag == "h2":
                    break
                section.append(sibling)
            if not section or section[0].tag != "h3":
                self.fail("{.faq}", "a questions section starts with a '###' question")
            at = items.index(element) + 1
            for sibling in section:
                root.remove(sibling)
                if sibling.tag == "h3":
                    details = etree.Element("details", {"class": "faq"})
                    etree.SubElement(details, "summary").append(sibling)
                    root.insert(at, details)
                    at += 1
                else:
                    details.append(sibling)


class ArticleExtension(Extension):
    """Registers the article treeprocessor and removes raw HTML passing through."""

    def __init__(self, path, source, slug, **kwargs):
        self.path, self.source, self.slug = path, source, slug
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.practices, md.headings = [], []
        # Priority 15: after 'inline' (20) has made <strong>, before 'prettify' (10).
        md.treeprocessors.register(ArticleTreeprocessor(md, self.path, self.source, self.slug), "attune_article", 15)
