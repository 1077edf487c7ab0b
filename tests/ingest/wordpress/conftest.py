"""WordPress exports written by the tests: the shape WordPress's Tools → Export gives.

``post(...)`` and ``attachment(...)`` make ``<item>`` elements, ``wxr(...)`` wraps them
in a channel with authors and categories; every argument has a realistic default.
"""

from pathlib import Path
from xml.sax.saxutils import escape

import pytest

SITE = "https://lama.example.com"
AUTHORS = [
    ("sarah", "Sarah Meiliana Gunawan", "", ""),
    ("budi", "", "Budi", "Santoso"),  # no display name: first and last name
    ("redaksi", "Redaksi Warta", "", ""),
]
CATEGORIES = [
    ("nasional", "Nasional", ""),
    ("politik", "Politik", "nasional"),
    ("hukum", "Hukum", ""),
    ("ekonomi", "Ekonomi &amp; Bisnis", ""),
]
BODY = (
    "Komisi Pemberantasan Korupsi menahan dua tersangka, Selasa malam.\n\n"
    "Penahanan dilakukan setelah pemeriksaan selama <strong>sembilan jam</strong>.\n"
    "Keduanya dibawa ke rumah tahanan.\n\n"
    '[caption id="attachment_9" align="alignnone" width="800"]'
    '<img src="https://lama.example.com/wp-content/uploads/2024/05/kpk.jpg" /> '
    "Gedung KPK di Jakarta.[/caption]\n\n"
    "<blockquote>Kami akan terus mendalami kasus ini.</blockquote>\n\n"
    "Pemeriksaan saksi berlanjut pekan depan."
)


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def post(
    post_id: int,
    title: str = "KPK tahan dua tersangka suap",
    slug: str | None = None,
    *,
    status: str = "publish",
    date: str = "2024-05-14 07:30:00",
    date_gmt: str | None = None,
    creator: str = "sarah",
    categories: list[tuple[str, str]] = (("politik", "Politik"),),
    tags: list[tuple[str, str]] = (("kpk", "KPK"), ("korupsi", "Korupsi")),
    content: str = BODY,
    excerpt: str = "",
    thumbnail: int | None = None,
    post_type: str = "post",
    link: str | None = None,
    site: str = SITE,
) -> str:
    slug = f"berita-{post_id}" if slug is None else slug
    if date_gmt is None:
        # Jakarta is UTC+7 all year.
        hour = int(date[11:13]) - 7
        date_gmt = f"{date[:11]}{hour:02d}{date[13:]}" if hour >= 0 else date
    if link is None:
        link = (
            f"{site}/{date[:4]}/{date[5:7]}/{date[8:10]}/{slug}/"
            if slug
            else f"{site}/?p={post_id}"
        )
    terms = "".join(
        f'<category domain="category" nicename="{nice}">{_cdata(name)}</category>'
        for nice, name in categories
    ) + "".join(
        f'<category domain="post_tag" nicename="{nice}">{_cdata(name)}</category>'
        for nice, name in tags
    )
    meta = (
        "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        f"<wp:meta_value>{thumbnail}</wp:meta_value></wp:postmeta>"
        if thumbnail
        else ""
    )
    return f"""
<item>
  <title>{escape(title)}</title>
  <link>{escape(link)}</link>
  <pubDate>Tue, 14 May 2024 00:30:00 +0000</pubDate>
  <dc:creator>{_cdata(creator)}</dc:creator>
  <guid isPermaLink="false">{site}/?p={post_id}</guid>
  <description></description>
  <content:encoded>{_cdata(content)}</content:encoded>
  <excerpt:encoded>{_cdata(excerpt)}</excerpt:encoded>
  <wp:post_id>{post_id}</wp:post_id>
  <wp:post_date>{_cdata(date)}</wp:post_date>
  <wp:post_date_gmt>{_cdata(date_gmt)}</wp:post_date_gmt>
  <wp:comment_status>{_cdata("open")}</wp:comment_status>
  <wp:post_name>{_cdata(slug)}</wp:post_name>
  <wp:status>{_cdata(status)}</wp:status>
  <wp:post_parent>0</wp:post_parent>
  <wp:menu_order>0</wp:menu_order>
  <wp:post_type>{_cdata(post_type)}</wp:post_type>
  <wp:post_password>{_cdata("")}</wp:post_password>
  <wp:is_sticky>0</wp:is_sticky>
  {terms}
  <wp:postmeta><wp:meta_key>_edit_last</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:postmeta>
  {meta}
</item>"""


