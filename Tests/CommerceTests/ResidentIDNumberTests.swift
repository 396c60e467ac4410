import Foundation
import Commerce
import Testing

/// Vectors from GB 11643-1999 (its own example, 11010519491231002X) and the rule's properties.
@Suite("Resident identity numbers")
struct ResidentIDNumberTests {
    let today = Day(2026, 11, 23)

    @Test("the standard's example is valid and is shown masked")
    func standardExample() throws {
        let number = try ResidentIDNumber(parsing: "11010519491231002X", today: today)
        #expect(number.masked == "1101**********002X")
        #expect("\(number)" == "1101**********002X", "the number never prints in the clear")
        #expect(number.birthDate == Day(1949, 12, 31))
        #expect(try ResidentIDNumber(parsing: "11010519491231002x", today: today) == number)
    }

    @Test("wrong length, characters, region, date or check character are refused", arguments: [
        "11010519491231002", "110105194912310020X", "1101051949123100AX", "99010519491231002X",
        "110105194902301231", "110105203001011234", "110105189912311231", "110105194912310021",
    ])
    func refused(text: String) {
        #expect(throws: AccountError.self) { try ResidentIDNumber(parsing: text, today: today) }
    }

    @Test("the check character catches every single mistyped digit")
    func catchesSingleErrors() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let region = ["110105", "310115", "440305", "510107", "650102"].randomElement(using: &generator) ?? "110105"
            let birth = String(format: "%04d%02d%02d", Int.random(in: 1930...2005, using: &generator),
                               Int.random(in: 1...12, using: &generator), Int.random(in: 1...28, using: &generator))
            let sequence = String(format: "%03d", Int.random(in: 0...999, using: &generator))
            let body = Array(region + birth + sequence)
            let valid = String(body) + String(ResidentIDNumber.checkCharacter(for: body[...]))
            #expect((try? ResidentIDNumber(parsing: valid, today: today)) != nil, "\(valid)")
            var typo = Array(valid)
            let position = Int.random(in: 14..<17, using: &generator)  // the sequence: region and date stay valid
            let digit = typo[position].wholeNumberValue ?? 0
            typo[position] = Character(String((digit + Int.random(in: 1...9, using: &generator)) % 10))
            #expect((try? ResidentIDNumber(parsing: String(typo), today: today)) == nil, "\(String(typo))")
        }
    }
}
