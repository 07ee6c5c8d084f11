"""Sample files for import tests, made from the project's own texts (no third-party documents)."""

from __future__ import annotations

import re

from tests.conftest import ROOT

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def body(doc_id: str) -> str:
    """The statement's paragraphs as they stand after the header of texts/<id>.txt."""
    content = (ROOT / "texts" / f"{doc_id}.txt").read_text(encoding="utf-8")
    return content.split("\n---\n", 1)[1]


def paragraphs(doc_id: str) -> list[str]:
    return [p.strip().removeprefix("- ") for p in body(doc_id).split("\n\n") if p.strip()]


def han(text: str) -> str:
    """Only the Han characters of ``text``, in order: what an import must keep."""
    return "".join(_HAN.findall(text))


NAVIGATION = ["首页", "外交部", "新闻动态", "外事日程", "发言人表态", "政策文件"]
HEADLINES = [
    "王毅会见新加坡外长",
    "外交部发言人就日本排放核污染水答记者问",
    "中国同东盟国家举行高官会",
    "李强出席夏季达沃斯论坛开幕式并致辞",
]
FOOTER = "版权所有：中华人民共和国外交部 京ICP备05093270号 网站地图 联系我们"


def html_page(doc_id: str) -> str:
    """The statement as a news site would carry it: navigation, a sidebar of other headlines,
    scripts and styles around the article, a footer after it."""
    from html import escape

    title, *rest = paragraphs(doc_id)
    nav = "".join(f'<li><a href="/{i}">{n}</a></li>' for i, n in enumerate(NAVIGATION))
    side = "".join(f'<li><a href="/news/{i}.html">{h}</a></li>' for i, h in enumerate(HEADLINES))
    body_html = "\n".join(f"<p>{escape(p)}</p>" for p in rest)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}_中华人民共和国外交部</title>
<style>body {{ font-family: sans-serif; }} .nav li {{ display: inline; }}</style>
<script>var _hmt = _hmt || []; document.write("统计代码");</script></head>
<body><div class="header"><ul class="nav">{nav}</ul>
<div class="crumb">当前位置：首页 &gt; 外交部 &gt; 政策文件</div></div>
<div class="main"><div class="left"><div class="article">
<h1>{escape(title)}</h1><div class="time">发布时间：更新</div>
<div class="content" id="News_Body_Txt_A">
{body_html}
</div><div class="share">分享到：微信 微博</div></div></div>
<div class="right"><h3>相关新闻</h3><ul>{side}</ul></div></div>
<div class="footer">{FOOTER}</div>
<script>console.log("页脚统计");</script></body></html>"""


PDF_HEADER = "CD/2075  GE.16-12040 (C)"


def write_pdf(path, texts: list[str], header: str = PDF_HEADER, point_size: int = 11) -> int:  # type: ignore[no-untyped-def]
    """A PDF with a text layer, as a UN document: the paragraphs laid out by Qt in the bundled
    font, a running header on every page and a page number at the foot. Returns the pages."""
    from html import escape

    from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF
    from PySide6.QtGui import (
        QFont,
        QFontDatabase,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextDocument,
    )
    from PySide6.QtWidgets import QApplication

    from reader import resources

    _app = QApplication.instance() or QApplication([])
    family = QFontDatabase.applicationFontFamilies(
        QFontDatabase.addApplicationFont(str(resources.resource(*resources.FONT)))
    )[0]
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    page_w, page_h, margin, top = 595.0, 842.0, 64.0, 80.0
    body_w, body_h = page_w - 2 * margin, page_h - 2 * top
    document = QTextDocument()
    font = QFont(family)
    font.setPointSize(point_size)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(body_w, body_h))
    document.setHtml(
        "".join(f'<p style="text-indent:22px; margin-bottom:8px">{escape(t)}</p>' for t in texts)
    )
    pages = document.pageCount()
    lines = _laid_out_lines(document)
    small = QFont(family)
    small.setPointSize(9)
    painter = QPainter(writer)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.setFont(small)
        painter.drawText(QRectF(margin, 30, body_w, 20), 0, header)
        painter.drawText(QRectF(margin, page_h - 50, body_w, 20), 0x84, str(page + 1))
        # Line by line, so that a paragraph crossing a page is drawn (and in the text layer)
        # once, as in a real PDF; drawContents with a clip would emit the hidden lines too.
        for layout, line, y in lines:
            if page * body_h <= y < (page + 1) * body_h:
                origin = layout.position()
                line.draw(painter, QPointF(margin + origin.x(), top - page * body_h + origin.y()))
    painter.end()
    return pages


def _laid_out_lines(document):  # type: ignore[no-untyped-def]
    found = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            found.append((layout, line, layout.position().y() + line.y()))
        block = block.next()
    return found


def encrypted_pdf() -> bytes:
    """A minimal PDF whose /Encrypt dictionary wants a password that is not the empty one."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body_bytes in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body_bytes + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<" % (len(objects) + 1)
    out += b"ab" * 16 + b"> <" + b"ab" * 16 + b">] >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def write_scanned_pdf(path) -> None:  # type: ignore[no-untyped-def]
    """A PDF of one page that is only a picture of text, as a scanner makes: no text layer."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    with_ink = QPainter(image)
    with_ink.fillRect(20, 20, 300, 10, QColor("black"))
    with_ink.end()
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.drawImage(QRectF(0, 0, 2000, 1000), image)
    painter.end()
