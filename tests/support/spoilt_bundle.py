"""py/modules.bin spoilt on its way to the page, for the tests of a start that must fail and say why."""


def cut_short(body):
    """Without its last 500 bytes, as a download that stopped early."""
    return body[:-500]


def damaged(body):
    """The gzip header kept, its compressed data all one bits: an inflate block type that does not exist."""
    return body[:10] + b"\xff" * (len(body) - 10)


def serve_spoilt(route, spoil):
    """Answer a route with the real response, its body passed through spoil()."""
    response = route.fetch()
    route.fulfill(response=response, body=spoil(response.body()))
