#include "storage/ProcessIdentity.h"

#include <fstream>
#include <iterator>
#include <signal.h>
#include <sstream>
#include <unistd.h>

namespace spikestudio {

namespace {

std::string bootId() {
    std::ifstream in("/proc/sys/kernel/random/boot_id");
    std::string id;
    std::getline(in, id);
    return id;
}

/// Field 3 (state) and field 22 (start time in clock ticks) of /proc/PID/stat;
/// empty when the process does not exist. Fields are counted after the
/// command name, which may itself hold spaces and parentheses.
struct ProcessStat {
    char state = 0;
    std::string startTime;
};

ProcessStat readStat(long pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t close = text.rfind(')');
    if (close == std::string::npos)
        return {};
    std::istringstream fields(text.substr(close + 1));
    ProcessStat stat;
    std::string field;
    for (int number = 3; fields >> field && number <= 22; ++number) {
        if (number == 3)
            stat.state = field.empty() ? 0 : field[0];
        if (number == 22)
            stat.startTime = field;
    }
    return stat;
}

} // namespace

std::string ProcessIdentity::current() {
    const long pid = static_cast<long>(getpid());
    return bootId() + "/" + std::to_string(pid) + "/" + readStat(pid).startTime;
}

bool ProcessIdentity::isAlive(const std::string& identity) {
    const size_t first = identity.find('/');
    const size_t second = identity.find('/', first + 1);
    if (first == std::string::npos || second == std::string::npos)
        return false;
    if (identity.substr(0, first) != bootId())
        return false; // another machine or an earlier boot
    long pid = 0;
    try {
        pid = std::stol(identity.substr(first + 1, second - first - 1));
    } catch (const std::exception&) {
        return false;
    }
    if (bootId().empty()) // no /proc (not Linux): ask the kernel, accepting pid reuse
        return kill(static_cast<pid_t>(pid), 0) == 0;
    const ProcessStat stat = readStat(pid);
    return !stat.startTime.empty() && stat.state != 'Z' && stat.state != 'X' &&
           stat.startTime == identity.substr(second + 1);
}

} // namespace spikestudio
