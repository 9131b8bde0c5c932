/// A closed set of words a content author may write, decoded with a message that lists the
/// choices instead of Swift's type names.
public protocol ContentEnum: RawRepresentable, CaseIterable, Decodable where RawValue == String {}

extension ContentEnum {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let word = try container.decode(String.self)
        guard let value = Self(rawValue: word) else {
            let choices = Self.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(word)' is not one of \(choices)")
        }
        self = value
    }
}
