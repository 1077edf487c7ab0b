"""An editor's browser on a served desk: the login form, the article's change form as
the browser posts it, and autosave.js's autosave request, over real HTTP."""

from dataclasses import dataclass

import lxml.html
import requests

LOGIN = "/redaksi/login/"
TIMEOUT = 60


def change_url(article_id: int) -> str:
    return f"/redaksi/newsroom/article/{article_id}/change/"


def autosave_url(article_id: int) -> str:
    return f"/redaksi/newsroom/article/{article_id}/autosave/"


@dataclass
class ArticleForm:
    """The change form's fields as the browser would post them (tags repeat)."""

    article_id: int
    fields: list[tuple[str, str]]

    @property
    def version(self) -> int:
        return int(self.value("base_version"))

    def value(self, name: str) -> str:
        return next(value for key, value in self.fields if key == name)

    def with_changes(self, **changes: str | int) -> list[tuple[str, str]]:
        return [(key, str(changes.get(key, value))) for key, value in self.fields]


class DeskClient:
    """One editor: a session cookie (the desk's cookies live under /redaksi/), the CSRF
    token, and the forms the desk's pages carry."""

    def __init__(self, base_url: str, username: str, password: str) -> None:
        self.base_url = base_url
        self.username = username
        self.password = password
        self.http = requests.Session()

    def log_in(self) -> None:
        page = self.http.get(self.base_url + LOGIN, timeout=TIMEOUT)
        page.raise_for_status()
        fields = dict(_form_fields(_form(page.text, "login-form")))
        fields.update(username=self.username, password=self.password, next="/redaksi/")
        answer = self.http.post(
            self.base_url + LOGIN, data=fields, allow_redirects=False, timeout=TIMEOUT
        )
        if answer.status_code != 302 or LOGIN in answer.headers.get("Location", LOGIN):
            raise AssertionError(f"{self.username} could not log in: {answer.status_code}")

    def another_window(self) -> "DeskClient":
        """The same browser's session in another window (its own connection)."""
        window = DeskClient(self.base_url, self.username, self.password)
        window.http.cookies.update(self.http.cookies)
        return window

    def open(self, article_id: int) -> ArticleForm:
        """The article's change form, as the editor opens it."""
        page = self.http.get(self.base_url + change_url(article_id), timeout=TIMEOUT)
        page.raise_for_status()
        return ArticleForm(article_id, _form_fields(_form(page.text, "article_form")))

    def save(self, article_id: int, fields: list[tuple[str, str]]) -> requests.Response:
        """ "Simpan dan lanjutkan mengubah": a saved form answers 302 back to itself."""
        return self.http.post(
            self.base_url + change_url(article_id),
            data=[*fields, ("_continue", "1")],
            allow_redirects=False,
            timeout=TIMEOUT,
        )

    def autosave(self, article_id: int, fields: list[tuple[str, str]]) -> requests.Response:
        """What autosave.js posts every 30 s while the editor types: 200 with the new
        version as JSON."""
        return self.http.post(
            self.base_url + autosave_url(article_id),
            data=fields,
            headers={"X-CSRFToken": self.http.cookies.get("csrftoken", "")},
            allow_redirects=False,
            timeout=TIMEOUT,
        )

    def transitions(self, article_id: int) -> dict[str, list[tuple[str, str]]]:
        """The workflow buttons the change form offers: name → its form's fields."""
        page = self.http.get(self.base_url + change_url(article_id), timeout=TIMEOUT)
        page.raise_for_status()
        prefix = f"/redaksi/newsroom/article/{article_id}/alur/"
        return {
            form.action.removeprefix(prefix).strip("/"): _form_fields(form)
            for form in lxml.html.fromstring(page.text).forms
            if (form.action or "").startswith(prefix)
        }

    def transition(
        self, article_id: int, name: str, fields: list[tuple[str, str]]
    ) -> requests.Response:
        """Press a workflow button; the desk answers 302 back to the change form."""
        return self.http.post(
            f"{self.base_url}/redaksi/newsroom/article/{article_id}/alur/{name}/",
            data=fields,
            allow_redirects=False,
            timeout=TIMEOUT,
        )


def saved(response: requests.Response, article_id: int) -> bool:
    """Whether the change form's POST saved (a form with errors answers 200 with it)."""
    return response.status_code == 302 and response.headers.get("Location", "").endswith(
        change_url(article_id)
    )


def _form(html: str, form_id: str) -> lxml.html.FormElement:
    for form in lxml.html.fromstring(html).forms:
        if form.get("id") == form_id:
            return form
    raise AssertionError(f"no form #{form_id} on the page")


def _form_fields(form: lxml.html.FormElement) -> list[tuple[str, str]]:
    """``form_values()``, except that a textarea's first newline is dropped as a browser
    drops it (Django writes one after ``<textarea>``)."""
    textareas = {element.name for element in form.inputs if element.tag == "textarea"}
    return [
        (name, value.removeprefix("\n") if name in textareas else value)
        for name, value in form.form_values()
    ]
