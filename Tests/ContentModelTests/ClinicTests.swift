import ContentModel
import Foundation
import Testing

/// `clinic.yaml`: the clinic's own details, checked with file:line messages like the pack.
@Suite struct ClinicTests {
    private func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kx-clinic-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aCompleteFileLoadsAndListsItsDetailsInOrder() throws {
        let path = try write("""
            name: Riverside Pain Clinic
            phone: (555) 010-0100
            nurse_line: 555-010-0199
            hours: Monday to Friday, 8 am to 5 pm
            website: www.example.org/pain
            cost: About $500 a visit. Ask us about payment plans.
            offers_ketamine: yes
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clinic = try ClinicInfo.load(path: path)
        #expect(clinic.name == "Riverside Pain Clinic")
        #expect(clinic.offersKetamine == true)
        #expect(clinic.details.map(\.label) == ["Phone", "Nurse line", "Hours", "Website", "Cost"])
    }

    @Test func onlyTheNameIsRequired() throws {
        let path = try write("name: Riverside Pain Clinic\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clinic = try ClinicInfo.load(path: path)
        #expect(clinic.details.isEmpty && clinic.offersKetamine == nil)
    }

    @Test func everyProblemIsReportedAtOnceWithItsLine() throws {
        let path = try write("""
            phone: call us
            hours: ""
            website: not a site
            offers_ketamine: maybe
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try ClinicInfo.load(path: path)
        } throws: { error in
            let issues = (error as? ContentErrors)?.issues ?? []
            let lines = issues.map { "\($0.line) \($0.field)" }
            return lines == ["1 name", "1 phone", "2 hours", "3 website", "4 offers_ketamine"]
                && issues[1].message.contains("no phone number") && issues[4].message.contains("true or false")
                && issues.allSatisfy { $0.file == path }
        }
    }

    @Test func anUnknownOptionAndAControlCharacterAreRefused() throws {
        let unknown = try write("name: Riverside\nfax: 555-0100\n")
        let control = try write("name: \"Riverside\\e[2J\"\n")
        defer { for path in [unknown, control] { try? FileManager.default.removeItem(atPath: path) } }
        #expect { try ClinicInfo.load(path: unknown) } throws: { error in
            let issue = (error as? ContentErrors)?.issues.first
            return issue?.line == 2 && issue?.message.contains("unknown field 'fax'") == true
        }
        #expect { try ClinicInfo.load(path: control) } throws: { error in
            (error as? ContentErrors)?.issues.first?.message.contains("ESC") == true
        }
    }

    @Test func theKioskGetsASlideWithTheClinicsDetailsButNotItsPrices() throws {
        let pack = try ContentPack.load(from: RepositoryPath.shippedPack)
        let plain = pack.attractSlides
        let clinic = ClinicInfo(name: "Riverside Pain Clinic", phone: "555-010-0100", hours: "8 to 5",
                                cost: "About $500 a visit.")
        let slides = pack.with(clinic: clinic).attractSlides
        #expect(slides.count == plain.count + 1)
        #expect(slides.last?.headline == "Riverside Pain Clinic")
        #expect(slides.last?.text == "Phone: 555-010-0100. Hours: 8 to 5.")
    }
}
