import Foundation

/// The processes of one process group, read from `/proc/PID/stat`, to check that a browser left
/// nothing behind: `kill(-group, 0)` alone would count zombies that this machine's init never reaps.
enum ProcessGroup {
    struct Member {
        var pid: Int32
        /// The `/proc` state letter: `R`, `S`, `D`, `Z` (a zombie) and so on.
        var state: Character
    }

    static func members(_ group: pid_t) -> [Member] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // After the command's closing parenthesis: state, ppid, pgrp, ...
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, let state = fields[0].first, Int32(fields[2]) == group else { return nil }
            return Member(pid: pid, state: state)
        }
    }
}
