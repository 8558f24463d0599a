"""The archive tree: issues (newest first), their pages, each page's articles; pages that failed.

The tree fills in while the archive is indexed: ``show_issues`` adds issues and pages where they
belong, never moving the cursor. An issue's pages are added the first time it is opened (or an
article in it is asked for), so that an archive of thousands of pages fills in at once; a page's
articles are read (from the index, through ``fetch``) the first time it is opened. Moving onto
an article says so, with the article list's messages (the reader follows); ``enter`` on an
article hands the keyboard to the reader, and on an issue or a page opens or closes it. Every
label is plain text from the files, drawn as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Final

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from paper_tui.archive import Issue, entry_key, split_key
from paper_tui.search.index import HeadlineRow, PageRow
from paper_tui.text.convert import convert
from paper_tui.text.sanitize import clean
from paper_tui.widgets.article_list import ArticleList

KIND_MARKS: Final = {"article": "", "brief": "简讯 ", "photo": "图片 "}


@dataclass(frozen=True, slots=True)
class IssueNode:
    """An issue's branch."""

    key: tuple[str, str]


@dataclass(frozen=True, slots=True)
class PageNode:
    """A page's branch."""

    row: PageRow


@dataclass(frozen=True, slots=True)
class ArticleNode:
    """An article's leaf."""

    key: str


@dataclass(frozen=True, slots=True)
class ErrorNode:
    """A page file that could not be read, and why."""

    path: Path
    error: str


Node = IssueNode | PageNode | ArticleNode | ErrorNode


def page_label(row: PageRow) -> str:
    """How a page is named in the tree: 第3版 要闻 · 9篇."""
    number = f"第{row.page}版" if row.page is not None else Path(row.path).stem
    section = f" {row.section}" if row.section else ""
    return f"{number}{section} · {row.articles}篇"


