"""Questions and answers come out of Python-Markdown's HTML as a reader would say them."""

from __future__ import annotations

import json

from zhguide.faq_schema import Question, questions, script_json

PAGE = """<h1 id="top">逾期<a class="headerlink" href="#top">¶</a></h1>
<p>开头的说明不属于任何问题。</p>
<h2 id="call">怎样联系 <code>95588</code>？<a aria-label="本节链接" class="headerlink" href="#call"
title="本节链接">¶</a></h2>
<p>拨打 95588，&amp; 说明情况。<br>记下工号。</p>
<div class="admonition note"><p class="admonition-title">注意</p><p>以银行为准。</p></div>
<h3 id="steps">需要准备什么?</h3>
<ul>
<li>身份证</li><li>账单</li>
</ul>
<h2 id="plain">一个不是问题的标题</h2>
<p>这里没有问号。</p>
<h2>没有 id 的问题？</h2>
<p>不收录。</p>
<h2 id="empty">没有回答的问题？</h2>
"""


def test_questions_keep_words_entities_and_skip_permalinks() -> None:
    assert questions(PAGE) == [
        Question("call", "怎样联系 95588？", "拨打 95588，& 说明情况。 记下工号。 注意 以银行为准。"),
        Question("steps", "需要准备什么?", "身份证 账单"),
    ]


def test_a_page_without_questions_has_none() -> None:
    assert questions("<h1 id='x'>标题</h1><p>正文</p>") == []


def test_inline_json_cannot_end_or_comment_out_its_script() -> None:
    answer = "代码 <!--<script> 与 </script> 和 &amp; 都只是文字"
    inline = script_json({"text": answer})
    assert "<" not in inline and ">" not in inline and "&" not in inline
    assert json.loads(inline) == {"text": answer}
