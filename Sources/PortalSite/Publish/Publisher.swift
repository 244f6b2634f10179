import CFileSystem
import Foundation
import PortalModel

/// Publishes a site into an output folder so that, at every instant and
/// whatever kills the process, the folder is entirely the previous build or
/// entirely the new one, and only files a build wrote are ever removed.
///
/// The new tree is made in a staging folder in `.huiqi-cache/` beside the
/// output: files whose bytes are unchanged are hard links to the published
/// ones (same inode and modification time, so `rsync` moves only what
/// changed), the rest are written anew, and files in the output that no
/// build wrote (not in its `.huiqi-manifest`) are linked across as they are.
/// `commit` then swaps the two folders in one step (`renameat2` with
/// `RENAME_EXCHANGE`) and removes the old tree. A web server serving the
/// output sees the old site until that swap and the new one after it; a
/// file it has open stays readable.
///
/// The previous build's files are reused only when they are regular files
/// with the size and hash the manifest records; the inode and modification
/// time recorded beside the output (`FileStates`) say when that can be
/// trusted without reading the file again. Any doubt renders the route again.
public final class Publisher: OutputSink, @unchecked Sendable {
    public struct Report: Sendable {
        public let written: Int
        public let unchanged: Int
    }

    public struct PublishError: Error, CustomStringConvertible {
        public let description: String
    }

    /// What a build may do with the output folder.
    public struct Options: Sendable {
        /// Also write a `.gz` copy of each text file (for nginx `gzip_static`).
        public var gzip = false
        /// Take over a non-empty folder without a manifest, and replace files
        /// no build wrote where the new site has a file of the same path.
        public var force = false
        /// Folders the output must not be, contain or (but for the working
        /// folder) lie inside: the content, the theme, the project.
        public var protected: [(name: String, path: String, mayContainOutput: Bool)] = []

        public init(gzip: Bool = false, force: Bool = false) {
            self.gzip = gzip
            self.force = force
        }

        /// The content and theme folders and the working folder.
        public mutating func protect(content: URL, theme: URL) {
            protected = [("内容目录", content.path, false), ("主题目录", theme.path, false),
                         ("当前项目目录", FileManager.default.currentDirectoryPath, true)]
        }
    }

    public let output: URL
    let outputPath: String
    let staging: String
    let statesPath: String
    let options: Options
    private let lock = NSLock()
    private let buildLock: BuildLock
    /// The previous build's files, and what is trusted about them on disk.
    let previous: Manifest
    private let previousStates: FileStates
    /// Whether an output folder exists (else the staging folder becomes it).
    let updating: Bool
    /// A non-empty folder without a manifest, taken over with `--force`.
    let adopting: Bool
    private var directories: Set<String> = [""]
    private var entries: [String: Manifest.Entry] = [:]
    private var states = FileStates()
    private var written = 0, unchanged = 0
    private var finished = false
    /// The new manifest's identity, once `commit` has published it.
    public private(set) var manifestIdentity = ""

    public var previousManifestIdentity: String { previous.identity }

    public convenience init(output: URL, gzip: Bool = false) throws {
        try self.init(output: output, options: Options(gzip: gzip))
    }

