import Foundation

/// Notices changes under folders by polling a fingerprint of every file's
/// path, size and modification time. Polling is portable and, for a few
/// thousand content files, cheap; editors save a file and see it within a
/// fraction of a second.
struct FileWatcher: Sendable {
    let directories: [URL]

    func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        let fm = FileManager.default
        for dir in directories {
            guard let walker = fm.enumerator(at: dir, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey],
                                             options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker {
                guard let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]),
                      values.isRegularFile == true else { continue }
                let stamp = values.contentModificationDate?.timeIntervalSince1970 ?? 0
                result[url.path] = "\(values.fileSize ?? 0):\(stamp)"
            }
        }
        return result
    }

    /// Calls `onChange` after a change has settled (two equal polls in a row),
    /// so a save that writes in several steps triggers one rebuild.
    func watch(every interval: Duration = .milliseconds(250), onChange: @Sendable () async -> Void) async {
        var last = fingerprint()
        var pending: [String: String]?
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = fingerprint()
            if let p = pending {
                if p == now {
                    pending = nil
                    last = now
                    await onChange()
                } else {
                    pending = now
                }
            } else if now != last {
                pending = now
            }
        }
    }
}
