/// `comparison.yaml`: ketamine and opioids side by side, row by row.
public struct Comparison: Decodable, Equatable, Sendable {
    public let columns: Columns
    public let rows: [Row]

    public struct Columns: Decodable, Equatable, Sendable {
        public let ketamine: String
        public let opioids: String
    }

    public struct Row: Decodable, Equatable, Sendable {
        public let id: String
        public let label: String
        public let ketamine: String
        public let opioids: String
        public let sources: [String]
    }
}
