/// The rows (or columns) of a symbol as bits, for scoring masks a word at a
/// time. Module i of a line is bit 64 + i of the line's words: a zero word
/// before and one after, so windows may reach past either end and
/// read light modules there, as the quiet zone is light. The padding words
/// always stay 0, so loops over content skip them.
struct BitLines: Sendable, Equatable {
    /// Lines, and modules per line: both the symbol's size.
    let count: Int
    let wordsPerLine: Int
    var words: [UInt64]

    static let padding = 64

    init(size: Int) {
        count = size
        wordsPerLine = Self.wordsPerLine(size: size)
        words = [UInt64](repeating: 0, count: size * wordsPerLine)
    }

    static func wordsPerLine(size: Int) -> Int { (size + 63) / 64 + 2 }

    mutating func set(line: Int, module: Int) {
        let bit = module + Self.padding
        words[line * wordsPerLine + bit >> 6] |= 1 << UInt64(bit & 63)
    }

    func isSet(line: Int, module: Int) -> Bool {
        let bit = module + Self.padding
        return words[line * wordsPerLine + bit >> 6] >> UInt64(bit & 63) & 1 != 0
    }

    /// A line from a predicate on module indices.
    mutating func setLine(_ line: Int, where isSet: (Int) -> Bool) {
        for module in 0..<count where isSet(module) { set(line: line, module: module) }
    }
}
