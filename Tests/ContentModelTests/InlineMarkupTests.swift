import ContentModel
import Testing

@Suite struct InlineMarkupTests {
    @Test func parsesBoldTermsAndTopicLinks() throws {
        let runs = try InlineMarkup.parse("See **this** and [[NMDA receptor]] or [[topic:causes|the causes]].")
        #expect(runs == [
            InlineRun(text: "See "),
            InlineRun(text: "this", strong: true),
            InlineRun(text: " and "),
            InlineRun(text: "NMDA receptor", link: .term("NMDA receptor")),
            InlineRun(text: " or "),
            InlineRun(text: "the causes", link: .topic("causes")),
            InlineRun(text: "."),
        ])
    }

    @Test(arguments: ["[[open", "a]] b", "**bold", "[[topic:causes]]", "[[]]"])
    func refusesBrokenMarkup(_ text: String) {
        #expect(throws: InlineMarkup.SyntaxError.self) { try InlineMarkup.parse(text) }
    }

    @Test func plainTextDropsMarkup() {
        #expect(InlineMarkup.plainText("**Chronic** [[pain]]") == "Chronic pain")
    }
}
