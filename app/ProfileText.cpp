#include "ProfileText.h"

#include "diagnostics/PrintableText.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace spikestudio {

namespace {

/// A duration in the unit that keeps three or four digits: "41.3 ms", "2.17 us".
std::string duration(double seconds) {
    char text[40];
    if (seconds >= 1.0)
        std::snprintf(text, sizeof text, "%.3g s", seconds);
    else if (seconds >= 1e-3)
        std::snprintf(text, sizeof text, "%.3g ms", seconds * 1e3);
    else
        std::snprintf(text, sizeof text, "%.3g us", seconds * 1e6);
    return text;
}

std::string percentOf(double part, double whole) {
    char text[20];
    std::snprintf(text, sizeof text, "%.1f%%", whole > 0.0 ? 100.0 * part / whole : 0.0);
    return text;
}

} // namespace

void printProfile(const std::vector<Operation>& operations, double simulateSeconds,
                  std::ostream& out) {
    std::vector<const Operation*> ran;
    for (const Operation& operation : operations)
        if (operation.cost.calls > 0)
            ran.push_back(&operation);
    std::stable_sort(ran.begin(), ran.end(), [](const Operation* a, const Operation* b) {
        return a->cost.seconds > b->cost.seconds;
    });
    double inOperations = 0.0;
    for (const Operation* operation : ran) {
        const OperationCost& cost = operation->cost;
        inOperations += cost.seconds;
        out << "profile " << printable(operation->name) << " (" << printable(operation->owner)
            << "): " << duration(cost.seconds) << ", " << percentOf(cost.seconds, simulateSeconds)
            << ", " << cost.calls << " calls, " << duration(cost.seconds / double(cost.calls))
            << " per call\n";
    }
    const double rest = std::max(0.0, simulateSeconds - inOperations);
    out << "profile rest (scheduler, between steps, timing): " << duration(rest) << ", "
        << percentOf(rest, simulateSeconds) << "\n";
}

} // namespace spikestudio
