"""Reading the security headers of an answer, and the inline code of a page."""

import lxml.html

from warta.common.security_headers import FILE_HEADERS

# strict-origin-when-cross-origin (the site's) or stricter (a signed preview's address
# is its secret: it sends no referrer at all).
REFERRER_POLICIES = {
    "strict-origin-when-cross-origin",
    "same-origin",
    "strict-origin",
    "no-referrer",
}
# Features every page turns off, among those settings.PERMISSIONS_POLICY lists.
FEATURES_OFF = ("camera", "microphone", "geolocation", "payment", "usb")


def csp(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        assert name not in policy, f"{name} given twice"
        policy[name] = sources
    return policy


def nonce_of(response) -> str | None:
    """The nonce the page's policy allows scripts by, if any."""
    nonces = [s for s in csp(response).get("script-src", []) if s.startswith("'nonce-")]
    assert len(nonces) <= 1
    return nonces[0][len("'nonce-") : -1] if nonces else None


def assert_page_headers(response, where: str) -> None:
    """What every page, feed, API answer and error page tells the browser."""
    policy = csp(response)
    assert policy["default-src"] == ["'self'"], where
    for directive in ("script-src", "style-src"):
        sources = policy[directive]
        assert "'self'" in sources, where
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources, where
        assert "*" not in sources and not any(s.endswith(":") for s in sources), where
    assert policy["object-src"] == ["'none'"], where
    assert policy["base-uri"] == ["'none'"], where
    assert policy["frame-ancestors"] == ["'none'"], where
    assert policy["form-action"] == ["'self'"], where
    assert response["X-Frame-Options"] == "DENY", where
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] in REFERRER_POLICIES, where
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", where
    features = dict(
        part.strip().split("=", 1) for part in response["Permissions-Policy"].split(",")
    )
    for feature in FEATURES_OFF:
        assert features[feature] == "()", (where, feature)


def assert_file_headers(response, where: str) -> None:
    """A file opened on its own runs nothing, is never framed and never sniffed."""
    for name, value in FILE_HEADERS.items():
        assert response[name] == value, (where, name)
    policy = csp(response)
    assert policy == {"default-src": ["'none'"], "frame-ancestors": ["'none'"], "sandbox": []}


def inline_code(html: str) -> list[str]:
    """Everything in a page that runs or styles from the markup itself, each described:
    inline scripts (except inert JSON-LD), style blocks and attributes, event handler
    attributes and javascript: links. Scripts with a nonce are named with it."""
    found = []
    document = lxml.html.document_fromstring(html)
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        inert = element.get("src") or element.get("type") == "application/ld+json"
        if element.tag == "script" and not inert:
            found.append(f"script nonce={element.get('nonce')}")
        if element.tag == "style":
            found.append("style element")
        for name, value in element.attrib.items():
            if name == "style":
                found.append(f"style attribute on <{element.tag}>")
            if name.startswith("on"):
                found.append(f"{name} on <{element.tag}>")
            if name in ("href", "src", "action") and value.strip().lower().startswith(
                "javascript:"
            ):
                found.append(f"javascript: {name} on <{element.tag}>")
    return found
