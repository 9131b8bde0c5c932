import ContentModel

extension ContentPack {
    /// "Sources: 1, 3 · Evidence: moderate", or nil when there is nothing to show.
    func citationLabel(_ ids: [String], evidence: EvidenceStrength? = nil, separator: String) -> String? {
        let numbers = Set(ids.compactMap(sourceNumber)).sorted().map(String.init)
        var parts: [String] = []
        if !numbers.isEmpty {
            parts.append((numbers.count == 1 ? "Source: " : "Sources: ") + numbers.joined(separator: ", "))
        }
        if let evidence { parts.append("Evidence: \(evidence.rawValue)") }
        return parts.isEmpty ? nil : parts.joined(separator: " \(separator) ")
    }
}
