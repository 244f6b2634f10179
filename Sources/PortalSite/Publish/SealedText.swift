import Foundation

/// A text file of records that says when it is incomplete or damaged: a
/// header line (kind and version, and the manifest it belongs to), the
/// records, and a last line `end<TAB>count<TAB>checksum` over the records.
/// A file cut anywhere, or edited, fails `open` as a whole: its records are
/// hints that a build must be able to trust, so any doubt drops them all.
enum SealedText {
    /// The text of a sealed file; records must not contain a newline.
    static func seal(header: String, records: [String]) -> String {
        var body = ""
        body.reserveCapacity(records.count * 64)
        for record in records { body += record; body += "\n" }
        return header + "\n" + body + "end\t\(records.count)\t\(checksum(body))\n"
    }

    /// The records, or nil when the header differs or the file is not whole.
    /// Each record is split at its tabs into fields (at most `fields`, the
    /// last one keeping any further tabs), as byte slices of `bytes`: a
    /// cache of 40 000 records is read without making a string per field.
    static func open(_ bytes: [UInt8], header: String) -> [[ArraySlice<UInt8>]]? {
        let newline = UInt8(ascii: "\n")
        guard bytes.last == newline, let headerEnd = bytes.firstIndex(of: newline),
              bytes[..<headerEnd].elementsEqual(header.utf8),
              let trailerStart = bytes[..<(bytes.count - 1)].lastIndex(of: newline).map({ $0 + 1 }),
              trailerStart > headerEnd else { return nil }
        let trailer = bytes[trailerStart..<(bytes.count - 1)].split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        let body = bytes[(headerEnd + 1)..<trailerStart]
        guard trailer.count == 3, trailer[0].elementsEqual("end".utf8),
              trailer[2].elementsEqual(checksum(body).utf8) else { return nil }
        var records: [[ArraySlice<UInt8>]] = []
        var start = body.startIndex
        for i in body.indices where body[i] == newline {
            records.append(body[start..<i].split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false))
            start = i + 1
        }
        guard Int(String(decoding: trailer[1], as: UTF8.self)) == records.count else { return nil }
        return records
    }

    /// A whole number written in `radix`, or nil.
    static func number(_ field: ArraySlice<UInt8>, radix: UInt64 = 10) -> UInt64? {
        guard !field.isEmpty, field.count <= 20 else { return nil }
        var n: UInt64 = 0
        for b in field {
            let digit: UInt64
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt64(b - UInt8(ascii: "a") + 10)
            default: return nil
            }
            let (times, o1) = n.multipliedReportingOverflow(by: radix)
            let (sum, o2) = times.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            n = sum
        }
        return n
    }

    /// The sealed text's own identity: the checksum its last line carries.
    static func identity(of sealed: String) -> String {
        String(sealed.dropLast().split(separator: "\t").last ?? "")
    }

    static func checksum(_ body: String) -> String {
        var body = body
        return body.withUTF8 { hex(Fingerprint.hash($0)) }
    }

    static func checksum(_ body: ArraySlice<UInt8>) -> String {
        body.withUnsafeBufferPointer { hex(Fingerprint.hash($0)) }
    }

    static func hex(_ n: UInt64) -> String {
        let hex = String(n, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Reads a whole file, or nil (missing, unreadable, not a regular file).
    static func read(_ path: String) -> [UInt8]? {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// Writes through a temporary file and a rename, so a reader sees the old
    /// file or the new one, never half of one. No fsync: on ext4 it waits for
    /// the whole site's writeback (half a second at 10 000 products), and a
    /// file lost to a power cut fails its seal and only costs a full render.
    static func writeAtomically(_ text: String, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        guard FileWriting.write(Array(text.utf8), to: temporary) else {
            unlink(temporary)
            throw Publisher.PublishError(description: "无法写入 (cannot write) \(temporary): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Publisher.PublishError(description: "无法写入 (cannot write) \(path): \(reason)")
        }
    }
}
