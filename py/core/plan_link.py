"""A plan shared with a partner: the focus practices and their goals, carried in a link's fragment.

    #/plan/1/<practice>.<goal>_<practice>.<goal>…/<check>
    e.g. #/plan/1/listen-first.3_name-the-feeling.0/5e0c1a2b

The fragment never reaches a server (browsers do not send it), and the link carries ONLY
practice ids and goals: never notes, ticks or settings. Ids and digits are URL-safe as they are,
so the link stays readable and short. <check> (FNV-1a, 32 bits, hex) tells a link cut short or
mistyped in a message from a real plan. The version number lets a later Attune change the
format: this one refuses newer links with a clear message instead of guessing.

Pure Python that runs unchanged in CPython and MicroPython.
"""
from core import dates
from core import model

PREFIX = "#/plan/"
VERSION = 1
MAX_LINK = 2000    # characters of fragment; a plan of every practice stays far below this
MAX_PRACTICES = 60


class PlanError(Exception):
    """The link is not a plan this version can read; the message says why, for the reader."""


def checksum(text):
    """FNV-1a over the UTF-8 bytes, as 8 hex digits (the same in CPython and MicroPython)."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return "%08x" % value


def encode(focus):
    """The fragment of a plan from a focus dict {practice_id: goal}; ids sorted, so it is canonical."""
    body = "_".join("%s.%d" % (pid, focus[pid]) for pid in sorted(focus))
    return "%s%d/%s/%s" % (PREFIX, VERSION, body, checksum(body))


def link(page_url, focus):
    """The address of this same page with the plan as its fragment."""
    return page_url.split("#")[0] + encode(focus)


def is_plan(hash_text):
    return hash_text.startswith(PREFIX) or hash_text == PREFIX[:-1]


def decode(hash_text):
    """[(practice_id, goal)] in the link's order, or PlanError saying plainly what is wrong."""
    if not is_plan(hash_text):
        raise PlanError("This is not an Attune plan link.")
    if len(hash_text) > MAX_LINK:
        raise PlanError("This link is far longer than any plan Attune makes, so it was not read.")
    parts = hash_text[len(PREFIX):].split("/")
    version = parts[0]
    if not dates.is_digits(version) or len(version) > 6:
        raise PlanError("This link does not look like an Attune plan (it has no version number Attune knows).")
    if int(version) > VERSION:
        raise PlanError("This plan was made by a newer version of Attune (link version %d; this one reads up to %d). "
                        "Reload the page to get the newest version, then open the link again."
                        % (int(version), VERSION))
    if int(version) < 1:
        raise PlanError("This link does not look like an Attune plan (version %d does not exist)." % int(version))
    if len(parts) != 3 or not parts[1] or checksum(parts[1]) != parts[2]:
        raise PlanError("This plan link is damaged: part of it is missing or changed. "
                        "Ask for the link again and copy all of it.")
    plan, seen = [], set()
    for item in parts[1].split("_"):
        dot = item.find(".")
        pid, goal = item[:dot], item[dot + 1:]
        if (dot < 0 or not model.is_id(pid) or pid in seen or not dates.is_digits(goal) or len(goal) != 1
                or int(goal) > model.MAX_GOAL):
            raise PlanError("This plan link is damaged: it holds something that is not a practice and goal.")
        seen.add(pid)
        plan.append((pid, int(goal)))
    if len(plan) > MAX_PRACTICES:
        raise PlanError("This link names more practices than Attune has, so it was not read.")
    return plan


def split_known(plan, known_ids):
    """(known, unknown): the plan's entries this Attune has, and the ids it does not (not in this version)."""
    known = [(pid, goal) for pid, goal in plan if pid in known_ids]
    unknown = [pid for pid, goal in plan if pid not in known_ids]
    return known, unknown


def merged_focus(focus, plan):
    """The reader's focus with the plan added: a practice in both keeps the larger goal (as model.merge)."""
    out = dict(focus)
    for pid, goal in plan:
        out[pid] = max(out.get(pid, 0), goal)
    return out


def changes(focus, plan):
    """How many practices adding the plan would newly bring into focus, and how many goals it would raise."""
    added = len([pid for pid, goal in plan if pid not in focus])
    raised = len([pid for pid, goal in plan if pid in focus and goal > focus[pid]])
    return added, raised
