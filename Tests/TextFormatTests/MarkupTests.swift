import Testing
import TextFormat

@Test func markupEscapesTagsQuotesAndForbiddenControls() {
  #expect(Markup.escape("<script>&'\"\u{1}") == "&lt;script&gt;&amp;&#39;&quot;?")
  #expect(Markup.escape("a\tb\nc") == "a\tb\nc")
  #expect(Markup.escape("Sneaker") == "Sneaker")
}
