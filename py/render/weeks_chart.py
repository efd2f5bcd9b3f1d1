"""A picture of the weeks: check-ins across all practices, a bar per week for the last 12 weeks.

Pure, like every module in py/render/: drawn as inline SVG text (no chart library is needed at this size). The
SVG is aria-hidden; a visually hidden table gives each week's count to screen readers, and one
kind line says how this week is going. Colours come from CSS custom properties (style.css), so
the chart follows the light and dark themes; nothing here is red, and no words shame.

Cost: two bytes per practice and week (see week_counts), whatever the history's length.
"""
from core import dates
from render.markup import escape, plural, tag

WEEKS = 12
# The drawing, in SVG user units (the SVG scales to the width the stylesheet gives it).
SLOT = 25            # width of one week
BAR = 15             # width of its bar
TOP = 16             # room above the tallest bar for its count
TALLEST = 78         # height of the week with the most check-ins
BASE = TOP + TALLEST  # the baseline
HEIGHT = BASE + 22   # room below for the dates
WIDTH = SLOT * WEEKS
LABELLED = (0, 4, 8)  # weeks whose Monday is written under the bar (the last says "This week")


def week_counts(doc, today, weeks=WEEKS):
    """[(monday, check-ins)] for the last `weeks` weeks, oldest first (ordinals; today's week to today),
    each practice's weeks counted by its bitmap (DaySet.week_counts)."""
    first = dates.first_of_weeks(today, weeks)
    totals = [0] * weeks
    for pid in doc["checkins"]:
        counts = doc["checkins"][pid].week_counts(first, weeks, today)
        for w in range(weeks):
            totals[w] += counts[w]
    return [(first + 7 * w, totals[w]) for w in range(weeks)]


def this_week_line(count):
    """One kind line about this week: what was done, or a gentle word when nothing was yet."""
    if count == 0:
        return "Nothing ticked yet this week. Whenever it suits you, one small practice is enough."
    if count == 1:
        return "You've practised once this week."
    return "You've practised %d times this week." % count


def bars_svg(counts):
    """The SVG: a bar per week, its count above it, a few dates below. Hidden from screen readers."""
    most = max([c for _, c in counts] + [1])
    parts = ['<line class="weeks-base" x1="0" y1="%d" x2="%d" y2="%d"></line>' % (BASE, WIDTH, BASE)]
    last = len(counts) - 1
    for i, (monday, count) in enumerate(counts):
        centre = SLOT * i + SLOT // 2
        kind = "weeks-bar is-now" if i == last else "weeks-bar"
        if count:
            height = max(2, (TALLEST * count + most // 2) // most)
            parts.append('<rect class="%s" x="%d" y="%d" width="%d" height="%d" rx="3"></rect>'
                         % (kind, centre - BAR // 2, BASE - height, BAR, height))
            # A count above its bar only: a row of "0"s over empty weeks said nothing in many marks
            # (the hidden table below gives every week's count, nought included).
            parts.append('<text class="weeks-count" x="%d" y="%d" text-anchor="middle">%d</text>'
                         % (centre, BASE - height - 4, count))
        if i in LABELLED:
            parts.append('<text class="weeks-date" x="%d" y="%d" text-anchor="%s">%s</text>'
                         % (centre if i else 0, BASE + 16, "middle" if i else "start", dates.short_name(monday)))
    parts.append('<text class="weeks-date" x="%d" y="%d" text-anchor="end">This week</text>' % (WIDTH, BASE + 16))
    return ('<svg class="weeks-svg" viewBox="0 0 %d %d" aria-hidden="true" focusable="false">%s</svg>'
            % (WIDTH, HEIGHT, "".join(parts)))


ROW = '<tr><th scope="row">%s</th><td>%d</td></tr>'


def counts_table(counts, caption):
    """The chart's text equivalent: each week and its check-ins, in the chart's order. Hidden in a
    <div>: a table would widen to its text whatever width it is given, and the page would scroll sideways."""
    last = len(counts) - 1
    rows = "".join(ROW % (escape(dates.week_name(monday) + (" (this week)" if i == last else "")), count)
                   for i, (monday, count) in enumerate(counts))
    return ('<table><caption>%s</caption><thead><tr><th scope="col">Week</th><th scope="col">Check-ins</th></tr>'
            '</thead><tbody>%s</tbody></table>' % (escape(caption), rows))


def chart(doc, today, id_prefix="weeks", heading="h2"):
    """The panel: a heading, the kind line, the bars and their table. id_prefix keeps ids unique when
    more than one view of the page shows the chart (the journal, later the tracker)."""
    counts = week_counts(doc, today)
    total = sum(c for _, c in counts)
    title_id = id_prefix + "-title"
    caption = ("Check-ins across all practices, each of the last %d weeks (%s in all)"
               % (WEEKS, plural(total, "check-in")))
    return tag("section",
               tag(heading, "Your last %d weeks" % WEEKS, id=title_id)
               + tag("p", escape(this_week_line(counts[-1][1])), class_="weeks-line")
               + (bars_svg(counts) if total
                  else tag("p", "The bars fill in as you tick practices.", class_="note weeks-empty"))
               + tag("div", counts_table(counts, caption), class_="sr weeks-table"),
               class_="panel weeks-panel", aria_labelledby=title_id)
