import ContentModel

extension ContentPack {
    /// "Sources: 1, 3 · Evidence: moderate", or nil when there is nothing to show.
    func citationLabel(_ ids: [String], evidence: EvidenceStrength? = nil, separator: String) -> String? {
        // Sorted and deduplicated by hand, and joined by appending: this runs for the first
        // panel at start-up, where a Set<Int> and an unspecialised `joined` each cost the
        // runtime a scan of every protocol conformance in the binary.
        var numbers = ids.compactMap(sourceNumber)
        numbers.sort()
        var label = ""
        var distinct = 0
        for (index, number) in numbers.enumerated() where index == 0 || numbers[index - 1] != number {
            label += distinct == 0 ? "\(number)" : ", \(number)"
            distinct += 1
        }
        if distinct > 0 { label = ui(distinct == 1 ? .citeSource : .citeSources, ["numbers": label]) }
        if let evidence {
            label += (label.isEmpty ? "" : " \(separator) ") + ui(.citeEvidence, ["strength": self.label(evidence)])
        }
        return label.isEmpty ? nil : label
    }
}
