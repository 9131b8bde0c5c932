/// `tours.yaml`: the kiosk's attract loop (and, later, the guided session's steps).
public struct Tours: Equatable, Sendable, ContentReadable {
    public let attract: Attract

    /// What the waiting-room screen cycles through while nobody uses it.
    public struct Attract: Equatable, Sendable, ContentReadable {
        /// The line on every slide saying how to begin.
        public let prompt: String
        public let slides: [Slide]

        init(from reader: NodeReader) throws(ContentIssue) {
            let fields = try reader.mapping(allowing: ["prompt", "slides"])
            prompt = try reader.required("prompt", in: fields).text
            slides = try reader.required("slides", in: fields).list(of: Slide.self)
        }
    }

    public struct Slide: Equatable, Sendable, ContentReadable {
        /// Drawn large: a few plain words.
        public let headline: String
        public let text: String
        public let sources: [String]

        init(from reader: NodeReader) throws(ContentIssue) {
            let fields = try reader.mapping(allowing: ["headline", "text", "sources"])
            headline = try reader.required("headline", in: fields).text
            text = try reader.required("text", in: fields).text
            sources = try reader.required("sources", in: fields).texts
        }
    }

    /// The fewest slides a loop has, so the screen keeps changing.
    public static let minimumSlides = 4
    /// The longest headline: drawn large, it must fit 80 columns.
    public static let maximumHeadline = 32

    init(from reader: NodeReader) throws(ContentIssue) {
        let fields = try reader.mapping(allowing: ["attract"])
        attract = try Attract(from: reader.required("attract", in: fields))
    }
}
