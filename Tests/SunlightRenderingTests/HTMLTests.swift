import SunlightRendering
import Testing

/// The one HTML escaper behind the document pages, the case file's contents page, the charts
/// and the Atom feed (REC-6, REC-10).
@Suite("HTML 转义 REC-10")
struct HTMLTests {
    @Test("Markup characters become entities, so typed text cannot open a tag or leave an attribute; other text is unchanged (REC-10)")
    func escapes() {
        #expect(HTML.escape(#"<script>alert("x")</script> & 'y'"#)
                == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
        #expect(HTML.escape("元谋县市场监督管理局　第一百二十四条") == "元谋县市场监督管理局　第一百二十四条")
        #expect(HTML.escape("&amp;") == "&amp;amp;", "escaping is not undone: text is text")
        #expect(HTML.escape("") == "")
    }

    @Test("Each line of a field is its own escaped paragraph; empty lines are kept (REC-6)")
    func paragraphs() {
        #expect(HTML.paragraphs("一、<事实>\n\n二、理由") == "<p>一、&lt;事实&gt;</p><p></p><p>二、理由</p>")
    }
}
