#pragma once

#include <csignal>
#include <sys/resource.h>

/// Limits the size of files this process writes (RLIMIT_FSIZE) while it
/// lives: a write past `bytes` fails with EFBIG, as a full disk would fail
/// it, without needing any privilege. SIGXFSZ is ignored meanwhile so the
/// failing write returns an error instead of ending the process.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &saved_);
        previousHandler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = saved_;
        limited.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limited);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, previousHandler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

    /// For a child process about to exec (QProcess::setChildProcessModifier).
    static void applyInChild(rlim_t bytes) {
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited{};
        ::getrlimit(RLIMIT_FSIZE, &limited);
        limited.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limited);
    }

private:
    rlimit saved_{};
    void (*previousHandler_)(int) = nullptr;
};
