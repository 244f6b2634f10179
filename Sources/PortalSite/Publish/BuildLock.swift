import Foundation

/// One build at a time per output folder: an exclusive `flock` on a file in
/// `.huiqi-cache/`. The kernel drops the lock when the process ends, however
/// it ends, so a killed build never leaves the folder locked.
final class BuildLock: @unchecked Sendable {
    private var fd: Int32

    /// Takes the lock, or throws at once when another build holds it.
    init(path: String, output: String) throws {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw Publisher.PublishError(description: "无法创建锁文件 (cannot create the lock file) \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw Publisher.PublishError(description:
                "另一个 huiqi 构建正在写入 \(output)，请等它结束后再试 (another huiqi build is writing \(output); try again when it has finished)")
        }
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
