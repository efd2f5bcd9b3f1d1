"""Split an article into its front matter fields and its Markdown body, strictly."""
import re

from .errors import BuildError

FIELDS = ("title", "slug", "summary", "sources", "order")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def split(path, text):
    """Return (fields, body, body_first_line); every field required, none unknown."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise BuildError(path, 1, "no front matter: the file must start with a line '---'")
    fields, end = {}, None
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            end = number
            break
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if not sep or not value:
            raise BuildError(path, number, f"front matter lines are 'field: value', not {line!r}")
        if key not in FIELDS:
            raise BuildError(path, number, f"unknown front matter field {key!r} (allowed: {', '.join(FIELDS)})")
        if key in fields:
            raise BuildError(path, number, f"front matter field {key!r} given twice")
        fields[key] = (value, number)
    if end is None:
        raise BuildError(path, 1, "front matter is not closed by a line '---'")
    for key in FIELDS:
        if key not in fields:
            raise BuildError(path, 1, f"front matter lacks the field {key!r}")
    slug, slug_line = fields["slug"]
    if not SLUG.match(slug):
        raise BuildError(path, slug_line, f"slug {slug!r} may hold only a-z, 0-9 and single '-'")
    order, order_line = fields["order"]
    if not order.isdigit():
        raise BuildError(path, order_line, f"order must be a whole number, not {order!r}")
    values = {key: value for key, (value, _) in fields.items()}
    values["order"] = int(order)
    values["sources"] = [s.strip() for s in values["sources"].split(";") if s.strip()]
    values["slug_line"] = slug_line
    return values, "\n".join(lines[end:]), end + 1
