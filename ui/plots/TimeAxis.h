#pragma once

#include <QString>

class QCPAxis;
class QCPRange;

namespace spikestudio {

/// A time axis whose data is in seconds and whose ticks read in the unit
/// that suits the range shown: ms up to 2 s, s up to 20 min, then min and h,
/// so a long run reads "250 s", never "250000 ms". The label follows.
class TimeAxis {
public:
    struct Unit {
        double perSecond; // 1e3 for ms
        QString symbol;
    };

    /// The unit for a range of seconds.
    static Unit unitFor(const QCPRange& range);
    /// Gives `axis` the time ticker; when `labelled`, its label is
    /// "time [unit]" and follows the range.
    static void install(QCPAxis* axis, bool labelled);
};

} // namespace spikestudio
