"""Watching a Chromium context for what goes wrong: Content-Security-Policy violations,
console errors, unreadable policy headers, uncaught exceptions; and signing in to the
desk. Shared by the policy tests and the paste tests; the fixtures are in conftest."""

import re

PASSWORD = "kata-sandi-uji-yang-panjang"

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolation({
    page: document.location.href,
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    sample: event.sample,
  });
});
"""


class Recorder:
    """What went wrong in a browser context's pages, as it happens."""

    def __init__(self, context):
        self.violations: list[dict] = []
        self.errors: list[str] = []
        context.expose_binding(
            "__cspViolation", lambda _source, found: self.violations.append(found)
        )
        context.add_init_script(REPORT_VIOLATIONS)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.errors.append(f"uncaught: {error.error}"))

    def _console(self, message) -> None:
        # Chromium reports a header it cannot read (an unknown Permissions-Policy
        # feature, a malformed directive) as a mere warning.
        if message.type != "error" and "Policy" not in message.text:
            return
        where = message.location.get("url") or (message.page.url if message.page else "?")
        if where.endswith("/favicon.ico"):
            # The desk (Django's admin) links no icon, so Chromium asks for this one
            # and gets a 404: a missing icon, not a refused one.
            return
        self.errors.append(f"{where}: {message.text}")

    def assert_clean(self, where: str) -> None:
        assert self.violations == [], f"CSP violations on {where}: {self.violations}"
        assert self.errors == [], f"console errors on {where}: {self.errors}"

    def reset(self) -> None:
        self.violations.clear()
        self.errors.clear()


def settle(page) -> None:
    # Violations are reported asynchronously; the page's own scripts (autosave, the
    # editor's modules) have started by the time the network is quiet.
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)


def sign_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/redaksi/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/redaksi/$"))
