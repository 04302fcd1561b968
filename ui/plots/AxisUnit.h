#pragma once

#include "units/Dimension.h"

#include <QString>

namespace spikestudio {

/// How values of one dimension read on an axis: the SI prefix that puts the
/// data's largest magnitude between 1 and 1000 (-65 mV, 120 pA, 15 nS), as
/// a factor to multiply SI values by and the label "mV". Dimensionless
/// values and units without a symbol to prefix stay in SI.
struct AxisUnit {
    double factor = 1.0;
    QString label; // empty for dimensionless

    /// The unit for data whose largest magnitude is `largest` (SI); 0 (no
    /// data yet) gives the usual unit of the dimension (mV, nA, nS).
    static AxisUnit forData(const Dimension& dim, double largest);

    /// "v [mV]", or "m" when dimensionless.
    QString axisLabel(const QString& name) const;
    bool operator==(const AxisUnit&) const = default;
};

} // namespace spikestudio