def attachment(
    post_id: int,
    url: str = f"{SITE}/wp-content/uploads/2024/05/kpk.jpg",
    *,
    title: str = "kpk",
    caption: str = "Gedung Merah Putih KPK di Jakarta",
    alt: str = "Gedung KPK",
) -> str:
    return f"""
<item>
  <title>{escape(title)}</title>
  <link>{SITE}/?attachment_id={post_id}</link>
  <dc:creator>{_cdata("sarah")}</dc:creator>
  <content:encoded>{_cdata("")}</content:encoded>
  <excerpt:encoded>{_cdata(caption)}</excerpt:encoded>
  <wp:post_id>{post_id}</wp:post_id>
  <wp:post_date>{_cdata("2024-05-14 07:00:00")}</wp:post_date>
  <wp:post_date_gmt>{_cdata("2024-05-14 00:00:00")}</wp:post_date_gmt>
  <wp:post_name>{_cdata(title)}</wp:post_name>
  <wp:status>{_cdata("inherit")}</wp:status>
  <wp:post_type>{_cdata("attachment")}</wp:post_type>
  <wp:attachment_url>{_cdata(url)}</wp:attachment_url>
  <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>{_cdata(alt)}</wp:meta_value></wp:postmeta>
</item>"""


def wxr(
    *items: str,
    version: str = "1.2",
    site: str = SITE,
    authors=AUTHORS,
    categories=CATEGORIES,
) -> str:
    ns = f"http://wordpress.org/export/{version}/"
    author_xml = "".join(
        f"""
  <wp:author><wp:author_id>{n}</wp:author_id><wp:author_login>{_cdata(login)}</wp:author_login>
    <wp:author_email>{_cdata(login + "@example.com")}</wp:author_email>
    <wp:author_display_name>{_cdata(display)}</wp:author_display_name>
    <wp:author_first_name>{_cdata(first)}</wp:author_first_name>
    <wp:author_last_name>{_cdata(last)}</wp:author_last_name></wp:author>"""
        for n, (login, display, first, last) in enumerate(authors, start=1)
    )
    category_xml = "".join(
        f"""
  <wp:category><wp:term_id>{n}</wp:term_id><wp:category_nicename>{_cdata(nice)}</wp:category_nicename>
    <wp:category_parent>{_cdata(parent)}</wp:category_parent><wp:cat_name>{_cdata(name)}</wp:cat_name></wp:category>"""
        for n, (nice, name, parent) in enumerate(categories, start=1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<rss version="2.0"
  xmlns:excerpt="{ns}excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="{ns}">
<channel>
  <title>Kabar Lama</title>
  <link>{site}</link>
  <description>Berita lama</description>
  <pubDate>Wed, 15 May 2024 03:00:00 +0000</pubDate>
  <language>id-ID</language>
  <wp:wxr_version>{version}</wp:wxr_version>
  <wp:base_site_url>{site}</wp:base_site_url>
  <wp:base_blog_url>{site}</wp:base_blog_url>
  {author_xml}
  {category_xml}
  <generator>https://wordpress.org/?v=6.5</generator>
  {"".join(items)}
</channel>
</rss>
"""


@pytest.fixture
def write_wxr(tmp_path):
    def write(text: str, name: str = "export.xml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
