"""``warta import-wordpress``: rate and peak memory on a realistic WordPress export.

The export is made from the benchmark corpus (``corpus.py``: the same invented
articles the JSON Lines import reads), written the way WordPress's Tools → Export
writes: a header with 25 authors (logins, display names) and the categories, then
items with CDATA bodies whose paragraphs are blank lines (wpautop style), a
``[caption]`` shortcode now and then, excerpts on half the posts, tags, drafts,
scheduled, pending and trashed posts, and a featured-image attachment after 70 % of
the posts. Usable alone:

    .venv/bin/python bench/wordpress.py --posts 20000

N/2 and N posts are imported into two fresh databases; if memory stays flat, the
two peaks are about equal.
"""

import argparse
import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import import_rate
from corpus import write_corpus
from sandbox import Sandbox, StepFailed

SITE = "https://lama.example.com"
SEED = 20240514
# Shares of the posts that are not simply published (WordPress's own statuses).
STATUSES = [("publish", 0.90), ("draft", 0.04), ("future", 0.03), ("pending", 0.02)]
TRASH_SHARE = 0.01
FEATURED_SHARE = 0.7
EXCERPT_SHARE = 0.5
CAPTION_SHARE = 0.1
COUNTED = r"Imported (\d+) posts"


def measure_wordpress(sandbox: Sandbox, posts: int) -> dict:
    """Import N/2 and N posts, each into a fresh database, as an operator runs it."""
    jsonl = sandbox.root / "wordpress-corpus.jsonl"
    write_corpus(jsonl, posts)
    full_file = write_wxr(jsonl, sandbox.root / "wordpress.xml", posts)
    half_file = write_wxr(jsonl, sandbox.root / "wordpress-half.xml", posts // 2)
    jsonl.unlink()
    result = {"file_bytes": full_file.stat().st_size}
    for key, path in (("half", half_file), ("full", full_file)):
        site = sandbox.sibling(f"var-wordpress-{key}")
        import_rate.migrate(site, f"migrate-wordpress-{key}")
        run = import_rate.timed_import(
            site, path, f"import-wordpress-{key}", command="import-wordpress", counted=COUNTED
        )
        result[key] = {
            "posts": run.articles,
            "seconds": run.seconds,
            "rate": run.rate,
            "peak_rss_bytes": run.peak_rss_bytes,
            "cpu_seconds": run.cpu_seconds,
        }
        if key == "full":
            again = import_rate.timed_import(
                site,
                path,
                "import-wordpress-again",
                command="import-wordpress",
                counted=COUNTED,
            )
            result["again"] = {
                "seconds": again.seconds,
                "rate": again.rate,
                "cpu_seconds": again.cpu_seconds,
            }
    result["startup_seconds"] = import_rate.startup_seconds(sandbox)
    return result


def write_wxr(jsonl: Path, path: Path, posts: int, *, seed: int = SEED) -> Path:
    """The first ``posts`` corpus articles as a WXR 1.2 file (plus trashed posts)."""
    articles = _first(jsonl, posts)
    authors = sorted({article["reporter"] for article in articles})
    sections = sorted({article["section"] for article in articles})
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write(_header(authors, sections))
        for number, article in enumerate(articles):
            post_id = 10 + number * 2  # attachments take the odd ids, as uploads do
            out.write(_post(rng, article, post_id))
            if rng.random() < TRASH_SHARE:
                out.write(_post(rng, article, 1_000_000 + post_id, status="trash"))
        out.write("</channel>\n</rss>\n")
    return path


def _first(jsonl: Path, count: int) -> list[dict]:
    with jsonl.open(encoding="utf-8") as lines:
        return [json.loads(line) for _, line in zip(range(count), lines, strict=False)]


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _login(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", name.lower())


def _nicename(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _header(authors: list[str], sections: list[str]) -> str:
    author_xml = "".join(
        f"\n\t<wp:author><wp:author_id>{n}</wp:author_id>"
        f"<wp:author_login>{_cdata(_login(name))}</wp:author_login>"
        f"<wp:author_email>{_cdata(_login(name) + '@example.com')}</wp:author_email>"
        f"<wp:author_display_name>{_cdata(name)}</wp:author_display_name>"
        f"<wp:author_first_name>{_cdata(name.split()[0])}</wp:author_first_name>"
        f"<wp:author_last_name>{_cdata(name.split()[-1])}</wp:author_last_name></wp:author>"
        for n, name in enumerate(authors, start=1)
    )
    category_xml = "".join(
        f"\n\t<wp:category><wp:term_id>{n}</wp:term_id>"
        f"<wp:category_nicename>{_cdata(_nicename(name))}</wp:category_nicename>"
        f"<wp:category_parent>{_cdata('')}</wp:category_parent>"
        f"<wp:cat_name>{_cdata(name)}</wp:cat_name></wp:category>"
        for n, name in enumerate(sections, start=1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/">
<channel>
\t<title>Kabar Lama</title>
\t<link>{SITE}</link>
\t<description>Berita terkini</description>
\t<language>id-ID</language>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>{SITE}</wp:base_site_url>
\t<wp:base_blog_url>{SITE}</wp:base_blog_url>{author_xml}{category_xml}
\t<generator>https://wordpress.org/?v=6.5</generator>
"""


def _post(rng: random.Random, article: dict, post_id: int, status: str | None = None) -> str:
    published = datetime.fromisoformat(article["published_at"])
    if status is None:
        status = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
    if status == "future":
        published += timedelta(days=40)
    local = published.strftime("%Y-%m-%d %H:%M:%S")
    gmt = published.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    if status in ("draft", "pending"):
        gmt = "0000-00-00 00:00:00"  # WordPress's date for posts never published
    slug = "" if status == "draft" else article["slug"]
    link = (
        f"{SITE}/{local[:4]}/{local[5:7]}/{local[8:10]}/{slug}/" if slug else f"{SITE}/?p={post_id}"
    )
    terms = [("category", _nicename(article["section"]), article["section"])]
    terms += [("post_tag", _nicename(tag), tag) for tag in article["tags"]]
    term_xml = "".join(
        f'\n\t\t<category domain="{domain}" nicename="{nice}">{_cdata(name)}</category>'
        for domain, nice, name in terms
    )
    body = _body(rng, article)
    excerpt = article["lead"] if rng.random() < EXCERPT_SHARE else ""
    featured = rng.random() < FEATURED_SHARE
    meta = (
        "\n\t\t<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        f"<wp:meta_value>{_cdata(str(post_id + 1))}</wp:meta_value></wp:postmeta>"
        if featured
        else ""
    )
    item = f"""
\t<item>
\t\t<title>{escape(article["title"])}</title>
\t\t<link>{link}</link>
\t\t<pubDate>{published.strftime("%a, %d %b %Y %H:%M:%S %z")}</pubDate>
\t\t<dc:creator>{_cdata(_login(article["reporter"]))}</dc:creator>
\t\t<guid isPermaLink="false">{SITE}/?p={post_id}</guid>
\t\t<description></description>
\t\t<content:encoded>{_cdata(body)}</content:encoded>
\t\t<excerpt:encoded>{_cdata(excerpt)}</excerpt:encoded>
\t\t<wp:post_id>{post_id}</wp:post_id>
\t\t<wp:post_date>{_cdata(local)}</wp:post_date>
\t\t<wp:post_date_gmt>{_cdata(gmt)}</wp:post_date_gmt>
\t\t<wp:comment_status>{_cdata("open")}</wp:comment_status>
\t\t<wp:ping_status>{_cdata("open")}</wp:ping_status>
\t\t<wp:post_name>{_cdata(slug)}</wp:post_name>
\t\t<wp:status>{_cdata(status)}</wp:status>
\t\t<wp:post_parent>0</wp:post_parent>
\t\t<wp:menu_order>0</wp:menu_order>
\t\t<wp:post_type>{_cdata("post")}</wp:post_type>
\t\t<wp:post_password>{_cdata("")}</wp:post_password>
\t\t<wp:is_sticky>0</wp:is_sticky>{term_xml}
\t\t<wp:postmeta><wp:meta_key>_edit_last</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:postmeta>{meta}
\t</item>"""
    if featured:
        item += _attachment(article, post_id + 1, local)
    return item


def _body(rng: random.Random, article: dict) -> str:
    """Paragraphs as blank lines, the way the WordPress editor stores them."""
    if "paragraphs" in article:
        paragraphs = list(article["paragraphs"])
    else:
        paragraphs = re.findall(r"<p>(.*?)</p>", article["body"])
    if rng.random() < CAPTION_SHARE:
        paragraphs.insert(
            1,
            f'[caption id="attachment_1" align="alignnone" width="800"]<img src="{SITE}'
            f'/wp-content/uploads/foto.jpg" alt="" /> {escape(article["caption"])}[/caption]',
        )
    return "\n\n".join(paragraphs)


def _attachment(article: dict, attachment_id: int, local: str) -> str:
    url = f"{SITE}/wp-content/uploads/{local[:4]}/{local[5:7]}/{article['slug'][:60]}.jpg"
    return f"""
\t<item>
\t\t<title>{escape(article["slug"][:60])}</title>
\t\t<link>{SITE}/?attachment_id={attachment_id}</link>
\t\t<dc:creator>{_cdata(_login(article["reporter"]))}</dc:creator>
\t\t<content:encoded>{_cdata("")}</content:encoded>
\t\t<excerpt:encoded>{_cdata(article["caption"])}</excerpt:encoded>
\t\t<wp:post_id>{attachment_id}</wp:post_id>
\t\t<wp:post_date>{_cdata(local)}</wp:post_date>
\t\t<wp:post_name>{_cdata(article["slug"][:60])}</wp:post_name>
\t\t<wp:status>{_cdata("inherit")}</wp:status>
\t\t<wp:post_parent>{attachment_id - 1}</wp:post_parent>
\t\t<wp:post_type>{_cdata("attachment")}</wp:post_type>
\t\t<wp:attachment_url>{_cdata(url)}</wp:attachment_url>
\t\t<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>
\t\t<wp:meta_value>{_cdata(article["caption"][:120])}</wp:meta_value></wp:postmeta>
\t</item>"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time `warta import-wordpress` alone.")
    parser.add_argument("--posts", type=int, default=20_000, help="posts in the export (20000)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    sandbox = Sandbox.create()
    print(f"Working in {sandbox.root}", flush=True)
    try:
        figures = measure_wordpress(sandbox, args.posts)
    except StepFailed as exc:
        print(f"Benchmark stopped: {exc}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            sandbox.remove()
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
