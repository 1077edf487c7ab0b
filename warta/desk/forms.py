"""The article form: what a reporter fills in, on a desktop or a 360 px phone."""

from django import forms
from django.utils import timezone
from django_prose_editor.fields import ProseEditorFormField

from warta.common.sanitize import sanitize_body
from warta.newsroom.models import Article

from .services.revisions import stale_changes
from .workflow import InvalidTransition, check_retime

FIRST_YEAR, LAST_YEAR = 1900, 2999

# What the editor offers is what the sanitizer keeps (see common/sanitize.py):
# paragraphs, bold, italic, links, lists, quotes, h2-h3. Pasting from Word or Google
# Docs keeps that structure (WartaPaste); the editor's schema drops everything else.
BODY_EDITOR = {
    "extensions": {
        "Bold": True,
        "Italic": True,
        "Link": {"enableTarget": False},
        "BulletList": True,
        "OrderedList": True,
        "ListItem": True,
        "Blockquote": True,
        "Heading": {"levels": [2, 3]},
        "HardBreak": True,
        "History": True,
        # Word and Google Docs formatting made plain before parsing (static/desk/paste.js).
        "WartaPaste": True,
    }
}


class ArticleForm(forms.ModelForm):
    body = ProseEditorFormField(
        label="Isi berita", required=False, config=BODY_EDITOR, sanitize=sanitize_body
    )
    # The version the editor started from; a save based on an older one is refused.
    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [
            "title", "slug", "section", "reporter", "lead_photo", "lead", "body", "tags",
            "published_at", "is_headline", "is_editors_pick", "is_breaking",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["base_version"].initial = self.instance.version

    def clean_published_at(self):
        value = self.cleaned_data.get("published_at")
        # No news outside these years, and a time near year 1 or 9999 overflows when
        # it is converted to UTC for the database (a 500 instead of this message).
        if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise forms.ValidationError(
                f"Waktu terbit harus antara tahun {FIRST_YEAR} dan {LAST_YEAR}.", code="year"
            )
        try:
            check_retime(article=self.instance, published_at=value, now=timezone.now())
        except InvalidTransition as refused:
            raise forms.ValidationError(str(refused), code="retime") from None
        return value

    def clean_base_version(self):
        value = self.cleaned_data.get("base_version")
        if self.instance.pk and value is not None and value != self.instance.version:
            # Who changed what since; revisions_panel.html shows the diff above the form.
            self.stale = stale_changes(self.instance, value)
            raise forms.ValidationError(self.stale.message, code="stale")
        return value