class ArchiveTree(Tree[Node]):
    """Issues, pages and articles of an archive, which says what is highlighted or opened."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="tree.down"),
        Binding("k", "cursor_up", "Up", show=False, id="tree.up"),
        Binding("g,home", "scroll_home", "First", show=False, id="tree.first"),
        Binding("G,end", "scroll_end", "Last", show=False, id="tree.last"),
        Binding("enter", "select_cursor", "Read / open", id="tree.open"),
    ]

    # The article list's own messages: a screen reads the tree as it reads the list.
    Highlighted = ArticleList.Highlighted
    Opened = ArticleList.Opened

    def __init__(
        self,
        fetch: Callable[[PageRow], list[HeadlineRow]],
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self.variant: str | None = None
        super().__init__("archive", id=id, classes=classes)
        self.show_root = False
        self.guide_depth = 2
        self.fetch = fetch
        self._issues: dict[tuple[str, str], TreeNode[Node]] = {}
        self._order: list[tuple[str, str]] = []
        self._rows: dict[tuple[str, str], tuple[PageRow, ...]] = {}
        """Each issue's pages, shown or not yet."""
        self._filled: set[tuple[str, str]] = set()
        """The issues whose pages are in the tree."""
        self._issues_of: dict[str, set[tuple[str, str]]] = {}
        """The issues each page file has pages in."""
        self._pages: dict[tuple[Path, int | None], TreeNode[Node]] = {}
        self._articles: dict[str, TreeNode[Node]] = {}
        self._errors: set[Path] = set()
        self._labels: dict[int, str] = {}
        """Each node's label as printed (simplified), to show it again in either script."""

    def process_label(self, label: str | Text) -> Text:
        """Labels are text from the files: never markup, control characters shown as symbols."""
        if isinstance(label, Text):
            return label
        return Text(clean(convert(label, self.variant)), no_wrap=True, overflow="ellipsis")

    # --- filling in -----------------------------------------------------------------------------

    def show_issues(self, issues: Sequence[Issue], order: Sequence[tuple[str, str]]) -> None:
        """Add, update or remove these issues (``order``: every issue's key, as shown)."""
        position = {key: index for index, key in enumerate(order)}
        # Pages that left an issue go first, so that a page moved to another issue (its date
        # changed) is added there afresh rather than found where it was.
        for issue in issues:
            node = self._issues.get(issue.key)
            wanted = {(row.path, row.page) for row in issue.pages}
            for child in list(node.children) if node is not None else ():
                data = child.data
                if isinstance(data, PageNode) and (data.row.path, data.row.page) not in wanted:
                    self._forget_page(child)
        for issue in issues:
            node = self._issues.get(issue.key)
            self._index(issue.key, issue.pages)
            if not issue.pages:
                if node is not None:
                    del self._issues[issue.key]
                    self._filled.discard(issue.key)
                    node.remove()
                continue
            label = f"{issue.label}（{len(issue.pages)}版）"
            if node is None:
                node = self._add_issue(issue.key, label, position)
            else:
                self._set_label(node, label)
            if issue.key in self._filled:
                self._fill_pages(node, issue.pages)
        self._order = [key for key in order if key in self._issues]

    def _index(self, key: tuple[str, str], rows: tuple[PageRow, ...]) -> None:
        """Keep an issue's rows, and which files it has pages of."""
        for row in self._rows.get(key, ()):
            self._issues_of.get(str(row.path), set()).discard(key)
        if rows:
            self._rows[key] = rows
        else:
            self._rows.pop(key, None)
        for row in rows:
            self._issues_of.setdefault(str(row.path), set()).add(key)

    def _ensure_pages(self, key: tuple[str, str]) -> None:
        """Add an issue's pages to the tree if they are not there yet."""
        node = self._issues.get(key)
        if node is not None and key not in self._filled:
            self._filled.add(key)
            self._fill_pages(node, self._rows.get(key, ()))

    def _add_issue(
        self, key: tuple[str, str], label: str, position: dict[tuple[str, str], int]
    ) -> TreeNode[Node]:
        # Before the first issue shown that comes after this one.
        later = [k for k in self._issues if position.get(k, 0) > position[key]]
        before = min(later, key=position.__getitem__) if later else None
        anchor = self._issues[before] if before is not None else None
        node = self._add(self.root, label, IssueNode(key), before=anchor)
        self._issues[key] = node
        return node

    def _fill_pages(self, node: TreeNode[Node], rows: Sequence[PageRow]) -> None:
        previous: TreeNode[Node] | None = None
        for row in rows:
            key = (row.path, row.page)
            child = self._pages.get(key)
            if child is not None and child.parent is not node:
                self._forget_page(child)
                child = None
            if child is None:
                if previous is not None:
                    child = self._add(node, page_label(row), PageNode(row), after=previous)
                else:
                    child = self._add(node, page_label(row), PageNode(row), before=0)
                self._pages[key] = child
            elif child.data != PageNode(row):
                # Re-indexed: new counts, and headlines to read again.
                child.data = PageNode(row)
                self._set_label(child, page_label(row))
                for leaf in child.children:
                    if isinstance(leaf.data, ArticleNode):
                        self._articles.pop(leaf.data.key, None)
                child.remove_children()
                if child.is_expanded:
                    self._populate(child)
            previous = child

    def _forget_page(self, child: TreeNode[Node]) -> None:
        data = child.data
        if isinstance(data, PageNode):
            self._pages.pop((data.row.path, data.row.page), None)
        for leaf in child.children:
            if isinstance(leaf.data, ArticleNode):
                self._articles.pop(leaf.data.key, None)
        child.remove()

    def show_errors(self, errors: dict[Path, str], name: Callable[[Path], str]) -> None:
        """List the page files that could not be read (named by ``name``), after the issues."""
        for node in list(self.root.children):
            data = node.data
            if isinstance(data, ErrorNode) and errors.get(data.path) != data.error:
                self._errors.discard(data.path)
                node.remove()
        for path, error in sorted(errors.items()):
            if path not in self._errors:
                self._errors.add(path)
                self._add(self.root, f"⚠ {name(path)}: {error}", ErrorNode(path, error), leaf=True)

    def _populate(self, node: TreeNode[Node]) -> None:
        data = node.data
        if isinstance(data, PageNode) and not node.children:
            for headline in self.fetch(data.row):
                key = entry_key(headline.path, headline.item_id)
                text = headline.headline or f"（{headline.chars}字）"
                label = KIND_MARKS.get(headline.kind, "") + text
                leaf = self._add(node, label, ArticleNode(key), leaf=True)
                self._articles[key] = leaf

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Node]) -> None:
        """Add an issue's pages, or read a page's headlines, the first time it is opened."""
        event.stop()
        data = event.node.data
        if isinstance(data, IssueNode):
            self._ensure_pages(data.key)
        else:
            self._populate(event.node)

    # --- moving ---------------------------------------------------------------------------------

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Node]) -> None:
        """Moving onto an article shows it."""
        event.stop()
        if isinstance(event.node.data, ArticleNode):
            self.post_message(self.Highlighted(event.node.data.key))

    def on_tree_node_selected(self, event: Tree.NodeSelected[Node]) -> None:
        """Enter on an article: read it."""
        event.stop()
        if isinstance(event.node.data, ArticleNode):
            self.post_message(self.Opened(event.node.data.key))

    @property
    def highlighted_key(self) -> str | None:
        """The key of the highlighted article, if the cursor is on one."""
        node = self.cursor_node
        return node.data.key if node is not None and isinstance(node.data, ArticleNode) else None

    def follow(self, key: str) -> None:
        """Put the cursor on an article (opening its issue and page) without announcing it."""
        leaf = self._articles.get(key) or self._reveal(key)
        if leaf is None or self.cursor_node is leaf:
            return
        branch = leaf.parent
        while branch is not None and branch is not self.root:
            branch.expand()
            branch = branch.parent
        # Reading last_line lays the lines out again, so the leaf knows which line it is on.
        if self.last_line >= 0:
            with self.prevent(Tree.NodeHighlighted):
                self.move_cursor(leaf, animate=False)

    def _reveal(self, key: str) -> TreeNode[Node] | None:
        source, _item = split_key(key)
        for issue in self._order:
            if issue not in self._issues_of.get(source, ()):
                continue
            for page in self._page_nodes(issue):
                if isinstance(page.data, PageNode) and str(page.data.row.path) == source:
                    self._populate(page)
                    if key in self._articles:
                        return self._articles[key]
        return None

    def neighbour(self, key: str, step: int) -> str | None:
        """The article ``step`` places after (or before) ``key`` in the tree, if any."""
        source, _item = split_key(key)
        for at, issue in enumerate(self._order):
            if issue not in self._issues_of.get(source, ()):
                continue
            pages = self._page_nodes(issue)
            for index, page in enumerate(pages):
                if not isinstance(page.data, PageNode) or str(page.data.row.path) != source:
                    continue
                leaves = self._leaves(page)
                if key not in leaves:
                    continue
                found = leaves.index(key) + step
                if 0 <= found < len(leaves):
                    return leaves[found]
                # On to the next (or previous) page that has articles.
                return self._first_found(
                    pages[index + 1 :] if step > 0 else pages[:index][::-1],
                    self._order[at + 1 :] if step > 0 else self._order[:at][::-1],
                    last=step < 0,
                )
        return None

    def _first_found(
        self, pages: list[TreeNode[Node]], issues: list[tuple[str, str]], *, last: bool
    ) -> str | None:
        """The first (or ``last``) article of the first of these pages, then of these issues'
        pages, that has articles; each issue's pages are added only when it is reached."""
        for issue in [None, *issues]:
            if issue is not None:
                pages = self._page_nodes(issue)
                pages = pages[::-1] if last else pages
            for page in pages:
                self._populate(page)
                found = [
                    leaf.data.key for leaf in page.children if isinstance(leaf.data, ArticleNode)
                ]
                if found:
                    return found[-1] if last else found[0]
        return None

    def _leaves(self, page: TreeNode[Node]) -> list[str]:
        """The article keys of a page's branch, read from the index if need be."""
        self._populate(page)
        return [leaf.data.key for leaf in page.children if isinstance(leaf.data, ArticleNode)]

    def _page_nodes(self, issue: tuple[str, str]) -> list[TreeNode[Node]]:
        self._ensure_pages(issue)
        node = self._issues.get(issue)
        return list(node.children) if node is not None else []

    def first_article(self) -> str | None:
        """The first article of the newest issue, if any is known."""
        for issue in self._order:
            for page in self._page_nodes(issue):
                self._populate(page)
                for leaf in page.children:
                    if isinstance(leaf.data, ArticleNode):
                        return leaf.data.key
        return None

    def _add(
        self,
        parent: TreeNode[Node],
        label: str,
        data: Node,
        *,
        leaf: bool = False,
        before: int | TreeNode[Node] | None = None,
        after: int | TreeNode[Node] | None = None,
    ) -> TreeNode[Node]:
        node = parent.add(label, data, before=before, after=after, allow_expand=not leaf)
        self._labels[node.id] = label
        return node

    def _set_label(self, node: TreeNode[Node], label: str) -> None:
        self._labels[node.id] = label
        node.set_label(label)

    def relabel(self, variant: str | None) -> None:
        """Show every label in another script (None: simplified, as printed)."""
        self.variant = variant
        for node in [*self._issues.values(), *self._pages.values(), *self._articles.values()]:
            node.set_label(self._labels.get(node.id, str(node.label)))
