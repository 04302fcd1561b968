#include "engine/ChildProcess.h"

#include "engine/CancelFlag.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace spikestudio {

namespace {

using Clock = std::chrono::steady_clock;

/// How often the flag is looked at when the system gave CancelFlag no descriptor.
constexpr int kCancelPollMilliseconds = 20;
/// How often a child that closed its output is asked whether it has exited.
constexpr int kExitPollMilliseconds = 2;

/// Reads what is available on `fd` without blocking, keeping at most `limit`
/// bytes in `output`; false at end of file. Returns after a bounded amount of
/// reading so that a program that never stops talking cannot starve the
/// checks for cancel and timeout.
bool drain(int fd, std::string& output, std::size_t limit) {
    char buffer[4096];
    for (int reads = 0; reads < 64; ++reads) {
        const ssize_t count = read(fd, buffer, sizeof buffer);
        if (count > 0) {
            const std::size_t room = limit - std::min(limit, output.size());
            output.append(buffer, std::min(room, static_cast<std::size_t>(count)));
            continue;
        }
        if (count < 0 && errno == EINTR)
            continue;
        return count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
    return true;
}

/// Milliseconds poll() may wait before the deadline, at most `cap`.
int millisecondsUntil(Clock::time_point deadline, int cap) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    return static_cast<int>(std::clamp<long long>(left.count(), 0, cap));
}

/// Starts the program in a new process group, its output into `output`.
pid_t spawn(const std::vector<std::string>& arguments, int output) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, output, STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                              POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&attributes, 0); // a group of its own, led by the child
    sigset_t signals;
    sigemptyset(&signals);
    posix_spawnattr_setsigmask(&attributes, &signals);
    sigaddset(&signals, SIGPIPE);
    posix_spawnattr_setsigdefault(&attributes, &signals);
    std::vector<char*> argv;
    for (const std::string& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    pid_t child = 0;
    const int spawned = posix_spawnp(&child, argv[0], &actions, &attributes, argv.data(), environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return spawned == 0 ? child : -1;
}

/// Waits for a child that has been killed or has exited.
int reap(pid_t child) {
    int status = 0;
    while (waitpid(child, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return status;
}

/// Watches a started child: its output, the cancel flag and the deadline.
class Supervision {
public:
    Supervision(pid_t child, int output, const ProcessLimits& limits)
        : child_(child), output_(output), limits_(limits),
          deadline_(limits.timeout ? Clock::now() + *limits.timeout : Clock::time_point::max()) {}

    /// Runs until the child has exited or been killed; fills in `result`.
    void run(ProcessResult& result) {
        int status = 0;
        while (!finished(status)) {
            if (limits_.cancel && limits_.cancel->requested()) {
                result.cancelled = true;
                break;
            }
            if (Clock::now() >= deadline_) {
                result.timedOut = true;
                break;
            }
            waitForNews();
            if (outputOpen_)
                outputOpen_ = drain(output_, result.output, limits_.maxOutput);
        }
        if (result.cancelled || result.timedOut) {
            // The leader is not reaped yet, so its group id cannot have been reused.
            kill(-child_, SIGKILL);
            status = reap(child_);
        }
        if (!result.cancelled && !result.timedOut && WIFEXITED(status))
            result.exitCode = WEXITSTATUS(status);
    }

private:
    /// True once the child has closed its output and exited (`status` then set).
    bool finished(int& status) const {
        if (outputOpen_)
            return false;
        const pid_t waited = waitpid(child_, &status, WNOHANG);
        if (waited < 0 && errno != EINTR) {
            status = -1; // not ours to wait for (SIGCHLD ignored): no exit code
            return true;
        }
        return waited == child_;
    }

    /// Sleeps until there is output, a cancel request, or time to look again.
    void waitForNews() const {
        pollfd watched[2];
        nfds_t count = 0;
        if (outputOpen_)
            watched[count++] = {output_, POLLIN, 0};
        const int wake = limits_.cancel ? limits_.cancel->wakeDescriptor() : -1;
        if (wake >= 0)
            watched[count++] = {wake, POLLIN, 0};
        int cap = outputOpen_ ? INT_MAX : kExitPollMilliseconds;
        if (limits_.cancel && wake < 0)
            cap = std::min(cap, kCancelPollMilliseconds);
        poll(watched, count, millisecondsUntil(deadline_, cap));
    }

    pid_t child_;
    int output_;
    const ProcessLimits& limits_;
    Clock::time_point deadline_;
    bool outputOpen_ = true;
};

} // namespace

ProcessResult runProcess(const std::vector<std::string>& arguments, const ProcessLimits& limits) {
    ProcessResult result;
    int pipeEnds[2];
    if (arguments.empty() || pipe2(pipeEnds, O_CLOEXEC) != 0)
        return result;
    const pid_t child = spawn(arguments, pipeEnds[1]);
    close(pipeEnds[1]);
    if (child < 0) {
        close(pipeEnds[0]);
        return result;
    }
    result.started = true;
    fcntl(pipeEnds[0], F_SETFL, O_NONBLOCK);
    Supervision(child, pipeEnds[0], limits).run(result);
    close(pipeEnds[0]);
    return result;
}

} // namespace spikestudio
