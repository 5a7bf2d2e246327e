"""Markdown as a git host shows it: CommonMark + tables with raw HTML, then the host's sanitizer.

The allow-list is the one GitHub's Markdown pipeline published (html-pipeline's
SanitizationFilter): no ``style``, ``class``, ``id`` or ``<caption>``; ``align``, ``rowspan``,
``colspan`` and ``scope`` survive. Other hosts (GitLab, Gitea) start from the same list.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt


def words(text: str) -> set[str]:
    return set(text.split())


TAGS = words(
    "h1 h2 h3 h4 h5 h6 br b i strong em a pre code img tt div ins del sup sub p ol ul table "
    "thead tbody tfoot blockquote dl dt dd kbd q samp var hr ruby rt rp li tr td th s strike "
    "summary details"
)
ANY_TAG = words(
    "abbr accept accept-charset accesskey action align alt axis border cellpadding cellspacing "
    "char charoff charset checked clear cols colspan color compact coords datetime dir disabled "
    "enctype for frame headers height hreflang hspace ismap label lang maxlength media method "
    "multiple name nohref noshade nowrap open prompt readonly rel rev rows rowspan rules scope "
    "selected shape size span start summary tabindex target title type usemap valign value "
    "vspace width itemprop"
)
ATTRIBUTES = {
    "*": ANY_TAG - {"rel"},  # nh3 sets rel on links itself
    "a": {"href"},
    "img": {"src", "longdesc"},
    "div": {"itemscope", "itemtype"},
    "blockquote": {"cite"},
    "del": {"cite"},
    "ins": {"cite"},
    "q": {"cite"},
}


def render_like_a_git_host(markdown: str) -> str:
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, link_rel=None)
