/// `tours.yaml`: the kiosk's attract loop and the guided session's steps.
public struct Tours: Equatable, Sendable, ContentReadable {
    /// The kiosk's slides (`--kiosk` needs them).
    public let attract: Attract?
    /// The clinician-led session (`--guided` needs it).
    public let guided: Guided?

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

        /// The slide that shows the clinic's own details (not its costs: a waiting-room
        /// screen does not advertise prices).
        init(clinic: ClinicInfo) {
            headline = clinic.name
            text = clinic.contacts.map { label, value in
                "\(label): \(value)" + (value.last.map { ".!?".contains($0) } == true ? "" : ".")
            }.joined(separator: " ")
            sources = []
        }

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
        let fields = try reader.mapping(allowing: ["attract", "guided"])
        attract = try reader.child("attract", in: fields).map { reader throws(ContentIssue) in try Attract(from: reader) }
        guided = try reader.child("guided", in: fields).map { reader throws(ContentIssue) in try Guided(from: reader) }
        if attract == nil && guided == nil { throw reader.problem("give `attract:`, `guided:` or both") }
    }
}

/// The guided session a clinician leads: steps in order, what matters to the patient, and
/// the summary.
public struct Guided: Equatable, Sendable, ContentReadable {
    public let steps: [Step]
    public let values: Values
    public let summary: Summary

    public static let maximumTitle = 40
    public static let maximumQuestions = 3

    public struct Step: Equatable, Sendable, ContentReadable {
        public enum Screen: String, ContentWord, Sendable {
            /// The patient ticks the symptoms they notice.
            case symptoms
            /// What matters to them, with no right answer.
            case values
            /// The questions they want to bring, from a topic's bullet lists.
            case questions
            /// Key points, their ticks and choices, what to do next.
            case summary
        }

        public let title: String
        /// The topic the step shows (its main message first), or whose bullets are the questions.
        public let topic: String?
        /// When not empty, only these parts of the topic: each names a `heading:` of the topic
        /// and stands for its blocks up to the next heading. So a long topic can be split over
        /// several short steps.
        public let sections: [String]
        /// A special screen instead of (or, for questions, built from) a topic.
        public let show: Screen?
        /// A line shown to the patient at the top of a special screen (the crisis line on the
        /// symptoms step, say).
        public let callout: String?
        /// The clinician's talking points, shown on `p`.
        public let notes: [String]
        /// "Pick the best answer" questions asked after the step.
        public let checkpoint: [Question]

        init(from reader: NodeReader) throws(ContentIssue) {
            let fields = try reader.mapping(allowing: ["title", "topic", "sections", "show", "callout", "notes",
                                                       "checkpoint"])
            title = try reader.required("title", in: fields).text
            topic = try reader.child("topic", in: fields)?.text
            sections = try reader.child("sections", in: fields)?.texts ?? []
            show = try reader.child("show", in: fields)?.word(Screen.self)
            callout = try reader.child("callout", in: fields)?.text
            notes = try reader.required("notes", in: fields).texts
            checkpoint = try reader.child("checkpoint", in: fields)?.list(of: Question.self) ?? []
        }
    }

    /// A teach-back question: it checks the explanation, not the patient.
    public struct Question: Equatable, Sendable, ContentReadable {
        public let question: String
        /// Asked first: the patient says it in their own words; the choices are a fallback.
        public let ownWords: String?
        public let choices: [String]
        /// The best choice, counting from 0.
        public let best: Int
        /// The point again in other words, after a miss.
        public let again: String

        init(from reader: NodeReader) throws(ContentIssue) {
            let fields = try reader.mapping(allowing: ["question", "own_words", "choices", "best", "again"])
            question = try reader.required("question", in: fields).text
            ownWords = try reader.child("own_words", in: fields)?.text
            choices = try reader.required("choices", in: fields).texts
            best = try reader.required("best", in: fields).wholeNumber - 1
            again = try reader.required("again", in: fields).text
        }
    }

    public struct Values: Equatable, Sendable, ContentReadable {
        public let prompt: String
        /// Two things a person may weigh against each other.
        public let pairs: [[String]]

        init(from reader: NodeReader) throws(ContentIssue) {
            let fields = try reader.mapping(allowing: ["prompt", "pairs"])
            prompt = try reader.required("prompt", in: fields).text
            var pairs: [[String]] = []
            for pair in try reader.required("pairs", in: fields).elements {
                let texts = try pair.texts
                guard texts.count == 2 else { throw pair.problem("a pair is two things, such as [\"Fewer visits\", \"Trying every option\"]") }
                pairs.append(texts)
            }
            self.pairs = pairs
        }
    }

    public struct Summary: Equatable, Sendable, ContentReadable {
        public let points: [String]
        public let next: [String]
        /// Warning signs and whom to call, and the after-care rules: on the screen and the handout.
        public let safety: [String]
        /// What the summary rests on: the handout lists these sources in full.
        public let sources: [String]

        init(from reader: NodeReader) throws(ContentIssue) {
            let fields = try reader.mapping(allowing: ["points", "next", "safety", "sources"])
            points = try reader.required("points", in: fields).texts
            next = try reader.required("next", in: fields).texts
            safety = try reader.required("safety", in: fields).texts
            sources = try reader.required("sources", in: fields).texts
        }
    }

    init(from reader: NodeReader) throws(ContentIssue) {
        let fields = try reader.mapping(allowing: ["steps", "values", "summary"])
        steps = try reader.required("steps", in: fields).list(of: Step.self)
        values = try Values(from: reader.required("values", in: fields))
        summary = try Summary(from: reader.required("summary", in: fields))
    }
}
