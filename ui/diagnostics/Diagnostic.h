#pragma once

#include <QString>

namespace spikestudio {

/// One problem the checker found, located as core's ModelError locates it:
/// object and field, and for text fields the 1-based line and column (0 = none).
struct Diagnostic {
    QString object;
    QString field;
    int line = 0;
    int column = 0;
    QString problem; // the problem alone, shown under the field
    QString message; // location and problem, shown in the status bar
};

} // namespace spikestudio
