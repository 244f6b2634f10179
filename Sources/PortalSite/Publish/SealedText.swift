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
    static func open(_ bytes: [UInt8], header: String) -> [Substring]? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasSuffix("\n") else { return nil }
        var lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, lines.first == Substring(header) else { return nil }
        let trailer = lines.removeLast().split(separator: "\t")
        lines.removeFirst()
        guard trailer.count == 3, trailer[0] == "end", Int(trailer[1]) == lines.count else { return nil }
        var body = ""
        for line in lines { body += line; body += "\n" }
        guard trailer[2] == Substring(checksum(body)) else { return nil }
        return lines
    }

    /// The sealed text's own identity: the checksum its last line carries.
    static func identity(of sealed: String) -> String {
        String(sealed.dropLast().split(separator: "\t").last ?? "")
    }

    static func checksum(_ body: String) -> String {
        let hex = String(Fingerprint.hash(body), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Reads a whole file, or nil (missing, unreadable, not a regular file).
    static func read(_ path: String) -> [UInt8]? {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// Writes through a temporary file and a rename, so a reader sees the old
    /// file or the new one, never half of one.
    static func writeAtomically(_ text: String, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        guard FileWriting.write(Array(text.utf8), to: temporary, sync: true) else {
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
