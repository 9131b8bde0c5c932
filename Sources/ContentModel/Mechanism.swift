import TermRender

/// `mechanism.yaml`: how ketamine blocks the NMDA receptor, as a short sequence of pictures
/// drawn with box characters, each with a caption. Shown where a topic says
/// `include: mechanism`: animated on screen, as stills in plain text and with reduced motion.
public struct Mechanism: Equatable, Sendable, ContentReadable {
    /// How long each picture stays before the next; at least one second, so nothing flashes.
    public let secondsPerFrame: Int
    public let sources: [String]
    public let frames: [Frame]

    public struct Frame: Equatable, Sendable, ContentReadable {
        /// One plain sentence or two: what this picture shows.
        public let caption: String
        /// The drawing, line by line, trailing spaces removed.
        public let picture: [String]

        init(from reader: NodeReader) throws(ContentIssue) {
            let fields = try reader.mapping(allowing: ["caption", "picture"])
            caption = try reader.required("caption", in: fields).text
            // Split on UTF-8 bytes: splitting by Character runs grapheme breaking over every
            // box-drawing character, which was most of start-up's cost for this file.
            let text = try reader.required("picture", in: fields).text
            var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
                line.lastIndex { $0 != 0x20 }.map { String(Substring(line[...$0])) } ?? ""
            }
            while lines.last?.isEmpty == true { lines.removeLast() }
            picture = lines
        }
    }

    /// The widest picture allowed: it must fit beside the panel list at 80 columns.
    public static let maximumWidth = 52
    /// The tallest picture allowed: with its caption it fits one screen at 80x24.
    public static let maximumHeight = 12
    public static let secondsPerFrameRange = 1...30
    public static let frameCountRange = 2...12

    /// The size every frame is drawn at: the widest line and the most lines of any frame.
    public let pictureSize: Size

    init(from reader: NodeReader) throws(ContentIssue) {
        let fields = try reader.mapping(allowing: ["seconds_per_frame", "sources", "frames"])
        secondsPerFrame = try reader.required("seconds_per_frame", in: fields).wholeNumber
        sources = try reader.required("sources", in: fields).texts
        frames = try reader.required("frames", in: fields).list(of: Frame.self)
        pictureSize = Size(width: frames.map { $0.picture.map(DisplayWidth.of).max() ?? 0 }.max() ?? 0,
                           height: frames.map(\.picture.count).max() ?? 0)
    }
}
