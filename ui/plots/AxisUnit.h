#pragma once

#include "units/Dimension.h"

#include <QString>

namespace spikestudio {

/// How a dimension reads best on an axis: volts in mV, amps in nA, siemens
/// in nS, anything else in SI.
struct AxisUnit {
    double factor = 1.0;
    QString label; // empty for dimensionless

    static AxisUnit of(const Dimension& dim) {
        const QString symbol = QString::fromStdString(dim.unitSymbol());
        if (symbol == "V")
            return {1e3, "mV"};
        if (symbol == "A")
            return {1e9, "nA"};
        if (symbol == "S")
            return {1e9, "nS"};
        return {1.0, dim.isDimensionless() ? QString() : symbol};
    }
};

} // namespace spikestudio