    public init(output: URL, options: Options) throws {
        var clock = StageClock()
        defer { clock.lap("open the output (manifest, file states, leftovers)") }
        self.options = options
        try OutputGuard.check(output: output.path, protected: options.protected)
        // A symbolic link to the output folder is followed: the swap replaces
        // the folder it points to, not the link.
        let resolved = OutputGuard.canonical(output.path)
        self.output = URL(fileURLWithPath: resolved)
        outputPath = resolved
        let name = (resolved as NSString).lastPathComponent
        let cacheFolder = Self.cacheFolder(beside: self.output).path
        try FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
        buildLock = try BuildLock(path: cacheFolder + "/" + name + ".lock", output: output.path)
        Self.removeLeftovers(cacheFolder: cacheFolder, name: name)
        staging = cacheFolder + "/" + name + ".staging-\(getpid())"
        statesPath = cacheFolder + "/" + name + ".files"

        if let st = FileWriting.lstatus(resolved) {
            guard FileWriting.isDirectory(st) else {
                buildLock.release()
                throw PublishError(description: "输出路径 \(output.path) 已存在且不是目录 (exists and is not a folder)")
            }
            updating = true
            if let manifest = Manifest.read(folder: resolved) {
                previous = manifest
                adopting = false
            } else if (FileWriting.names(in: resolved) ?? ["?"]).isEmpty {
                previous = Manifest()
                adopting = false
            } else if options.force {
                previous = Manifest()
                adopting = true
            } else {
                buildLock.release()
                throw PublishError(description: """
                    输出目录 \(output.path) 不是空目录，也没有 huiqi 的文件清单 \(Manifest.fileName)，可能不是 huiqi 生成的；为免删除其中的文件，构建已停止。请换一个输出目录，或确认可以接管后加 --force（不会删除清单以外的文件，但同名文件会被替换）。
                    (the output folder is not empty and has no huiqi manifest; refusing to take it over. Choose another folder, or add --force: files huiqi did not write are kept, but those at paths the site writes are replaced.)
                    """)
            }
        } else {
            updating = false
            previous = Manifest()
            adopting = false
        }
        previousStates = FileStates.load(statesPath, manifest: previous.identity)
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            buildLock.release()
            throw PublishError(description: "无法创建暂存目录 (cannot create the staging folder) \(staging): \(error.localizedDescription)")
        }
    }

    /// Where a build keeps what belongs to an output folder but is not
    /// published: its lock, staging folder, route cache and file states.
    /// Beside the output, so staging is on the same file system (for links
    /// and the swap) and never inside the published tree.
    public static func cacheFolder(beside output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".huiqi-cache")
    }

    /// Staging folders of builds that were killed or failed (any process id):
    /// the lock is held, so none of them is in use.
    static func removeLeftovers(cacheFolder: String, name: String) {
        for entry in FileWriting.names(in: cacheFolder) ?? [] where entry.hasPrefix(name + ".staging-") {
            FileWriting.removeTree(cacheFolder + "/" + entry)
        }
        // Huiqi before the manifest staged beside the output.
        let parent = (cacheFolder as NSString).deletingLastPathComponent
        for entry in FileWriting.names(in: parent) ?? [] where entry.hasPrefix("." + name + ".staging-")
            && entry.dropFirst(name.count + 10).allSatisfy(\.isNumber) {
            FileWriting.removeTree(parent + "/" + entry)
        }
    }

    // MARK: Files from the render threads

    public func store(_ file: OutputFile) throws {
        guard OutputPath.safe(file.path) != nil, file.path != Manifest.fileName else {
            throw PublishError(description: "拒绝写出输出目录以外的路径 (refusing a path outside the output folder): \(file.path)")
        }
        try place(file.path, file.bytes)
        if options.gzip, Precompress.wantsCopy(file.path, size: file.bytes.count) {
            try place(file.path + ".gz", Precompress.gzip(file.bytes))
        }
    }

    /// Links the previous build's files at these paths into the new tree,
    /// if every one of them is still exactly what that build wrote.
    public func reuse(_ paths: [String]) -> Bool {
        guard updating else { return false }
        var all: [(String, Manifest.Entry, FileStates.State)] = []
        for path in paths {
            guard let found = trusted(path) else { return false }
            all.append((path, found.0, found.1))
            if options.gzip, Precompress.wantsCopy(path, size: found.0.size) {
                guard let gz = trusted(path + ".gz") else { return false }
                all.append((path + ".gz", gz.0, gz.1))
            }
        }
        for (path, entry, state) in all {
            guard (try? linkPrevious(path, entry, state)) != nil else { return false }
        }
        lock.withLock { unchanged += all.count }
        return true
    }

    public func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: staging + "/" + path).map { [UInt8]($0) }
    }

    public var report: Report {
        lock.lock(); defer { lock.unlock() }
        return Report(written: written, unchanged: unchanged)
    }

    // MARK: Publishing

    /// Publishes the staged tree. `paths` are all files of the new site; every
    /// one must have been stored or reused.
    public func commit(paths: [String]) throws {
        var clock = StageClock()
        defer { clock.lap("commit") }
        do {
            try publish(paths: paths)
        } catch {
            discard()
            throw error
        }
    }

    private func publish(paths: [String]) throws {
        var clock = StageClock()
        var expected = Set(paths)
        if options.gzip {
            for p in paths {
                if let e = entries[p], Precompress.wantsCopy(p, size: e.size) { expected.insert(p + ".gz") }
            }
        }
        let made = lock.withLock { entries }
        guard expected == Set(made.keys) else {
            let missing = expected.subtracting(made.keys).sorted().prefix(5)
            throw PublishError(description: "内部错误：暂存目录缺少文件 (internal error: staged files missing) \(missing.joined(separator: ", "))")
        }
        clock.lap("  check staged files")
        if updating { try carryForeignFiles(keep: expected) }
        clock.lap("  carry foreign files")
        let manifest = Manifest(entries: made)
        guard FileWriting.write(Array(manifest.text.utf8), to: staging + "/" + Manifest.fileName) else {
            throw PublishError(description: "无法写入 (cannot write) \(staging)/\(Manifest.fileName): \(String(cString: strerror(errno)))")
        }
        if updating {
            if let st = FileWriting.lstatus(outputPath) { chmod(staging, st.st_mode & 0o7777) }
            guard huiqi_exchange(staging, outputPath) == 0 else {
                throw PublishError(description: "无法切换到新构建 (cannot swap in the new build) \(outputPath): \(String(cString: strerror(errno)))")
            }
            clock.lap("  manifest and swap")
            // The staging name now holds the previous tree: files the previous
            // build wrote, and links to files it did not (still in the new tree).
            FileWriting.removeTreeInParallel(staging)
            clock.lap("  remove the previous tree")
        } else {
            guard huiqi_rename_noreplace(staging, outputPath) == 0 else {
                throw PublishError(description: "无法放置新构建 (cannot put the new build in place) \(outputPath): \(String(cString: strerror(errno)))")
            }
        }
        manifestIdentity = manifest.identity
        finished = true
        let recorded = lock.withLock { states }
        do {
            try recorded.save(to: statesPath, manifest: manifest.identity)
            clock.lap("  file states")
        } catch {
            // The site is published; the next build only reads its files once more.
            unlink(statesPath)
            FileHandle.standardError.write(Data("huiqi: 警告 (warning): \(error)\n".utf8))
        }
    }

    /// Links into the new tree every file of the output that no build wrote,
    /// so that swapping the trees loses none of them. One where the new site
    /// has a file of the same path is replaced only with `--force`.
    private func carryForeignFiles(keep: Set<String>) throws {
        var conflicts: [String] = []
        let staged = lock.withLock { (files: entries, folders: directories) }
        func walk(_ directory: String) throws {
            let full = directory.isEmpty ? outputPath : outputPath + "/" + directory
            guard let names = FileWriting.entries(in: full) else {
                throw PublishError(description: "无法读取目录 (cannot read folder) \(full)")
            }
            for (name, isFolder) in names {
                let path = directory.isEmpty ? name : directory + "/" + name
                if path == Manifest.fileName { continue }
                if isFolder {
                    if staged.files[path] != nil {
                        // A folder where the new site has a file: only what no build wrote stops it.
                        if adopting || options.force || !containsForeign(path) { continue }
                        conflicts.append(path + "/"); continue
                    }
                    if staged.folders.contains(path) { try walk(path); continue }
                    if !adopting, !containsForeign(path) { continue }
                    try makeFolders(path)
                    if let st = FileWriting.lstatus(full + "/" + name) { chmod(staging + "/" + path, st.st_mode & 0o7777) }
                    try walk(path)
                } else if previous.entries[path] != nil || (adopting && keep.contains(path)) {
                    continue   // written by a build: kept only if the new site has it
                } else if staged.files[path] != nil || staged.folders.contains(path) {
                    if options.force { continue }
                    conflicts.append(path)
                } else {
                    try makeFolders(directory)
                    guard link(full + "/" + name, staging + "/" + path) == 0 else {
                        throw PublishError(description: "无法保留不是 huiqi 写的文件 (cannot keep a file huiqi did not write) \(full)/\(name): \(String(cString: strerror(errno)))")
                    }
                }
            }
        }
        try walk("")
        if !conflicts.isEmpty {
            conflicts.sort()
            throw PublishError(description: """
                输出目录里有 \(conflicts.count) 个不是 huiqi 写的文件，与新网站的文件同名，构建已停止以免覆盖：\(conflicts.prefix(10).joined(separator: "、"))。请移走它们，或加 --force 替换。
                (\(conflicts.count) files in the output that huiqi did not write have paths the new site writes; move them away or add --force to replace them.)
                """)
        }
    }

    /// Whether a folder of the output holds anything the previous build did
    /// not write (an empty folder counts: builds make none).
    private func containsForeign(_ directory: String) -> Bool {
        guard let names = FileWriting.entries(in: outputPath + "/" + directory) else { return true }
        if names.isEmpty { return true }
        for (name, isFolder) in names {
            let path = directory + "/" + name
            if isFolder ? containsForeign(path) : previous.entries[path] == nil { return true }
        }
        return false
    }

    /// Removes the staging folder (the output folder is untouched) and lets
    /// the next build in. Safe to call more than once.
    public func discard() {
        if !finished { FileWriting.removeTree(staging) }
        finished = true
        buildLock.release()
    }

    /// Lets the next build in, once the caller has saved what goes with this build.
    public func close() { discard() }

    // MARK: One file

    /// Links `path` from the previous output when its bytes are the same, else writes it.
    private func place(_ path: String, _ bytes: [UInt8]) throws {
        let hash = bytes.withUnsafeBufferPointer { Fingerprint.hash($0) }
        let entry = Manifest.Entry(size: bytes.count, hash: hash)
        if updating, let old = previous.entries[path] ?? (adopting ? entry : nil), old == entry {
            let current = outputPath + "/" + path
            if let st = FileWriting.lstatus(current), FileWriting.isRegular(st), Int(st.st_size) == entry.size,
               previousStates.states[path] == FileStates.State(st) || FileWriting.sameBytes(current, bytes),
               (try? linkPrevious(path, entry, FileStates.State(st))) != nil {
                lock.withLock { unchanged += 1 }
                return
            }
        }
        try makeParent(of: path)
        let target = staging + "/" + path
        guard FileWriting.write(bytes, to: target), let st = FileWriting.lstatus(target) else {
            throw PublishError(description: "无法写入 (cannot write) \(target): \(String(cString: strerror(errno)))")
        }
        lock.withLock {
            entries[path] = entry
            states.states[path] = FileStates.State(st)
            written += 1
        }
    }

    /// The previous build's file at `path`, if it is still what the manifest says.
    private func trusted(_ path: String) -> (Manifest.Entry, FileStates.State)? {
        guard let entry = previous.entries[path], let recorded = previousStates.states[path],
              let st = FileWriting.lstatus(outputPath + "/" + path), FileWriting.isRegular(st),
              FileStates.State(st) == recorded, recorded.size == entry.size else { return nil }
        return (entry, recorded)
    }

    private func linkPrevious(_ path: String, _ entry: Manifest.Entry, _ state: FileStates.State) throws {
        try makeParent(of: path)
        let target = staging + "/" + path
        let source = outputPath + "/" + path
        var linked = link(source, target) == 0
        // Something is there only for a route rendered after a reuse that failed half-way.
        if !linked && errno == EEXIST { unlink(target); linked = link(source, target) == 0 }
        guard linked else {
            throw PublishError(description: "无法链接 (cannot link) \(target): \(String(cString: strerror(errno)))")
        }
        lock.withLock {
            entries[path] = entry
            states.states[path] = state
        }
    }

    private func makeParent(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        try makeFolders(String(path[..<slash]))
    }

    /// Creates a folder and those above it in the staging folder, each once.
    private func makeFolders(_ dir: String) throws {
        if dir.isEmpty || lock.withLock({ directories.contains(dir) }) { return }
        if let slash = dir.lastIndex(of: "/") { try makeFolders(String(dir[..<slash])) }
        let full = staging + "/" + dir
        if mkdir(full, 0o777) != 0 && errno != EEXIST {
            throw PublishError(description: "无法创建目录 (cannot create folder) \(full): \(String(cString: strerror(errno)))")
        }
        lock.withLock { _ = directories.insert(dir) }
    }
}
