"""The live preview for authors (`make preview`): rebuilds on save and reloads the open pages.

watch.py notices changes by polling, builds.py runs the ordinary build into a folder of its own,
server.py serves the newest good build with a reload script added to the page on the fly, and
__main__.py ties them together. dist/ is never touched: `make build` makes it, as before.
"""
