from django.urls import path, register_converter

from .views import article, corrections, favicon, fronts, lists, preview, search
from .views.errors import reader_page


class FourDigits:
    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return f"{int(value):04d}"


class TwoDigits:
    regex = "[0-9]{2}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return f"{int(value):02d}"


register_converter(FourDigits, "yyyy")
register_converter(TwoDigits, "nn")

app_name = "portal"
urlpatterns = [
    path("", fronts.home, name="home"),
    path("indeks", lists.index, name="index"),
    path("ralat", corrections.index, name="corrections"),
    path("tag/<slug:slug>", lists.tag, name="tag"),
    path("wartawan/<slug:slug>", lists.reporter, name="reporter"),
    path(
        "<slug:section>/read/<yyyy:year>/<nn:month>/<nn:day>/<int:pk>/<str:slug>",
        article.article,
        name="article",
    ),
    # Shortened or mangled article links still find the article by its id.
    path("<slug:section>/read/<path:rest>", article.article_by_id, name="article_by_id"),
    path("pratinjau/<str:token>", preview.article_preview, name="preview"),
    path("cari", search.search, name="search"),
    path("favicon.ico", favicon.favicon),
    path("<slug:section>", lists.section, name="section"),
]

# Every reader page answers GET and HEAD only, those added later too; anything else
# gets the site's 405 page.
for _pattern in urlpatterns:
    _pattern.callback = reader_page(_pattern.callback)
