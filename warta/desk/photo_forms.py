"""The media library's form: a picture with the caption and credit printed under it."""

from django import forms

from warta.newsroom import photos
from warta.newsroom.models import Photo


class PhotoForm(forms.ModelForm):
    """Checks the upload in ``clean`` so a bad file is refused next to its field.

    Storing happens later, in the admin's ``save_model``, through the services in
    ``newsroom.photos``: a form that fails validation has written nothing.
    """

    upload = forms.FileField(
        label="Berkas foto",
        required=False,
        widget=forms.FileInput(attrs={"accept": photos.ACCEPTED_MIME_TYPES}),
        error_messages={"required": "Pilih berkas foto yang akan diunggah."},
    )

    class Meta:
        model = Photo
        fields = ["caption", "credit", "alt_text"]
        error_messages = {
            "caption": {"required": "Isi keterangan foto: siapa, apa, di mana, kapan."},
        }
        widgets = {"caption": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "credit" not in self.fields:
            return  # shown read-only to someone who may not change this photo (roles.py)
        upload = self.fields["upload"]
        upload.required = self.instance.pk is None
        upload.help_text = (
            f"{photos.format_list()}, paling besar "
            f"{photos.megabytes(photos.max_upload_bytes())}. Data lokasi (GPS) dan EXIF "
            "dibuang; ukuran tampilan dibuat sekali saat unggah."
        )
        if self.instance.pk:
            upload.help_text = f"Kosongkan bila foto tidak diganti. {upload.help_text}"
        # The model allows a blank credit for imports; the desk always names the source.
        credit = self.fields["credit"]
        credit.required = True
        credit.error_messages["required"] = "Isi kredit foto (mis. Antara, Reuters, nama pewarta)."
        credit.help_text = "Dicetak di bawah keterangan: Keterangan/Kredit."

    def clean_upload(self):
        file = self.cleaned_data.get("upload")
        if file:
            try:
                self.upload_info = photos.check_upload(photos.read_upload(file), file.name)
            except photos.PhotoRejected as exc:
                raise forms.ValidationError(str(exc), code="rejected") from None
        return file
