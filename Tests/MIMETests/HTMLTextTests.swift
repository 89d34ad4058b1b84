import Testing
@testable import MIME

@Suite("HTML to visible text")
struct HTMLTextTests {
    @Test("what a reader sees", arguments: [
        ("<p>Hello <b>world</b></p><p>Second</p>", "Hello world\n\nSecond"),
        ("<html><head><title>T</title><style>p{color:red}</style></head><body>Text</body></html>", "Text"),
        ("a<script>alert('<p>x</p>')</script>b", "ab"),
        ("one<br>two<br/>three", "one\ntwo\nthree"),
        ("&lt;tag&gt; &amp; &quot;q&quot; &#233; &#xE9; &eacute; &nbsp;x &copy", "<tag> & \"q\" é é é x ©"),
        ("&amp &unknown; &#150;", "& &unknown; –"),
        ("spaces    and\n\n newlines", "spaces and newlines"),
        ("<pre>  keep\n  this</pre>", "keep\n  this"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
        ("<!-- hidden --><!DOCTYPE html>shown", "shown"),
        ("<div style=\"\"background: \" x\">text</div>", "text"),
        ("a < b and c<d", "a < b and c"),  // "<d" opens a tag that EOF ends, as in browsers
        ("G</>UA</ >RA", "GUARA"),
        ("fi<span>le</span>", "file"),
        ("<o:p>Outlook</o:p><xml><w:data>junk</w:data></xml>", "Outlook"),
        ("<ul><li>one</li><li>two</li></ul>", "one\ntwo"),
    ])
    func visible(_ html: String, _ expected: String) {
        #expect(HTMLText.visibleText(html) == expected)
    }

    @Test("unterminated markup loses no text after it")
    func unterminated() {
        #expect(HTMLText.visibleText("<a href=\"x>text") == "text")
        #expect(HTMLText.visibleText("before<!-- never closed").hasPrefix("before"))
    }
}
