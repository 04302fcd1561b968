#include "runtime/Scheduler.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>

namespace spikestudio {

Clock& Scheduler::clockFor(double dt) {
    for (auto& clock : clocks_)
        if (clock.get() != defaultClock_ && clock->dt() == dt)
            return *clock;
    clocks_.push_back(std::make_unique<Clock>(dt));
    return *clocks_.back();
}

Clock& Scheduler::defaultClock(double dt) {
    if (!defaultClock_) {
        clocks_.push_back(std::make_unique<Clock>(dt));
        defaultClock_ = clocks_.back().get();
    }
    return *defaultClock_;
}

void Scheduler::add(Operation operation) {
    operations_.push_back(std::move(operation));
    sorted_ = false;
}

void Scheduler::setActive(const std::string& owner, bool active) {
    for (Operation& operation : operations_)
        if (operation.owner == owner)
            operation.active = active;
}

bool Scheduler::isActive(const std::string& owner) const {
    return std::any_of(operations_.begin(), operations_.end(), [&](const Operation& operation) {
        return operation.owner == owner && operation.active;
    });
}

void Scheduler::sortOperations() {
    std::stable_sort(
        operations_.begin(), operations_.end(), [](const Operation& a, const Operation& b) {
            return std::tie(a.slot, a.order, a.name) < std::tie(b.slot, b.order, b.name);
        });
    sorted_ = true;
}

std::vector<Operation>::iterator Scheduler::named(const std::string& name) {
    if (!sorted_)
        sortOperations();
    return std::find_if(operations_.begin(), operations_.end(),
                        [&](const Operation& operation) { return operation.name == name; });
}

bool Scheduler::mayJoin(const std::string& first, const std::string& second,
                        const std::function<bool(const Operation&)>& mayCross) {
    const auto from = named(first), to = named(second);
    if (from == operations_.end() || to == operations_.end() || to <= from ||
        from->clock != to->clock || from->owner != to->owner)
        return false;
    return std::all_of(from + 1, to, mayCross);
}

void Scheduler::join(const std::string& first, const std::string& second,
                     std::function<void()> run) {
    const auto from = named(first), to = named(second);
    if (from == operations_.end() || to == operations_.end() || to <= from)
        throw std::logic_error("joining operations that do not run in this order");
    // '+' sorts before every character of a generated name: the place stays.
    from->name = first + "+" + second;
    from->run = std::move(run);
    operations_.erase(to);
}

double Scheduler::time() const {
    double earliest = std::numeric_limits<double>::infinity();
    for (const auto& clock : clocks_)
        earliest = std::min(earliest, clock->t());
    return clocks_.empty() ? 0.0 : earliest;
}

void Scheduler::runTimed(Operation& operation) {
    using Stopwatch = std::chrono::steady_clock;
    const Stopwatch::time_point start = Stopwatch::now();
    operation.run();
    operation.cost.seconds += std::chrono::duration<double>(Stopwatch::now() - start).count();
    ++operation.cost.calls;
}

long long Scheduler::run(double duration, const std::function<bool()>& keepGoing) {
    if (!sorted_)
        sortOperations();
    const double start = runsEndAt_;
    const double end = start + duration;
    for (auto& clock : clocks_)
        clock->scheduleRun(start, end);
    std::vector<Clock*> current;
    long long rounds = 0;
    while (true) {
        // Clocks due now: the running ones whose t is minimal, within 1e-4 of
        // the smaller dt of the two (Brian2's Network._nextclocks): a 10 ms
        // clock is not due 1e-6 s early, five steps of a 0.2 us one.
        double earliest = std::numeric_limits<double>::infinity();
        double earliestDt = std::numeric_limits<double>::infinity();
        for (auto& clock : clocks_) {
            if (!clock->running())
                continue;
            if (clock->t() < earliest)
                earliestDt = clock->dt();
            else if (clock->t() == earliest)
                earliestDt = std::min(earliestDt, clock->dt());
            earliest = std::min(earliest, clock->t());
        }
        if (std::isinf(earliest)) {
            runsEndAt_ = end;
            return rounds;
        }
        if (keepGoing && !keepGoing()) {
            runsEndAt_ = earliest; // Brian2: the time of the clock due next
            return rounds;
        }
        current.clear();
        for (auto& clock : clocks_)
            if (clock->running() &&
                (clock->t() == earliest ||
                 clock->t() - earliest < 1e-4 * std::min(earliestDt, clock->dt())))
                current.push_back(clock.get());
        for (Operation& operation : operations_) {
            if (!operation.active ||
                std::find(current.begin(), current.end(), operation.clock) == current.end())
                continue;
            if (profiling_)
                runTimed(operation);
            else
                operation.run();
        }
        for (Clock* clock : current)
            clock->tick();
        ++rounds;
    }
}

} // namespace spikestudio
