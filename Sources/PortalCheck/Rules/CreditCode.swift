/// The unified social credit code (统一社会信用代码) of GB 32100-2015:
/// 18 characters from a 31-character alphabet, the last a check character.
public enum CreditCode {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public enum Verdict: Equatable {
        case valid
        case wrongLength(Int)
        case invalidCharacter(Character, position: Int)
        case wrongCheckCharacter(expected: Character)
    }

    public static func verify(_ code: String) -> Verdict {
        let chars = Array(code.uppercased())
        guard chars.count == 18 else { return .wrongLength(chars.count) }
        var values: [Int] = []
        for (i, c) in chars.enumerated() {
            guard let v = alphabet.firstIndex(of: c) else { return .invalidCharacter(c, position: i + 1) }
            values.append(v)
        }
        let expected = checkCharacter(values: Array(values.prefix(17)))
        return chars[17] == expected ? .valid : .wrongCheckCharacter(expected: expected)
    }

    /// C18 = 31 − (Σ Ci·Wi mod 31), where 31 maps to 0 (GB 32100-2015 §5).
    static func checkCharacter(values: [Int]) -> Character {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }
}
