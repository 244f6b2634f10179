import Foundation

/// The list of files a build wrote into the output folder, kept in that
/// folder as `.huiqi-manifest` and swapped in with it. It is what makes a
/// folder Huiqi's: a later build removes only files listed here, and a
/// non-empty folder without one is not taken over unless asked (`--force`).
/// Sorted, and made only of paths, sizes and content hashes, so the same
/// site always has the same manifest.
struct Manifest: Sendable {
    struct Entry: Sendable, Equatable {
        let size: Int
        let hash: UInt64
    }

    static let fileName = ".huiqi-manifest"
    static let header = "huiqi manifest 1"

    private(set) var entries: [String: Entry] = [:]
    /// The checksum of the sealed text; empty for a manifest never written.
    private(set) var identity = ""

    init() {}

    init(entries: [String: Entry]) {
        self.entries = entries
        identity = SealedText.identity(of: text)
    }

    var text: String {
        var records: [String] = []
        records.reserveCapacity(entries.count)
        for path in entries.keys.sorted() {
            let e = entries[path]!
            records.append(SealedText.hex(e.hash) + "\t" + String(e.size) + "\t" + path)
        }
        return SealedText.seal(header: Self.header, records: records)
    }

    /// The manifest of an output folder, or nil when it has none or it is damaged.
    static func read(folder: String) -> Manifest? {
        guard let bytes = SealedText.read(folder + "/" + fileName),
              let records = SealedText.open(bytes, header: header) else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(records.count)
        for fields in records {
            guard fields.count == 3, let hash = SealedText.number(fields[0], radix: 16),
                  let size = SealedText.number(fields[1]), size <= UInt64(Int.max),
                  let path = OutputPath.safe(fields[2]) else { return nil }
            entries[path] = Entry(size: Int(size), hash: hash)
        }
        var manifest = Manifest()
        manifest.entries = entries
        manifest.identity = SealedText.identity(of: String(decoding: bytes, as: UTF8.self))
        return manifest
    }
}

/// How a published file looked on disk when a build wrote or linked it:
/// kept beside the output (`.huiqi-cache/<folder>.files`) so that the next
/// build can trust a file whose inode, size and change time are the same
/// without reading it again (as git's index does). Belongs to one manifest.
struct FileStates: Sendable {
    struct State: Sendable, Equatable {
        let inode: UInt64
        let size: Int
        let mtimeSeconds: Int
        let mtimeNanoseconds: Int

        init(_ st: stat) {
            inode = UInt64(st.st_ino)
            size = Int(st.st_size)
            mtimeSeconds = Int(st.st_mtim.tv_sec)
            mtimeNanoseconds = Int(st.st_mtim.tv_nsec)
        }

        init(inode: UInt64, size: Int, mtimeSeconds: Int, mtimeNanoseconds: Int) {
            self.inode = inode
            self.size = size
            self.mtimeSeconds = mtimeSeconds
            self.mtimeNanoseconds = mtimeNanoseconds
        }
    }

    static func header(_ manifest: String) -> String { "huiqi file states 1\t" + manifest }

    var states: [String: State] = [:]

    func save(to path: String, manifest: String) throws {
        let records = states.keys.sorted().map { p -> String in
            let s = states[p]!
            return "\(s.inode)\t\(s.size)\t\(s.mtimeSeconds).\(s.mtimeNanoseconds)\t\(p)"
        }
        try SealedText.writeAtomically(SealedText.seal(header: Self.header(manifest), records: records), to: path)
    }

    /// The states recorded for this manifest; none when the file belongs to another or is damaged.
    static func load(_ path: String, manifest: String) -> FileStates {
        guard !manifest.isEmpty, let bytes = SealedText.read(path),
              let records = SealedText.open(bytes, header: header(manifest)) else { return FileStates() }
        var result = FileStates()
        result.states.reserveCapacity(records.count)
        for f in records {
            let time = f.count == 4 ? f[2].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) : []
            guard f.count == 4, let inode = SealedText.number(f[0]), let size = SealedText.number(f[1]),
                  time.count == 2, let s = SealedText.number(time[0]), let ns = SealedText.number(time[1]),
                  size <= UInt64(Int.max), s <= UInt64(Int.max), ns < 1_000_000_000,
                  let path = OutputPath.safe(f[3]) else { return FileStates() }
            result.states[path] = State(inode: inode, size: Int(size), mtimeSeconds: Int(s), mtimeNanoseconds: Int(ns))
        }
        return result
    }
}

/// Paths inside the output folder.
enum OutputPath {
    /// A path made only of plain segments: no `..`, no absolute path, no
    /// empty segment, and none of the characters the manifest and caches
    /// separate records with (tab, newline) or C strings end at (NUL).
    static func safe(_ path: String) -> String? {
        var path = path
        return path.withUTF8 { isSafe(UnsafeBufferPointer(rebasing: $0[...])) } ? path : nil
    }

    /// The same for a path read from a cache file, as a string if it is safe.
    static func safe(_ bytes: ArraySlice<UInt8>) -> String? {
        bytes.withUnsafeBufferPointer { isSafe($0) } ? String(decoding: bytes, as: UTF8.self) : nil
    }

    private static func isSafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        var segmentStart = 0
        for i in 0...bytes.count {
            if i < bytes.count {
                let b = bytes[i]
                if b == 0 || b == 9 || b == 10 || b == 13 { return false }
                if b != UInt8(ascii: "/") { continue }
            }
            // A segment ends: it must not be empty, "." or "..".
            let length = i - segmentStart
            if length == 0 { return false }
            if bytes[segmentStart] == UInt8(ascii: "."), length == 1 || (length == 2 && bytes[segmentStart + 1] == UInt8(ascii: ".")) {
                return false
            }
            segmentStart = i + 1
        }
        return true
    }
}
