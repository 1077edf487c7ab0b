"""What an attacker, a broken client or a careless export sends, as Hypothesis strategies.

Text comes in three kinds, mixed: anything Unicode allows (Hypothesis' own text,
which leans on edge cases), a fixed list of strings known to break software (NUL,
bidi overrides, combining marks, lone UTF-8 bytes, SQL and HTML fragments, full-text
operators, absurd numbers and dates), and very long values made by repetition.
"""

from urllib.parse import quote

from hypothesis import strategies as st

# Strings that broke something somewhere once.
NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x00" * 64,
    "\r\n",
    "\t",
    "\ufeff",
    "\u202e\u0644\u0627",  # right-to-left override, Arabic
    "\u200b\u200d",  # zero-width space and joiner
    "Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f",  # zalgo
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # one emoji of three people
    "\U0001d54f\U0001d550",  # mathematical double-struck letters (NFKC folds them)
    "ﬃ",  # ligature: one character, three letters
    "İı",  # Turkish dotted and dotless i: casefold changes the length
    "ß",
    "١٢٣",  # Arabic-Indic digits
    "７",  # fullwidth digit
    "²³",
    "-1",
    "0",
    "00000000000000000000001",
    "9" * 40,
    str(2**63),
    str(-(2**63) - 1),
    "1e309",
    "NaN",
    "Infinity",
    "0x10",
    "1_000",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "2026-13-01",
    "-2026-01-01",
    "99999-01-01",
    "2026-01-01T25:61:61",
    "2024-02-14T07:00:00+16:00",  # past PostgreSQL's ±15:59
    "2024-02-14T07:00:00-23:59",
    "' OR '1'='1",
    "'; DROP TABLE newsroom_article; --",
    '" OR ""="',
    "\\",
    "%",
    "%00",
    "%zz",
    "%C0%AF",
    "%ED%A0%80",
    "../../../../etc/passwd",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "/",
    "//evil.example/",
    "javascript:alert(1)",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{7*7}}",
    "{% debug %}",
    "${jndi:ldap://x}",
    "null",
    "[]",
    "{}",
    '{"__proto__": {}}',
]

# What full-text engines read as syntax: FTS5 (quotes, *, NEAR, AND/OR/NOT, ^, :,
# column filters, parentheses, +) and PostgreSQL tsquery (&, |, !, <->, <N>, :*, ').
OPERATORS = [
    '"', "'", "*", "^", ":", "-", "+", "(", ")", "{", "}", "&", "|", "!", "<->", "<2>",
    ":*", "NEAR", "NEAR(", "NEAR/3", "AND", "OR", "NOT", "title:", "body :", "@@", "\\",
    "&&", "||", "!!", "''", '""', "*:", "-*", "()",
]  # fmt: skip
WORDS = ["banjir", "Jakarta", "KPK", "pemilu", "korupsi", "yang", "dan", "di", "berita"]

nasty = st.sampled_from(NASTY)
# Printable text would miss the control characters and odd categories on purpose.
any_text = st.text(max_size=80)
long_text = st.builds(
    lambda piece, times: piece * times,
    st.sampled_from(["x", "é", "\x00", "9", "kata ", "<b>", "\U0001f600", '"']),
    st.sampled_from([300, 1_025, 4_097, 20_000]),
)
text = st.one_of(nasty, any_text, long_text, st.lists(nasty, max_size=4).map("".join))
operator_soup = st.lists(st.sampled_from(OPERATORS + WORDS + NASTY[:12]), max_size=12).map(
    " ".join
) | st.lists(st.sampled_from(OPERATORS + WORDS), max_size=16).map("".join)

# Identifiers as a URL carries them: real ones are mixed in by the tests.
numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["0", "00", "01", "9" * 19, "9" * 40, str(2**63 - 1), str(2**63)]),
)
digits = st.text(alphabet="0123456789", min_size=1, max_size=30)
slug_shaped = st.from_regex(r"[-a-zA-Z0-9_]{1,60}", fullmatch=True)


def encoded(value: str) -> str:
    """``value`` as it travels in a URL: percent-encoded UTF-8 (an unpaired surrogate,
    which no client could send, becomes U+FFFD first)."""
    return quote(value.encode("utf-8", "replace"), safe="")


# Escapes that decode to nothing valid, as a hand-written link or a scanner sends them.
broken_escapes = st.sampled_from(["%", "%2", "%zz", "%C0%AF", "%ED%A0%80", "%FF%FE", "%E2%82"])
url_part = st.one_of(
    text.map(encoded),
    slug_shaped,
    numbers,
    broken_escapes,
    st.lists(st.one_of(slug_shaped, broken_escapes, nasty.map(encoded)), max_size=4).map("".join),
)


def query_strings(names: list[str]) -> st.SearchStrategy[str]:
    """Raw query strings: the parameters a view reads (and ``p``, which the old
    WordPress address lookup reads on any page) repeated, mixed with unknown ones,
    values hostile, sometimes not even ``name=value``."""
    name = st.one_of(st.sampled_from([*names, "p"]), slug_shaped, url_part)
    value = st.one_of(url_part, numbers, st.sampled_from(["", "1", "2", "sebelum"]))
    pair = st.one_of(
        st.tuples(name, value).map(lambda p: f"{p[0]}={p[1]}"),
        name,  # a bare name
        st.sampled_from(["=", "&", "==", "=&=", ";", "a=1;b=2"]),
    )
    return st.lists(pair, max_size=6).map("&".join)
